/**
 * A forum as the caller may see it. Staff who see the project read all of it (participants, issues,
 * photos, follow-ups with open and overdue flags); workers read the short public version (date, place,
 * attendance, summary) of a published project's forums whose place and summary passed the content
 * check — the union shows workers it listened, without their names, issues or photos.
 */
import {
  AppError,
  access,
  accessRefusal,
  businessDate,
  followUpCounts,
  forumRecordRefusal,
  isFollowUpOverdue,
  projectOwnerRoles,
  publicStatuses,
  type Actor,
  type Forum,
} from '@shishi/shared-types';
import { tempUrls, toAttachments } from '../common/attachments';
import { actorOf, type Ctx } from '../common/context';
import type { ForumDoc } from '../common/forums';
import type { ProjectDoc } from '../common/projects';
import { iso } from '../common/serialize';
import { scopeOf, staffMaySee } from '../project/view';

const owner = access(projectOwnerRoles, 'subtree');

/** What the caller may do with a project's forums. */
export interface ForumRights {
  /** Sees the whole record. */
  staff: boolean;
  /** Edits forums and marks their follow-ups done (the applicant unit's subtree). */
  edit: boolean;
  /** May record a new forum now (edit, and the project's status allows it). */
  record: boolean;
}

export function rightsOf(actor: Actor, p: ProjectDoc): ForumRights {
  const edit = accessRefusal(actor, owner, scopeOf(p)) === null;
  return { staff: staffMaySee(actor, p), edit, record: edit && forumRecordRefusal(p) === null };
}

/** The caller's rights, or FORBIDDEN when they may not see this project's forums at all. */
export async function rightsFor(ctx: Ctx, p: ProjectDoc): Promise<ForumRights> {
  const rights = rightsOf(actorOf(await ctx.profile()), p);
  if (!rights.staff && !publicStatuses.includes(p.status)) {
    throw new AppError('FORBIDDEN', '这个项目还没有发布，发布后就能看到座谈情况');
  }
  return rights;
}

/** Workers read a forum once its place and summary passed the check. */
export function shownToWorkers(f: Pick<ForumDoc, 'textModeration'>): boolean {
  return f.textModeration === 'pass';
}

/** The forums as this caller sees them (one temp-URL request for every photo staff see). */
export async function presentForums(ctx: Ctx, docs: readonly ForumDoc[], rights: ForumRights): Promise<Forum[]> {
  const today = businessDate(ctx.now);
  const urls = rights.staff
    ? await tempUrls(
        ctx,
        docs.flatMap((d) => d.photos.map((a) => a.fileID)),
      )
    : new Map();
  return docs.map((d) => ({
    _id: d._id,
    projectId: d.projectId,
    date: d.date,
    place: d.place,
    attendance: d.attendance,
    summary: d.summary,
    detail: rights.staff
      ? {
          participants: d.participants,
          issues: d.issues,
          photos: toAttachments(d.photos, urls, true),
          followUps: d.followUps.map((f) => ({
            key: f.key,
            what: f.what,
            owner: f.owner,
            dueDate: f.dueDate,
            done: f.done,
            doneOn: f.doneOn,
            overdue: isFollowUpOverdue(f, today),
          })),
          ...followUpCounts(d.followUps, today),
          shownToWorkers: shownToWorkers(d),
          byName: d.byName,
          recordedAt: iso(d.createdAt),
          updatedAt: iso(d.updatedAt),
          canEdit: rights.edit,
        }
      : null,
  }));
}

/** One forum by id, or INVALID_INPUT on `field` (an unknown id, as for every record in this API). */
export async function loadForum(ctx: Ctx, id: string, field = 'forumId'): Promise<ForumDoc> {
  const res = await ctx.db.collection('projectForums').where({ _id: id }).limit(1).get();
  const doc = res.data[0] as ForumDoc | undefined;
  if (!doc)
    throw new AppError('INVALID_INPUT', '找不到这次座谈，请刷新后再试', [{ path: field, message: '座谈不存在' }]);
  return doc;
}
