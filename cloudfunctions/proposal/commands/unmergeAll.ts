import {
  AppError,
  type JobStatusInput,
  type UnmergeAllInput,
  type UnmergeAllOutput,
  type UnmergeAllResult,
  type UnmergeAllStatusOutput,
} from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { continueProposalJob } from '../jobs';
import { loadProposal } from '../load';
import {
  refuseWhileMerging,
  runCluster,
  unmergeAllInline,
  unmergeAllJob,
  unmergeCandidates,
  type MergeJobParams,
} from '../merging';

/**
 * 撤销全部合并: every proposal merged into the kept one stands on its own again with the status it had,
 * each recounted, and the kept one recounted alone — one action however large the cluster. Up to
 * MERGE_INLINE_MAX merged proposals it is done in the call; more run as a job (merging.ts), its first
 * slice in the call and the rest through `unmergeAllStatus` (or the timer). Undoing one proposal stays
 * `unmerge`.
 */
export async function unmergeAll(ctx: Ctx, input: UnmergeAllInput): Promise<UnmergeAllOutput> {
  const keep = await loadProposal(ctx, input.keepId, 'keepId');
  await ctx.authorize(keep, `《${keep.title}》`);
  if (keep.status === 'merged' || keep.mergedFrom.length === 0) {
    throw new AppError('CONFLICT', `《${keep.title}》没有合并其他建议，无需撤销`);
  }
  const members = await unmergeCandidates(ctx, keep);
  if (members.length === 0) throw new AppError('CONFLICT', `《${keep.title}》没有合并其他建议，无需撤销`);
  const stale = await refuseWhileMerging(ctx.db, [keep, ...members]);
  const params: MergeJobParams = { keepId: keep._id, ids: members.map((m) => m._id), note: input.note ?? null };
  const out = await runCluster(ctx, unmergeAllJob, params, () =>
    unmergeAllInline(ctx, keep._id, members, params.note, stale),
  );
  return { kept: out.kept, restored: out.ids, job: out.job };
}

/** proposal.unmergeAllStatus: the caller's undo job, after one more slice. */
export async function unmergeAllStatus(ctx: Ctx, input: JobStatusInput): Promise<UnmergeAllStatusOutput> {
  return continueProposalJob<UnmergeAllResult>(ctx, input.jobId, unmergeAllJob.kind);
}
