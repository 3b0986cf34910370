/** 筛选 (第五条（二）): the staff screening list, merging, scoring, deciding, content review, export. */
import { z } from 'zod';
import { collectWindowSchema, weightsSchema } from './collectWindow';
import { idSchema, pageInputSchema, pagedSchema } from './common';
import { jobReplySchema, jobViewSchema } from './job';
import { MERGE_MAX } from '../rules/merge';
import {
  decisionKinds,
  moderationStates,
  projectRefSchema,
  proposalCategories,
  proposalSchema,
  proposalStatuses,
  targetGroups,
} from './proposal';

export const screenSorts = ['score', 'backers', 'supports', 'cluster', 'urgency', 'feasibility', 'createdAt'] as const;
export type ScreenSort = (typeof screenSorts)[number];
export const screenSortLabels: Record<ScreenSort, string> = {
  score: '综合得分',
  backers: '意愿集中度',
  supports: '附议人数',
  cluster: '相似建议数',
  urgency: '需求迫切度',
  feasibility: '办结条件',
  createdAt: '提交时间',
};

const count = (label: string) =>
  z.coerce
    .number({ error: `${label}要填数字` })
    .int(`${label}要填整数`)
    .min(0, `${label}不能为负`);

export const screenInputSchema = pageInputSchema.extend({
  /** Default: the latest window that applies to the caller's org. */
  windowId: idSchema.optional(),
  /** A district / industry union (or any node) inside the caller's subtree. */
  orgId: idSchema.optional(),
  category: z.enum(proposalCategories, { error: '类别不对' }).optional(),
  targetGroup: z.enum(targetGroups, { error: '服务对象不对' }).optional(),
  /** Default: every status except `merged`. */
  status: z.enum(proposalStatuses, { error: '状态不对' }).optional(),
  moderation: z.enum(moderationStates, { error: '审核状态不对' }).optional(),
  minSupport: count('最少附议人数').optional(),
  minCluster: count('最少相似建议数').optional(),
  keyword: z.string().trim().max(40, '关键词最多 40 个字').optional(),
  sort: z.enum(screenSorts, { error: '排序方式不对' }).default('score'),
  order: z.enum(['desc', 'asc'], { error: '排序方向不对' }).default('desc'),
});
export type ScreenInput = z.infer<typeof screenInputSchema>;

/** A screening row: the proposal (with `scores`) and its rank in the current sort. */
export const screenItemSchema = proposalSchema.extend({ rank: z.number().int().min(1) });
export type ScreenItem = z.infer<typeof screenItemSchema>;
export const screenOutputSchema = pagedSchema(screenItemSchema).extend({
  window: collectWindowSchema.nullable(),
  weights: weightsSchema,
  /** The largest backerCount of the window (concentration 100). */
  maxBackers: z.number().int().min(0),
});
export type ScreenOutput = z.infer<typeof screenOutputSchema>;

export const mergeInputSchema = z.object({
  /** The proposal that stays. */
  keepId: idSchema,
  /** Duplicates to merge into it (1–MERGE_MAX); more than MERGE_INLINE_MAX run as a job. */
  mergeIds: z
    .array(idSchema, { error: '请选择要合并的建议' })
    .min(1, '请选择要合并的建议')
    .max(MERGE_MAX, `一次最多合并 ${MERGE_MAX} 条`),
  note: z.string().trim().max(200, '说明最多 200 个字').optional(),
});
export type MergeInput = z.infer<typeof mergeInputSchema>;
/** What a merge did: the kept proposal as it stands after it, and the ids it merged. */
export const mergeResultSchema = z.object({
  kept: proposalSchema,
  /** Ids merged by this call (already-merged ones into the same kept proposal are left out). */
  merged: z.array(z.string()),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;
/**
 * A merge of up to MERGE_INLINE_MAX proposals is done in the call (`job` null). A larger one runs as a
 * job: `job` is its progress after the call's first slice, `merged` the ids merged so far and `kept` the
 * kept proposal as it stands; poll `mergeStatus` until the job is done (then `result` is the whole merge).
 */
export const mergeOutputSchema = mergeResultSchema.extend({ job: jobViewSchema.nullable() });
export type MergeOutput = z.infer<typeof mergeOutputSchema>;
export const mergeStatusOutputSchema = jobReplySchema(mergeResultSchema);
export type MergeStatusOutput = z.infer<typeof mergeStatusOutputSchema>;

export const unmergeInputSchema = z.object({
  /** A merged proposal, to restore on its own. */
  proposalId: idSchema,
  note: z.string().trim().max(200, '说明最多 200 个字').optional(),
});
export type UnmergeInput = z.infer<typeof unmergeInputSchema>;
export const unmergeOutputSchema = z.object({ kept: proposalSchema, restored: proposalSchema });
export type UnmergeOutput = z.infer<typeof unmergeOutputSchema>;

/** 撤销全部合并: every proposal merged into the kept one stands on its own again, in one action. */
export const unmergeAllInputSchema = z.object({
  /** The kept proposal whose merges are undone. */
  keepId: idSchema,
  note: z.string().trim().max(200, '说明最多 200 个字').optional(),
});
export type UnmergeAllInput = z.infer<typeof unmergeAllInputSchema>;
export const unmergeAllResultSchema = z.object({
  kept: proposalSchema,
  /** Ids restored on their own. */
  restored: z.array(z.string()),
});
export type UnmergeAllResult = z.infer<typeof unmergeAllResultSchema>;
/** As `merge`: done in the call up to MERGE_INLINE_MAX merged proposals (`job` null), else a job. */
export const unmergeAllOutputSchema = unmergeAllResultSchema.extend({ job: jobViewSchema.nullable() });
export type UnmergeAllOutput = z.infer<typeof unmergeAllOutputSchema>;
export const unmergeAllStatusOutputSchema = jobReplySchema(unmergeAllResultSchema);
export type UnmergeAllStatusOutput = z.infer<typeof unmergeAllStatusOutputSchema>;

const oneToFive = (label: string) =>
  z.coerce
    .number({ error: `请给${label}打分` })
    .int(`${label}要打整数分`)
    .min(1, `${label}最低 1 分`)
    .max(5, `${label}最高 5 分`);

export const scoreInputSchema = z.object({
  proposalId: idSchema,
  /** 需求最迫切 1–5 */
  urgency: oneToFive('需求迫切度'),
  /** A survey result backing the urgency (survey name and finding). */
  urgencyEvidence: z.string().trim().max(200, '调查依据最多 200 个字').optional(),
  /** 最具备办结条件 1–5 */
  feasibility: oneToFive('办结条件'),
  feasibilityNote: z
    .string({ error: '请说明办结条件' })
    .trim()
    .min(1, { error: '请说明办结条件', abort: true })
    .max(200, '办结条件说明最多 200 个字'),
});
export type ScoreInput = z.infer<typeof scoreInputSchema>;

export const decideInputSchema = z
  .object({
    proposalId: idSchema,
    kind: z.enum(decisionKinds, { error: '请选择采纳、暂缓或不采纳' }),
    /** Required when declining; told to the authors. */
    reason: z.string().trim().max(200, '理由最多 200 个字').optional(),
    /** Adopt: the project draft's title (default: the proposal's title). */
    projectTitle: z.string().trim().min(4, '项目名称至少 4 个字').max(40, '项目名称最多 40 个字').optional(),
    /**
     * Adopt a proposal nobody scored (需求最迫切 and 最具备办结条件 both unrated): refused unless the
     * staff member confirmed it (the client's 仍然采纳 dialog sends `true`).
     */
    confirmUnscored: z.boolean({ error: '是否确认要填 true 或 false' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'decline' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不采纳时请填写理由' });
    }
  });
export type DecideInput = z.infer<typeof decideInputSchema>;
export const decideOutputSchema = z.object({
  proposal: proposalSchema,
  /** The project draft an adoption created. */
  project: projectRefSchema.nullable(),
  /** Authors told in the app (and by subscribe message where they subscribed). */
  notified: z.number().int().min(0),
});
export type DecideOutput = z.infer<typeof decideOutputSchema>;

export const reviewQueueInputSchema = pageInputSchema;
export const reviewQueueOutputSchema = pagedSchema(proposalSchema);

export const moderateInputSchema = z
  .object({
    proposalId: idSchema,
    /** pass: text and held images may be shown; reject: hidden from everyone but the author and staff. */
    verdict: z.enum(['pass', 'reject'], { error: '请选择通过或不通过' }),
    /** Why: required for a rejection (the author is told it), at least 4 characters. */
    note: z.string().trim().max(200, '说明最多 200 个字').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === 'reject' && (v.note ?? '').length < 4) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        input: v.note,
        message: '不通过要写明原因（至少 4 个字），会告诉提建议的职工',
      });
    }
  });
export type ModerateInput = z.infer<typeof moderateInputSchema>;

export const exportInputSchema = z.object({
  /** Default: the latest window that applies to the caller's org. */
  windowId: idSchema.optional(),
  /** Narrow to a node inside the caller's subtree. */
  orgId: idSchema.optional(),
});
export type ExportInput = z.infer<typeof exportInputSchema>;
/** The finished proposal export. */
export const exportOutputFileSchema = z.object({
  fileID: z.string(),
  /** Temporary download URL. */
  url: z.string(),
  fileName: z.string(),
  /** Proposals written (one row each). */
  rows: z.number().int().min(0),
  /** Of those, merged into another proposal and withdrawn by their authors: rows 建议筛选's list leaves out. */
  merged: z.number().int().min(0),
  withdrawn: z.number().int().min(0),
});
export type ExportOutputFile = z.infer<typeof exportOutputFileSchema>;
/** proposal.export and proposal.exportStatus: the export job and, once it is done, the file. */
export const exportOutputSchema = jobReplySchema(exportOutputFileSchema);
export type ExportOutput = z.infer<typeof exportOutputSchema>;
