import { z } from 'zod';
import { attachmentSchema, attachmentsInputSchema } from './attachment';
import { auditEntrySchema } from './audit';
import { evidenceLinkSchema } from './evidence';
import { proposalTimelineSchema } from './timeline';
import { idSchema, pageInputSchema, pagedSchema, text } from './common';

/** 第三条: the four kinds of rights the programme serves, plus 其他. */
export const proposalCategories = ['labourEconomy', 'democracy', 'culture', 'career', 'other'] as const;
export type ProposalCategory = (typeof proposalCategories)[number];
export const categoryLabels: Record<ProposalCategory, string> = {
  labourEconomy: '劳动经济',
  democracy: '民主政治',
  culture: '精神文化',
  career: '职业发展',
  other: '其他',
};

/** Who a proposal is for (服务对象): 第三条 asks for both universal and group-specific projects. */
export const targetGroups = [
  'all',
  'frontline',
  'women',
  'youth',
  'migrant',
  'newEmployment',
  'hardship',
  'other',
] as const;
export type TargetGroup = (typeof targetGroups)[number];
export const targetGroupLabels: Record<TargetGroup, string> = {
  all: '全体职工',
  frontline: '一线职工',
  women: '女职工',
  youth: '青年职工',
  migrant: '农民工',
  newEmployment: '新就业形态劳动者',
  hardship: '困难职工',
  other: '其他群体',
};

/** Status is data with meaning: a label to show, a tone for the badge, whether the proposal is still open. */
export const proposalStatuses = [
  'submitted',
  'reviewing',
  'adopted',
  'deferred',
  'declined',
  'merged',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
/**
 * The states of a proposal (label, tone, how far along, and whether it is still open to screening):
 * the states of `proposalLifecycle` (rules/lifecycles.ts).
 */
export const proposalStatusMeta: Record<
  ProposalStatus,
  { label: string; tone: 'neutral' | 'progress' | 'success' | 'warning' | 'danger'; progress: number; open: boolean }
> = {
  submitted: { label: '已提交', tone: 'neutral', progress: 10, open: true },
  reviewing: { label: '审核中', tone: 'progress', progress: 50, open: true },
  adopted: { label: '已采纳', tone: 'success', progress: 100, open: false },
  deferred: { label: '暂缓', tone: 'warning', progress: 100, open: false },
  declined: { label: '未采纳', tone: 'danger', progress: 100, open: false },
  merged: { label: '已合并', tone: 'neutral', progress: 100, open: false },
  /** The author took it back while it was 已提交 (proposal.withdraw): kept, out of lists and screening. */
  withdrawn: { label: '已撤回', tone: 'neutral', progress: 100, open: false },
};

/** Content security state (DESIGN.md §5): what the check flags waits for a person. */
export const moderationStates = ['pass', 'review', 'rejected'] as const;
export type ModerationState = (typeof moderationStates)[number];

/** What staff decide about a proposal (第五条（二）screening), and the status each leads to. */
export const decisionKinds = ['adopt', 'defer', 'decline'] as const;
export type DecisionKind = (typeof decisionKinds)[number];
export const decisionMeta: Record<DecisionKind, { label: string; status: ProposalStatus }> = {
  adopt: { label: '采纳', status: 'adopted' },
  defer: { label: '暂缓', status: 'deferred' },
  decline: { label: '不采纳', status: 'declined' },
};

/** Limits of a proposal's text (one place: schemas, form counters, the paste message). */
export const PROPOSAL_TITLE_MAX = 40;
export const PROPOSAL_CONTENT_MAX = 1000;

/** A title that is one character repeated (啊啊啊啊, 1111, spaces and punctuation aside): it says nothing. */
export function isOneCharRepeated(title: string): boolean {
  const chars = Array.from(
    title
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, ''),
  );
  return chars.length > 1 && new Set(chars).size === 1;
}

/** An id the client makes once per draft: repeats of one submission (double taps, retries) carry the same. */
export const clientDraftIdSchema = z
  .string({ error: '草稿编号要填文字' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '草稿编号不对');

export const submitProposalInputSchema = z.object({
  title: text('建议标题', 4, PROPOSAL_TITLE_MAX).refine(
    (t) => !isOneCharRepeated(t),
    '标题不能只是同一个字重复，请写清想办的事',
  ),
  content: text('建议内容', 10, PROPOSAL_CONTENT_MAX),
  category: z.enum(proposalCategories, { error: '请选择建议类别' }),
  targetGroup: z.enum(targetGroups, { error: '请选择服务对象' }),
  /** Images already uploaded under `proposals/<openid>/` (weapp: Taro.cloud.uploadFile; H5: POST /upload). */
  attachments: attachmentsInputSchema,
  /**
   * Made by the client once per draft: a repeat with the same id (double tap, retry after a lost reply)
   * returns the proposal stored the first time. Without it each submit is a new proposal, unless it says
   * exactly what one of the author's stored proposals says.
   */
  clientDraftId: clientDraftIdSchema.optional(),
});
export type SubmitProposalInput = z.infer<typeof submitProposalInputSchema>;

/**
 * 修改建议: the author's own proposal while it is 已提交, with the fields of 提交建议 (the same checks);
 * `attachments` is the whole list after the change (images kept keep their check).
 */
export const editProposalInputSchema = submitProposalInputSchema
  .omit({ clientDraftId: true })
  .extend({ proposalId: idSchema });
export type EditProposalInput = z.infer<typeof editProposalInputSchema>;

/** A worker's name as staff type it from a paper form (same rule as profile binding). */
export const workerNameSchema = z
  .string({ error: '请填写职工姓名' })
  .trim()
  .min(1, { error: '请填写职工姓名', abort: true })
  .min(2, '职工姓名至少 2 个字')
  .max(20, '职工姓名最多 20 个字')
  .regex(/^[\u4e00-\u9fa5A-Za-z·\s]+$/, '姓名只能包含汉字、字母或间隔号');

/** Mainland mobile (11 digits) or a landline with area code. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不对（手机 11 位，座机带区号）');

/**
 * 线下代录: a cadre enters a paper or on-site proposal for a worker of their union. Staff may enter one
 * for any grassroots union in their subtree (then `orgId` is required).
 */
export const submitOfflineInputSchema = submitProposalInputSchema.extend({
  workerName: workerNameSchema,
  unit: z.string().trim().max(40, '工作单位最多 40 个字').optional(),
  phone: phoneSchema.optional(),
  /** The worker's grassroots union: a cadre's own (default); staff choose one in their subtree. */
  orgId: idSchema.optional(),
});
export type SubmitOfflineInput = z.infer<typeof submitOfflineInputSchema>;

/** A proposal this one was merged into, or one merged into it. */
export const proposalRefSchema = z.object({
  _id: z.string(),
  title: z.string(),
  status: z.enum(proposalStatuses),
});
export type ProposalRef = z.infer<typeof proposalRefSchema>;

export const decisionSchema = z.object({
  kind: z.enum(decisionKinds),
  /** Why (required when declining). */
  reason: z.string().nullable(),
  /** The project draft an adoption created. */
  projectId: z.string().nullable(),
  at: z.string(),
  byName: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

/**
 * Project statuses (第五条（三）–（九）), in programme order; `returned` is 退回修改 (a review step sent the
 * record back), `terminated` 终止. The lifecycle (rules/project.ts) says which moves lead where.
 */
export const projectStatuses = [
  'draft',
  'returned',
  'feasibility',
  'submitted',
  'established',
  'published',
  'inProgress',
  'midtermFiled',
  'acceptanceFiled',
  'accepted',
  'closed',
  'terminated',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusMeta: Record<
  ProjectStatus,
  { label: string; tone: 'neutral' | 'progress' | 'success' | 'warning' | 'danger'; progress: number }
> = {
  draft: { label: '项目草稿（待可研论证）', tone: 'neutral', progress: 10 },
  returned: { label: '退回修改', tone: 'warning', progress: 10 },
  feasibility: { label: '可研论证中', tone: 'progress', progress: 20 },
  submitted: { label: '已提交审定', tone: 'progress', progress: 30 },
  established: { label: '已确立', tone: 'success', progress: 40 },
  published: { label: '已发布', tone: 'success', progress: 50 },
  inProgress: { label: '实施中', tone: 'progress', progress: 60 },
  midtermFiled: { label: '中期已报', tone: 'progress', progress: 70 },
  acceptanceFiled: { label: '验收申报中', tone: 'progress', progress: 85 },
  accepted: { label: '验收合格', tone: 'success', progress: 95 },
  closed: { label: '已结项', tone: 'success', progress: 100 },
  terminated: { label: '已终止', tone: 'danger', progress: 100 },
};

/** The project a proposal became, with its progress, as 我的建议 shows it. */
export const projectRefSchema = z.object({
  _id: z.string(),
  title: z.string(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  /** 0–100, from the status. */
  progress: z.number().int().min(0).max(100),
});
export type ProjectRef = z.infer<typeof projectRefSchema>;

/** Screening scores (第五条（二）): 意愿最集中, 需求最迫切, 最具备办结条件. Staff only. */
export const scoresSchema = z.object({
  /** 意愿最集中: distinct authors and supporters credited (merged proposals included) = `backerCount`. */
  concentration: z.number().int().min(0),
  /** `concentration` against the largest in the window, 0–100. */
  concentrationScore: z.number().min(0).max(100),
  /** 需求最迫切, 1–5 (staff), null until scored. */
  urgency: z.number().int().min(1).max(5).nullable(),
  /** The survey result backing the urgency score, if any. */
  urgencyEvidence: z.string().nullable(),
  /** 最具备办结条件, 1–5 (staff), null until scored. */
  feasibility: z.number().int().min(1).max(5).nullable(),
  feasibilityNote: z.string().nullable(),
  /** Weighted score 0–100 with the window's weights; null until urgency and feasibility are scored. */
  total: z.number().min(0).max(100).nullable(),
  scoredAt: z.string().nullable(),
  scoredByName: z.string().nullable(),
});
export type Scores = z.infer<typeof scoresSchema>;

/** How an offline (paper / on-site) proposal was entered. */
export const offlineEntrySchema = z.object({
  enteredByName: z.string(),
  enteredByOrgName: z.string(),
  enteredAt: z.string(),
  unit: z.string().nullable(),
  /** Shown to staff in scope and the cadre who entered it; null for everyone else. */
  phone: z.string().nullable(),
});
export type OfflineEntry = z.infer<typeof offlineEntrySchema>;

export const proposalSchema = z.object({
  _id: z.string(),
  title: z.string(),
  content: z.string(),
  category: z.enum(proposalCategories),
  targetGroup: z.enum(targetGroups),
  status: z.enum(proposalStatuses),
  moderation: z.enum(moderationStates),
  /** Author name as the viewer may see it: masked for other workers. */
  authorName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  windowId: z.string(),
  year: z.number().int(),
  channel: z.enum(['online', 'offline']),
  /** 附议: people who supported this proposal directly. */
  supportCount: z.number().int().min(0),
  /** Whether the caller supports it. */
  supportedByMe: z.boolean(),
  /**
   * 意愿集中度: distinct people credited — authors and supporters of this proposal and of every proposal
   * merged into it, each counted once. 0 for a merged proposal (its people count in the kept one).
   */
  backerCount: z.number().int().min(0),
  /** Other proposals of the window found similar to this one (its similar cluster is this + 1). */
  similarCount: z.number().int().min(0),
  mine: z.boolean(),
  /** Images; other workers only get those that passed the content check. */
  attachments: z.array(attachmentSchema),
  /** Set when this proposal was merged into another (status `merged`). */
  mergedInto: proposalRefSchema.nullable(),
  /** Proposals merged into this one. */
  mergedFrom: z.array(proposalRefSchema),
  decision: decisionSchema.nullable(),
  /** The project an adoption created (for a merged proposal: the one its kept proposal became). */
  project: projectRefSchema.nullable(),
  /** Staff in scope only; null for everyone else. */
  scores: scoresSchema.nullable(),
  /** Offline entry (channel `offline`); null for online proposals. */
  offline: offlineEntrySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

/**
 * What 提交建议 answers: the proposal stored, and whether it was stored before this submit with the same
 * text from another draft (then nothing new is stored: 您已经提交过这条建议, with a link to it).
 */
export const submitProposalOutputSchema = proposalSchema.extend({ alreadySubmitted: z.boolean() });
export type SubmitProposalOutput = z.infer<typeof submitProposalOutputSchema>;

export const listMineInputSchema = pageInputSchema;
export const listProposalsInputSchema = pageInputSchema.extend({
  category: z.enum(proposalCategories, { error: '类别不对' }).optional(),
  status: z.enum(proposalStatuses, { error: '状态不对' }).optional(),
  keyword: z.string().trim().max(40, '关键词最多 40 个字').optional(),
  /** Staff only: narrow to a node inside their own subtree. */
  orgId: idSchema.optional(),
});
export type ListProposalsInput = z.infer<typeof listProposalsInputSchema>;
export const proposalPageSchema = pagedSchema(proposalSchema);
export type ProposalPage = z.infer<typeof proposalPageSchema>;

export const proposalIdInputSchema = z.object({ proposalId: idSchema });
export type ProposalIdInput = z.infer<typeof proposalIdInputSchema>;

/** One proposal with its trail (the trail for its author and staff in scope; empty for others). */
export const getProposalOutputSchema = z.object({
  proposal: proposalSchema,
  history: z.array(auditEntrySchema),
  /** 调查依据: surveys linked to this proposal (survey.linkEvidence); staff in scope only, else empty. */
  evidence: z.array(evidenceLinkSchema),
  /** 进展: what happened and what happens next, with the dates known (rules/proposalTimeline); author only. */
  timeline: proposalTimelineSchema.nullable(),
});
export type GetProposalOutput = z.infer<typeof getProposalOutputSchema>;

/** While typing: up to 5 similar proposals of the caller's open window. */
export const similarInputSchema = z.object({
  title: z.string({ error: '标题要填文字' }).trim().max(40, '建议标题最多 40 个字').default(''),
  content: z.string({ error: '内容要填文字' }).trim().max(1000, '建议内容最多 1000 个字').default(''),
  /** Leave this proposal out (e.g. the one being viewed). */
  excludeId: idSchema.optional(),
  limit: z.coerce
    .number({ error: '条数要填数字' })
    .int('条数要填整数')
    .min(1, '至少 1 条')
    .max(5, '最多 5 条')
    .default(5),
});
export type SimilarInput = z.infer<typeof similarInputSchema>;

export const similarItemSchema = z.object({
  _id: z.string(),
  title: z.string(),
  /** The start of the content. */
  excerpt: z.string(),
  /** Cosine similarity 0–1. */
  score: z.number().min(0).max(1),
  status: z.enum(proposalStatuses),
  orgName: z.string(),
  supportCount: z.number().int().min(0),
  backerCount: z.number().int().min(0),
  supportedByMe: z.boolean(),
  mine: z.boolean(),
  /** Why 附议 is not offered (decided, in review, its window ended); null when it is, or it is the caller's. */
  supportNote: z.string().nullable(),
});
export type SimilarItem = z.infer<typeof similarItemSchema>;
export const similarOutputSchema = z.object({
  items: z.array(similarItemSchema),
  /** The open window the caller submits to (searched first); null when none is open (then items is empty). */
  windowId: z.string().nullable(),
});
export type SimilarOutput = z.infer<typeof similarOutputSchema>;

/** A proposal's support state after 附议 / 撤回附议. */
export const supportOutputSchema = z.object({
  proposalId: z.string(),
  supportedByMe: z.boolean(),
  supportCount: z.number().int().min(0),
  backerCount: z.number().int().min(0),
});
export type SupportOutput = z.infer<typeof supportOutputSchema>;
