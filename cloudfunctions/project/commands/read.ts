/** 项目详情, the staff project list, and 待我办理 (the work queue). */
import {
  businessDate,
  midtermOwingStatuses,
  formKindLabels,
  lateMilestoneCount,
  milestoneKey,
  milestoneStatuses,
  projectStatusMeta,
  signStepLabels,
  staffRoles,
  type GetProjectInput,
  type ListProjectsInput,
  type Project,
  type ProjectPage,
  type Workbench,
  type WorkItem,
} from '@shishi/shared-types';
import { actorOf, bindingsOf, type Ctx } from '../../common/context';
import { pageOf } from '../../common/paging';
import type { FormDoc, ProjectDoc } from '../../common/projects';
import { iso } from '../../common/serialize';
import { escapeRegExp } from '../../survey/support';
import { presentById } from '../present';
import { isOverdue } from '../view';
import { replierRoles, type ProgressReportDoc, type ProjectWithTicks } from '../progress';

export async function get(ctx: Ctx, input: GetProjectInput): Promise<Project> {
  return presentById(ctx, input.projectId, input.version);
}

/**
 * The caller's staff bindings: each reaches its subtree's projects and those routed to it — one
 * condition on the multikey `reach` (applicant path + departments), served by its index.
 */
export async function staffScope(ctx: Ctx) {
  const _ = ctx.db.command;
  const bindings = bindingsOf(await ctx.profile()).filter((b) => staffRoles.includes(b.role));
  const orgIds = [...new Set(bindings.map((b) => b.orgId))];
  return { bindings, orgIds, where: { reach: _.in(orgIds) } };
}

const runningStatuses = [...midtermOwingStatuses];

export function toListItem(p: ProjectWithTicks, now: Date) {
  const meta = projectStatusMeta[p.status];
  const late = lateMilestoneCount(p.record?.milestones ?? [], p.milestoneTicks ?? [], businessDate(now), p.status);
  return {
    _id: p._id,
    title: p.title,
    status: p.status,
    statusLabel: meta.label,
    tone: meta.tone,
    progress: meta.progress,
    year: p.year,
    level: p.level,
    orgName: p.orgName,
    departmentName: p.departmentName,
    totalBudgetFen: p.totalBudgetFen,
    subsidyFen: p.subsidyFen,
    overdue: isOverdue(p, now),
    lateMilestones: late,
    updatedAt: iso(p.updatedAt),
  };
}

const listFields = {
  title: true,
  status: true,
  year: true,
  level: true,
  orgName: true,
  departmentName: true,
  totalBudgetFen: true,
  subsidyFen: true,
  midtermOpen: true,
  midtermDueAt: true,
  updatedAt: true,
  // The late-milestone flag (rules/progress): the plan's milestones and the ticks.
  'record.milestones': true,
  milestoneTicks: true,
};

export async function list(ctx: Ctx, input: ListProjectsInput): Promise<ProjectPage> {
  const _ = ctx.db.command;
  const scope = await staffScope(ctx);
  const filters: Record<string, unknown> = {};
  if (input.year) filters.year = input.year;
  if (input.level) filters.level = input.level;
  if (input.status) filters.status = input.status;
  if (input.departmentId) filters.departmentIds = input.departmentId;
  if (input.overdue === true) {
    filters.midtermOpen = true;
    filters.midtermDueAt = _.lt(ctx.now);
    if (!input.status) filters.status = _.in(runningStatuses);
  }
  if (input.q) filters.title = ctx.db.RegExp({ regexp: escapeRegExp(input.q), options: 'i' });
  const { docs, total } = await pageOf<ProjectDoc>(
    ctx,
    {
      collection: 'projects',
      where: { ...filters, ...scope.where },
      orderBy: 'updatedAt',
      order: 'desc',
      fields: listFields,
    },
    input,
  );
  return { items: docs.map((p) => toListItem(p, ctx.now)), total, page: input.page, pageSize: input.pageSize };
}

const WINDOW_DAYS = 7;
const LIMIT = 50;

/**
 * 待我办理: forms waiting for my signature (my role at the node that signs), my unit's returned forms,
 * mid-term forms due within 7 days or overdue, records waiting for 论证 or 审定 in my department.
 */
export async function workbench(ctx: Ctx): Promise<Workbench> {
  const _ = ctx.db.command;
  const user = await ctx.profile();
  const actor = actorOf(user);
  const scope = await staffScope(ctx);
  const signers = actor.bindings.filter((b) => ['unitHead', 'deptHead', 'leader'].includes(b.role));
  const owners = actor.bindings.filter((b) => ['unionStaff', 'research', 'admin'].includes(b.role));
  const reviewers = actor.bindings.filter((b) =>
    ['reviewer', 'deptHead', 'leader', 'research', 'admin'].includes(b.role),
  );
  const soon = new Date(ctx.now.getTime() + WINDOW_DAYS * 24 * 3600 * 1000);
  const none = { data: [] as unknown[] };
  const count = async (collection: string, where: unknown) =>
    (await ctx.db.collection(collection).where(where).count()).total as number;
  // Each part: the first items to show, and the true count (a real count, not the items read).
  const signWhere = {
    pendingOrgId: _.in([...new Set(signers.map((b) => b.orgId))]),
    pendingRole: _.in([...new Set(signers.map((b) => b.role))]),
  };
  const returnedWhere = { status: 'returned', superseded: false, orgPath: _.in(owners.map((b) => b.orgId)) };
  const dueWhere = (range: unknown) => ({
    midtermOpen: true,
    midtermDueAt: range,
    status: _.in(runningStatuses),
    ...scope.where,
  });
  const reviewWhere = {
    status: _.in(['feasibility', 'submitted']),
    departmentIds: _.in(reviewers.map((b) => b.orgId)),
  };
  // 进展报告 not yet answered, of projects routed to a department where I reply (reviewer, head, leader).
  const repliers = actor.bindings.filter((b) => replierRoles.includes(b.role));
  const reportWhere = { departmentId: _.in([...new Set(repliers.map((b) => b.orgId))]), awaitingReply: true };
  const [
    toSignRes,
    returned,
    due,
    review,
    signCount,
    returnedCount,
    dueCount,
    overdueCount,
    reviewCount,
    reports,
    reportCount,
    late,
  ] = await Promise.all([
    signers.length
      ? ctx.db.collection('projectForms').where(signWhere).orderBy('submittedAt', 'asc').limit(LIMIT).get()
      : none,
    owners.length ? ctx.db.collection('projectForms').where(returnedWhere).limit(LIMIT).get() : none,
    ctx.db
      .collection('projects')
      .where(dueWhere(_.lte(soon)))
      .field({ title: true, status: true, midtermDueAt: true, midtermOpen: true, updatedAt: true })
      .limit(LIMIT)
      .get(),
    reviewers.length
      ? ctx.db
          .collection('projects')
          .where(reviewWhere)
          .field({ title: true, status: true, updatedAt: true })
          .limit(LIMIT)
          .get()
      : none,
    // One exact count per signing binding (a person may sign at two nodes in two roles).
    Promise.all(signers.map((b) => count('projectForms', { pendingOrgId: b.orgId, pendingRole: b.role }))).then((n) =>
      n.reduce((a, c) => a + c, 0),
    ),
    owners.length ? count('projectForms', returnedWhere) : 0,
    count('projects', dueWhere(_.and(_.gte(ctx.now), _.lte(soon)))),
    count('projects', dueWhere(_.lt(ctx.now))),
    reviewers.length ? count('projects', reviewWhere) : 0,
    repliers.length
      ? ctx.db
          .collection('projectReports')
          .where(reportWhere)
          .orderBy('createdAt', 'desc')
          .field({ projectId: true, projectTitle: true, orgName: true, coordination: true, createdAt: true })
          .limit(LIMIT)
          .get()
      : none,
    repliers.length ? count('projectReports', reportWhere) : 0,
    lateMilestoneProjects(ctx, scope.orgIds),
  ]);
  const toSign = {
    data: (toSignRes.data as FormDoc[]).filter((f) =>
      signers.some((b) => b.orgId === f.pendingOrgId && b.role === f.pendingRole),
    ),
  };
  const items: WorkItem[] = [];
  for (const f of toSign.data as FormDoc[]) {
    items.push({
      kind: 'sign',
      label: `${formKindLabels[f.kind]}待您签署${f.pendingStep ? signStepLabels[f.pendingStep] : ''}`,
      projectId: f.projectId,
      projectTitle: f.projectTitle,
      formId: f._id,
      due: null,
      at: iso(f.submittedAt),
    });
  }
  for (const f of returned.data as FormDoc[]) {
    const last = f.signatures.at(-1);
    items.push({
      kind: 'fixReturned',
      label: `${formKindLabels[f.kind]}被退回：${last?.opinion ?? ''}`.slice(0, 60),
      projectId: f.projectId,
      projectTitle: f.projectTitle,
      formId: f._id,
      due: null,
      at: iso(f.decidedAt ?? f.submittedAt),
    });
  }
  for (const p of due.data as ProjectDoc[]) {
    const overdue = isOverdue(p, ctx.now);
    const day = p.midtermDueAt ? businessDate(new Date(p.midtermDueAt)) : null;
    items.push({
      kind: overdue ? 'overdue' : 'midtermDue',
      label: overdue ? `中期推进情况表已逾期（应于 ${day} 前报送）` : `中期推进情况表请于 ${day} 前报送`,
      projectId: p._id,
      projectTitle: p.title,
      formId: null,
      due: day,
      at: iso(p.updatedAt),
    });
  }
  for (const p of review.data as ProjectDoc[]) {
    items.push({
      kind: p.status === 'submitted' ? 'decision' : 'review',
      label: p.status === 'submitted' ? '已提交审定，等待会议决议' : '可研论证中：组织论证并提交审定',
      projectId: p._id,
      projectTitle: p.title,
      formId: null,
      due: null,
      at: iso(p.updatedAt),
    });
  }
  for (const r of reports.data as ProgressReportDoc[]) {
    items.push({
      kind: 'progressReport',
      label: `${r.orgName}报送了实施进展${r.coordination ? '，有需协调的问题' : ''}，请回复`,
      projectId: r.projectId,
      projectTitle: r.projectTitle,
      formId: null,
      due: null,
      at: iso(r.createdAt),
    });
  }
  for (const { p, count: n, first } of late.items) {
    items.push({
      kind: 'lateMilestone',
      label: `${n} 个推进节点已逾期：${first.task}（计划 ${first.date}）`.slice(0, 60),
      projectId: p._id,
      projectTitle: p.title,
      formId: null,
      due: first.date,
      at: iso(p.updatedAt),
    });
  }
  return {
    counts: {
      sign: signCount,
      fixReturned: returnedCount,
      due: dueCount,
      overdue: overdueCount,
      review: reviewCount,
      progress: reportCount,
      lateMilestones: late.total,
    },
    items,
  };
}

/** At most this many projects being carried out are read for the late-milestone flag. */
const LATE_SCAN = 1000;

/**
 * Projects I see (the `reach` index) that are being carried out, with late milestones. Late depends on
 * the clock, so it is worked out at read time from the plan and the ticks (rules/progress), over the
 * projects in a milestone status — a year's implemented projects of one reach, far under LATE_SCAN.
 */
async function lateMilestoneProjects(ctx: Ctx, orgIds: string[]) {
  const _ = ctx.db.command;
  if (orgIds.length === 0) return { items: [], total: 0 };
  const res = await ctx.db
    .collection('projects')
    .where({ reach: _.in(orgIds), status: _.in([...milestoneStatuses]) })
    .field({ title: true, status: true, updatedAt: true, 'record.milestones': true, milestoneTicks: true })
    .limit(LATE_SCAN)
    .get();
  const today = businessDate(ctx.now);
  const found = (res.data as ProjectWithTicks[]).flatMap((p) => {
    const ticks = new Set((p.milestoneTicks ?? []).map((t) => t.key));
    const late = lateMilestoneCount(p.record.milestones, p.milestoneTicks ?? [], today, p.status);
    if (late === 0) return [];
    const first = [...p.record.milestones]
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .find((m) => m.date < today && !ticks.has(milestoneKey(m)))!;
    return [{ p, count: late, first }];
  });
  return { items: found.slice(0, LIMIT), total: found.length };
}
