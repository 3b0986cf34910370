import {
  type JobStatusInput,
  type MergeInput,
  type MergeOutput,
  type MergeResult,
  type MergeStatusOutput,
} from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { notify } from '../../common/notify';
import { continueProposalJob } from '../jobs';
import { loadProposal, present } from '../load';
import {
  mergeCandidates,
  mergeInline,
  mergeJob,
  offlineRecipients,
  refuseWhileMerging,
  runCluster,
  type MergeJobParams,
} from '../merging';
import type { ProposalDoc } from '../model';

/**
 * 合并: duplicates go into one kept proposal. Each merged proposal points to the kept one (status
 * `merged`, the status it had kept for an undo); the kept one lists them; every author and supporter of
 * the cluster is credited to the kept one once (credits.ts). Audit-logged per proposal; the authors of
 * the merged proposals are told. Merging one already merged into the same kept proposal changes nothing.
 * Up to MERGE_INLINE_MAX proposals are merged in the call; a larger cluster runs as a job
 * (merging.ts), its first slice in the call and the rest through `mergeStatus` (or the timer).
 */
export async function merge(ctx: Ctx, input: MergeInput): Promise<MergeOutput> {
  const keep = await loadProposal(ctx, input.keepId, 'keepId');
  await ctx.authorize(keep, `《${keep.title}》`);
  const toMerge = await mergeCandidates(ctx, keep, input.mergeIds, (id) => `mergeIds.${input.mergeIds.indexOf(id)}`);
  const stale = await refuseWhileMerging(ctx.db, [keep, ...toMerge]);
  if (toMerge.length === 0) return { kept: (await present(ctx, [keep]))[0], merged: [], job: null };
  const params: MergeJobParams = { keepId: keep._id, ids: toMerge.map((m) => m._id), note: input.note ?? null };
  const out = await runCluster(ctx, mergeJob, params, () => mergeInline(ctx, keep._id, toMerge, params.note, stale));
  return { kept: out.kept, merged: out.ids, job: out.job };
}

/** proposal.mergeStatus: the caller's merge job, after one more slice. */
export async function mergeStatus(ctx: Ctx, input: JobStatusInput): Promise<MergeStatusOutput> {
  return continueProposalJob<MergeResult>(ctx, input.jobId, mergeJob.kind);
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
    const recipients = d.authorOpenid ? [d.authorOpenid] : await offlineRecipients(ctx.db, d);
    told += await notify(ctx, recipients, notice(d), subscribe?.(d));
  }
  return told;
}
