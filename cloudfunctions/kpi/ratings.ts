/**
 * 满意度 as the KPIs use it: the distribution of the 满意度 dimension (scores 1–5) of each project's
 * ratings, from the rating function's kept figures (common/ratings.ts, equal to a recompute). The
 * KPI figures are the share of ratings with 满意度 ≥ 4 and the mean (rules/kpi.ts `satisfactionOf`).
 */
import type { Db } from '../common/cloud';
import { ratingFigures } from '../common/ratings';

/** projectId → how many ratings gave 满意度 1, 2, 3, 4, 5 (projects without ratings are absent). */
export async function satisfactionDistributions(db: Db, ids: readonly string[]): Promise<Map<string, number[]>> {
  const figures = await ratingFigures(db, [...ids]);
  const out = new Map<string, number[]>();
  for (const [id, f] of figures) out.set(id, [...f.distribution.satisfaction]);
  return out;
}
