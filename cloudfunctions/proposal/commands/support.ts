import { AppError, isOpenAt, supportRefusal, type ProposalIdInput, type SupportOutput } from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import type { Ctx } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import { findProposal, loadProposal, offlineKeyOf } from '../load';
import { supportId, type ProposalDoc } from '../model';
import {
  auditSupport,
  countOrLeave,
  findSupport,
  newSupportKey,
  withdrawSupport,
  type StoredSupport,
} from '../supportCounting';

/**
 * 附议: once per person — the support's id is `${proposalId}_${openid}`, so a repeat (also concurrent)
 * stores nothing more — and counted exactly once (supportCounting.ts: insert, then one conditional
 * `_.inc` that marks it). The reply holds the counts read after the support is counted, whoever
 * counted it: a repeat counts it too (a no-op when it is counted) before it reads.
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
    const already = await findSupport(ctx.db, sid);
    if (already) return repeated(ctx, p, already);
    throw new AppError(
      refusal.code,
      refusal.message,
      refusal.code === 'INVALID_INPUT' ? [{ path: 'proposalId', message: refusal.message }] : undefined,
    );
  }
  const s: StoredSupport = {
    _id: sid,
    proposalId: p._id,
    openid: ctx.openid,
    name: user.name,
    createdAt: ctx.now,
    k: newSupportKey(),
  };
  try {
    await ctx.db.collection('supports').add({ data: s });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const stored = await findSupport(ctx.db, sid);
    return stored ? repeated(ctx, p, stored) : state((await findProposal(ctx, p._id)) ?? p, false);
  }
  await Promise.all([countOrLeave(ctx.db, s, ctx.now), auditSupport(ctx.db, s, user.name)]);
  return state(await loadProposal(ctx, p._id), true);
}

/** A repeat: the support is stored; it is counted (if the first request has not yet) before the read. */
async function repeated(ctx: Ctx, p: ProposalDoc, stored: StoredSupport): Promise<SupportOutput> {
  await countOrLeave(ctx.db, stored, ctx.now);
  return state((await findProposal(ctx, p._id)) ?? p, true);
}

/** 撤回附议: idempotent; only the call that removes the support counts it down, in the same transaction. */
export async function unsupport(ctx: Ctx, input: ProposalIdInput): Promise<SupportOutput> {
  const p = await loadProposal(ctx, input.proposalId);
  await withdrawSupport(ctx, supportId(p._id, ctx.openid));
  return state(await loadProposal(ctx, p._id), false);
}

function state(p: ProposalDoc, supportedByMe: boolean): SupportOutput {
  return { proposalId: p._id, supportedByMe, supportCount: p.supportCount, backerCount: p.backerCount };
}
