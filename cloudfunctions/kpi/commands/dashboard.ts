/**
 * 绩效看板 for staff: a year's projects of the caller's reach (their subtree and routed departments, or
 * one node of it), every figure with the filter `kpi.list` takes to list the projects behind it. Both
 * come from the same rows (`rowsFor`), so a figure's list always has as many projects as the figure
 * counts. Requests: one aggregate of the projects, then side by side the served, viewer, tranche and
 * rating figures (per 125 projects), the signal decisions and the thresholds along the paths (per 1,000),
 * and the 现场座谈 figures (common/forums.ts, per 100).
 */
import {
  kpiSignalLabels,
  kpiSignals,
  projectLevelLabels,
  projectLevels,
  projectStatuses,
  projectStatusMeta,
  satisfactionOf,
  type KpiDashboard,
  type KpiDashboardInput,
  type KpiFilter,
  type KpiListInput,
  type KpiPage,
  type ProjectExportOutput,
} from '@shishi/shared-types';
import { tempUrls } from '../../common/attachments';
import { bindingsOf, type Ctx } from '../../common/context';
import { exportPath } from '../../common/exportFiles';
import { forumFigures } from '../../common/forums';
import { getOrg } from '../../common/orgs';
import { filterOrg } from '../../common/scope';
import { staffScope } from '../../project/commands/read';
import { kpiRow, listItem, type KpiRow } from '../figures';
import { decisionsOf, effectiveThresholds, measuredOf, projectsOf, thresholdsAlong } from '../load';

/** The rows of a year's projects the caller may see (optionally one node of their reach and one level). */
export async function rowsFor(
  ctx: Ctx,
  f: { year: number; level?: KpiFilter['level']; orgId?: string },
): Promise<{ rows: KpiRow[]; orgName: string }> {
  let reach: string[];
  let orgName: string;
  if (f.orgId) {
    const org = await filterOrg(ctx, f.orgId, { what: '所选单位' });
    reach = [org._id];
    orgName = (await getOrg(ctx.db, org._id))?.name ?? '';
  } else {
    const scope = await staffScope(ctx);
    reach = scope.orgIds;
    orgName = bindingsOf(await ctx.profile())
      .filter((b) => reach.includes(b.orgId))
      .map((b) => b.orgName)
      .filter((n, i, all) => all.indexOf(n) === i)
      .join('、');
  }
  const projects = await projectsOf(ctx.db, { year: f.year, reach, level: f.level });
  const ids = projects.map((p) => p._id);
  const [measured, decisions, thresholds, forums] = await Promise.all([
    measuredOf(ctx.db, ids),
    decisionsOf(ctx.db, ids),
    thresholdsAlong(
      ctx.db,
      f.year,
      projects.map((p) => p.orgPath),
    ),
    forumFigures(ctx.db, ids, ctx.now),
  ]);
  const rows = projects.map((p) =>
    kpiRow(
      p,
      measured.get(p._id)!,
      effectiveThresholds(p.orgPath, thresholds),
      decisions.get(p._id) ?? null,
      ctx.now,
      forums.get(p._id),
    ),
  );
  return { rows, orgName };
}

/** True when the row is one of the projects behind the filter (the year, level and org are the query's). */
export function matches(r: KpiRow, f: KpiFilter): boolean {
  const target = r.p.record?.targetServed ?? 0;
  if (f.status !== undefined && r.p.status !== f.status) return false;
  if (f.signal !== undefined && r.effective !== f.signal) return false;
  if (f.overdue === 'midterm' && !r.overdue) return false;
  if (f.overdue === 'dueSoon' && !r.dueSoon) return false;
  if (f.overdue === 'late' && !r.late) return false;
  if (f.overdue === 'followUps' && r.f.overdueFollowUps === 0) return false;
  if (f.metTarget !== undefined && (target <= 0 || r.m.served >= target !== f.metTarget)) return false;
  if (f.subsidised !== undefined && r.p.subsidyFen > 0 !== f.subsidised) return false;
  if (f.paid !== undefined && (r.p.subsidyFen <= 0 || Math.min(r.m.tranches, 2) !== f.paid)) return false;
  if (f.paidAny !== undefined && r.m.tranches > 0 !== f.paidAny) return false;
  if (f.score !== undefined && !((r.m.satisfaction[f.score - 1] ?? 0) > 0)) return false;
  if (f.rated !== undefined && r.ratings >= r.thresholds.minRatings !== f.rated) return false;
  return true;
}

function summarise(input: KpiDashboardInput, rows: KpiRow[], orgName: string, now: Date): KpiDashboard {
  const base: KpiFilter = { year: input.year };
  if (input.level) base.level = input.level;
  if (input.orgId) base.orgId = input.orgId;
  const counted = (extra: Omit<KpiFilter, 'year'>) => {
    const filter: KpiFilter = { ...base, ...extra };
    return { count: rows.filter((r) => matches(r, filter)).length, filter };
  };
  const distribution = [0, 0, 0, 0, 0];
  let served = 0;
  let targetServed = 0;
  let viewers = 0;
  let targetCovered = 0;
  let totalBudgetFen = 0;
  let subsidyFen = 0;
  let paidFen = 0;
  let spentFen = 0;
  const forums = { forums: 0, attendance: 0, openFollowUps: 0, overdueFollowUps: 0 };
  for (const r of rows) {
    forums.forums += r.f.forums;
    forums.attendance += r.f.attendance;
    forums.openFollowUps += r.f.openFollowUps;
    forums.overdueFollowUps += r.f.overdueFollowUps;
    r.m.satisfaction.forEach((n, i) => (distribution[i] = distribution[i]! + n));
    served += r.m.served;
    targetServed += r.p.record?.targetServed ?? 0;
    viewers += r.m.viewers;
    targetCovered += r.p.record?.targetCovered ?? 0;
    totalBudgetFen += r.p.totalBudgetFen;
    subsidyFen += r.p.subsidyFen;
    paidFen += r.m.paidFen;
    spentFen += r.p.spentFen;
  }
  const sat = satisfactionOf(distribution);
  return {
    year: input.year,
    level: input.level ?? null,
    orgName,
    asOf: now.toISOString(),
    total: counted({}),
    byStatus: projectStatuses
      .map((status) => ({ ...counted({ status }), status, label: projectStatusMeta[status].label }))
      .filter((s) => s.count > 0),
    byLevel: projectLevels
      .filter((level) => !input.level || level === input.level)
      .map((level) => {
        const filter: KpiFilter = { ...base, level };
        return {
          count: rows.filter((r) => r.p.level === level).length,
          filter,
          level,
          label: projectLevelLabels[level],
        };
      }),
    money: {
      totalBudgetFen,
      subsidyFen,
      paidFen,
      spentFen,
      withSubsidy: counted({ subsidised: true }),
      paidNone: counted({ paid: 0 }),
      paidFirst: counted({ paid: 1 }),
      paidBoth: counted({ paid: 2 }),
      paid: counted({ paidAny: true }),
    },
    workers: {
      served,
      targetServed,
      viewers,
      targetCovered,
      metTarget: counted({ metTarget: true }),
      belowTarget: counted({ metTarget: false }),
    },
    satisfaction: {
      ratings: sat.ratings,
      distribution,
      byScore: distribution.map((ratings, i) => ({
        ...counted({ score: i + 1 }),
        score: i + 1,
        ratings,
        label: `满意度 ${i + 1} 分`,
      })),
      satisfiedPercent: sat.satisfiedPercent,
      mean: sat.mean,
      rated: counted({ rated: true }),
      unrated: counted({ rated: false }),
    },
    signals: kpiSignals.map((signal) => ({ ...counted({ signal }), signal, label: kpiSignalLabels[signal] })),
    overdue: {
      midterm: counted({ overdue: 'midterm' }),
      dueSoon: counted({ overdue: 'dueSoon' }),
      late: counted({ overdue: 'late' }),
      followUps: { ...counted({ overdue: 'followUps' }), items: forums.overdueFollowUps },
    },
    forums,
  };
}

export async function dashboard(ctx: Ctx, input: KpiDashboardInput): Promise<KpiDashboard> {
  const { rows, orgName } = await rowsFor(ctx, input);
  return summarise(input, rows, orgName, ctx.now);
}

/** Overdue and signal first (what needs attention), then by title. */
function byAttention(a: KpiRow, b: KpiRow): number {
  const weight = (r: KpiRow) => (r.overdue ? 0 : 2) + (r.effective === 'scaleBack' ? 0 : 1);
  return weight(a) - weight(b) || a.p.title.localeCompare(b.p.title, 'zh-CN') || (a.p._id < b.p._id ? -1 : 1);
}

export async function list(ctx: Ctx, input: KpiListInput): Promise<KpiPage> {
  const { page, pageSize, ...filter } = input;
  const { rows } = await rowsFor(ctx, filter);
  const hits = rows.filter((r) => matches(r, filter)).sort(byAttention);
  return {
    items: hits.slice((page - 1) * pageSize, page * pageSize).map(listItem),
    total: hits.length,
    page,
    pageSize,
  };
}

export async function exportDashboard(ctx: Ctx, input: KpiDashboardInput): Promise<ProjectExportOutput> {
  const { rows, orgName } = await rowsFor(ctx, input);
  const board = summarise(input, rows, orgName, ctx.now);
  const sorted = [...rows].sort(byAttention);
  // exceljs loads only when an export is asked for.
  const buffer = await (await import('../documents/dashboard')).dashboardXlsx(board, sorted);
  const levelWords = input.level ? projectLevelLabels[input.level] : '';
  const fileName = `${input.year}年度${levelWords}为职工办实事绩效看板.xlsx`;
  const cloudPath = exportPath(ctx, 'kpi', 'xlsx');
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx, [fileID])).get(fileID) ?? '';
  return { fileID, url, fileName, rows: rows.length };
}
