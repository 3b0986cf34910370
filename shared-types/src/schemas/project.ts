/**
 * 项目: the record of a practical thing for workers, from adoption to closing (第五条（三）–（九）).
 * The record is 附件1 (可行性研究报告) field for field; the three forms 附件2–4 each carry three
 * sign-offs; money is integer fen (分), never floating point.
 */
import { z } from 'zod';
import { evidenceLinkSchema } from './evidence';
import { idSchema, pageInputSchema, pagedSchema, text } from './common';
import { projectStatuses, proposalRefSchema } from './proposal';
import { projectProgressSchema } from './progress';

// ---------------------------------------------------------------- money and dates

const MAX_FEN = 100_000_000_000; // 10 亿元: no union project comes near it

/** An amount in fen (分): a whole, non-negative number. */
export function fen(label: string) {
  return z
    .number({ error: `请填写${label}（以分为单位的整数）` })
    .int(`${label}要精确到分（整数分）`)
    .min(0, `${label}不能是负数`)
    .max(MAX_FEN, `${label}过大`);
}

/** True when `yyyy-mm-dd` names a real day (not 02-30). */
export function dayExists(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

/** A business date `yyyy-mm-dd` (Asia/Shanghai). */
export function businessDay(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}要写成 年-月-日，例如 2027-03-01`)
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        error: `${label}不是有效日期`,
      },
    );
}

const phoneSchema = z
  .string({ error: '请填写联系电话' })
  .trim()
  .regex(/^[0-9+\-\s()]{7,20}$/, '联系电话格式不对（手机或座机，例如 0411-82345678）');
const emailSchema = z.string().trim().max(100, '电子邮箱最多 100 个字').email('电子邮箱格式不对');
const personName = (label: string) => text(label, 2, 20);

// ---------------------------------------------------------------- levels and routing

/** 项目层级 (附件1 封面): 市级 / 县区级 / 产业级. */
export const projectLevels = ['city', 'district', 'industry'] as const;
export type ProjectLevel = (typeof projectLevels)[number];
export const projectLevelLabels: Record<ProjectLevel, string> = {
  city: '市级',
  district: '县区级',
  industry: '产业级',
};

/** Committee meetings that decide projects (第五条（四）). */
export const meetingKinds = ['partyGroup', 'standing', 'plenary', 'cityPartyGroup'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  partyGroup: '党组会',
  standing: '常委会',
  plenary: '全委会',
  cityPartyGroup: '市总党组会',
};

// ---------------------------------------------------------------- the record (附件1)

export const budgetLineSchema = z.object({
  /** 支出事项 */
  item: text('预算事项', 1, 60),
  /** 金额（分） */
  amountFen: fen('预算金额'),
  /** 其中市总扶助（分）: the part of this line paid from the city subsidy. */
  cityAidFen: fen('其中市总扶助金额'),
  /** 资金来源 (自筹、上级拨款、企业配套 …). */
  source: text('资金来源', 1, 40),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const milestoneSchema = z.object({
  /** 时间节点 */
  date: businessDay('时间节点'),
  /** 工作内容 */
  task: text('推进内容', 2, 200),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const subProjectSchema = z.object({
  name: text('子项目名称', 2, 40),
  content: text('子项目内容', 2, 1000),
});

/** 责任分工: 策划、实施、督导、检查、验收, each a named person. */
export const dutyKinds = ['planning', 'implementation', 'supervision', 'inspection', 'acceptance'] as const;
export type DutyKind = (typeof dutyKinds)[number];
export const dutyLabels: Record<DutyKind, string> = {
  planning: '策划',
  implementation: '实施',
  supervision: '督导',
  inspection: '检查',
  acceptance: '验收',
};
export const dutySchema = z.object({
  person: personName('责任人'),
  /** 责任范围 */
  scope: text('责任范围', 2, 200),
});

/**
 * 附件1 可行性研究报告, field for field. Every part is optional while the record is a draft; submitting
 * it for 论证 needs the whole report (rules/project.ts `recordGaps`).
 */
export const projectRecordSchema = z.object({
  // 封面
  level: z.enum(projectLevels, { error: '请选择项目层级' }),
  /** 申报单位（公章）: the applicant unit's name as printed. */
  applicantUnit: text('申报单位', 2, 60),
  /** 项目负责人 */
  leaderName: personName('项目负责人').optional(),
  /** 联系电话 */
  phone: phoneSchema.optional(),
  /** 电子邮箱 */
  email: emailSchema.optional(),
  /** 编报日期 */
  reportDate: businessDay('编报日期').optional(),
  // （一）项目名称
  title: text('项目名称', 4, 40),
  // （二）项目背景: 必要性和可行性分析
  necessity: text('必要性分析', 10, 2000).optional(),
  feasibility: text('可行性分析', 10, 2000).optional(),
  // （三）项目内容
  serviceTargets: text('服务对象', 2, 500).optional(),
  serviceMethod: text('服务方式', 2, 500).optional(),
  goals: text('目标任务', 2, 1000).optional(),
  standards: text('实施标准', 2, 1000).optional(),
  coverage: text('实施范围', 2, 500).optional(),
  subProjects: z.array(subProjectSchema).max(20, '子项目最多 20 个').default([]),
  // （四）推进方案（计划）
  startDate: businessDay('项目启动时间').optional(),
  endDate: businessDay('项目结束时间').optional(),
  milestones: z.array(milestoneSchema).max(50, '推进计划最多 50 项').default([]),
  // （五）资金预算
  budgetLines: z.array(budgetLineSchema).max(100, '预算明细最多 100 行').default([]),
  /** 对市总工会扶持资金部分的说明 */
  aidStatement: text('市总扶助资金说明', 2, 500).optional(),
  // （六）绩效目标
  expectedResults: text('预期成果和社会效益', 10, 2000).optional(),
  /** 事前预估: 覆盖职工数量 */
  targetCovered: z.number().int('覆盖职工数量要填整数').min(0, '覆盖职工数量不能是负数').max(10_000_000).optional(),
  /** 事前预估: 直接服务职工数量 */
  targetServed: z
    .number()
    .int('直接服务职工数量要填整数')
    .min(0, '直接服务职工数量不能是负数')
    .max(10_000_000)
    .optional(),
  /** 事前预估: 职工满意度（%） */
  targetSatisfaction: z
    .number()
    .int('满意度目标要填整数')
    .min(0, '满意度目标在 0–100 之间')
    .max(100, '满意度目标在 0–100 之间')
    .optional(),
  // （七）保障措施
  organisation: text('组织领导', 2, 1000).optional(),
  supervision: text('监督检查', 2, 1000).optional(),
  fundingAssurance: text('资金保障', 2, 1000).optional(),
  publicity: text('宣传交流', 2, 1000).optional(),
  // （八）责任分工
  duties: z
    .object({
      planning: dutySchema.optional(),
      implementation: dutySchema.optional(),
      supervision: dutySchema.optional(),
      inspection: dutySchema.optional(),
      acceptance: dutySchema.optional(),
    })
    .default({}),
  /** 第四条（三）: a temporary need of a key industry, major works or a special group of workers. */
  temporaryNeed: z.boolean().default(false),
  /** 产业工会项目按有关财务规定执行: the first tranche's share of the subsidy, percent (default 40). */
  tranche1Percent: z
    .number()
    .int()
    .min(0, '首次拨付比例在 0–100 之间')
    .max(100, '首次拨付比例在 0–100 之间')
    .optional(),
  /** 实施方案的公开内容（信息发布）: 工作流程 as workers read it. */
  workflowText: text('工作流程', 2, 1000).optional(),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;
export type ProjectRecordInput = z.input<typeof projectRecordSchema>;

// ---------------------------------------------------------------- forms (附件2–4)

export const formKinds = ['start', 'midterm', 'acceptance'] as const;
export type FormKind = (typeof formKinds)[number];
export const formKindLabels: Record<FormKind, string> = {
  start: '启动申报表',
  midterm: '中期推进情况表',
  acceptance: '验收申报表',
};
/** 附件 number of each document. */
export const formAnnex: Record<FormKind | 'feasibility', number> = {
  feasibility: 1,
  start: 2,
  midterm: 3,
  acceptance: 4,
};

/** The three sign-offs, in order (附件2–4). */
export const signSteps = ['unit', 'department', 'leader'] as const;
export type SignStep = (typeof signSteps)[number];
export const signStepLabels: Record<SignStep, string> = {
  unit: '申报单位意见',
  department: '归口管理部门意见',
  leader: '归口管理部门分管领导意见',
};

export const formStatuses = ['awaitingUnit', 'awaitingDepartment', 'awaitingLeader', 'approved', 'returned'] as const;
export type FormStatus = (typeof formStatuses)[number];

/** What the applicant fills in on each form (the rows of 附件2–4 that are not derived from the record). */
export const startFormFieldsSchema = z.object({
  /** 项目概况及绩效预估描述 */
  overview: text('项目概况及绩效预估描述', 10, 2000),
  /** 项目推进计划 */
  plan: text('项目推进计划', 10, 2000),
  /** 填表日期 */
  fillDate: businessDay('填表日期'),
});
export const midtermFormFieldsSchema = z.object({
  /** 拟申请验收时间 */
  plannedAcceptanceDate: businessDay('拟申请验收时间'),
  /** 项目中期推进情况及效果评估 */
  progressAssessment: text('项目中期推进情况及效果评估', 10, 2000),
  /** 中期实测：已覆盖职工数、已直接服务职工数（可选，填报时的数字） */
  coveredSoFar: z.number().int().min(0).max(10_000_000).optional(),
  servedSoFar: z.number().int().min(0).max(10_000_000).optional(),
  fillDate: businessDay('填表日期'),
});
export const acceptanceFormFieldsSchema = z.object({
  /** 申请验收时间 */
  requestedAcceptanceDate: businessDay('申请验收时间'),
  /** 项目完成情况及效果评估 */
  completionAssessment: text('项目完成情况及效果评估', 10, 2000),
  /** 实际覆盖职工数、实际直接服务职工数、职工满意度（%） */
  coveredActual: z.number().int().min(0).max(10_000_000).optional(),
  servedActual: z.number().int().min(0).max(10_000_000).optional(),
  satisfactionActual: z.number().int().min(0).max(100).optional(),
  fillDate: businessDay('填表日期'),
});

export const signatureSchema = z.object({
  step: z.enum(signSteps),
  decision: z.enum(['approve', 'return']),
  opinion: z.string(),
  /** 申报单位意见: the unit seal (单位公章) was affixed on the paper copy. */
  sealConfirmed: z.boolean(),
  byName: z.string(),
  at: z.string(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const projectFormSchema = z.object({
  _id: z.string(),
  projectId: z.string(),
  kind: z.enum(formKinds),
  kindLabel: z.string(),
  /** 1 for the first filing; a returned form is resubmitted as the next version. */
  version: z.number().int().min(1),
  status: z.enum(formStatuses),
  statusLabel: z.string(),
  /** The step waiting for a signature, with who signs it; null once approved or returned. */
  pending: z
    .object({
      step: z.enum(signSteps),
      stepLabel: z.string(),
      role: z.string(),
      orgId: z.string(),
      orgName: z.string(),
    })
    .nullable(),
  fields: z.record(z.string(), z.unknown()),
  signatures: z.array(signatureSchema),
  submittedAt: z.string(),
  submittedByName: z.string(),
  decidedAt: z.string().nullable(),
});
export type ProjectForm = z.infer<typeof projectFormSchema>;

// ---------------------------------------------------------------- what the record shows

export const reviewMeetingKinds = ['argument', 'seminar', 'survey'] as const;
export const reviewMeetingLabels: Record<(typeof reviewMeetingKinds)[number], string> = {
  argument: '论证会',
  seminar: '研讨会',
  survey: '专项调研',
};
export const reviewRecordSchema = z.object({
  kind: z.enum(reviewMeetingKinds),
  date: z.string(),
  participants: z.string(),
  conclusion: z.enum(['pass', 'revise', 'reject']),
  conclusionText: z.string(),
  byName: z.string(),
});

export const trancheSchema = z.object({
  n: z.union([z.literal(1), z.literal(2)]),
  amountFen: z.number().int().min(0),
  /** When it was recorded (the start form's last approval, or acceptance). */
  at: z.string(),
  formId: z.string(),
});
export type Tranche = z.infer<typeof trancheSchema>;

export const spendingLineSchema = z.object({
  _id: z.string(),
  date: z.string(),
  item: z.string(),
  amountFen: z.number().int(),
  cityAidFen: z.number().int(),
  note: z.string().nullable(),
  byName: z.string(),
});

export const projectStepSchema = z.object({
  status: z.enum(projectStatuses),
  label: z.string(),
  /** ISO instant the project reached this step, null while ahead. */
  at: z.string().nullable(),
  done: z.boolean(),
});

export const moneySummarySchema = z.object({
  totalBudgetFen: z.number().int(),
  subsidyFen: z.number().int(),
  /** Largest subsidy allowed (≤ 50% of the total for county and industry projects); null: no cap (市级). */
  maxSubsidyFen: z.number().int().nullable(),
  tranche1Fen: z.number().int(),
  tranche2Fen: z.number().int(),
  spentFen: z.number().int(),
  spentAidFen: z.number().int(),
  /** Spending over the budget (flagged, not refused: the 决算 explains it). */
  overBudget: z.boolean(),
  /** 资金使用效率: spent ÷ budget, percent with one decimal; null without a budget. */
  spentPercent: z.number().nullable(),
  /** Cost per directly served worker (分), from spending and the served figure; null while unknown. */
  costPerServedFen: z.number().int().nullable(),
  /** 决算 (final accounts) recorded at closing. */
  finalAccountsFen: z.number().int().nullable(),
});

export const projectSchema = z.object({
  _id: z.string(),
  title: z.string(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  tone: z.string(),
  progress: z.number().int().min(0).max(100),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  level: z.enum(projectLevels),
  levelLabel: z.string(),
  /** 归口管理部门 that reviews and signs. */
  department: z.object({ orgId: z.string(), name: z.string() }),
  /**
   * The proposals it came from (the kept one first, then those merged into it), each with how many
   * workers back it (author and supporters, 意愿集中度).
   */
  origin: z.array(
    proposalRefSchema.extend({ backerCount: z.number().int().min(0), supportCount: z.number().int().min(0) }),
  ),
  /** Public text (服务对象, 服务内容, 工作流程) once published; what every worker sees. */
  plan: z
    .object({
      serviceTargets: z.string(),
      serviceContent: z.string(),
      workflow: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    })
    .nullable(),
  /** The real steps with the dates they were reached. */
  steps: z.array(projectStepSchema),
  createdAt: z.string(),
  /**
   * 实施进展: milestones with planned and done dates and late flags, public progress updates; staff
   * also get every report with its replies. Absent before establishment.
   */
  implementation: projectProgressSchema.optional(),
  /** Staff of the unit, the routed department and committee staff see the rest; workers get null. */
  staff: z
    .object({
      record: projectRecordSchema,
      /** The version being edited (or the frozen one while under review). */
      version: z.number().int().min(1),
      /** The version `record` shows (an earlier one when asked for; it is read-only). */
      shownVersion: z.number().int().min(1),
      /** True while a submitted version is under review (editing is closed). */
      frozen: z.boolean(),
      versions: z.array(z.object({ version: z.number().int(), frozenAt: z.string(), reason: z.string() })),
      reviews: z.array(reviewRecordSchema),
      decisions: z.array(
        z.object({
          _id: z.string(),
          meetingKind: z.enum(meetingKinds),
          meetingLabel: z.string(),
          date: z.string(),
          resolution: z.string(),
        }),
      ),
      /** What the committee chain still needs, in words; empty once established. */
      decisionsNeeded: z.array(z.string()),
      forms: z.array(projectFormSchema),
      money: moneySummarySchema,
      tranches: z.array(trancheSchema),
      spending: z.array(spendingLineSchema),
      midtermDue: z.string().nullable(),
      overdue: z.boolean(),
      /** Actions the caller may take now (for buttons). */
      actions: z.array(z.string()),
      evidence: z.array(evidenceLinkSchema),
      terminatedReason: z.string().nullable(),
    })
    .nullable(),
});
export type Project = z.infer<typeof projectSchema>;

// ---------------------------------------------------------------- inputs

export const getProjectInputSchema = z.object({
  projectId: idSchema,
  /** Staff: read an earlier (frozen) version of the record; default the current one. */
  version: z.number().int().min(1, '版本从 1 开始').optional(),
});
export type GetProjectInput = z.infer<typeof getProjectInputSchema>;

export const createProjectInputSchema = z.object({
  record: projectRecordSchema,
  /** Org node that applies (default: the caller's). */
  orgId: idSchema.optional(),
  /** Project year (default: next year in Q4, else this year). */
  year: z.number().int().min(2020, '年度从 2020 年起').max(2100, '年度不对').optional(),
  /** City projects: the responsible department (责任部门) besides 调查研究室. */
  responsibleDeptId: idSchema.optional(),
});
export type CreateProjectInput = z.infer<typeof createProjectInputSchema>;

/** Edit the record (a draft or returned version), or an 调整 of an established project (with a reason). */
export const updateProjectInputSchema = z.object({
  projectId: idSchema,
  /** The version the edit was made on: an older one is a stale edit (CONFLICT). */
  version: z.number().int().min(1),
  record: projectRecordSchema,
  /** 调整: why an established project's record changes (required then). */
  adjustReason: text('调整原因', 4, 500).optional(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectInputSchema>;

/** Moves of the project itself (not the forms). */
export const projectMoves = [
  'submitFeasibility',
  'recordReview',
  'submitForDecision',
  'returnForRevision',
  'publish',
  'start',
  'terminate',
] as const;
export type ProjectMove = (typeof projectMoves)[number];

export const moveProjectInputSchema = z.object({
  projectId: idSchema,
  move: z.enum(projectMoves, { error: '操作不对' }),
  /** Reason or opinion (退回、终止 need one). */
  note: text('说明', 2, 500).optional(),
  /** recordReview: the 论证会 record. */
  review: z
    .object({
      kind: z.enum(reviewMeetingKinds, { error: '请选择论证形式' }),
      date: businessDay('论证日期'),
      participants: text('参加人员', 2, 500),
      conclusion: z.enum(['pass', 'revise', 'reject'], { error: '请选择论证结论' }),
      conclusionText: text('论证意见', 4, 1000),
    })
    .optional(),
});
export type MoveProjectInput = z.infer<typeof moveProjectInputSchema>;

export const submitFormInputSchema = z.discriminatedUnion('kind', [
  z.object({ projectId: idSchema, kind: z.literal('start'), fields: startFormFieldsSchema }),
  z.object({ projectId: idSchema, kind: z.literal('midterm'), fields: midtermFormFieldsSchema }),
  z.object({ projectId: idSchema, kind: z.literal('acceptance'), fields: acceptanceFormFieldsSchema }),
]);
export type SubmitFormInput = z.infer<typeof submitFormInputSchema>;

export const signInputSchema = z
  .object({
    formId: idSchema,
    decision: z.enum(['approve', 'return'], { error: '请选择同意或退回' }),
    opinion: text('意见', 2, 500),
    /** 申报单位意见: confirm the unit seal is on the paper copy. */
    sealConfirmed: z.boolean().default(false),
  })
  .strict();
export type SignInput = z.infer<typeof signInputSchema>;

export const recordDecisionInputSchema = z.object({
  meetingKind: z.enum(meetingKinds, { error: '请选择会议' }),
  meetingDate: businessDay('会议日期'),
  resolution: text('会议决议', 4, 1000),
  projectIds: z.array(idSchema).min(1, '请至少选择一个项目').max(200, '一次最多 200 个项目'),
});
export type RecordDecisionInput = z.infer<typeof recordDecisionInputSchema>;

export const recordSpendingInputSchema = z.object({
  projectId: idSchema,
  date: businessDay('支出日期'),
  item: text('支出事项', 1, 60),
  amountFen: fen('支出金额').refine((n) => n > 0, { error: '支出金额要大于 0' }),
  cityAidFen: fen('其中市总扶助资金'),
  note: text('备注', 1, 200).optional(),
});
export type RecordSpendingInput = z.infer<typeof recordSpendingInputSchema>;

export const closeProjectInputSchema = z.object({
  projectId: idSchema,
  /** 经费决算 total (分). */
  finalAccountsFen: fen('经费决算金额'),
  /** 决算说明 and the 完成情况 reported to the 党组会. */
  summary: text('结项说明', 10, 2000),
});
export type CloseProjectInput = z.infer<typeof closeProjectInputSchema>;

export const listProjectsInputSchema = pageInputSchema.extend({
  year: z.number().int().min(2020).max(2100).optional(),
  level: z.enum(projectLevels).optional(),
  status: z.enum(projectStatuses).optional(),
  /** Routed department (归口管理部门) org id. */
  departmentId: idSchema.optional(),
  overdue: z.boolean().optional(),
  q: z.string().trim().max(40, '搜索词最多 40 个字').optional(),
});
export type ListProjectsInput = z.infer<typeof listProjectsInputSchema>;

export const projectListItemSchema = z.object({
  _id: z.string(),
  title: z.string(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  tone: z.string(),
  progress: z.number().int(),
  year: z.number().int(),
  level: z.enum(projectLevels),
  orgName: z.string(),
  departmentName: z.string(),
  totalBudgetFen: z.number().int(),
  subsidyFen: z.number().int(),
  overdue: z.boolean(),
  /** Milestones whose planned date passed and that are not done (rules/progress). */
  lateMilestones: z.number().int().min(0),
  updatedAt: z.string(),
});
export const projectPageSchema = pagedSchema(projectListItemSchema);
export type ProjectPage = z.infer<typeof projectPageSchema>;

export const exportFormInputSchema = z.object({
  projectId: idSchema,
  document: z.enum(['feasibility', 'start', 'midterm', 'acceptance'], { error: '请选择要导出的表' }),
});
export type ExportFormInput = z.infer<typeof exportFormInputSchema>;

export const exportListInputSchema = z.object({
  year: z.number().int().min(2020, '年度从 2020 年起').max(2100, '年度不对'),
});

export const projectExportOutputSchema = z.object({
  fileID: z.string(),
  url: z.string(),
  fileName: z.string(),
  rows: z.number().int().min(0),
});
export type ProjectExportOutput = z.infer<typeof projectExportOutputSchema>;

export const workbenchInputSchema = z.object({}).strict().optional();
export const workItemSchema = z.object({
  kind: z.enum([
    'sign',
    'fixReturned',
    'midtermDue',
    'overdue',
    'review',
    'decision',
    'progressReport',
    'lateMilestone',
  ]),
  label: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  formId: z.string().nullable(),
  /** Due date (yyyy-mm-dd) where there is one. */
  due: z.string().nullable(),
  at: z.string(),
});
export const workbenchOutputSchema = z.object({
  counts: z.object({
    sign: z.number().int(),
    fixReturned: z.number().int(),
    due: z.number().int(),
    overdue: z.number().int(),
    review: z.number().int(),
    /** Progress reports of projects routed to my department that nobody there has replied to yet. */
    progress: z.number().int(),
    /** Projects I see (my subtree, my department) with late milestones. */
    lateMilestones: z.number().int(),
  }),
  items: z.array(workItemSchema),
});
export type Workbench = z.infer<typeof workbenchOutputSchema>;
export type WorkItem = z.infer<typeof workItemSchema>;

/** 中期报送截止日 of a programme year (default 08-15, 第五条（八）“8月中旬前”). */
export const setMidtermDueInputSchema = z
  .object({
    year: z.number().int().min(2020, '年度从 2020 年起').max(2100, '年度不对'),
    /** `mm-dd`, e.g. 08-15. */
    monthDay: z
      .string({ error: '请填写截止日期（月-日）' })
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '截止日期要写成 月-日，例如 08-15'),
  })
  .refine((v) => !/^\d\d-\d\d$/.test(v.monthDay) || dayExists(`${v.year}-${v.monthDay}`), {
    error: '这一天不存在（例如 2 月没有 30 日）',
    path: ['monthDay'],
  });
export type SetMidtermDueInput = z.infer<typeof setMidtermDueInputSchema>;
export const setMidtermDueOutputSchema = z.object({
  year: z.number().int(),
  monthDay: z.string(),
  /** The due instant (end of that day, Asia/Shanghai), ISO. */
  dueAt: z.string(),
  /** Projects of the year whose mid-term form is not in yet, now due then. */
  projectsUpdated: z.number().int().min(0),
});
export type SetMidtermDueOutput = z.infer<typeof setMidtermDueOutputSchema>;
