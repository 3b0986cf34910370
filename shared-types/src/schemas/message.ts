/** In-app messages (站内消息) and subscribe-message consent. */
import { z } from 'zod';
import { idSchema, pageInputSchema, pagedSchema } from './common';

export const messageKinds = [
  'proposalDecided',
  'proposalMerged',
  'proposalUnmerged',
  'proposalModerated',
  /** A proposal I supported was withdrawn by its author. */
  'proposalWithdrawn',
  /** A project from my proposal was established, published or closed. */
  'projectProgress',
  /** Work for staff: a form to sign, a returned form, a deadline. */
  'projectTask',
  /** 职工评价 opened on a project I backed or was served by: opens the rating page. */
  'ratingInvite',
] as const;
export type MessageKind = (typeof messageKinds)[number];

export const messageSchema = z.object({
  _id: z.string(),
  kind: z.enum(messageKinds),
  title: z.string(),
  body: z.string(),
  proposalId: z.string().nullable(),
  projectId: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

export const listMessagesInputSchema = pageInputSchema.extend({
  unreadOnly: z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: '只看未读要填 true 或 false' })
    .transform((v) => v === true || v === 'true')
    .default(false),
});
export type ListMessagesInput = z.infer<typeof listMessagesInputSchema>;
export const listMessagesOutputSchema = pagedSchema(messageSchema).extend({
  unread: z.number().int().min(0),
});
export type ListMessagesOutput = z.infer<typeof listMessagesOutputSchema>;

export const markReadInputSchema = z
  .object({
    /** Messages to mark read; leave out and pass `all: true` to mark every message read. */
    ids: z.array(idSchema).max(100, '一次最多 100 条').optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => (v.ids?.length ?? 0) > 0 || v.all === true, { message: '请选择要标为已读的消息', path: ['ids'] });
export type MarkReadInput = z.infer<typeof markReadInputSchema>;
export const markReadOutputSchema = z.object({ unread: z.number().int().min(0) });

/**
 * A template's kind, from configuration: `oneTime` (一次性订阅: each accept allows one message, a send
 * consumes it) or `longTerm` (长期订阅, open to public-service categories such as 政务民生: one accept,
 * many messages, a send consumes nothing). `TARO_APP_TMPL_<TOPIC>_KIND=longTerm` marks a long-term one.
 */
export const templateKinds = ['oneTime', 'longTerm'] as const;
export type TemplateKind = (typeof templateKinds)[number];
function templateKind(value: string | undefined): TemplateKind {
  return value === 'longTerm' ? 'longTerm' : 'oneTime';
}

/**
 * Subscribe-message topics. `templateId` is the template of the mini-program's subscribe messages
 * (mp console 订阅消息 → 我的模板); the client passes it to `wx.requestSubscribeMessage`, the cloud
 * function sends with it. The real ids come from the environment under one name for both sides: Taro
 * inlines `process.env.TARO_APP_*` into the client build (declared in client/.env.*), and `npm run
 * deploy` sets the same variables on the functions. Without them the placeholders stand (local runtime).
 */
export const subscribeTopics = {
  proposalDecided: {
    templateId: process.env.TARO_APP_TMPL_PROPOSAL_DECIDED || 'proposal-decided',
    kind: templateKind(process.env.TARO_APP_TMPL_PROPOSAL_DECIDED_KIND),
    label: '建议处理结果通知',
    page: 'pages/mine/index',
    /** The template's keyword fields: 建议标题, 处理结果, 说明, 处理时间. */
    fields: { title: 'thing1', result: 'phrase2', note: 'thing3', time: 'time4' },
  },
  projectDeadline: {
    templateId: process.env.TARO_APP_TMPL_PROJECT_DEADLINE || 'project-deadline',
    kind: templateKind(process.env.TARO_APP_TMPL_PROJECT_DEADLINE_KIND),
    label: '项目报送提醒',
    page: 'packages/project/pages/detail/index',
    /** The template's keyword fields: 项目名称, 待办事项, 截止时间. */
    fields: { title: 'thing1', task: 'thing2', due: 'time3' },
  },
  /** A new project published in my area (issue 13: the project's announcement). */
  projectNew: {
    templateId: process.env.TARO_APP_TMPL_PROJECT_NEW || 'project-new',
    kind: templateKind(process.env.TARO_APP_TMPL_PROJECT_NEW_KIND),
    label: '新项目发布通知',
    page: 'packages/project/pages/detail/index',
    /** The template's keyword fields: 项目名称, 服务内容, 发布单位, 发布时间. */
    fields: { title: 'thing1', content: 'thing2', org: 'thing3', time: 'time4' },
  },
  /** News of a project I follow (a later announcement: a new service date, a change of place, progress). */
  projectNews: {
    templateId: process.env.TARO_APP_TMPL_PROJECT_NEWS || 'project-news',
    kind: templateKind(process.env.TARO_APP_TMPL_PROJECT_NEWS_KIND),
    label: '关注项目动态通知',
    page: 'packages/project/pages/detail/index',
    /** The template's keyword fields: 项目名称, 动态内容, 更新时间. */
    fields: { title: 'thing1', news: 'thing2', time: 'time3' },
  },
  /** The project made from my proposal moved (established, published, a milestone, closed). */
  projectMoved: {
    templateId: process.env.TARO_APP_TMPL_PROJECT_MOVED || 'project-moved',
    kind: templateKind(process.env.TARO_APP_TMPL_PROJECT_MOVED_KIND),
    label: '建议办理进展通知',
    page: 'packages/project/pages/detail/index',
    /** The template's keyword fields: 项目名称, 当前进展, 更新时间. */
    fields: { title: 'thing1', progress: 'phrase2', time: 'time3' },
  },
} as const;
export type SubscribeTopic = keyof typeof subscribeTopics;
export const subscribeTopicNames = Object.keys(subscribeTopics) as [SubscribeTopic, ...SubscribeTopic[]];
