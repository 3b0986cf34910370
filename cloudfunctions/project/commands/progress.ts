/**
 * 项目实施 (第五条（六）): the unit reports progress (措施, 资金使用, 困难, 需协调的问题, photos) on its own
 * schedule; the routed department and its leader reply; milestones of the plan are ticked off with the
 * day they were done. Each change and its audit entry are one transaction.
 */
import {
  AppError,
  businessDate,
  milestoneKey,
  milestoneTickRefusal,
  progressReportRefusal,
  type ProjectProgress,
  type ReplyProgressInput,
  type ReportProgressInput,
  type Role,
  type TickMilestoneInput,
} from '@shishi/shared-types';
import { startImageChecks, verifyAttachments } from '../../common/attachments';
import { audit } from '../../common/audit';
import { actorOf, bindingsOf, type Ctx } from '../../common/context';
import { notify } from '../../common/notify';
import { checkTexts } from '../../survey/support';
import { loadProject, readOrNull } from '../load';
import {
  progressFor,
  replierRoles,
  shownToWorkers,
  type MilestoneTickDoc,
  type ProgressReportDoc,
  type ProjectWithTicks,
} from '../progress';
import { tellFollowers } from '../progressNews';
import { holdersAt } from '../tell';
import { scopeOf } from '../view';

const projectPage = (id: string) => `packages/project/pages/detail/index?id=${encodeURIComponent(id)}`;

async function reload(ctx: Ctx, id: string): Promise<ProjectProgress> {
  const p = (await loadProject(ctx, id)) as ProjectWithTicks;
  return progressFor(ctx, actorOf(await ctx.profile()), p);
}

/** 报送进展: a report in `projectReports`, numbered per project, with its audit entry. */
export async function reportProgress(ctx: Ctx, input: ReportProgressInput): Promise<ProjectProgress> {
  const p = (await loadProject(ctx, input.projectId)) as ProjectWithTicks;
  await ctx.authorize(scopeOf(p), '这个项目');
  const refused = progressReportRefusal(p);
  if (refused) throw new AppError('CONFLICT', refused);
  const user = await ctx.profile();
  // Photos: the caller's own uploads, real images within the limits (nothing stored otherwise), then
  // the image content check; workers see a photo only once it passed.
  const photos = await startImageChecks(ctx, await verifyAttachments(ctx, input.photos, ctx.openid, 'photos'));
  // What workers will read passes the text check first; a flagged report stays with staff.
  const textModeration = input.public
    ? (await checkTexts(ctx, [input.measures])) === 'pass'
      ? 'pass'
      : 'review'
    : 'none';
  let stored: ProgressReportDoc | null = null;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectWithTicks>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    const again = progressReportRefusal(current);
    if (again) throw new AppError('CONFLICT', again);
    const n = (current.reportCount ?? 0) + 1;
    const doc: ProgressReportDoc = {
      _id: `${p._id}_r${n}`,
      projectId: p._id,
      projectTitle: current.title,
      orgName: current.orgName,
      departmentId: current.departmentId,
      measures: input.measures,
      funding: input.funding ?? null,
      difficulties: input.difficulties ?? null,
      coordination: input.coordination ?? null,
      photos,
      public: input.public,
      textModeration,
      replies: [],
      awaitingReply: true,
      createdAt: ctx.now,
      by: ctx.openid,
      byName: user.name,
    };
    const { _id, ...data } = doc;
    await t.collection('projectReports').doc(_id).set({ data });
    await ref.update({ data: { reportCount: n, updatedAt: ctx.now } });
    await audit(ctx, t, [
      {
        action: 'reportProgress',
        targetType: 'project',
        targetId: p._id,
        from: null,
        to: `第 ${n} 次进展报告`,
        note: `${input.public ? '向职工公开' : '仅工作人员可见'}${photos.length ? `，照片 ${photos.length} 张` : ''}`,
      },
    ]);
    stored = doc;
  });
  const report = stored as ProgressReportDoc | null;
  if (report) {
    // The department that answers hears of it in-app (and sees it in 待我办理).
    const repliers = await holdersAt(ctx, report.departmentId, replierRoles);
    await notify(ctx, repliers, {
      kind: 'projectTask',
      title: `新的进展报告：${p.title}`,
      body: `${report.orgName}报送了《${p.title}》的实施进展${report.coordination ? '，有需要协调解决的问题' : ''}，请查看并回复。`,
      proposalId: null,
      projectId: p._id,
    });
    if (shownToWorkers(report)) await tellFollowers(ctx, p, report, projectPage(p._id));
  }
  return reload(ctx, p._id);
}

/** 回复进展报告: a reply by the routed department's reviewer, head or leader; the report leaves 待我办理. */
export async function replyProgress(ctx: Ctx, input: ReplyProgressInput): Promise<ProjectProgress> {
  const res = await ctx.db.collection('projectReports').where({ _id: input.reportId }).limit(1).get();
  const report = res.data[0] as ProgressReportDoc | undefined;
  if (!report) {
    throw new AppError('INVALID_INPUT', '找不到这份进展报告，请刷新后再试', [
      { path: 'reportId', message: '报告不存在' },
    ]);
  }
  // Only the department the project is routed to answers (a reviewer of another department, or a head
  // of a parent node, may not): the target is that node alone.
  await ctx.authorize({ orgPath: [], departmentIds: [report.departmentId] }, '这份进展报告');
  const user = await ctx.profile();
  const role = (bindingsOf(user).find((b) => b.orgId === report.departmentId && replierRoles.includes(b.role))?.role ??
    'reviewer') as Role;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const ref = t.collection('projectReports').doc(report._id);
    const current = await readOrNull<ProgressReportDoc>(ref);
    if (!current)
      throw new AppError('INVALID_INPUT', '找不到这份进展报告', [{ path: 'reportId', message: '报告不存在' }]);
    await ref.update({
      data: {
        replies: _.push([{ by: ctx.openid, byName: user.name, role, text: input.text, at: ctx.now }]),
        awaitingReply: false,
      },
    });
    await audit(ctx, t, [
      {
        action: 'replyProgress',
        targetType: 'project',
        targetId: report.projectId,
        from: null,
        to: `回复第 ${report._id.split('_r').at(-1)} 次进展报告`,
        note: input.text,
      },
    ]);
  });
  await notify(ctx, [report.by], {
    kind: 'projectTask',
    title: `进展报告有了回复：${report.projectTitle}`,
    body: `${user.name}：${input.text}`,
    proposalId: null,
    projectId: report.projectId,
  });
  return reload(ctx, report.projectId);
}

/** 标记节点完成 / 撤销: the tick is kept on the project (`milestoneTicks`), by the milestone's key. */
export async function tickMilestone(ctx: Ctx, input: TickMilestoneInput): Promise<ProjectProgress> {
  const p = (await loadProject(ctx, input.projectId)) as ProjectWithTicks;
  await ctx.authorize(scopeOf(p), '这个项目');
  const milestone = p.record.milestones.find((m) => milestoneKey(m) === input.key);
  if (!milestone) {
    throw new AppError('INVALID_INPUT', '推进计划里没有这个节点，可能已被调整，请刷新后再试', [
      { path: 'key', message: '没有这个节点' },
    ]);
  }
  const today = businessDate(ctx.now);
  const doneOn = input.doneOn ?? today;
  if (!input.undo && doneOn > today) {
    throw new AppError('INVALID_INPUT', '完成日期不能晚于今天', [{ path: 'doneOn', message: '不能晚于今天' }]);
  }
  const refused = milestoneTickRefusal(p);
  if (refused) throw new AppError('CONFLICT', refused);
  const user = await ctx.profile();
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectWithTicks>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    const again = milestoneTickRefusal(current);
    if (again) throw new AppError('CONFLICT', again);
    const ticks = current.milestoneTicks ?? [];
    const had = ticks.find((x) => x.key === input.key);
    if (input.undo && !had) throw new AppError('CONFLICT', `「${milestone.task}」还没有标记完成，无需撤销`);
    if (!input.undo && had) {
      throw new AppError('CONFLICT', `「${milestone.task}」已在 ${had.doneOn} 标记完成；日期不对可以先撤销再标记`);
    }
    const next: MilestoneTickDoc[] = input.undo
      ? ticks.filter((x) => x.key !== input.key)
      : [
          ...ticks,
          {
            key: input.key,
            doneOn,
            task: milestone.task,
            date: milestone.date,
            at: ctx.now,
            by: ctx.openid,
            byName: user.name,
          },
        ];
    await ref.update({ data: { milestoneTicks: ctx.db.command.set(next), updatedAt: ctx.now } });
    await audit(ctx, t, [
      {
        action: input.undo ? 'untickMilestone' : 'tickMilestone',
        targetType: 'project',
        targetId: p._id,
        from: input.undo ? `已完成（${had!.doneOn}）` : '未完成',
        to: input.undo ? '未完成' : `已完成（${doneOn}）`,
        note: `${milestone.date} ${milestone.task}`,
      },
    ]);
  });
  return reload(ctx, p._id);
}
