/** The stored announcement (`announcements`) and how each caller sees it. */
import {
  AppError,
  announcementAudienceLabel,
  announcementKindLabels,
  announcementStateLabels,
  type Announcement,
  type AnnouncementKind,
  type AnnouncementState,
  type WorkerGroup,
} from '@shishi/shared-types';
import { tempUrls, toAttachments, type AttachmentDoc } from '../common/attachments';
import type { Ctx } from '../common/context';
import { iso } from '../common/serialize';

export interface AnnouncementDoc {
  _id: string;
  projectId: string;
  projectTitle: string;
  kind: AnnouncementKind;
  /** The form's id on the publisher's device (a repeat of the same publication answers this one). */
  draftId: string;
  title: string;
  serviceTargets: string | null;
  serviceContent: string;
  workflow: string | null;
  time: string;
  place: string;
  contact: string;
  images: AttachmentDoc[];
  audienceOrgId: string;
  audienceOrgName: string;
  groups: WorkerGroup[];
  /** The project's scope (staff access): the applicant's path and the routed departments. */
  orgPath: string[];
  departmentIds: string[];
  /** msgSecCheck of the text: only `pass` is shown to workers. */
  textModeration: 'pass' | 'review';
  withdrawn: boolean;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  /** Audience keys while shown, [] while held or withdrawn (the feed index). */
  feedKeys: string[];
  /** First shown to workers. */
  publishedAt: Date | null;
  /** Last edit after it was first shown (已更新). */
  editedAt: Date | null;
  version: number;
  by: string;
  byName: string;
  createdAt: Date;
  updatedAt: Date;
}

export function stateOf(a: Pick<AnnouncementDoc, 'withdrawn' | 'textModeration'>): AnnouncementState {
  if (a.withdrawn) return 'withdrawn';
  return a.textModeration === 'pass' ? 'shown' : 'held';
}

export function heldReason(a: AnnouncementDoc): string | null {
  if (a.withdrawn) return null;
  if (a.textModeration !== 'pass') return '文字没有通过内容安全检测，职工暂时看不到：请修改后重新保存';
  const waiting = a.images.filter((i) => i.moderation !== 'pass').length;
  return waiting > 0 ? `${waiting} 张图片还在检测或未通过检测，通过前职工看不到这些图片` : null;
}

/** The announcement as `staff` (every image with its state) or a worker (images that passed) sees it. */
export async function present(ctx: Ctx, a: AnnouncementDoc, staff: boolean, canManage: boolean): Promise<Announcement> {
  const shown = staff ? a.images : a.images.filter((i) => i.moderation === 'pass');
  const urls = shown.length
    ? await tempUrls(
        ctx,
        shown.map((i) => i.fileID),
      )
    : new Map<string, string>();
  const state = stateOf(a);
  return {
    _id: a._id,
    projectId: a.projectId,
    projectTitle: a.projectTitle,
    kind: a.kind,
    kindLabel: announcementKindLabels[a.kind],
    title: a.title,
    serviceTargets: a.serviceTargets,
    serviceContent: a.serviceContent,
    workflow: a.workflow,
    time: a.time,
    place: a.place,
    contact: a.contact,
    images: toAttachments(a.images, urls, staff),
    audience: {
      orgId: a.audienceOrgId,
      orgName: a.audienceOrgName,
      groups: a.groups,
      label: announcementAudienceLabel(a.audienceOrgName, a.groups),
    },
    state,
    stateLabel: announcementStateLabels[state],
    publishedAt: a.publishedAt ? iso(a.publishedAt) : null,
    editedAt: a.editedAt ? iso(a.editedAt) : null,
    withdrawnAt: a.withdrawnAt ? iso(a.withdrawnAt) : null,
    withdrawReason: staff ? a.withdrawReason : null,
    heldReason: staff ? heldReason(a) : null,
    byName: a.byName,
    createdAt: iso(a.createdAt),
    canManage,
  };
}

export async function findAnnouncement(ctx: Ctx, id: string): Promise<AnnouncementDoc | null> {
  const res = await ctx.db.collection('announcements').where({ _id: id }).limit(1).get();
  return (res.data[0] as AnnouncementDoc | undefined) ?? null;
}

export async function loadAnnouncement(ctx: Ctx, id: string): Promise<AnnouncementDoc> {
  const a = await findAnnouncement(ctx, id);
  if (!a) {
    throw new AppError('NOT_FOUND', '找不到这条公告，可能已被删除', [
      { path: 'announcementId', message: '公告不存在' },
    ]);
  }
  return a;
}

/** The counter of an announcement's readers (`counterShards`). */
export function readersCounter(announcementId: string): string {
  return `r_${announcementId}`;
}
