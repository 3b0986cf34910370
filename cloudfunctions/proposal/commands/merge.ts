import {
  AppError,
  mergeRefusal,
  proposalStatusMeta,
  type FieldError,
  type MergeInput,
  type MergeOutput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { notify } from '../../common/notify';
import { authorizeOrg } from '../../common/scope';
import { recount } from '../credits';
import { loadMany, loadProposal, present } from '../load';
import type { ProposalDoc } from '../model';

const facts = (d: ProposalDoc) => ({ ...d, mergedFrom: d.mergedFrom.map((m) => m._id) });

/**
 * 合并: duplicates go into one kept proposal. Each merged proposal points to the kept one (status
 * `merged`, the status it had kept for an undo); the kept one lists them; every author and supporter of
 * the cluster is credited to the kept one once (credits.ts). Audit-logged per proposal; the authors of
 * the merged proposals are told. Merging one already merged into the same kept proposal changes nothing.
 */
export async function merge(ctx: Ctx, input: MergeInput): Promise<MergeOutput> {
  const user = await ctx.profile();
  const keep = await loadProposal(ctx, input.keepId, 'keepId');
  await ctx.authorize(keep, `《${keep.title}》`);
  const ids = [...new Set(input.mergeIds)];
  const found = await loadMany(ctx, ids);
  const missing: FieldError[] = ids.flatMap((id) =>
    found.has(id) ? [] : [{ path: `mergeIds.${input.mergeIds.indexOf(id)}`, message: '建议不存在' }],
  );
  if (missing.length) throw new AppError('INVALID_INPUT', '找不到要合并的建议', missing);
  const toMerge: ProposalDoc[] = [];
  for (const id of ids) {
    const m = found.get(id)!;
    if (m.mergedInto?._id === keep._id) continue;
    const path = `mergeIds.${input.mergeIds.indexOf(id)}`;
    await authorizeOrg(ctx, m, { field: path, what: `《${m.title}》` });
    const refusal = mergeRefusal(facts(keep), facts(m), user.orgId);
    if (refusal) {
      const field = { path, message: refusal };
      throw new AppError(m._id === keep._id ? 'INVALID_INPUT' : 'CONFLICT', refusal, [field]);
    }
    toMerge.push(m);
  }
  if (toMerge.length === 0) return { kept: (await present(ctx, [keep]))[0], merged: [] };

  const note = input.note ?? null;
  // The kept proposal first: it must still be open, and lists what it takes in.
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('proposals').doc(keep._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current || !proposalStatusMeta[current.status].open) {
      throw new AppError('CONFLICT', `《${keep.title}》刚刚被处理过，请刷新后再合并`);
    }
    await ref.update({
      data: {
        mergedFrom: [...(current.mergedFrom ?? []), ...toMerge.map((m) => ({ _id: m._id, title: m.title }))],
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      {
        action: 'merge',
        targetType: 'proposal',
        targetId: keep._id,
        from: keep.status,
        to: keep.status,
        note: `合并了 ${toMerge.length} 条建议：${toMerge.map((m) => `《${m.title}》`).join('、')}${note ? `；${note}` : ''}`,
      },
    ]);
  });
  const done: ProposalDoc[] = [];
  try {
    for (const m of toMerge) {
      await ctx.db.runTransaction(async (t: Ctx['db']) => {
        const _ = ctx.db.command;
        const ref = t.collection('proposals').doc(m._id);
        const current = (await ref.get()).data as ProposalDoc | null;
        if (!current || !proposalStatusMeta[current.status].open || current.mergedInto) {
          throw new AppError('CONFLICT', `《${m.title}》刚刚被处理过，请刷新后再合并`);
        }
        await ref.update({
          data: {
            status: 'merged',
            statusBeforeMerge: current.status,
            mergedInto: _.set({ _id: keep._id, title: keep.title }),
            backerCount: 0,
            updatedAt: ctx.now,
          },
        });
        await audit(ctx, t, [
          {
            action: 'merge',
            targetType: 'proposal',
            targetId: m._id,
            from: current.status,
            to: 'merged',
            note: `合并到《${keep.title}》${note ? `：${note}` : ''}`,
          },
        ]);
      });
      done.push(m);
    }
  } catch (e) {
    await undoPartial(ctx, keep, toMerge, done);
    throw e;
  }
  await recount(ctx, keep._id);
  await notifyAuthors(ctx, toMerge, (m) => ({
    kind: 'proposalMerged',
    title: '您的建议已与相同的建议合并',
    body: `您的建议《${m.title}》与《${keep.title}》内容相近，已合并到一起办理，您和附议的职工都会计入。`,
    proposalId: m._id,
    projectId: null,
  }));
  const kept = await loadProposal(ctx, keep._id);
  return { kept: (await present(ctx, [kept]))[0], merged: toMerge.map((m) => m._id) };
}

/** A merge that failed part-way puts back what it changed, each step with its audit entry. */
async function undoPartial(ctx: Ctx, keep: ProposalDoc, all: ProposalDoc[], done: ProposalDoc[]): Promise<void> {
  const note = '合并未完成，已复原';
  for (const m of done) {
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      await t
        .collection('proposals')
        .doc(m._id)
        .update({
          data: { status: m.status, statusBeforeMerge: null, mergedInto: null, backerCount: m.backerCount },
        });
      await audit(ctx, t, [
        { action: 'unmerge', targetType: 'proposal', targetId: m._id, from: 'merged', to: m.status, note },
      ]);
    });
  }
  const ids = new Set(all.map((m) => m._id));
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const ref = t.collection('proposals').doc(keep._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current) return;
    await ref.update({ data: { mergedFrom: _.set((current.mergedFrom ?? []).filter((m) => !ids.has(m._id))) } });
    await audit(ctx, t, [
      { action: 'unmerge', targetType: 'proposal', targetId: keep._id, from: keep.status, to: keep.status, note },
    ]);
  });
}

/** The authors of the given proposals: online ones by OPENID, offline ones by matching profile. */
export async function notifyAuthors(
  ctx: Ctx,
  docs: readonly ProposalDoc[],
  notice: (d: ProposalDoc) => Parameters<typeof notify>[2],
  subscribe?: (d: ProposalDoc) => Parameters<typeof notify>[3],
): Promise<number> {
  let told = 0;
  for (const d of docs) {
    const recipients = d.authorOpenid ? [d.authorOpenid] : await offlineRecipients(ctx, d);
    told += await notify(ctx, recipients, notice(d), subscribe?.(d));
  }
  return told;
}

/** Workers whose profile matches an offline entry (same union and name). */
async function offlineRecipients(ctx: Ctx, d: ProposalDoc): Promise<string[]> {
  if (!d.offline) return [];
  const res = await ctx.db
    .collection('users')
    .where({ orgId: d.orgId, name: d.offline.workerName })
    .field({ openid: true })
    .limit(20)
    .get();
  return (res.data as Array<{ openid: string }>).map((u) => u.openid);
}
