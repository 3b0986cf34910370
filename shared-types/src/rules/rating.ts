/**
 * 职工评价 (第五条（九）): workers rate a project on four dimensions, 1–5 each, with the same words on
 * every screen; what one rating adds to the project's counters; the figures, means and breakdowns read
 * back from the counters (never from the ratings), with groups under RATING_MIN_SHOWN hidden.
 *
 * Counter keys, flat (one field each under `c`):
 *   n                     ratings
 *   t                     ratings with a comment
 *   <dim>/<score>         ratings that gave this score on this dimension (score 1–5)
 * and the same under a segment prefix `@district/<orgId>/`, `@industry/<orgId>/`, `@group/<group>/`
 * (rules/surveyCounters.ts prefixesOf: the rater's district and industry on their path, their groups).
 */
import type { WorkerGroup } from '../schemas/survey';
import type { ProjectStatus } from '../schemas/proposal';
import { prefixesOf, type Counters } from './surveyCounters';
import type { RespondentDims } from './surveyScope';

export const ratingDimensions = ['awareness', 'participation', 'benefit', 'satisfaction'] as const;
export type RatingDimension = (typeof ratingDimensions)[number];

export const ratingDimensionLabels: Record<RatingDimension, string> = {
  awareness: '知晓度',
  participation: '参与度',
  benefit: '受益度',
  satisfaction: '满意度',
};

/** The question each dimension asks the worker. */
export const ratingDimensionQuestions: Record<RatingDimension, string> = {
  awareness: '您对这个项目了解多少？',
  participation: '您参与这个项目多少？',
  benefit: '这个项目让您得到多少实惠？',
  satisfaction: '您对这个项目满意吗？',
};

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export type RatingScore = (typeof RATING_SCORES)[number];

/** The words for each score, index 0 = score 1. */
export const ratingScoreWords: Record<RatingDimension, readonly [string, string, string, string, string]> = {
  awareness: ['完全不了解', '不太了解', '一般', '比较了解', '非常了解'],
  participation: ['完全没参与', '很少参与', '参与过一些', '经常参与', '全程参与'],
  benefit: ['没有受益', '受益很少', '一般', '比较受益', '非常受益'],
  satisfaction: ['很不满意', '不太满意', '一般', '比较满意', '非常满意'],
};

export function ratingScoreWord(dim: RatingDimension, score: number): string {
  return ratingScoreWords[dim][score - 1] ?? '';
}

export type RatingScores = Record<RatingDimension, number>;

/** A rating may be changed for this many days after it was first submitted. */
export const RATING_EDIT_DAYS = 7;
export const RATING_EDIT_MS = RATING_EDIT_DAYS * 86_400_000;
/** Fewest ratings before workers see a project's summary, and before any breakdown segment is shown. */
export const RATING_MIN_SHOWN = 5;
/** Longest comment. */
export const RATING_COMMENT_MAX = 300;

/** Who may rate a project: its whole audience, or only the workers it served (checked in or registered). */
export const ratingEligibilities = ['audience', 'served'] as const;
export type RatingEligibility = (typeof ratingEligibilities)[number];
export const ratingEligibilityLabels: Record<RatingEligibility, string> = {
  audience: '项目面向的全体职工',
  served: '签到或登记过的受服务职工',
};

/** Project states in which rating can be open (from 实施 until 结项; closing ends it). */
export const ratingStatuses: readonly ProjectStatus[] = ['inProgress', 'midtermFiled', 'acceptanceFiled', 'accepted'];
/** States in which staff may open rating (set or move the opening date). */
export const ratingConfigurableStatuses: readonly ProjectStatus[] = ['published', ...ratingStatuses];

export interface RatingPeriodFacts {
  status: ProjectStatus;
  /** The opening business day set by staff, or null when rating was never opened. */
  opensOn: string | null;
}

/**
 * Why the project cannot be rated at `today` (a business day, Asia/Shanghai), or null when it can.
 */
export function ratingPeriodRefusal(p: RatingPeriodFacts, today: string): string | null {
  if (p.status === 'closed') return '这个项目已经结项，评价已经结束';
  if (p.status === 'terminated') return '这个项目已经终止，不能再评价';
  if (!p.opensOn) return '这个项目还没有开放评价';
  if (!ratingStatuses.includes(p.status)) return `这个项目还没开始实施，评价从 ${p.opensOn} 起开放`;
  if (today < p.opensOn) return `评价从 ${p.opensOn} 起开放，请到时再来`;
  return null;
}

/** Whether a rating first submitted at `createdAt` may still be changed at `now`, and until when. */
export function ratingEditableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + RATING_EDIT_MS);
}
export function ratingEditable(createdAt: Date, now: Date): boolean {
  return now.getTime() < ratingEditableUntil(createdAt).getTime();
}

/** What one rating adds to the counters (everyone, its district, industry and each of its groups). */
export function ratingIncrements(scores: RatingScores, dims: RespondentDims, hasComment: boolean): Counters {
  const c: Counters = {};
  for (const prefix of prefixesOf(dims)) {
    c[`${prefix}n`] = 1;
    if (hasComment) c[`${prefix}t`] = 1;
    for (const d of ratingDimensions) c[`${prefix}${d}/${scores[d]}`] = 1;
  }
  return c;
}

/** What changing a rating from `before` to `after` adds (negative where a count moves away; zeros left out). */
export function ratingMove(
  before: { scores: RatingScores; dims: RespondentDims; hasComment: boolean },
  after: { scores: RatingScores; dims: RespondentDims; hasComment: boolean },
): Counters {
  const c: Counters = {};
  for (const [k, v] of Object.entries(ratingIncrements(before.scores, before.dims, before.hasComment)))
    c[k] = (c[k] ?? 0) - v;
  for (const [k, v] of Object.entries(ratingIncrements(after.scores, after.dims, after.hasComment)))
    c[k] = (c[k] ?? 0) + v;
  for (const k of Object.keys(c)) if (c[k] === 0) delete c[k];
  return c;
}

/** Figures of one dimension set: count, sums and the number of ratings at each score 1–5. */
export interface RatingFiguresOf {
  count: number;
  sums: Record<RatingDimension, number>;
  distribution: Record<RatingDimension, [number, number, number, number, number]>;
}

/** The figures under a prefix (`''` everyone). */
export function ratingFiguresFrom(c: Counters, prefix = ''): RatingFiguresOf {
  const sums = {} as Record<RatingDimension, number>;
  const distribution = {} as Record<RatingDimension, [number, number, number, number, number]>;
  for (const d of ratingDimensions) {
    const dist = RATING_SCORES.map((s) => c[`${prefix}${d}/${s}`] ?? 0) as [number, number, number, number, number];
    distribution[d] = dist;
    sums[d] = dist.reduce((sum, k, i) => sum + k * (i + 1), 0);
  }
  return { count: c[`${prefix}n`] ?? 0, sums, distribution };
}

/** Mean score to one decimal place, or null with no ratings. */
export function ratingMean(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

/** The segments of a dimension present in the counters (`@<dim>/<segment>/n`), with their counts. */
export function ratingSegments(
  c: Counters,
  dim: 'district' | 'industry' | 'group',
): Array<{ key: string; count: number }> {
  const head = `@${dim}/`;
  const out: Array<{ key: string; count: number }> = [];
  for (const [k, v] of Object.entries(c)) {
    if (!k.startsWith(head) || !k.endsWith('/n') || v <= 0) continue;
    out.push({ key: k.slice(head.length, -2), count: v });
  }
  return out.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Who sees the summary: staff who manage the project at any count, workers from RATING_MIN_SHOWN ratings. */
export function ratingSummaryVisible(count: number, manager: boolean): boolean {
  return manager || count >= RATING_MIN_SHOWN;
}

/** Group labels for the breakdown by worker group. */
export type { WorkerGroup };
