/**
 * 实施进展 of a project as the caller may see it (第五条（六）): milestones with their planned and done
 * dates and late flags for everyone who sees the project; public reports' 措施 and photos (that passed
 * the image check) as 进展 for everyone; the whole reports with 资金使用, 困难, 需协调的问题 and the
 * replies for staff who see the record.
 */
import {
  accessRefusal,
  access,
  businessDate,
  milestoneTickRefusal,
  milestoneViews,
  moderationFromCheck,
  progressReportRefusal,
  projectOwnerRoles,
  roleLabels,
  type Actor,
  type AttachmentModeration,
  type MilestoneTick,
  type ProgressReport,
  type ProgressUpdate,
  type ProjectProgress,
  type Role,
} from '@shishi/shared-types';
import { tempUrls, toAttachments, type AttachmentDoc } from '../common/attachments';
import type { Ctx } from '../common/context';
import type { ProjectDoc } from '../common/projects';
import { iso } from '../common/serialize';
import { scopeOf, staffMaySee } from './view';

/** Roles that answer a report, bound at the project's routed department (归口管理部门). */
export const replierRoles: readonly Role[] = ['reviewer', 'deptHead', 'leader'];

export interface ReplyDoc {
  by: string;
  byName: string;
  role: Role;
  text: string;
  at: Date;
}

/** A progress report (`projectReports`); `_id` = `${projectId}_r${n}`. */
export interface ProgressReportDoc {
  _id: string;
  projectId: string;
  projectTitle: string;
  orgName: string;
  /** The routed department: its reviewer, head and leader see the report in 待我办理 and reply. */
  departmentId: string;
  measures: string;
  funding: string | null;
  difficulties: string | null;
  coordination: string | null;
  photos: AttachmentDoc[];
  /** The unit chose to show 措施 and photos to workers. */
  public: boolean;
  /** The content check of 措施 (public reports only; `none` for internal ones). */
  textModeration: 'none' | 'pass' | 'review';
  replies: ReplyDoc[];
  /** No one at the department has replied yet (the 待我办理 index). */
  awaitingReply: boolean;
  createdAt: Date;
  by: string;
  byName: string;
}

/** The milestone ticks a project keeps (`milestoneTicks` on the project document). */
export interface MilestoneTickDoc extends MilestoneTick {
  task: string;
  date: string;
  at: Date;
  by: string;
  byName: string;
}

export type ProjectWithTicks = ProjectDoc & { milestoneTicks?: MilestoneTickDoc[]; reportCount?: number };

const owner = access(projectOwnerRoles, 'subtree');

/** Workers see a report when the unit made it public and its text passed the check. */
export function shownToWorkers(r: ProgressReportDoc): boolean {
  return r.public && r.textModeration === 'pass';
}

/**
 * Photos still `pending` (production: mediaCheckAsync answers later) take the verdict WeChat delivered:
 * it lands in `mediaVerdicts` (by trace id) because no proposal holds that trace id.
 */
async function withVerdicts(ctx: Ctx, reports: ProgressReportDoc[]): Promise<ProgressReportDoc[]> {
  const traceIds = reports.flatMap((r) =>
    r.photos.flatMap((a) => (a.moderation === 'pending' && a.traceId ? [a.traceId] : [])),
  );
  if (traceIds.length === 0) return reports;
  const res = await ctx.db
    .collection('mediaVerdicts')
    .where({ _id: ctx.db.command.in(traceIds) })
    .limit(1000)
    .get();
  const verdicts = new Map(
    (res.data as Array<{ _id: string; suggest: string | null }>).map((v) => [
      v._id,
      moderationFromCheck(v.suggest ?? undefined) as AttachmentModeration,
    ]),
  );
  return reports.map((r) => ({
    ...r,
    photos: r.photos.map((a) =>
      a.moderation === 'pending' && a.traceId && verdicts.has(a.traceId)
        ? { ...a, moderation: verdicts.get(a.traceId)! }
        : a,
    ),
  }));
}

/** True when the caller answers reports of this project (bound at its routed department). */
export function mayReply(actor: Actor, departmentId: string): boolean {
  return (
    accessRefusal(actor, access(replierRoles, 'department'), { orgPath: [], departmentIds: [departmentId] }) === null
  );
}

/** The latest reports of a project (newest first; one indexed read). */
export async function loadReports(ctx: Ctx, projectId: string, limit = 50): Promise<ProgressReportDoc[]> {
  const res = await ctx.db
    .collection('projectReports')
    .where({ projectId })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return res.data as ProgressReportDoc[];
}

/** The project page's 实施进展 for this caller. */
export async function progressFor(ctx: Ctx, actor: Actor, p: ProjectWithTicks): Promise<ProjectProgress> {
  const staff = staffMaySee(actor, p);
  const reports = await withVerdicts(ctx, await loadReports(ctx, p._id));
  const visible = staff ? reports : reports.filter(shownToWorkers);
  const urls = await tempUrls(
    ctx,
    visible.flatMap((r) => r.photos.map((a) => a.fileID)),
  );
  const milestones = milestoneViews(p.record.milestones, p.milestoneTicks ?? [], businessDate(ctx.now), p.status);
  const updates: ProgressUpdate[] = reports.filter(shownToWorkers).map((r) => ({
    _id: r._id,
    at: iso(r.createdAt),
    orgName: r.orgName,
    measures: r.measures,
    photos: toAttachments(r.photos, urls, false),
  }));
  const isOwner = accessRefusal(actor, owner, scopeOf(p)) === null;
  const canReply = mayReply(actor, p.departmentId);
  const full: ProgressReport[] | null = staff
    ? reports.map((r) => ({
        _id: r._id,
        at: iso(r.createdAt),
        orgName: r.orgName,
        measures: r.measures,
        photos: toAttachments(r.photos, urls, true),
        funding: r.funding,
        difficulties: r.difficulties,
        coordination: r.coordination,
        public: r.public,
        shownToWorkers: shownToWorkers(r),
        held: r.public && r.textModeration === 'review',
        byName: r.byName,
        replies: r.replies.map((x) => ({
          byName: x.byName,
          roleLabel: roleLabels[x.role] ?? x.role,
          text: x.text,
          at: iso(x.at),
        })),
        awaitingReply: r.awaitingReply,
        canReply,
      }))
    : null;
  return {
    milestones,
    lateCount: milestones.filter((m) => m.late).length,
    updates,
    reports: full,
    canReport: isOwner && progressReportRefusal(p) === null,
    canTick: isOwner && milestoneTickRefusal(p) === null && milestones.length > 0,
  };
}
