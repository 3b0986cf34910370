/**
 * 核对计数: counts the project's ratings whose counting was cut off (each once: the same conditional
 * updates as settling), then recomputes the counters from every rating and compares.
 */
import type { RatingProjectInput, RatingRecomputeOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { loadProject } from '../../project/load';
import { differences, keptCounters, readProjectRatings, recomputeCounters, settleProject } from '../counting';

export async function recompute(ctx: Ctx, input: RatingProjectInput): Promise<RatingRecomputeOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  const ratings = await readProjectRatings(ctx.db, p._id);
  const settled = await settleProject(ctx.db, ratings, ctx.now);
  const kept = await keptCounters(ctx.db, p._id);
  const diff = differences(kept, recomputeCounters(ratings));
  return {
    projectId: p._id,
    settled,
    count: ratings.length,
    matches: Object.keys(diff).length === 0,
    differences: diff,
  };
}
