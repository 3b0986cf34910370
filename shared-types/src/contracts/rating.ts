/**
 * The `rating` function's actions (职工评价, 第五条（九）): workers rate a project on 知晓度 / 参与度 /
 * 受益度 / 满意度 (1–5, words in rules/rating.ts) with an optional comment, anonymously; staff open
 * rating on a project and choose who may rate, read the summary and export the ratings.
 */
import { z } from 'zod';
import { access } from '../rules/access';
import { projectOwnerRoles } from '../rules/project';
import { RATING_COMMENT_MAX, ratingDimensions, ratingEligibilities, type RatingDimension } from '../rules/rating';
import { idSchema, isoDateTime } from '../schemas/common';
import { businessDay } from '../schemas/project';
import { workerGroups } from '../schemas/survey';
import type { ActionContract } from './contract';

const scoreSchema = (label: string) =>
  z
    .number({ error: `请给${label}打分（1–5 分）` })
    .int(`${label}只能是 1–5 的整数分`)
    .min(1, `${label}最低 1 分`)
    .max(5, `${label}最高 5 分`);

export const ratingScoresSchema = z.object({
  awareness: scoreSchema('知晓度'),
  participation: scoreSchema('参与度'),
  benefit: scoreSchema('受益度'),
  satisfaction: scoreSchema('满意度'),
});

export const ratingEligibilitySchema = z.enum(ratingEligibilities, { error: '请选择哪些职工可以评价' });

/** 开放评价: the opening day (today or later; rating opens once the project is in progress) and who may rate. */
export const ratingConfigureInputSchema = z.object({
  projectId: idSchema,
  opensOn: businessDay('开放评价日期'),
  eligibility: ratingEligibilitySchema,
});
export type RatingConfigureInput = z.output<typeof ratingConfigureInputSchema>;

export const ratingSettingsSchema = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  projectStatus: z.string(),
  /** Null: rating never opened. */
  opensOn: z.string().nullable(),
  eligibility: ratingEligibilitySchema,
  /** Rating can be submitted now. */
  open: z.boolean(),
  /** Why it cannot, when closed. */
  closedReason: z.string().nullable(),
});
export type RatingSettings = z.infer<typeof ratingSettingsSchema>;

export const ratingConfigureOutputSchema = ratingSettingsSchema.extend({
  /** People sent an invitation by this call (each person is invited once per project, ever). */
  invited: z.number().int().min(0),
});
export type RatingConfigureOutput = z.infer<typeof ratingConfigureOutputSchema>;

/** 提交或修改评价: once per worker per project; the same call changes it within 7 days of the first submission. */
export const ratingSubmitInputSchema = z.object({
  projectId: idSchema,
  scores: ratingScoresSchema,
  /** 评价意见 (optional); empty means none. */
  comment: z
    .string({ error: '评价意见要是文字' })
    .trim()
    .max(RATING_COMMENT_MAX, `评价意见最多 ${RATING_COMMENT_MAX} 个字`)
    .optional(),
  /** The worker's groups (职工群体) for the breakdown; optional. */
  groups: z
    .array(z.enum(workerGroups, { error: '职工群体不对' }))
    .max(workerGroups.length)
    .optional(),
});
export type RatingSubmitInput = z.output<typeof ratingSubmitInputSchema>;

/** A comment's content check: none written, passed, waiting for a person, rejected. */
export const ratingCommentStates = ['none', 'pass', 'review', 'rejected'] as const;
export type RatingCommentState = (typeof ratingCommentStates)[number];

export const ownRatingSchema = z.object({
  scores: ratingScoresSchema,
  comment: z.string().nullable(),
  commentState: z.enum(ratingCommentStates),
  submittedAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Changes are accepted until this instant (7 days after the first submission). */
  editableUntil: isoDateTime,
  editable: z.boolean(),
});
export type OwnRating = z.infer<typeof ownRatingSchema>;

export const ratingSubmitOutputSchema = z.object({
  projectId: z.string(),
  /** submitted: new; updated: changed within 7 days; unchanged: the same rating was already stored. */
  status: z.enum(['submitted', 'updated', 'unchanged']),
  rating: ownRatingSchema,
});
export type RatingSubmitOutput = z.infer<typeof ratingSubmitOutputSchema>;

export const ratingProjectInputSchema = z.object({ projectId: idSchema });
export type RatingProjectInput = z.output<typeof ratingProjectInputSchema>;

export const ratingMineOutputSchema = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  settings: ratingSettingsSchema,
  /** The caller may rate this project (eligibility; the period is `settings.open`). */
  eligible: z.boolean(),
  /** Why not, when not eligible. */
  ineligibleReason: z.string().nullable(),
  /** The caller's own rating (found through their anonymous key), or null. */
  rating: ownRatingSchema.nullable(),
  /** The caller can submit or change a rating now. */
  canSubmit: z.boolean(),
});
export type RatingMineOutput = z.infer<typeof ratingMineOutputSchema>;

export const ratingDimensionStatsSchema = z.object({
  dimension: z.enum(ratingDimensions),
  label: z.string(),
  /** Mean to one decimal, null with no ratings. */
  mean: z.number().nullable(),
  sum: z.number().int(),
  /**
   * Ratings at score 1..5 (index 0 = score 1). An array of 5, not z.tuple: zod is one module in the
   * weapp main package, and ZodTuple alone would add ~3.6 KB to it (the budget is 600 KB).
   */
  distribution: z.array(z.number().int().min(0)).length(5),
});
export type RatingDimensionStats = z.infer<typeof ratingDimensionStatsSchema>;

export const ratingBreakdownRowSchema = z.object({
  /** Org _id (district / industry), group name, or `_none`. */
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  dimensions: z.array(ratingDimensionStatsSchema),
});

export const ratingBreakdownSchema = z.object({
  by: z.enum(['district', 'industry', 'group']),
  rows: z.array(ratingBreakdownRowSchema),
  /** Segments hidden because they hold fewer than 5 ratings (how many, not which). */
  hiddenSegments: z.number().int(),
  hiddenRatings: z.number().int(),
});
export type RatingBreakdown = z.infer<typeof ratingBreakdownSchema>;

export const ratingSummaryOutputSchema = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  settings: ratingSettingsSchema,
  count: z.number().int(),
  /** Fewest ratings before workers see the figures (and before a segment is shown). */
  minShown: z.number().int(),
  /** False: too few ratings for the caller to see figures (`dimensions` and `breakdowns` empty). */
  visible: z.boolean(),
  /** The caller manages the project (sees the summary at any count). */
  manager: z.boolean(),
  commented: z.number().int(),
  dimensions: z.array(ratingDimensionStatsSchema),
  breakdowns: z.array(ratingBreakdownSchema),
});
export type RatingSummaryOutput = z.infer<typeof ratingSummaryOutputSchema>;

export const ratingExportOutputSchema = z.object({
  fileID: z.string(),
  url: z.string(),
  fileName: z.string(),
  rows: z.number().int().min(0),
});
export type RatingExportOutput = z.infer<typeof ratingExportOutputSchema>;

export const ratingRecomputeOutputSchema = z.object({
  projectId: z.string(),
  /** Ratings counted by this call's settling (stored, counting cut off). */
  settled: z.number().int(),
  count: z.number().int(),
  /** The stored counters equal a recompute from the ratings. */
  matches: z.boolean(),
  /** Counter keys that differed before the repair (kept counter minus recompute). */
  differences: z.record(z.string(), z.number()),
});
export type RatingRecomputeOutput = z.infer<typeof ratingRecomputeOutputSchema>;

/** 评价意见 for staff: those that passed the content check, or those waiting for a person's review. */
export const ratingCommentsInputSchema = z.object({
  projectId: idSchema,
  state: z.enum(['pass', 'review'], { error: '请选择已通过或待审核' }).default('pass'),
  /** The `next` of the previous page. */
  after: z.string().trim().max(64, '分页位置不对').optional(),
});
export type RatingCommentsInput = z.output<typeof ratingCommentsInputSchema>;

export const ratingCommentSchema = z.object({
  ratingId: z.string(),
  comment: z.string(),
  commentState: z.enum(ratingCommentStates),
  scores: ratingScoresSchema,
  /** The day the comment was written (yyyy-mm-dd, Beijing time): the day only, never the time. */
  day: z.string(),
});
export type RatingComment = z.infer<typeof ratingCommentSchema>;
export const ratingCommentsOutputSchema = z.object({
  /** Newest day first (within a page, one day's comments in no particular order). */
  items: z.array(ratingCommentSchema),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  /** Comments still waiting for the content check or a person's review (not shown with `state: 'pass'`). */
  held: z.number().int().min(0),
});
export type RatingCommentsOutput = z.infer<typeof ratingCommentsOutputSchema>;

export const ratingModerateInputSchema = z.object({
  projectId: idSchema,
  ratingId: idSchema,
  verdict: z.enum(['pass', 'reject'], { error: '请选择通过或不通过' }),
});
export type RatingModerateInput = z.output<typeof ratingModerateInputSchema>;
export const ratingModerateOutputSchema = z.object({
  ratingId: z.string(),
  commentState: z.enum(ratingCommentStates),
});
export type RatingModerateOutput = z.infer<typeof ratingModerateOutputSchema>;

export type { RatingDimension };

export const ratingContracts = {
  configure: {
    summary:
      '开放评价：设定开放日期（可以是今天，项目实施后生效）和哪些职工可以评价；首次开放时邀请原建议的作者、附议人和受服务职工',
    input: ratingConfigureInputSchema,
    output: ratingConfigureOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  submit: {
    summary:
      '职工匿名评价项目（知晓度、参与度、受益度、满意度各 1–5 分，可写意见）；每人每项目一次，首次提交后 7 天内可修改',
    input: ratingSubmitInputSchema,
    output: ratingSubmitOutputSchema,
    // The profile is loaded with the project in one aggregate (PROFILE_REQUIRED without one).
    access: access('anyone'),
  },
  mine: {
    summary: '我对这个项目的评价、还能否修改（到何时）、能否评价及原因',
    input: ratingProjectInputSchema,
    output: ratingMineOutputSchema,
    // The profile is loaded with the project in one aggregate (PROFILE_REQUIRED without one).
    access: access('anyone'),
  },
  summary: {
    summary:
      '项目的评价汇总：各维度人数、平均分、分布，按区市县、产业、群体（不足 5 人的不显示）；职工在满 5 条评价后可见',
    input: ratingProjectInputSchema,
    output: ratingSummaryOutputSchema,
    // The profile is loaded with the project in one aggregate (PROFILE_REQUIRED without one).
    access: access('anyone'),
  },
  export: {
    summary: '导出项目的全部评价（.xlsx）：各项分数、通过审核的意见、区市县/产业/群体，不含任何姓名或身份',
    input: ratingProjectInputSchema,
    output: ratingExportOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  comments: {
    summary: '评价意见（分页）：通过内容安全检查的，或等待人工审核的；不含评价人',
    input: ratingCommentsInputSchema,
    output: ratingCommentsOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  moderateComment: {
    summary: '人工审核评价意见：内容安全检查没通过或没能检查的意见，通过后才在导出里显示',
    input: ratingModerateInputSchema,
    output: ratingModerateOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  recompute: {
    summary: '核对评价计数：先补记中断的计数（每条只记一次），再从全部评价重算，与保存的计数比较',
    input: ratingProjectInputSchema,
    output: ratingRecomputeOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
} as const satisfies Record<string, ActionContract>;
