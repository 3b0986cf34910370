/**
 * 项目绩效卡 (`kpi.project`): target (附件1) vs mid-term (附件3 and the live measured figures) vs final
 * (附件4, 决算 and the live measured figures), each figure with its source; the signal with the figures
 * behind it; and the acceptance form's 完成情况及效果评估 pre-filled from the measured figures.
 */
import {
  acceptanceText,
  api,
  costPerServedFen,
  forumsText,
  percentOf,
  projectStatusMeta,
  type KpiProjectInput,
  type KpiProjectOutput,
} from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { forumFigures } from '../../common/forums';
import { reaches } from '../../common/scope';
import { loadProject } from '../../project/load';
import { scopeOf } from '../../project/view';
import { kpiRow, liveStageOf, metricsOf, signalView, type FiledForms, type KpiRow } from '../figures';
import { decisionsOf, effectiveThresholds, measuredOf, thresholdsAlong, type KpiProjectDoc } from '../load';

/** One project (loaded and authorised by the action's rule) with its measured figures and signal. */
export async function projectRow(ctx: Ctx, projectId: string): Promise<KpiRow> {
  const p = (await loadProject(ctx, projectId)) as unknown as KpiProjectDoc;
  await ctx.authorize(scopeOf(p), '这个项目');
  const [measured, decisions, thresholds, forums] = await Promise.all([
    measuredOf(ctx.db, [p._id]),
    decisionsOf(ctx.db, [p._id]),
    thresholdsAlong(ctx.db, p.year, [p.orgPath]),
    forumFigures(ctx.db, [p._id], ctx.now),
  ]);
  return kpiRow(
    p,
    measured.get(p._id)!,
    effectiveThresholds(p.orgPath, thresholds),
    decisions.get(p._id) ?? null,
    ctx.now,
    forums.get(p._id),
  );
}

async function filedForms(ctx: Ctx, p: KpiProjectDoc): Promise<FiledForms> {
  const _ = ctx.db.command;
  const ids = (['start', 'midterm', 'acceptance'] as const).map((k) => p.forms?.[k]?.formId).filter(Boolean);
  const out: FiledForms = { start: null, midterm: null, acceptance: null };
  if (ids.length === 0) return out;
  const res = await ctx.db
    .collection('projectForms')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  for (const f of res.data as Array<{ kind: keyof FiledForms; fields: Record<string, unknown> }>)
    out[f.kind] = f.fields;
  return out;
}

export async function project(ctx: Ctx, input: KpiProjectInput): Promise<KpiProjectOutput> {
  const row = await projectRow(ctx, input.projectId);
  const p = row.p;
  const [forms, canDecide] = await Promise.all([
    filedForms(ctx, p),
    reaches(ctx, scopeOf(p), api.kpi.decideSignal.access),
  ]);
  const m = row.m;
  const targetServed = p.record?.targetServed ?? null;
  return {
    projectId: p._id,
    title: p.title,
    status: p.status,
    statusLabel: projectStatusMeta[p.status].label,
    year: p.year,
    level: p.level,
    orgName: p.orgName,
    asOf: ctx.now.toISOString(),
    liveStage: liveStageOf(p),
    metrics: metricsOf(row, forms),
    measured: {
      viewers: m.viewers,
      served: m.served,
      spentFen: p.spentFen,
      totalBudgetFen: p.totalBudgetFen,
      subsidyFen: p.subsidyFen,
      paidFen: m.paidFen,
      spentPercent: percentOf(p.spentFen, p.totalBudgetFen),
      costPerServedFen: costPerServedFen(p.spentFen, m.served),
      ratings: row.ratings,
      satisfiedPercent: row.satisfiedPercent,
      satisfactionMean: row.satisfactionMean,
      satisfactionDistribution: [...m.satisfaction],
      servedPercent: row.servedPercent,
    },
    forums: {
      ...row.f,
      display: forumsText(row.f),
      source: {
        kind: 'measured',
        document: null,
        measure: 'forums',
        label: '实测：项目的现场座谈记录（座谈场次、参加人次、待办事项及到期日）',
      },
    },
    startOverview: typeof forms.start?.overview === 'string' ? forms.start.overview : null,
    signal: signalView(row),
    acceptanceDraft: {
      completionAssessment: acceptanceText({
        viewers: m.viewers,
        targetCovered: p.record?.targetCovered ?? null,
        served: m.served,
        targetServed,
        spentFen: p.spentFen,
        totalBudgetFen: p.totalBudgetFen,
        ratings: row.ratings,
        satisfiedPercent: row.satisfiedPercent,
      }),
      coveredActual: m.viewers,
      servedActual: m.served,
      satisfactionActual: row.satisfiedPercent === null ? null : Math.round(row.satisfiedPercent),
    },
    canDecide,
  };
}
