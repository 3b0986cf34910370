import { z } from 'zod';
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
export const proposalStatuses = ['submitted', 'reviewing', 'adopted', 'deferred', 'declined', 'merged'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const proposalStatusMeta: Record<
  ProposalStatus,
  { label: string; tone: 'neutral' | 'progress' | 'success' | 'warning' | 'danger'; open: boolean }
> = {
  submitted: { label: '已提交', tone: 'neutral', open: true },
  reviewing: { label: '审核中', tone: 'progress', open: true },
  adopted: { label: '已采纳', tone: 'success', open: false },
  deferred: { label: '暂缓', tone: 'warning', open: false },
  declined: { label: '未采纳', tone: 'danger', open: false },
  merged: { label: '已合并', tone: 'neutral', open: false },
};

/** Content security state (DESIGN.md §5): what the check flags waits for a person. */
export const moderationStates = ['pass', 'review', 'rejected'] as const;
export type ModerationState = (typeof moderationStates)[number];

export const submitProposalInputSchema = z.object({
  title: text('建议标题', 4, 40),
  content: text('建议内容', 10, 1000),
  category: z.enum(proposalCategories, { error: '请选择建议类别' }),
  targetGroup: z.enum(targetGroups, { error: '请选择服务对象' }),
});
export type SubmitProposalInput = z.infer<typeof submitProposalInputSchema>;

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
  supportCount: z.number().int().min(0),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

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
