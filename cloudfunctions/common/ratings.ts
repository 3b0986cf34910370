/**
 * A project's rating figures (职工评价) for other functions (the KPI function's satisfaction figure,
 * dashboards): read from the rating counter shards kept at write time (`ratingCounters`, see
 * cloudfunctions/rating/counting.ts), never from the ratings — one request for up to 1,000 projects.
 * A rating whose counting was cut off is in the figures once the settling timer has counted it.
 */
import {
  RATING_SCORES,
  ratingDimensions,
  ratingFiguresFrom,
  type Counters,
  type RatingDimension,
} from '@shishi/shared-types';
import type { Db } from './cloud';

/** Counter shards per project: concurrent ratings `_.inc` different documents. */
export const RATING_SHARDS = 8;

export interface RatingFigures {
  count: number;
  sums: Record<RatingDimension, number>;
  distribution: Record<RatingDimension, [number, number, number, number, number]>;
}

/** The overall counter keys (no segment prefix): what the figures need, never the marks. */
const overallFields: Record<string, 1> = Object.fromEntries([
  ['projectId', 1],
  ['c.n', 1],
  ...ratingDimensions.flatMap((d) => RATING_SCORES.map((s) => [`c.${d}/${s}`, 1] as const)),
]);

/**
 * The figures of each project that has ratings (projects with none are absent). One aggregate request
 * for up to 1,000 projects (8 shards each); larger lists are read 1,000 projects a request.
 */
export async function ratingFigures(db: Db, projectIds: string[]): Promise<Map<string, RatingFigures>> {
  const ids = [...new Set(projectIds)];
  const sums = new Map<string, Counters>();
  const _ = db.command;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const res = await db
      .collection('ratingCounters')
      .aggregate()
      .match({ projectId: _.in(chunk) })
      .project(overallFields)
      .limit(chunk.length * RATING_SHARDS)
      .end();
    for (const shard of res.list as Array<{ projectId: string; c?: Counters }>) {
      const c = sums.get(shard.projectId) ?? {};
      for (const [k, v] of Object.entries(shard.c ?? {})) c[k] = (c[k] ?? 0) + v;
      sums.set(shard.projectId, c);
    }
  }
  const out = new Map<string, RatingFigures>();
  for (const [projectId, c] of sums) {
    const f = ratingFiguresFrom(c);
    if (f.count > 0) out.set(projectId, f);
  }
  return out;
}
