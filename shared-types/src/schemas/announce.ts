/**
 * 信息发布 (第五条（五）): a project's plan and later news, published by staff to an audience (an org
 * subtree, optionally worker groups), the workers' feed, and 关注 / 知晓度 on the project page.
 */
import { z } from 'zod';
import { attachmentSchema, attachmentsInputSchema } from './attachment';
import { idSchema, isoDateTime, pageInputSchema, text } from './common';
import { workerGroups } from './survey';

export const announcementKinds = ['plan', 'news'] as const;
export type AnnouncementKind = (typeof announcementKinds)[number];
export const announcementKindLabels: Record<AnnouncementKind, string> = { plan: '实施方案', news: '项目公告' };

/** shown: workers in the audience see it; held: waits for the content check; withdrawn: kept, shown to staff only. */
export const announcementStates = ['shown', 'held', 'withdrawn'] as const;
export type AnnouncementState = (typeof announcementStates)[number];
export const announcementStateLabels: Record<AnnouncementState, string> = {
  shown: '已发布',
  held: '内容待审核',
  withdrawn: '已撤回',
};

const groupsSchema = z
  .array(z.enum(workerGroups, { error: '职工群体不对' }))
  .max(workerGroups.length)
  .refine((g) => new Set(g).size === g.length, '同一群体只能选一次')
  .default([]);

/** Who the plan goes to: an org subtree inside the publisher's own, optionally narrowed to worker groups. */
export const announcementAudienceInputSchema = z.object({
  /** Root of the audience (default: the project's applicant unit). */
  orgId: idSchema.optional(),
  /** Only workers who belong to one of these groups (their profile's groups). */
  groups: groupsSchema,
});
export type AnnouncementAudienceInput = z.infer<typeof announcementAudienceInputSchema>;

/** The text and images of an announcement (服务对象, 服务内容, 工作流程, time and place, contact). */
export const announcementContentSchema = z.object({
  title: text('标题', 2, 40),
  /** 服务对象: required in the plan. */
  serviceTargets: text('服务对象', 2, 500).optional(),
  /** 服务内容 (in news: what changed). */
  serviceContent: text('服务内容', 2, 1000),
  /** 工作流程: required in the plan. */
  workflow: text('工作流程', 2, 1000).optional(),
  time: text('服务时间', 2, 100),
  place: text('服务地点', 2, 100),
  contact: text('联系方式', 2, 60),
  /** Images uploaded by the publisher (cloud file ids under their upload prefix). */
  images: attachmentsInputSchema,
});
export type AnnouncementContent = z.infer<typeof announcementContentSchema>;

export const publishAnnouncementInputSchema = announcementContentSchema.extend({
  projectId: idSchema,
  /**
   * The form's id on the device: a repeat of the same publication (double tap, retry) answers the
   * stored one. The project's first announcement is its plan and has one id whatever the draft.
   */
  draftId: z.string({ error: '缺少草稿编号' }).regex(/^[A-Za-z0-9_-]{8,40}$/, '草稿编号格式不对'),
  /** The plan's audience; later announcements go to the plan's audience (leave it out). */
  audience: announcementAudienceInputSchema.optional(),
});
export type PublishAnnouncementInput = z.infer<typeof publishAnnouncementInputSchema>;

export const updateAnnouncementInputSchema = announcementContentSchema.extend({ announcementId: idSchema });
export type UpdateAnnouncementInput = z.infer<typeof updateAnnouncementInputSchema>;

export const withdrawAnnouncementInputSchema = z.object({
  announcementId: idSchema,
  reason: text('撤回原因', 2, 200),
});
export type WithdrawAnnouncementInput = z.infer<typeof withdrawAnnouncementInputSchema>;

export const getAnnouncementInputSchema = z.object({ announcementId: idSchema });
export type GetAnnouncementInput = z.infer<typeof getAnnouncementInputSchema>;

export const announcementSchema = z.object({
  _id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  kind: z.enum(announcementKinds),
  kindLabel: z.string(),
  title: z.string(),
  serviceTargets: z.string().nullable(),
  serviceContent: z.string(),
  workflow: z.string().nullable(),
  time: z.string(),
  place: z.string(),
  contact: z.string(),
  /** Others see only images that passed the content check; staff see every one with its state. */
  images: z.array(attachmentSchema),
  audience: z.object({
    orgId: z.string(),
    orgName: z.string(),
    groups: z.array(z.enum(workerGroups)),
    /** 中山区总工会 · 女职工、农民工 */
    label: z.string(),
  }),
  state: z.enum(announcementStates),
  stateLabel: z.string(),
  /** When workers first saw it (null while held before its first showing). */
  publishedAt: isoDateTime.nullable(),
  /** 已更新: the last edit after it was first shown. */
  editedAt: isoDateTime.nullable(),
  withdrawnAt: isoDateTime.nullable(),
  withdrawReason: z.string().nullable(),
  /** Staff: why it is held (the text or an image waits for the content check). */
  heldReason: z.string().nullable(),
  byName: z.string(),
  createdAt: isoDateTime,
  /** The caller may edit and withdraw it (staff of the project's unit). */
  canManage: z.boolean(),
});
export type Announcement = z.infer<typeof announcementSchema>;

export const publishAnnouncementOutputSchema = announcementSchema.extend({
  /** A repeat of a stored publication: nothing new was stored. */
  alreadyPublished: z.boolean(),
});
export type PublishAnnouncementOutput = z.infer<typeof publishAnnouncementOutputSchema>;

export const feedInputSchema = pageInputSchema.extend({
  /** Only this project's announcements (the project page). */
  projectId: idSchema.optional(),
});
export type FeedInput = z.infer<typeof feedInputSchema>;

export const feedItemSchema = z.object({
  announcementId: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  kind: z.enum(announcementKinds),
  kindLabel: z.string(),
  title: z.string(),
  /** The start of 服务内容 (one or two lines). */
  summary: z.string(),
  time: z.string(),
  place: z.string(),
  publishedAt: isoDateTime,
  editedAt: isoDateTime.nullable(),
  /** Not opened yet by the caller. */
  unread: z.boolean(),
});
export type FeedItem = z.infer<typeof feedItemSchema>;
/** No total: counting every match of a feed costs as much as the page itself; `hasMore` says if there is a next page. */
export const feedOutputSchema = z.object({
  items: z.array(feedItemSchema),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  hasMore: z.boolean(),
});
export type FeedOutput = z.infer<typeof feedOutputSchema>;

export const announcementStatsInputSchema = z.object({ projectId: idSchema });
export type AnnouncementStatsInput = z.infer<typeof announcementStatsInputSchema>;

export const announcementStatsSchema = z.object({
  announcementId: z.string(),
  title: z.string(),
  kind: z.enum(announcementKinds),
  state: z.enum(announcementStates),
  stateLabel: z.string(),
  publishedAt: isoDateTime.nullable(),
  editedAt: isoDateTime.nullable(),
  /** Workers with a profile in the audience (org subtree, and groups when narrowed). */
  audienceSize: z.number().int().min(0),
  /** Workers who opened it in the app (distinct; announce.get). */
  reached: z.number().int().min(0),
  /** Subscribe messages sent, failed, still queued (the push queue's record). */
  pushed: z.number().int().min(0),
  failed: z.number().int().min(0),
  pending: z.number().int().min(0),
});
export type AnnouncementStats = z.infer<typeof announcementStatsSchema>;

export const announcementStatsOutputSchema = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  /** Newest first, withdrawn and held ones included. */
  items: z.array(announcementStatsSchema),
});
export type AnnouncementStatsOutput = z.infer<typeof announcementStatsOutputSchema>;

/** project.follow / unfollow / view */
export const projectFollowInputSchema = z.object({ projectId: idSchema });
export type ProjectFollowInput = z.infer<typeof projectFollowInputSchema>;
export const projectFollowOutputSchema = z.object({ projectId: z.string(), following: z.boolean() });
export type ProjectFollowOutput = z.infer<typeof projectFollowOutputSchema>;

export const projectViewInputSchema = z.object({ projectId: idSchema });
export type ProjectViewInput = z.infer<typeof projectViewInputSchema>;
export const projectViewOutputSchema = z.object({
  projectId: z.string(),
  following: z.boolean(),
  /** Distinct workers who opened the project page (one per worker). */
  viewers: z.number().int().min(0),
  /** The target population (覆盖职工数量 in the record), null when not given. */
  target: z.number().int().min(0).nullable(),
  /** 知晓度: viewers against the target, 0–1 (null without a target). */
  awareness: z.number().min(0).nullable(),
});
export type ProjectViewOutput = z.infer<typeof projectViewOutputSchema>;
