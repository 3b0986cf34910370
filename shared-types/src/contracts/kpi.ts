/**
 * The `kpi` function's actions (绩效评估, 第五条（七）（八）): a project's three-stage KPIs (事前预估 ·
 * 中期 · 办结) with where every figure comes from, the expand / keep / scale-back signal, the staff
 * dashboard of a year, the list of projects behind any dashboard figure, and its .xlsx export.
 * Money is integer fen; percentages are numbers with one decimal.
 */
import { z } from 'zod';
import { access } from '../rules/access';
import { projectOwnerRoles, projectReviewerRoles } from '../rules/project';
import { staffRoles } from '../roles';
import { idSchema, pageInputSchema, pagedSchema, text } from '../schemas/common';
import { forumFiguresSchema } from '../schemas/forum';
import { projectLevels, projectExportOutputSchema } from '../schemas/project';
import { projectStatuses } from '../schemas/proposal';
import { kpiSignals } from '../rules/kpi';
import type { ActionContract } from './contract';

// ---------------------------------------------------------------- where a figure comes from

/** The documents a figure can be entered on (附件1–4, and the 决算 recorded at closing). */
export const kpiDocuments = ['feasibility', 'start', 'midterm', 'acceptance', 'closing'] as const;
/** The records a figure can be measured from. */
export const kpiMeasures = ['viewers', 'served', 'ratings', 'spending', 'budget', 'forums'] as const;

export const kpiSourceSchema = z.object({
  /** `form`: typed on a form (which one, which row); `measured`: counted from records; `computed`: from other figures. */
  kind: z.enum(['form', 'measured', 'computed']),
  document: z.enum(kpiDocuments).nullable(),
  measure: z.enum(kpiMeasures).nullable(),
  /** In words, e.g. 附件1 可行性研究报告 ·（六）绩效目标 · 覆盖职工数量, or 实测：项目页的不重复访问职工. */
  label: z.string(),
});
export type KpiSource = z.infer<typeof kpiSourceSchema>;

export const kpiUnits = ['people', 'fen', 'percent', 'score'] as const;

export const kpiFigureSchema = z.object({
  /** null: not filled in on the form, or not computable yet (no budget, nobody served). */
  value: z.number().nullable(),
  /** The value as shown (人, 元, %, 分). */
  display: z.string(),
  source: kpiSourceSchema,
});
export type KpiFigure = z.infer<typeof kpiFigureSchema>;

export const kpiMetricKeys = ['covered', 'served', 'funds', 'costPerServed', 'satisfaction'] as const;
export type KpiMetricKey = (typeof kpiMetricKeys)[number];

export const kpiMetricSchema = z.object({
  key: z.enum(kpiMetricKeys),
  /** 覆盖职工数量, 直接服务职工数量, 资金使用, 人均服务成本, 职工满意度. */
  label: z.string(),
  unit: z.enum(kpiUnits),
  /** 事前预估 (附件1; 附件2 has no figures of its own, its 绩效预估描述 is `startOverview`). */
  target: z.array(kpiFigureSchema),
  /** 中期 (附件3 as filed, and the live measured figures while the project is in its mid-term phase). */
  midterm: z.array(kpiFigureSchema),
  /** 办结 (附件4 as filed, 决算, and the live measured figures once the acceptance form is filed). */
  final: z.array(kpiFigureSchema),
});
export type KpiMetric = z.infer<typeof kpiMetricSchema>;

/** The measured figures (all live, read from the records kept equal to a recompute). */
export const kpiMeasuredSchema = z.object({
  /** Distinct workers who opened the project page (知晓 / 覆盖面). */
  viewers: z.number().int().min(0),
  /** Directly served: distinct people checked in, registered or listed. */
  served: z.number().int().min(0),
  spentFen: z.number().int().min(0),
  totalBudgetFen: z.number().int().min(0),
  subsidyFen: z.number().int().min(0),
  /** Subsidy tranches recorded (paid). */
  paidFen: z.number().int().min(0),
  /** spent ÷ budget, percent, one decimal; null without a budget. */
  spentPercent: z.number().nullable(),
  /** spent ÷ served, fen (rounded); null while nobody is served. */
  costPerServedFen: z.number().int().nullable(),
  ratings: z.number().int().min(0),
  /** Share of ratings with 满意度 ≥ 4, percent, one decimal; null without ratings. */
  satisfiedPercent: z.number().nullable(),
  /** Mean 满意度 (1–5), two decimals; null without ratings. */
  satisfactionMean: z.number().nullable(),
  /** How many ratings gave 满意度 1, 2, 3, 4, 5. */
  satisfactionDistribution: z.array(z.number().int().min(0)).length(5),
  /** served ÷ target served, percent, one decimal; null without a target. */
  servedPercent: z.number().nullable(),
});
export type KpiMeasured = z.infer<typeof kpiMeasuredSchema>;

/**
 * 现场座谈 as they feed the evaluation (common/forums.ts, a recompute from the forum records each time):
 * how many forums, how many people came, the follow-ups still open and those of them past their due date
 * (Asia/Shanghai). `display`: 现场座谈 N 场、参加 M 人次、待办事项 K 项（逾期 L 项）.
 */
export const kpiForumsSchema = forumFiguresSchema.extend({
  display: z.string(),
  source: kpiSourceSchema,
});
export type KpiForums = z.infer<typeof kpiForumsSchema>;

// ---------------------------------------------------------------- signals

export const kpiThresholdsSchema = z
  .object({
    /** Ratings needed before a signal is given (below: 数据不足). */
    minRatings: z.number({ error: '请填写最少评价人数' }).int('最少评价人数要填整数').min(1, '至少 1 人').max(10000),
    /** 加大扶助 / 扩大覆盖面 when the satisfied share is at least this … */
    expandSatisfaction: z
      .number({ error: '请填写满意率（加大扶助）' })
      .int('满意率要填整数')
      .min(0, '满意率在 0–100 之间')
      .max(100, '满意率在 0–100 之间'),
    /** … and served ÷ target is at least this (percent, may exceed 100). */
    expandServed: z
      .number({ error: '请填写目标完成率（加大扶助）' })
      .int('目标完成率要填整数')
      .min(0, '目标完成率不能是负数')
      .max(1000, '目标完成率最多 1000%'),
    /** 逆向调整 when the satisfied share is below this … */
    scaleBackSatisfaction: z
      .number({ error: '请填写满意率（逆向调整）' })
      .int('满意率要填整数')
      .min(0, '满意率在 0–100 之间')
      .max(100, '满意率在 0–100 之间'),
    /** … or served ÷ target is below this. */
    scaleBackServed: z
      .number({ error: '请填写目标完成率（逆向调整）' })
      .int('目标完成率要填整数')
      .min(0, '目标完成率不能是负数')
      .max(1000, '目标完成率最多 1000%'),
  })
  .strict();
export type KpiThresholds = z.infer<typeof kpiThresholdsSchema>;

export const kpiSignalSchema = z.enum(kpiSignals);

export const signalViewSchema = z.object({
  /** What the rule says from the figures and thresholds. */
  computed: kpiSignalSchema,
  computedLabel: z.string(),
  /** Why, in words (the figures against the thresholds). */
  reasons: z.array(z.string()),
  /** What staff decided (accepted the computed one, or overrode it); null until then. */
  decision: z
    .object({
      decision: z.enum(['accept', 'override']),
      signal: kpiSignalSchema,
      signalLabel: z.string(),
      /** The computed signal when it was decided (a later change of figures shows as `stale`). */
      computedThen: kpiSignalSchema,
      reason: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** True when the figures have since moved the computed signal away from the one decided on. */
  stale: z.boolean(),
  /** The decided signal, else the computed one. */
  effective: kpiSignalSchema,
  effectiveLabel: z.string(),
  /** The figures behind it. */
  satisfiedPercent: z.number().nullable(),
  servedPercent: z.number().nullable(),
  ratings: z.number().int(),
  thresholds: kpiThresholdsSchema,
  /** Where the thresholds come from: the org that set them for the year, or null for the defaults. */
  thresholdsOrg: z.object({ orgId: z.string(), name: z.string() }).nullable(),
});
export type SignalView = z.infer<typeof signalViewSchema>;

// ---------------------------------------------------------------- kpi.project

export const kpiProjectInputSchema = z.object({ projectId: idSchema }).strict();
export type KpiProjectInput = z.infer<typeof kpiProjectInputSchema>;

export const kpiProjectOutputSchema = z.object({
  projectId: z.string(),
  title: z.string(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  year: z.number().int(),
  level: z.enum(projectLevels),
  orgName: z.string(),
  /** When the measured figures were read (ISO). */
  asOf: z.string(),
  /** Which stage the live measured figures are shown under now. */
  liveStage: z.enum(['midterm', 'final']),
  metrics: z.array(kpiMetricSchema),
  measured: kpiMeasuredSchema,
  /** 现场座谈: forums held, attendance, follow-ups open and overdue. */
  forums: kpiForumsSchema,
  /** 附件2 项目概况及绩效预估描述 (text), null until a start form is filed. */
  startOverview: z.string().nullable(),
  signal: signalViewSchema,
  /**
   * The acceptance form (附件4) pre-filled from the measured figures: the client puts these in the
   * form's 完成情况及效果评估 and the actual-figure rows; the applicant edits before filing.
   */
  acceptanceDraft: z.object({
    completionAssessment: z.string(),
    coveredActual: z.number().int().min(0),
    servedActual: z.number().int().min(0),
    satisfactionActual: z.number().int().min(0).max(100).nullable(),
  }),
  /** The caller may accept or override the signal. */
  canDecide: z.boolean(),
});
export type KpiProjectOutput = z.infer<typeof kpiProjectOutputSchema>;

// ---------------------------------------------------------------- kpi.signalsOf

export const signalsOfInputSchema = z
  .object({
    /** The projects of a list page (each once; unknown ids and projects the caller may not see are left out). */
    projectIds: z
      .array(idSchema, { error: '请给出项目编号' })
      .min(1, '至少给出 1 个项目')
      .max(50, '一次最多查询 50 个项目'),
  })
  .strict();
export type SignalsOfInput = z.infer<typeof signalsOfInputSchema>;

/** A project's signal in short, as a list row shows it (the same figures `kpi.project` gives in `signal`). */
export const projectSignalSchema = z.object({
  projectId: z.string(),
  /** The effective signal (staff's decision, else the computed one) and its words. */
  signal: kpiSignalSchema,
  label: z.string(),
  /** Why, in one line: the figures against the thresholds (the computed signal's reasons joined). */
  reason: z.string(),
  computed: kpiSignalSchema,
  /** What staff did: accepted the computed signal, overrode it, or nothing yet (null). */
  decision: z.enum(['accept', 'override']).nullable(),
  /** Staff's reason for the decision; null without one. */
  decisionReason: z.string().nullable(),
  /** The figures have since moved the computed signal away from the one decided on. */
  stale: z.boolean(),
  ratings: z.number().int(),
  satisfiedPercent: z.number().nullable(),
  servedPercent: z.number().nullable(),
});
export type ProjectSignal = z.infer<typeof projectSignalSchema>;

export const signalsOfOutputSchema = z.object({
  /** In the order asked for. */
  items: z.array(projectSignalSchema),
});
export type SignalsOfOutput = z.infer<typeof signalsOfOutputSchema>;

// ---------------------------------------------------------------- dashboard and its lists

const yearSchema = z
  .number({ error: '请选择年度' })
  .int('年度要填整数')
  .min(2020, '年度从 2020 年起')
  .max(2100, '年度不对');

/** The projects behind a figure: what `kpi.list` takes (every dashboard figure carries one). */
export const kpiFilterSchema = z
  .object({
    year: yearSchema,
    level: z.enum(projectLevels, { error: '项目层级不对' }).optional(),
    /** A node of the caller's subtree (default: every node the caller's staff bindings reach). */
    orgId: idSchema.optional(),
    status: z.enum(projectStatuses, { error: '项目状态不对' }).optional(),
    /** Effective signal. */
    signal: kpiSignalSchema.optional(),
    /**
     * midterm: 中期表逾期未报; dueSoon: 7 天内到期; late: 有逾期未完成的推进节点; followUps: 现场座谈有逾期未办的
     * 待办事项.
     */
    overdue: z.enum(['midterm', 'dueSoon', 'late', 'followUps']).optional(),
    /** With a served target: true = met (served ≥ target), false = not yet. */
    metTarget: z.boolean().optional(),
    /** With a subsidy: which tranche is recorded (paid) — 1: the first only, 2: both, 0: none yet. */
    paid: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    /** Has a city subsidy (true) or none (false). */
    subsidised: z.boolean().optional(),
    /** At least one tranche (拨付) recorded (true) or none (false): the projects behind 已拨付 `paidFen`. */
    paidAny: z.boolean().optional(),
    /** Has at least one rating that gave 满意度 this score (1–5): the projects behind a distribution row. */
    score: z.number().int('满意度分数要填整数').min(1, '满意度分数为 1–5').max(5, '满意度分数为 1–5').optional(),
    /** Rated by at least the thresholds' minimum (true) or not (false). */
    rated: z.boolean().optional(),
  })
  .strict();
export type KpiFilter = z.infer<typeof kpiFilterSchema>;

export const kpiDashboardInputSchema = z
  .object({
    year: yearSchema,
    level: z.enum(projectLevels, { error: '项目层级不对' }).optional(),
    orgId: idSchema.optional(),
  })
  .strict();
export type KpiDashboardInput = z.infer<typeof kpiDashboardInputSchema>;

const counted = z.object({ count: z.number().int().min(0), filter: kpiFilterSchema });

export const kpiDashboardSchema = z.object({
  year: z.number().int(),
  level: z.enum(projectLevels).nullable(),
  /** The org the figures cover (the filter's, or the caller's own node). */
  orgName: z.string(),
  asOf: z.string(),
  total: counted,
  byStatus: z.array(counted.extend({ status: z.enum(projectStatuses), label: z.string() })),
  byLevel: z.array(counted.extend({ level: z.enum(projectLevels), label: z.string() })),
  money: z.object({
    totalBudgetFen: z.number().int(),
    /** Subsidy committed (扶助资金, on the records). */
    subsidyFen: z.number().int(),
    /** Tranches recorded (拨付). */
    paidFen: z.number().int(),
    spentFen: z.number().int(),
    withSubsidy: counted,
    paidNone: counted,
    paidFirst: counted,
    paidBoth: counted,
    /** The projects behind 已拨付 (`paidFen`): those with at least one tranche recorded. */
    paid: counted,
  }),
  workers: z.object({
    served: z.number().int(),
    /** Sum of the served targets of the projects that have one. */
    targetServed: z.number().int(),
    viewers: z.number().int(),
    targetCovered: z.number().int(),
    metTarget: counted,
    belowTarget: counted,
  }),
  satisfaction: z.object({
    ratings: z.number().int(),
    /** 满意度 1–5: how many ratings gave each score. */
    distribution: z.array(z.number().int().min(0)).length(5),
    /**
     * One per score 1–5, the rows of the distribution: `ratings` = that row's count; `count` and `filter` =
     * the projects with at least one rating at that score (a count of projects, not of ratings).
     */
    byScore: z.array(counted.extend({ score: z.number().int(), ratings: z.number().int().min(0), label: z.string() })),
    satisfiedPercent: z.number().nullable(),
    mean: z.number().nullable(),
    rated: counted,
    unrated: counted,
  }),
  signals: z.array(counted.extend({ signal: kpiSignalSchema, label: z.string() })),
  overdue: z.object({
    midterm: counted,
    dueSoon: counted,
    late: counted,
    /** Projects with a 现场座谈 follow-up past its due date; `items`: how many such follow-ups in all. */
    followUps: counted.extend({ items: z.number().int().min(0) }),
  }),
  /** 现场座谈 of these projects: forums held, attendance, follow-ups open and overdue (sums). */
  forums: forumFiguresSchema,
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;

export const kpiListInputSchema = kpiFilterSchema.extend(pageInputSchema.shape).strict();
export type KpiListInput = z.infer<typeof kpiListInputSchema>;

export const kpiListItemSchema = z.object({
  _id: z.string(),
  title: z.string(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  level: z.enum(projectLevels),
  orgName: z.string(),
  year: z.number().int(),
  served: z.number().int(),
  targetServed: z.number().int().nullable(),
  servedPercent: z.number().nullable(),
  viewers: z.number().int(),
  targetCovered: z.number().int().nullable(),
  totalBudgetFen: z.number().int(),
  subsidyFen: z.number().int(),
  paidFen: z.number().int(),
  spentFen: z.number().int(),
  ratings: z.number().int(),
  satisfiedPercent: z.number().nullable(),
  signal: kpiSignalSchema,
  signalLabel: z.string(),
  /** The signal was decided by staff (accepted or overridden). */
  signalDecided: z.boolean(),
  overdue: z.boolean(),
  /** 现场座谈 follow-ups past their due date. */
  overdueFollowUps: z.number().int().min(0),
});
export type KpiListItem = z.infer<typeof kpiListItemSchema>;
export const kpiPageSchema = pagedSchema(kpiListItemSchema);
export type KpiPage = z.infer<typeof kpiPageSchema>;

// ---------------------------------------------------------------- staff settings and decisions

export const setThresholdsInputSchema = kpiThresholdsSchema
  .extend({
    year: yearSchema,
    /** The org the thresholds are for (default: the caller's node); its projects and those below use them. */
    orgId: idSchema.optional(),
  })
  .strict()
  .refine((v) => v.scaleBackSatisfaction <= v.expandSatisfaction, {
    error: '逆向调整的满意率不能高于加大扶助的满意率',
    path: ['scaleBackSatisfaction'],
  })
  .refine((v) => v.scaleBackServed <= v.expandServed, {
    error: '逆向调整的目标完成率不能高于加大扶助的目标完成率',
    path: ['scaleBackServed'],
  });
export type SetThresholdsInput = z.infer<typeof setThresholdsInputSchema>;

export const thresholdsInputSchema = z.object({ year: yearSchema, orgId: idSchema.optional() }).strict();
export type ThresholdsInput = z.infer<typeof thresholdsInputSchema>;

export const thresholdsOutputSchema = z.object({
  year: z.number().int(),
  orgId: z.string(),
  orgName: z.string(),
  thresholds: kpiThresholdsSchema,
  /** Where they come from: this org, an org above it, or the defaults (null). */
  from: z.object({ orgId: z.string(), name: z.string() }).nullable(),
  /** The caller may change them for this org. */
  canSet: z.boolean(),
});
export type ThresholdsOutput = z.infer<typeof thresholdsOutputSchema>;

export const decideSignalInputSchema = z
  .object({
    projectId: idSchema,
    decision: z.enum(['accept', 'override'], { error: '请选择采纳或调整' }),
    /** The signal staff set instead (override only; must differ from the computed one). */
    signal: kpiSignalSchema.optional(),
    reason: text('理由', 2, 500),
  })
  .strict()
  .refine((v) => v.decision !== 'override' || v.signal !== undefined, {
    error: '调整信号时请选择新的信号',
    path: ['signal'],
  })
  .refine((v) => v.decision !== 'accept' || v.signal === undefined, {
    error: '采纳时不用选择信号',
    path: ['signal'],
  });
export type DecideSignalInput = z.infer<typeof decideSignalInputSchema>;

export const exportDashboardOutputSchema = projectExportOutputSchema;

// ---------------------------------------------------------------- the table

/** Who reads KPIs and dashboards: staff who reach the project (subtree or routed department), leaders included. */
const staffSee = access(staffRoles, 'department');
/** Who accepts or overrides a signal: the applicant's staff and the routed department's reviewers. */
export const signalDeciderRoles = [...new Set([...projectOwnerRoles, ...projectReviewerRoles])];

export const kpiContracts = {
  project: {
    summary:
      '项目的三阶段绩效（事前预估、中期、办结）：覆盖职工、直接服务职工、资金使用、满意度，每个数字注明来源，附信号和验收表预填内容',
    input: kpiProjectInputSchema,
    output: kpiProjectOutputSchema,
    access: staffSee,
  },
  signalsOf: {
    summary:
      '项目列表一页（最多 50 个）各项目的信号：生效信号、依据（数字对比阈值）、工作人员是否采纳或调整；看不到的项目不返回',
    input: signalsOfInputSchema,
    output: signalsOfOutputSchema,
    access: staffSee,
  },
  dashboard: {
    summary:
      '绩效看板：某年度、层级、单位（本级及下级）的项目状态、扶助资金、服务人数对比目标、满意度分布、信号和逾期事项；每个数字带列表筛选条件',
    input: kpiDashboardInputSchema,
    output: kpiDashboardSchema,
    access: staffSee,
  },
  list: {
    summary: '看板上某个数字背后的项目列表（带各自的绩效和信号），筛选条件即看板给出的 filter',
    input: kpiListInputSchema,
    output: kpiPageSchema,
    access: staffSee,
  },
  exportDashboard: {
    summary: '导出绩效看板（Excel）：一张表是看板数字，一张表是每个项目的绩效和信号',
    input: kpiDashboardInputSchema,
    output: exportDashboardOutputSchema,
    access: staffSee,
  },
  thresholds: {
    summary: '某单位某年度生效的信号阈值（本单位设的、上级设的或默认值）',
    input: thresholdsInputSchema,
    output: thresholdsOutputSchema,
    access: staffSee,
  },
  setThresholds: {
    summary: '设置本单位某年度的信号阈值（满意率、目标完成率、最少评价人数），本单位及下级的项目按它给出信号',
    input: setThresholdsInputSchema,
    output: thresholdsOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  decideSignal: {
    summary: '工作人员采纳或调整项目的信号（加大扶助 / 维持 / 逆向调整），须写理由，记入审计',
    input: decideSignalInputSchema,
    output: signalViewSchema,
    access: access(signalDeciderRoles, 'department'),
  },
} as const satisfies Record<string, ActionContract>;
