/**
 * 评价汇总, from the counter shards (read with the profile in one aggregate; never the ratings, so it
 * costs the same at 1,000 and 100,000 ratings). Staff who manage the project see it at any count,
 * workers from 5 ratings. Breakdown segments under 5 ratings are hidden from everyone.
 */
import {
  NO_SEGMENT,
  RATING_MIN_SHOWN,
  noSegmentLabels,
  ratingDimensionLabels,
  ratingDimensions,
  ratingFiguresFrom,
  ratingMean,
  ratingSegments,
  ratingSummaryVisible,
  workerGroupLabels,
  type Counters,
  type RatingBreakdown,
  type RatingDimensionStats,
  type RatingProjectInput,
  type RatingSummaryOutput,
  type WorkerGroup,
} from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { sumShards } from '../counting';
import { isManager, loadRating } from '../load';
import { settingsOut } from '../view';

function dimensionStats(c: Counters, prefix = ''): RatingDimensionStats[] {
  const f = ratingFiguresFrom(c, prefix);
  return ratingDimensions.map((d) => ({
    dimension: d,
    label: ratingDimensionLabels[d],
    mean: ratingMean(f.sums[d], f.count),
    sum: f.sums[d],
    distribution: f.distribution[d],
  }));
}

export async function summary(ctx: Ctx, input: RatingProjectInput): Promise<RatingSummaryOutput> {
  const l = await loadRating(ctx, input.projectId, { counters: true });
  const manager = await isManager(ctx, l.project);
  const c = sumShards(l.counters);
  const count = c.n ?? 0;
  const visible = ratingSummaryVisible(count, manager);
  const base = {
    projectId: l.project._id,
    projectTitle: l.project.title,
    settings: settingsOut(ctx, l.project, l.settings),
    count,
    minShown: RATING_MIN_SHOWN,
    visible,
    manager,
  };
  if (!visible) return { ...base, commented: 0, dimensions: [], breakdowns: [] };
  const dims = ['district', 'industry', 'group'] as const;
  const segments = Object.fromEntries(dims.map((d) => [d, ratingSegments(c, d)])) as Record<
    (typeof dims)[number],
    Array<{ key: string; count: number }>
  >;
  const orgIds = [...segments.district, ...segments.industry]
    .filter((s) => s.count >= RATING_MIN_SHOWN && s.key !== NO_SEGMENT)
    .map((s) => s.key);
  const names = new Map<string, string>();
  if (orgIds.length > 0) {
    const _ = ctx.db.command;
    const res = await ctx.db
      .collection('orgs')
      .where({ _id: _.in(orgIds) })
      .field({ _id: true, name: true })
      .limit(orgIds.length)
      .get();
    for (const o of res.data as Array<{ _id: string; name: string }>) names.set(o._id, o.name);
  }
  const label = (by: (typeof dims)[number], key: string) =>
    key === NO_SEGMENT
      ? noSegmentLabels[by]
      : by === 'group'
        ? (workerGroupLabels[key as WorkerGroup] ?? key)
        : (names.get(key) ?? key);
  const breakdowns: RatingBreakdown[] = dims.map((by) => {
    const shown = segments[by].filter((s) => s.count >= RATING_MIN_SHOWN);
    const hidden = segments[by].filter((s) => s.count < RATING_MIN_SHOWN);
    return {
      by,
      rows: shown.map((s) => ({
        key: s.key,
        label: label(by, s.key),
        count: s.count,
        dimensions: dimensionStats(c, `@${by}/${s.key}/`),
      })),
      hiddenSegments: hidden.length,
      hiddenRatings: hidden.reduce((n, s) => n + s.count, 0),
    };
  });
  return { ...base, commented: c.t ?? 0, dimensions: dimensionStats(c), breakdowns };
}
