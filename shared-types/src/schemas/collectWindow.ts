import { z } from 'zod';
import { idSchema, text } from './common';

const weight = z.coerce
  .number({ error: '权重要填数字' })
  .int('权重要填整数')
  .min(0, '权重不能为负')
  .max(100, '权重最大 100');

/** The three criteria of screening (第五条（二）): 意愿最集中, 需求最迫切, 最具备办结条件. */
const weightFields = { concentration: weight, urgency: weight, feasibility: weight };

/** Weights as stored on a window: non-negative integers, not all 0 (older windows may not add up to 100). */
export const weightsSchema = z
  .object(weightFields)
  .refine((w) => w.concentration + w.urgency + w.feasibility > 0, '三项权重不能都为 0');

/** The sum the three weights of a new or changed window must make: they are percentages. */
export const WEIGHTS_TOTAL = 100;

/** Weights as set by staff (设立征集期, 调整权重): percentages adding up to exactly 100. */
export const weightsInputSchema = z.object(weightFields).superRefine((w, ctx) => {
  const total = w.concentration + w.urgency + w.feasibility;
  if (total !== WEIGHTS_TOTAL) {
    ctx.addIssue({
      code: 'custom',
      input: w,
      message: `三项权重加起来要等于 ${WEIGHTS_TOTAL}（现在是 ${total}）`,
    });
  }
});
export type Weights = z.infer<typeof weightsSchema>;

export const defaultWeights: Weights = { concentration: 40, urgency: 30, feasibility: 30 };

/** A proposal collection window (项目征集, 第五条（二）): default 10-01 … 12-31 for next year's projects. */
export const collectWindowSchema = z.object({
  _id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  /** The year whose projects the proposals are for. */
  year: z.number().int(),
  opensAt: z.string(),
  /** Exclusive end as scheduled (the instant after the last day). */
  closesAt: z.string(),
  /** `scheduled` before it opens, `open`, `closed` after it ends or was closed early. */
  status: z.enum(['open', 'closed', 'scheduled']),
  /** When it was closed before its scheduled end; null otherwise. */
  closedAt: z.string().nullable(),
  weights: weightsSchema,
  /** 决定公布日期: the business date (yyyy-mm-dd) by which the union says which proposals it adopts; null: not set. */
  decideBy: z.string().nullable(),
});
export type CollectWindow = z.infer<typeof collectWindowSchema>;

export const currentWindowInputSchema = z.object({}).strict().optional();
/** The window open to the caller now, or when the next one opens. */
export const currentWindowOutputSchema = z.object({
  open: collectWindowSchema.nullable(),
  nextOpensAt: z.string().nullable(),
  now: z.string(),
});
export type CurrentWindowOutput = z.infer<typeof currentWindowOutputSchema>;

/** The years a window's project year (and a list filter) may name. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const yearRange = (what: string) => `${what}要填 ${YEAR_MIN} 到 ${YEAR_MAX} 之间的年份，例如 2027`;

/** The 决定公布日期 must come after the window's last day. */
export const DECIDE_BY_AFTER_END = '公布日期要晚于征集期的截止日期';

/** A business date `yyyy-mm-dd` (Asia/Shanghai). */
export const businessDateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-10-01')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '没有这一天',
  );

export const listWindowsInputSchema = z.object({
  /** Staff: windows of this org and its subtree (within their own); default their own subtree and the orgs above. */
  orgId: idSchema.optional(),
  /** Project year. */
  year: z.coerce
    .number({ error: '年度要填数字' })
    .int('年度要填整数')
    .min(YEAR_MIN, yearRange('年度'))
    .max(YEAR_MAX, yearRange('年度'))
    .optional(),
});
export type ListWindowsInput = z.infer<typeof listWindowsInputSchema>;
export const listWindowsOutputSchema = z.object({ items: z.array(collectWindowSchema) });
export type ListWindowsOutput = z.infer<typeof listWindowsOutputSchema>;

/**
 * 设立征集期. Defaults: next year's projects, 10-01 … 12-31 of this year (Asia/Shanghai), the default
 * weights. `closesOn` is the last day (inclusive).
 */
export const createWindowInputSchema = z
  .object({
    /** The org that runs it: the caller's own (default) or one in their subtree. */
    orgId: idSchema.optional(),
    projectYear: z.coerce
      .number({ error: '项目年度要填数字' })
      .int('项目年度要填整数')
      .min(YEAR_MIN, yearRange('项目年度'))
      .max(YEAR_MAX, yearRange('项目年度'))
      .optional(),
    opensOn: businessDateSchema.optional(),
    closesOn: businessDateSchema.optional(),
    title: text('征集期名称', 4, 40).optional(),
    weights: weightsInputSchema.optional(),
    /**
     * Set up even though it overlaps a window of an org above (its members' proposals then go to this one):
     * without it such a window is refused with CONFLICT on `confirmOverlap`, saying what would happen.
     */
    confirmOverlap: z.boolean({ error: '要填 true 或 false' }).optional(),
    /** 决定公布日期 (optional): after the last day; the author's timeline names it (rules `decideByRefusal`). */
    decideBy: businessDateSchema.optional(),
  })
  .superRefine((w, ctx) => {
    if (w.decideBy && w.closesOn && w.decideBy <= w.closesOn) {
      ctx.addIssue({ code: 'custom', input: w.decideBy, path: ['decideBy'], message: DECIDE_BY_AFTER_END });
    }
  });
export type CreateWindowInput = z.infer<typeof createWindowInputSchema>;

export const closeWindowInputSchema = z.object({
  windowId: idSchema,
  reason: z.string().trim().max(200, '说明最多 200 个字').optional(),
});
export type CloseWindowInput = z.infer<typeof closeWindowInputSchema>;

/** 决定公布日期: set it (a business date after the window's last day) or take it away (null). */
export const setDecideByInputSchema = z.object({ windowId: idSchema, decideBy: businessDateSchema.nullable() });
export type SetDecideByInput = z.infer<typeof setDecideByInputSchema>;

export const setWeightsInputSchema = z.object({ windowId: idSchema, weights: weightsInputSchema });
export type SetWeightsInput = z.infer<typeof setWeightsInputSchema>;
