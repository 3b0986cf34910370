/**
 * 需求调查 (第五条（一）): needs surveys — the definition staff build, the answers workers give, the results
 * read from counters, and the input / output of every `survey` action. The client forms validate with the
 * same schemas the `survey` cloud function parses with.
 */
import { z } from 'zod';
import { idSchema, pageInputSchema, pagedSchema, text } from './common';
import { evidenceLinkSchema, evidenceTargetTypes } from './evidence';
import { jobReplySchema } from './job';
import { workerNameSchema } from './proposal';
import { surveyDefinitionProblems } from '../rules/surveyDefinition';
import { surveyPhases } from './surveyPhase';

// ---------------------------------------------------------------- vocabulary

/** Worker groups a survey may be aimed at and results broken down by (职工群体). */
export const workerGroups = ['frontline', 'women', 'youth', 'migrant', 'newEmployment', 'hardship'] as const;
export type WorkerGroup = (typeof workerGroups)[number];
export const workerGroupLabels: Record<WorkerGroup, string> = {
  frontline: '一线职工',
  women: '女职工',
  youth: '青年职工',
  migrant: '农民工',
  newEmployment: '新就业形态劳动者',
  hardship: '困难职工',
};

export const questionTypes = ['single', 'multiple', 'scale', 'score', 'ranking', 'matrix', 'text', 'longText'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const questionTypeLabels: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  scale: '五级量表',
  score: '0–10 分打分',
  ranking: '排序题',
  matrix: '矩阵量表',
  text: '简答（单行）',
  longText: '问答（多行）',
};

/** Stored status; what people see is the phase, which also reads the clock. */
export const surveyStatuses = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export { surveyPhases, surveyPhaseMeta, type SurveyPhase } from './surveyPhase';

/** Cross-tabulation dimensions (交叉分析): 区市县, 产业工会, 职工群体. */
export const surveyDimensions = ['district', 'industry', 'group'] as const;
export type SurveyDimension = (typeof surveyDimensions)[number];
export const surveyDimensionLabels: Record<SurveyDimension, string> = {
  district: '区市县（开放先导区）',
  industry: '产业工会',
  group: '职工群体',
};

/** Anonymous results show a breakdown segment only when it has at least this many answers. */
export const MIN_GROUP_SIZE = 5;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
/** The 其他 option's free text. */
export const OTHER_TEXT_MAX = 100;

/**
 * Label sets the builder offers for a scale's two ends and a matrix's columns (满意度, 难易, 同意, 频率).
 * A question shows only the words staff chose: a scale with empty end labels shows its numbers alone.
 */
export const scaleLabelSets = [
  { key: 'satisfaction', name: '满意度', points: ['非常不满意', '不满意', '一般', '满意', '非常满意'] },
  { key: 'difficulty', name: '难易', points: ['非常难', '比较难', '一般', '比较容易', '非常容易'] },
  { key: 'agreement', name: '同意', points: ['非常不同意', '不同意', '说不清', '同意', '非常同意'] },
  { key: 'frequency', name: '频率', points: ['从不', '很少', '有时', '经常', '总是'] },
] as const;
export type ScaleLabelSet = (typeof scaleLabelSets)[number];
export const defaultMatrixColumns = scaleLabelSets[0].points;

// ---------------------------------------------------------------- definition

/** Question, option and row ids: short, chosen by the editor, stable across edits (answers refer to them). */
export const itemIdSchema = z
  .string({ error: '缺少编号' })
  .min(1, '缺少编号')
  .max(32, '编号最多 32 个字符')
  .regex(/^[A-Za-z0-9_-]+$/, '编号只能包含字母、数字、_ 和 -');

const label = (what: string, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, { error: `请填写${what}`, abort: true })
    .max(max, `${what}最多 ${max} 个字`);

const optionalText = (what: string, max: number) =>
  z
    .string({ error: `${what}要填文字` })
    .trim()
    .max(max, `${what}最多 ${max} 个字`)
    .default('');

export const optionSchema = z.object({
  id: itemIdSchema,
  label: label('选项内容', 100),
  /** 其他: choosing it asks for a short text (at most one per question). */
  other: z.boolean().default(false),
});
export type SurveyOption = z.infer<typeof optionSchema>;

export const matrixRowSchema = z.object({ id: itemIdSchema, label: label('矩阵行', 100) });
export type MatrixRow = z.infer<typeof matrixRowSchema>;

/**
 * Display logic (显示条件): the question shows only when every condition holds. A condition names an
 * earlier question; it holds when that question is shown, answered, and the answer matches.
 */
export const conditionSchema = z.discriminatedUnion(
  'op',
  [
    /** Single / multiple choice: the answer includes any of these options. */
    z.object({
      op: z.literal('anyOf'),
      questionId: itemIdSchema,
      optionIds: z.array(itemIdSchema).min(1, '请选择条件选项'),
    }),
    /** Scale / score: the value lies in [min, max]. */
    z.object({
      op: z.literal('between'),
      questionId: itemIdSchema,
      min: z.number({ error: '请填写最小值' }).int('要填整数'),
      max: z.number({ error: '请填写最大值' }).int('要填整数'),
    }),
    /** Any answer at all. */
    z.object({ op: z.literal('answered'), questionId: itemIdSchema }),
  ],
  { error: '显示条件不对' },
);
export type SurveyCondition = z.infer<typeof conditionSchema>;

const questionBase = {
  id: itemIdSchema,
  title: label('题目', 200),
  description: optionalText('题目说明', 500),
  required: z.boolean().default(true),
  showIf: z.array(conditionSchema).max(5, '显示条件最多 5 条').default([]),
};

const options = (min: number, max: number) =>
  z.array(optionSchema, { error: '请添加选项' }).min(min, `至少 ${min} 个选项`).max(max, `最多 ${max} 个选项`);

const picks = (what: string) =>
  z
    .number({ error: `${what}要填数字` })
    .int(`${what}要填整数`)
    .min(0, `${what}不能为负`);

export const questionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...questionBase, type: z.literal('single'), options: options(2, 50) }),
    z.object({
      ...questionBase,
      type: z.literal('multiple'),
      options: options(2, 50),
      /** 最少选几项 (0: no minimum beyond answering when required). */
      minPicks: picks('最少选择项数').default(0),
      /** 最多选几项 (null: no limit). */
      maxPicks: picks('最多选择项数').nullable().default(null),
    }),
    z.object({
      ...questionBase,
      type: z.literal('scale'),
      /** Labels of 1 and 5, e.g. 非常不满意 / 非常满意. */
      lowLabel: optionalText('最低分说明', 20),
      highLabel: optionalText('最高分说明', 20),
    }),
    z.object({
      ...questionBase,
      type: z.literal('score'),
      lowLabel: optionalText('0 分说明', 20),
      highLabel: optionalText('10 分说明', 20),
    }),
    z.object({
      ...questionBase,
      type: z.literal('ranking'),
      options: options(2, 20),
      /** How many to rank, best first (null: all of them). */
      rankCount: z
        .number({ error: '排序项数要填数字' })
        .int('排序项数要填整数')
        .min(1, '至少排 1 项')
        .nullable()
        .default(null),
    }),
    z.object({
      ...questionBase,
      type: z.literal('matrix'),
      rows: z.array(matrixRowSchema, { error: '请添加矩阵行' }).min(1, '至少 1 行').max(30, '最多 30 行'),
      /** Column labels; an answer is the column's number, 1 … columns.length. */
      columns: z
        .array(label('列标题', 20), { error: '请添加列' })
        .min(2, '至少 2 列')
        .max(7, '最多 7 列')
        .default([...defaultMatrixColumns]),
    }),
    z.object({
      ...questionBase,
      type: z.literal('text'),
      maxLength: z
        .number({ error: '字数上限要填数字' })
        .int('字数上限要填整数')
        .min(1)
        .max(200, '单行最多 200 字')
        .default(50),
    }),
    z.object({
      ...questionBase,
      type: z.literal('longText'),
      maxLength: z
        .number({ error: '字数上限要填数字' })
        .int('字数上限要填整数')
        .min(1)
        .max(2000, '多行最多 2000 字')
        .default(500),
    }),
  ],
  { error: '题型不对' },
);
export type SurveyQuestion = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<SurveyQuestion, { type: T }>;

/** A section is one page on the phone. */
export const sectionSchema = z.object({
  id: itemIdSchema,
  title: optionalText('分页标题', 60),
  description: optionalText('分页说明', 500),
  questions: z.array(questionSchema, { error: '请添加题目' }).max(100, '每页最多 100 题'),
});
export type SurveySection = z.infer<typeof sectionSchema>;

/** Who a survey is for: an org subtree, optionally narrowed to 产业工会 subtrees and to worker groups. */
export const audienceInputSchema = z.object({
  /** Root of the audience (default: the creator's own org); must lie in the creator's subtree. */
  orgId: idSchema.optional(),
  /** Only workers under these 产业工会 (inside `orgId`'s subtree). */
  industryOrgIds: z.array(idSchema).max(20, '最多选 20 个产业工会').default([]),
  /** Only workers who belong to any of these groups (they say so when answering). */
  groups: z
    .array(z.enum(workerGroups, { error: '职工群体不对' }))
    .max(workerGroups.length)
    .default([]),
});
export type AudienceInput = z.infer<typeof audienceInputSchema>;

const businessDateSchema = (what: string) =>
  z
    .string({ error: `请选择${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${what}不是有效日期`);

/** What an editor writes: everything but identity and lifecycle. */
export const surveyDefinitionShape = {
  title: text('调查标题', 4, 60),
  intro: optionalText('调查说明', 2000),
  audience: audienceInputSchema.default({ industryOrgIds: [], groups: [] }),
  /** First day answers are taken (Asia/Shanghai). */
  opensOn: businessDateSchema('开始日期'),
  /** Last day answers are taken, inclusive (Asia/Shanghai). */
  closesOn: businessDateSchema('结束日期'),
  /** Anonymous: answers carry no OPENID and no name; breakdowns hide groups under 5 answers. */
  anonymous: z.boolean({ error: '请选择是否匿名' }).default(false),
  /** Workers who answered may see the results. */
  resultsPublic: z.boolean({ error: '请选择是否公开结果' }).default(false),
  /**
   * 公开文字回答: workers who may see the results also read the texts others wrote (text questions and
   * 其他). Off unless the survey says so before anyone answers (it cannot be turned on once answers exist).
   */
  textsPublic: z.boolean({ error: '请选择是否公开文字回答' }).default(false),
  /** 目标人数: the population the survey aims at, to show the response rate (null: not set). */
  targetCount: z
    .number({ error: '目标人数要填数字' })
    .int('目标人数要填整数')
    .min(1, '目标人数至少 1')
    .max(10_000_000, '目标人数太大')
    .nullable()
    .default(null),
  sections: z.array(sectionSchema, { error: '请添加分页' }).min(1, '至少 1 个分页').max(20, '最多 20 个分页'),
};
export const surveyDefinitionSchema = z.object(surveyDefinitionShape).superRefine(addDefinitionProblems);
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

function addDefinitionProblems(def: z.infer<z.ZodObject<typeof surveyDefinitionShape>>, ctx: z.RefinementCtx): void {
  for (const p of surveyDefinitionProblems(def)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
}

// ---------------------------------------------------------------- answers

/**
 * One answer. The key that carries it depends on the question type: `choice` (single, with `otherText`
 * when the 其他 option is chosen), `choices` (multiple, with `otherText`), `ranking` (option ids, best
 * first), `value` (scale 1–5, score 0–10), `rows` (matrix: row id → column number), `text` (text, longText).
 */
export const answerValueSchema = z.strictObject(
  {
    choice: z.string({ error: '答案格式不对' }).optional(),
    choices: z
      .array(z.string({ error: '答案格式不对' }), { error: '答案格式不对' })
      .max(50)
      .optional(),
    otherText: z.string({ error: '答案格式不对' }).optional(),
    ranking: z
      .array(z.string({ error: '答案格式不对' }), { error: '答案格式不对' })
      .max(20)
      .optional(),
    value: z.number({ error: '请填数字' }).optional(),
    rows: z.record(z.string(), z.number({ error: '请填数字' }), { error: '答案格式不对' }).optional(),
    text: z.string({ error: '答案格式不对' }).max(5000, '内容太长').optional(),
  },
  { error: '答案格式不对' },
);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** question id → answer. Unanswered questions are left out. */
export const answersSchema = z.record(z.string(), answerValueSchema, { error: '请填写答案' });
export type Answers = z.infer<typeof answersSchema>;

/** An answer as stored, one per answered question (`surveyAnswers.items`). */
export interface AnswerItem {
  q: string;
  /** single: [choice]; multiple: choices; ranking: option ids best first. */
  c?: string[];
  /** The 其他 text. */
  o?: string;
  /** scale / score. */
  v?: number;
  /** matrix: one per answered row. */
  m?: Array<{ r: string; v: number }>;
  /** text / longText. */
  t?: string;
}

// ---------------------------------------------------------------- replies

const iso = z.string();

export const audienceSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  industryOrgIds: z.array(z.string()),
  groups: z.array(z.enum(workerGroups)),
  /** 中山区总工会 · 女职工、农民工 */
  label: z.string(),
});
export type Audience = z.infer<typeof audienceSchema>;

/** A survey as its editors and respondents see it. */
export const surveySchema = z.object({
  _id: z.string(),
  title: z.string(),
  intro: z.string(),
  audience: audienceSchema,
  opensOn: z.string(),
  closesOn: z.string(),
  /** opensOn 00:00 Shanghai. */
  opensAt: iso,
  /** The day after closesOn, 00:00 Shanghai (exclusive); moved to the closing instant when closed early. */
  closesAt: iso,
  anonymous: z.boolean(),
  resultsPublic: z.boolean(),
  /** Workers who see the results also read the text answers (set before any answer). */
  textsPublic: z.boolean(),
  targetCount: z.number().int().nullable(),
  sections: z.array(sectionSchema),
  status: z.enum(surveyStatuses),
  phase: z.enum(surveyPhases),
  /** Bumped on every edit: a half-filled answer saved on the phone notes the version it was filled for. */
  version: z.number().int().min(1),
  questionCount: z.number().int().min(0),
  createdByName: z.string(),
  createdAt: iso,
  updatedAt: iso,
  publishedAt: iso.nullable(),
  closedAt: iso.nullable(),
  /** The survey this one was copied from. */
  copiedFrom: z.string().nullable(),
});
export type Survey = z.infer<typeof surveySchema>;

/** A row of a list. */
export const surveyCardSchema = z.object({
  _id: z.string(),
  title: z.string(),
  intro: z.string(),
  audienceLabel: z.string(),
  status: z.enum(surveyStatuses),
  phase: z.enum(surveyPhases),
  opensAt: iso,
  closesAt: iso,
  opensOn: z.string(),
  closesOn: z.string(),
  anonymous: z.boolean(),
  resultsPublic: z.boolean(),
  textsPublic: z.boolean(),
  questionCount: z.number().int().min(0),
  /**
   * The questions a worker is asked before answering anything (display logic: `answerProgress` of no
   * answers), the count the answering page starts at; fewer than `questionCount` when some show only
   * for certain answers.
   */
  startCount: z.number().int().min(0),
  /** About how long answering takes. */
  minutes: z.number().int().min(1),
  /** Staff lists: answers so far; null for workers. */
  responses: z.number().int().min(0).nullable(),
  /** Worker lists: whether the caller already answered; null for staff lists. */
  submitted: z.boolean().nullable(),
  updatedAt: iso,
});
export type SurveyCard = z.infer<typeof surveyCardSchema>;

export { evidenceTargetTypes, evidenceLinkSchema, type EvidenceTargetType, type EvidenceLink } from './evidence';

/** Staff in scope: what may still change (已有答卷时只能做不影响已有答卷的修改). */
export const surveyManageSchema = z.object({
  responses: z.number().int().min(0),
  /** Answers exist: only safe edits are accepted (wording, options added at the end, optional questions). */
  answersExist: z.boolean(),
  canEdit: z.boolean(),
  /** Why editing is limited or closed, fit to show above the editor; null when anything may change. */
  editNotice: z.string().nullable(),
  canPublish: z.boolean(),
  canClose: z.boolean(),
});
export type SurveyManage = z.infer<typeof surveyManageSchema>;

// ---------------------------------------------------------------- results

const percent = z.number().min(0).max(100);

export const optionStatSchema = z.object({
  id: z.string(),
  label: z.string(),
  count: z.number().int().min(0),
  /** Of those who answered the question (multiple choice: may add up to more than 100). */
  percent,
});
export const valueStatSchema = z.object({
  value: z.number().int(),
  label: z.string(),
  count: z.number().int().min(0),
  percent,
});
export const rankStatSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Mean position among those who ranked it (1 = first); null when nobody did. */
  averageRank: z.number().nullable(),
  /** How many put it first. */
  firstCount: z.number().int().min(0),
  timesRanked: z.number().int().min(0),
  /** positions[i]: how many put it at position i + 1. */
  positions: z.array(z.number().int().min(0)),
});
export const matrixRowStatSchema = z.object({
  id: z.string(),
  label: z.string(),
  answered: z.number().int().min(0),
  average: z.number().nullable(),
  distribution: z.array(valueStatSchema),
});

/** The numbers of one question, for everyone or for one segment. */
export const questionStatsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), answered: z.number().int().min(0), options: z.array(optionStatSchema) }),
  z.object({
    kind: z.literal('numeric'),
    answered: z.number().int().min(0),
    average: z.number().nullable(),
    distribution: z.array(valueStatSchema),
  }),
  z.object({ kind: z.literal('ranking'), answered: z.number().int().min(0), options: z.array(rankStatSchema) }),
  z.object({ kind: z.literal('matrix'), answered: z.number().int().min(0), rows: z.array(matrixRowStatSchema) }),
  /** Texts are read with `textAnswers`. */
  z.object({ kind: z.literal('text'), answered: z.number().int().min(0) }),
]);
export type QuestionStats = z.infer<typeof questionStatsSchema>;

export const segmentSchema = z.object({
  /** An org id (district / industry), a worker group, or `_none` (no district / industry / group). */
  id: z.string(),
  label: z.string(),
  /** null when suppressed. */
  responses: z.number().int().min(0).nullable(),
  /** Anonymous survey, fewer than MIN_GROUP_SIZE answers (or needed to keep another hidden): no numbers. */
  suppressed: z.boolean(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const questionResultSchema = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  type: z.enum(questionTypes),
  title: z.string(),
  required: z.boolean(),
  overall: questionStatsSchema,
  /** Same order as `breakdown.segments`; `stats` null where the segment is suppressed. */
  segments: z.array(z.object({ segmentId: z.string(), stats: questionStatsSchema.nullable() })),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const surveyResultsSchema = z.object({
  survey: surveyCardSchema,
  responses: z.number().int().min(0),
  channels: z.object({ online: z.number().int().min(0), offline: z.number().int().min(0) }),
  targetCount: z.number().int().nullable(),
  /** responses / targetCount × 100, one decimal; null without a target. */
  responseRate: z.number().min(0).nullable(),
  breakdown: z
    .object({
      by: z.enum(surveyDimensions),
      label: z.string(),
      segments: z.array(segmentSchema),
    })
    .nullable(),
  questions: z.array(questionResultSchema),
  /**
   * Staff: full results; worker: public results (no breakdown; texts only when the survey made them
   * public before anyone answered, and then only those that passed the content check).
   */
  view: z.enum(['staff', 'public']),
  generatedAt: iso,
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const textAnswerSchema = z.object({
  answerId: z.string(),
  /** The text, or the 其他 text of a choice question. */
  text: z.string(),
  /** For a 其他 text: the option label (其他); null for text questions. */
  optionLabel: z.string().nullable(),
  /** Named surveys, staff view: the respondent; null otherwise. */
  respondentName: z.string().nullable(),
  orgName: z.string().nullable(),
  channel: z.enum(['online', 'offline']),
  /** Content check: `pass` texts are shown to workers; `review` waits for a person; `rejected` never shown. */
  moderation: z.enum(['pass', 'review', 'rejected']),
  submittedAt: iso,
});
export type TextAnswer = z.infer<typeof textAnswerSchema>;

// ---------------------------------------------------------------- action inputs and outputs

export const surveyIdInputSchema = z.object({ surveyId: idSchema });
export type SurveyIdInput = z.infer<typeof surveyIdInputSchema>;

/**
 * survey.poster: a signed, expiring link to the 小程序码 (PNG) that opens the survey's answering page, or
 * null where none can be made (the local runtime has no wxacode; WeChat refused, e.g. before the
 * mini-program is published).
 */
export const surveyPosterOutputSchema = z.object({ miniCodeUrl: z.string().nullable() });
export type SurveyPosterOutput = z.infer<typeof surveyPosterOutputSchema>;

export const createSurveyInputSchema = surveyDefinitionSchema;
export type CreateSurveyInput = z.infer<typeof createSurveyInputSchema>;

export const updateSurveyInputSchema = z
  .object({
    surveyId: idSchema,
    /** The version the editor loaded: an edit on top of someone else's newer edit is refused (CONFLICT). */
    version: z.number({ error: '缺少版本号' }).int('版本号要填整数').min(1, '版本号不对'),
    ...surveyDefinitionShape,
  })
  .superRefine(addDefinitionProblems);
export type UpdateSurveyInput = z.infer<typeof updateSurveyInputSchema>;

export const getSurveyOutputSchema = z.object({
  survey: surveySchema,
  /** The caller already answered. */
  submitted: z.boolean(),
  canAnswer: z.boolean(),
  /** Why the caller cannot answer (closed, not open yet, outside the audience, already answered); null when they can. */
  cannotAnswerReason: z.string().nullable(),
  /** The caller may see results now. */
  canSeeResults: z.boolean(),
  /** Staff in scope only; null for everyone else. */
  manage: surveyManageSchema.nullable(),
  evidence: z.array(evidenceLinkSchema),
});
export type GetSurveyOutput = z.infer<typeof getSurveyOutputSchema>;

export const listMySurveysInputSchema = pageInputSchema.extend({
  status: z.enum(surveyStatuses, { error: '状态不对' }).optional(),
  keyword: z.string().trim().max(40, '关键词最多 40 个字').optional(),
  /**
   * 可作为调查依据的调查: published or closed surveys of the caller's subtree and those of the levels
   * above whose audience holds the caller's org (a city-wide survey backs a district's proposal).
   */
  citable: z.boolean({ error: '要填是或否' }).optional(),
});
export type ListMySurveysInput = z.infer<typeof listMySurveysInputSchema>;
export const surveyPageSchema = pagedSchema(surveyCardSchema);
export type SurveyPage = z.infer<typeof surveyPageSchema>;

export const listOpenSurveysInputSchema = z.object({}).strict().optional();
export const listOpenSurveysOutputSchema = z.object({
  /** Open surveys for the caller (unanswered first, closing soonest first), then recently closed ones with public results they answered. */
  items: z.array(surveyCardSchema),
  now: iso,
});
export type ListOpenSurveysOutput = z.infer<typeof listOpenSurveysOutputSchema>;

export const submitSurveyInputSchema = z.object({
  surveyId: idSchema,
  answers: answersSchema,
  /** The groups the respondent belongs to (asked when the survey is aimed at groups; used for the group breakdown). */
  groups: z
    .array(z.enum(workerGroups, { error: '职工群体不对' }))
    .max(workerGroups.length)
    .default([]),
});
export type SubmitSurveyInput = z.infer<typeof submitSurveyInputSchema>;

export const submitSurveyOutputSchema = z.object({
  surveyId: z.string(),
  /** `alreadySubmitted`: a repeat; nothing new was stored. */
  status: z.enum(['submitted', 'alreadySubmitted']),
  submittedAt: iso.nullable(),
  /** The respondent may now see the results. */
  canSeeResults: z.boolean(),
  /** Offline entry: the worker was found among the bound members of the union (a later online answer is a repeat). */
  matchedMember: z.boolean().nullable(),
});
export type SubmitSurveyOutput = z.infer<typeof submitSurveyOutputSchema>;

/** 线下代录: a cadre enters a paper or on-site answer for a named worker of their union. */
export const submitOfflineSurveyInputSchema = submitSurveyInputSchema.extend({
  workerName: workerNameSchema,
  /** The worker's grassroots union: a cadre's own (default); staff choose one in their subtree. */
  orgId: idSchema.optional(),
  /** Number written on the paper form, to find it again. */
  paperNo: z.string().trim().max(40, '纸质问卷编号最多 40 个字').optional(),
});
export type SubmitOfflineSurveyInput = z.infer<typeof submitOfflineSurveyInputSchema>;

export const surveyResultsInputSchema = z.object({
  surveyId: idSchema,
  /** Staff: break every question down by this dimension. */
  by: z.enum(surveyDimensions, { error: '分析维度不对' }).optional(),
});
export type SurveyResultsInput = z.infer<typeof surveyResultsInputSchema>;

export const recomputeInputSchema = z.object({
  surveyId: idSchema,
  /** false (default): only compare; true: replace the counters with the recomputed ones. */
  apply: z.boolean({ error: '请选择是否覆盖计数' }).default(false),
});
export type RecomputeInput = z.infer<typeof recomputeInputSchema>;
/** What the recompute found. */
export const recomputeResultSchema = z.object({
  responses: z.number().int().min(0),
  /** The counters agree with the answers exactly. */
  matches: z.boolean(),
  /** Up to 50 counters that differ. */
  differences: z.array(z.object({ key: z.string(), counter: z.number(), recomputed: z.number() })),
  applied: z.boolean(),
  /** Answers stored and not counted yet: being submitted now, or counted by the next settling. */
  waiting: z.number().int().min(0),
});
export type RecomputeResult = z.infer<typeof recomputeResultSchema>;
/** survey.recompute and survey.recomputeStatus: the recompute job and, once it is done, what it found. */
export const recomputeOutputSchema = jobReplySchema(recomputeResultSchema);
export type RecomputeOutput = z.infer<typeof recomputeOutputSchema>;

export const textAnswersInputSchema = pageInputSchema.extend({
  surveyId: idSchema,
  /** A text question, or a choice question (its 其他 texts). */
  questionId: itemIdSchema,
  keyword: z.string().trim().max(40, '关键词最多 40 个字').optional(),
  /** Staff: only answers of one segment (`by` + `segmentId`). */
  by: z.enum(surveyDimensions, { error: '分析维度不对' }).optional(),
  segmentId: z.string().trim().max(64, '分组编号过长').optional(),
});
export type TextAnswersInput = z.infer<typeof textAnswersInputSchema>;
export const textAnswersOutputSchema = pagedSchema(textAnswerSchema);
export type TextAnswersPage = z.infer<typeof textAnswersOutputSchema>;

export const moderateTextInputSchema = z.object({
  surveyId: idSchema,
  answerId: idSchema,
  verdict: z.enum(['pass', 'reject'], { error: '请选择通过或不通过' }),
});
export type ModerateTextInput = z.infer<typeof moderateTextInputSchema>;
export const moderateTextOutputSchema = z.object({
  answerId: z.string(),
  moderation: z.enum(['pass', 'review', 'rejected']),
});

export const surveyExportInputSchema = z.object({
  surveyId: idSchema,
  format: z.enum(['xlsx', 'csv'], { error: '请选择导出格式（xlsx 或 csv）' }),
  /** CSV holds one table: the answers (default) or the summary. xlsx holds both sheets. */
  part: z.enum(['answers', 'summary'], { error: '导出内容不对' }).default('answers'),
});
export type SurveyExportInput = z.infer<typeof surveyExportInputSchema>;
/** The finished export. */
export const surveyExportFileSchema = z.object({
  fileID: z.string(),
  /** Temporary download URL. */
  url: z.string(),
  fileName: z.string(),
  /** Answers the file covers: the answer rows written, or for the summary alone the answers counted. */
  rows: z.number().int().min(0),
  bytes: z.number().int().min(0),
});
export type SurveyExportFile = z.infer<typeof surveyExportFileSchema>;
/** survey.export and survey.exportStatus: the export job and, once it is done, the file. */
export const surveyExportOutputSchema = jobReplySchema(surveyExportFileSchema);
export type SurveyExportOutput = z.infer<typeof surveyExportOutputSchema>;

export const linkEvidenceInputSchema = z.object({
  surveyId: idSchema,
  targetType: z.enum(evidenceTargetTypes, { error: '请选择建议或项目' }),
  targetId: idSchema,
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
  questionIds: z.array(itemIdSchema).max(20, '最多引用 20 道题').default([]),
});
export type LinkEvidenceInput = z.infer<typeof linkEvidenceInputSchema>;
export const linkEvidenceOutputSchema = z.object({ link: evidenceLinkSchema });
export type LinkEvidenceOutput = z.infer<typeof linkEvidenceOutputSchema>;
