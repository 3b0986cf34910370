/**
 * 项目列表上的信号 (`kpi.signalsOf`): the signals of one page of the staff project list, computed by the
 * same loaders and rules as `kpi.project` and the dashboard (`measuredOf`, `decisionsOf`,
 * `thresholdsAlong`, `kpiRow`, `signalView`), so a row's chip always says what the record says. Requests:
 * one read of the projects by _id, then the measured figures, decisions and thresholds side by side.
 * A project the caller may not see (or that does not exist) is left out rather than refused: a page
 * may well hold a project routed to the caller's department, and the answer must not tell the others apart.
 */
import type { ProjectSignal, SignalsOfInput, SignalsOfOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { reaches } from '../../common/scope';
import { scopeOf } from '../../project/view';
import { kpiRow, signalView, type KpiRow } from '../figures';
import {
  decisionsOf,
  effectiveThresholds,
  kpiProjectFields,
  measuredOf,
  thresholdsAlong,
  type KpiProjectDoc,
} from '../load';

/** The projects with these ids that the caller may see (the action's access rule), in the order asked. */
async function visibleProjects(ctx: Ctx, ids: readonly string[]): Promise<KpiProjectDoc[]> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('projects')
    .aggregate()
    .match({ _id: _.in([...ids]) })
    .project(kpiProjectFields)
    .limit(ids.length)
    .end();
  const byId = new Map((res.list as KpiProjectDoc[]).map((p) => [p._id, p]));
  const out: KpiProjectDoc[] = [];
  for (const id of ids) {
    const p = byId.get(id);
    if (p && (await reaches(ctx, scopeOf(p)))) out.push(p);
  }
  return out;
}

/** The KPI rows of these projects, as `kpi.project` builds one (the year's thresholds per project). */
async function rowsOf(ctx: Ctx, projects: readonly KpiProjectDoc[]): Promise<KpiRow[]> {
  const ids = projects.map((p) => p._id);
  const years = [...new Set(projects.map((p) => p.year))];
  const [measured, decisions, thresholds] = await Promise.all([
    measuredOf(ctx.db, ids),
    decisionsOf(ctx.db, ids),
    Promise.all(
      years.map((year) =>
        thresholdsAlong(
          ctx.db,
          year,
          projects.filter((p) => p.year === year).map((p) => p.orgPath),
        ),
      ),
    ),
  ]);
  const thresholdsOfYear = new Map(years.map((year, i) => [year, thresholds[i]!]));
  return projects.map((p) =>
    kpiRow(
      p,
      measured.get(p._id)!,
      effectiveThresholds(p.orgPath, thresholdsOfYear.get(p.year)!),
      decisions.get(p._id) ?? null,
      ctx.now,
    ),
  );
}

function shortSignal(r: KpiRow): ProjectSignal {
  const v = signalView(r);
  return {
    projectId: r.p._id,
    signal: v.effective,
    label: v.effectiveLabel,
    reason: v.reasons.join('；'),
    computed: v.computed,
    decision: v.decision?.decision ?? null,
    decisionReason: v.decision?.reason ?? null,
    stale: v.stale,
    ratings: v.ratings,
    satisfiedPercent: v.satisfiedPercent,
    servedPercent: v.servedPercent,
  };
}

export async function signalsOf(ctx: Ctx, input: SignalsOfInput): Promise<SignalsOfOutput> {
  const ids = [...new Set(input.projectIds)];
  const projects = await visibleProjects(ctx, ids);
  if (projects.length === 0) return { items: [] };
  const rows = await rowsOf(ctx, projects);
  return { items: rows.map(shortSignal) };
}
