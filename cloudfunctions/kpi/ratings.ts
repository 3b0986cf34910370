/**
 * 满意度 as the KPIs use it: the distribution of the 满意度 dimension (scores 1–5) of each project's
 * ratings, from the rating function's counter shards kept at write time (`ratingCounters`, see
 * cloudfunctions/rating/counting.ts and common/ratings.ts, equal to a recompute). The KPI figures are the
 * share of ratings with 满意度 ≥ 4 and the mean (rules/kpi.ts `satisfactionOf`).
 *
 * Read here rather than through common/ratings.ts `ratingFigures`: the KPIs need 5 of a shard's counters,
 * not all 21 (nor its marks), and 125 projects a request rather than 1,000 (see load.ts COUNTER_CHUNK) —
 * a city dashboard reads 1,000 projects' shards.
 */
import { RATING_SCORES, type Counters } from '@shishi/shared-types';
import type { Db } from '../common/cloud';
import { RATING_SHARDS } from '../common/ratings';

const PER_REQUEST = 125;
const keys = RATING_SCORES.map((s) => `satisfaction/${s}`);
const fields: Record<string, boolean> = Object.fromEntries([
  ['_id', false],
  ['projectId', true],
  ...keys.map((k) => [`c.${k}`, true] as const),
]);

/** projectId → how many ratings gave 满意度 1, 2, 3, 4, 5 (projects without ratings are absent). */
export async function satisfactionDistributions(db: Db, ids: readonly string[]): Promise<Map<string, number[]>> {
  const _ = db.command;
  const unique = [...new Set(ids)];
  const parts: string[][] = [];
  for (let i = 0; i < unique.length; i += PER_REQUEST) parts.push(unique.slice(i, i + PER_REQUEST));
  const res = await Promise.all(
    parts.map((part) =>
      db
        .collection('ratingCounters')
        .where({ projectId: _.in(part) })
        .field(fields)
        .limit(part.length * RATING_SHARDS)
        .get(),
    ),
  );
  const out = new Map<string, number[]>();
  for (const r of res)
    for (const shard of r.data as Array<{ projectId: string; c?: Counters }>) {
      const dist = out.get(shard.projectId) ?? [0, 0, 0, 0, 0];
      keys.forEach((k, i) => (dist[i] = dist[i]! + (shard.c?.[k] ?? 0)));
      out.set(shard.projectId, dist);
    }
  for (const [id, dist] of out) if (dist.every((n) => n === 0)) out.delete(id);
  return out;
}
