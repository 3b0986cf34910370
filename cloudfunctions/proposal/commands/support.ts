import {
  AppError,
  isOpenAt,
  supported,
  supportRefusal,
  type ProposalIdInput,
  type SupportOutput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import { changeCredit, recount } from '../credits';
import { findProposal, loadProposal, offlineKeyOf } from '../load';
import { supportId, type ProposalDoc } from '../model';

/**
 * 附议: once per person — the support's id is `${proposalId}_${openid}`, so a repeat (also concurrent)
 * stores nothing more and counts nothing more.
 */
export async function support(ctx: Ctx, input: ProposalIdInput): Promise<SupportOutput> {
  const user = await ctx.profile();
  const p = await loadProposal(ctx, input.proposalId);
  const sid = supportId(p._id, ctx.openid);
  const own = p.authorKey === ctx.openid || p.authorKey === offlineKeyOf(user);
  const winRes = await ctx.db.collection('collectWindows').where({ _id: p.windowId }).limit(1).get();
  const window = winRes.data[0] as WindowDoc | undefined;
  const refusal = supportRefusal(
    { ...p, author: own ? ctx.openid : p.authorKey },
    ctx.openid,
    window ? isOpenAt(window, ctx.now) : false,
  );
  if (refusal) {
    // Supporting again what one already supports is no error, whatever happened since.
    const already = await ctx.db.collection('supports').where({ _id: sid }).limit(1).get();
    if (already.data.length > 0) return state(p, true);
    throw new AppError(
      refusal.code,
      refusal.message,
      refusal.code === 'INVALID_INPUT' ? [{ path: 'proposalId', message: refusal.message }] : undefined,
    );
  }
  try {
    await ctx.db.collection('supports').add({
      data: { _id: sid, proposalId: p._id, openid: ctx.openid, name: user.name, createdAt: ctx.now },
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    return state((await findProposal(ctx, p._id)) ?? p, true);
  }
  const _ = ctx.db.command;
  const delta = p.mergedFrom.length > 0 ? await changeCredit(ctx, p._id, ctx.openid, [supported(p._id)], []) : 1;
  // The count and its audit entry commit together (the support itself is the unique-key insert above).
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t
      .collection('proposals')
      .doc(p._id)
      .update({ data: { supportCount: _.inc(1), backerCount: _.inc(delta), updatedAt: ctx.now } });
    await audit(ctx, t, [{ action: 'support', targetType: 'proposal', targetId: p._id, from: null, to: null }]);
  });
  return settle(ctx, p._id, true);
}

/** 撤回附议: idempotent; only the call that removed the support counts it down. */
export async function unsupport(ctx: Ctx, input: ProposalIdInput): Promise<SupportOutput> {
  const p = await loadProposal(ctx, input.proposalId);
  const removed = await ctx.db.collection('supports').doc(supportId(p._id, ctx.openid)).remove();
  if (!removed.stats?.removed) return state((await findProposal(ctx, p._id)) ?? p, false);
  const _ = ctx.db.command;
  const reason = supported(p._id);
  const entry = { action: 'unsupport', targetType: 'proposal', targetId: p._id, from: null, to: null };
  if (p.status === 'merged' && p.mergedInto) {
    const keptId = p.mergedInto._id;
    const delta = await changeCredit(ctx, keptId, ctx.openid, [], [reason]);
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      await t
        .collection('proposals')
        .doc(p._id)
        .update({ data: { supportCount: _.inc(-1), updatedAt: ctx.now } });
      await t
        .collection('proposals')
        .doc(keptId)
        .update({ data: { backerCount: _.inc(delta), updatedAt: ctx.now } });
      await audit(ctx, t, [entry]);
    });
  } else {
    const delta = p.mergedFrom.length > 0 ? await changeCredit(ctx, p._id, ctx.openid, [], [reason]) : -1;
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      await t
        .collection('proposals')
        .doc(p._id)
        .update({ data: { supportCount: _.inc(-1), backerCount: _.inc(delta), updatedAt: ctx.now } });
      await audit(ctx, t, [entry]);
    });
  }
  return settle(ctx, p._id, false);
}

/**
 * The state after a change. A merge may have run between reading the proposal and counting the support
 * (the support then counted on a proposal that is no longer kept): the kept one is recounted.
 */
async function settle(ctx: Ctx, id: string, supportedByMe: boolean): Promise<SupportOutput> {
  let fresh = await loadProposal(ctx, id);
  if (fresh.status === 'merged' && fresh.mergedInto && fresh.backerCount !== 0) {
    await Promise.all([recount(ctx, fresh._id), recount(ctx, fresh.mergedInto._id)]);
    fresh = await loadProposal(ctx, id);
  }
  return state(fresh, supportedByMe);
}

function state(p: ProposalDoc, supportedByMe: boolean): SupportOutput {
  return { proposalId: p._id, supportedByMe, supportCount: p.supportCount, backerCount: p.backerCount };
}
