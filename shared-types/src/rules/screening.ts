/**
 * Screening (第五条（二）): keep what is most wanted (意愿最集中), most urgent (需求最迫切) and most
 * feasible (最具备办结条件). Each criterion becomes 0–100; the total is their weighted mean with the
 * weights the org set for the window.
 */
import type { Weights } from '../schemas/collectWindow';

/** 意愿最集中: people credited against the most-backed proposal of the window, 0–100. */
export function concentrationScore(backers: number, maxBackers: number): number {
  if (maxBackers <= 0 || backers <= 0) return 0;
  return round1((100 * Math.min(backers, maxBackers)) / maxBackers);
}

/** A 1–5 staff rating as 0–100 (1 → 0, 5 → 100). */
export function ratingScore(rating: number): number {
  return round1(((Math.min(5, Math.max(1, rating)) - 1) / 4) * 100);
}

export interface ScoreFacts {
  backers: number;
  urgency: number | null;
  feasibility: number | null;
}

/**
 * The weighted score 0–100, or null until both staff ratings are in (a partial score would rank an
 * unscored proposal against scored ones unfairly).
 */
export function weightedScore(facts: ScoreFacts, maxBackers: number, weights: Weights): number | null {
  if (facts.urgency === null || facts.feasibility === null) return null;
  const sum = weights.concentration + weights.urgency + weights.feasibility;
  if (sum <= 0) return null;
  const total =
    (weights.concentration * concentrationScore(facts.backers, maxBackers) +
      weights.urgency * ratingScore(facts.urgency) +
      weights.feasibility * ratingScore(facts.feasibility)) /
    sum;
  return round1(total);
}

/** Best first; unscored after scored, then by backers; ties by id so the order is stable. */
export function rankByScore<T extends ScoreFacts & { _id: string }>(
  items: readonly T[],
  maxBackers: number,
  weights: Weights,
): Array<T & { total: number | null; rank: number }> {
  const scored = items.map((item) => ({ ...item, total: weightedScore(item, maxBackers, weights) }));
  scored.sort(
    (a, b) =>
      (b.total ?? -1) - (a.total ?? -1) || b.backers - a.backers || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  );
  return scored.map((item, i) => ({ ...item, rank: i + 1 }));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
