import { AppError, unmergeRefusal, type UnmergeInput, type UnmergeOutput } from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { recount } from '../credits';
import { findProposal, loadProposal, present } from '../load';
import { refuseWhileMerging } from '../merging';
import type { ProposalDoc } from '../model';
import { notifyAuthors } from './merge';

const facts = (d: ProposalDoc) => ({ ...d, mergedFrom: d.mergedFrom.map((m) => m._id) });

/**
 * 撤销合并: the merged proposal stands on its own again with the status it had, and both it and the kept
 * one are recounted — the counts are what they were before the merge (plus what happened since).
 */
export async function unmerge(ctx: Ctx, input: UnmergeInput): Promise<UnmergeOutput> {
  const user = await ctx.profile();
  const m = await loadProposal(ctx, input.proposalId);
  await ctx.authorize(m, `《${m.title}》`);
  const keep = m.mergedInto ? await findProposal(ctx, m.mergedInto._id) : null;
  const refusal = unmergeRefusal(facts(m), keep ? facts(keep) : null, user.orgId);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const k = keep!;
  // Not while a merge job (a merge or an undo of the whole cluster) holds either of them.
  await refuseWhileMerging(ctx.db, [m, k]);
  const restoredStatus = m.statusBeforeMerge ?? 'submitted';
  const note = input.note ?? null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('proposals').doc(m._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current || current.status !== 'merged') throw new AppError('CONFLICT', `《${m.title}》没有被合并，无需撤销`);
    await ref.update({
      data: {
        status: restoredStatus,
        statusBeforeMerge: null,
        mergedInto: null,
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      {
        action: 'unmerge',
        targetType: 'proposal',
        targetId: m._id,
        from: 'merged',
        to: restoredStatus,
        note: `撤销合并到《${k.title}》${note ? `：${note}` : ''}`,
      },
    ]);
  });
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('proposals').doc(k._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current) return;
    await ref.update({
      data: { mergedFrom: (current.mergedFrom ?? []).filter((x) => x._id !== m._id), updatedAt: ctx.now },
    });
    await audit(ctx, t, [
      {
        action: 'unmerge',
        targetType: 'proposal',
        targetId: k._id,
        from: current.status,
        to: current.status,
        note: `撤销合并《${m.title}》${note ? `；${note}` : ''}`,
      },
    ]);
  });
  await Promise.all([recount(ctx, k._id), recount(ctx, m._id)]);
  await notifyAuthors(ctx, [m], () => ({
    kind: 'proposalUnmerged',
    title: '您的建议已恢复单独办理',
    body: `您的建议《${m.title}》不再与《${k.title}》合并，恢复单独办理。`,
    proposalId: m._id,
    projectId: null,
  }));
  const [kept, restored] = await Promise.all([loadProposal(ctx, k._id), loadProposal(ctx, m._id)]);
  const [keptView, restoredView] = await present(ctx, [kept, restored]);
  return { kept: keptView, restored: restoredView };
}
