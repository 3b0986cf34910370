/**
 * A project's KPIs from its record, forms and measured counts: the row the dashboard and lists use, the
 * signal with its decision, and the three-stage metrics of `kpi.project`, each figure with its source.
 */
import {
  businessDate,
  costPerServedFen,
  emptyForumFigures,
  kpiSignalLabels,
  lateMilestoneCount,
  midtermOwingStatuses,
  percentOf,
  projectStatusMeta,
  satisfactionOf,
  signalOf,
  yuanText,
  type ForumFigures,
  type KpiFigure,
  type KpiListItem,
  type KpiMetric,
  type KpiSignal,
  type KpiSource,
  type SignalThresholds,
  type SignalView,
} from '@shishi/shared-types';
import { iso } from '../common/serialize';
import type { DecisionDoc, KpiProjectDoc, Measured, ThresholdsDoc } from './load';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Everything the dashboard, the lists and the export need of one project. */
export interface KpiRow {
  p: KpiProjectDoc;
  m: Measured;
  satisfiedPercent: number | null;
  satisfactionMean: number | null;
  ratings: number;
  servedPercent: number | null;
  computed: KpiSignal;
  reasons: string[];
  effective: KpiSignal;
  decision: DecisionDoc | null;
  thresholds: SignalThresholds;
  thresholdsFrom: ThresholdsDoc | null;
  overdue: boolean;
  dueSoon: boolean;
  late: boolean;
  /** 现场座谈 of the project (common/forums.ts); zeros where the caller did not read them. */
  f: ForumFigures;
}

export function kpiRow(
  p: KpiProjectDoc,
  m: Measured,
  t: { thresholds: SignalThresholds; from: ThresholdsDoc | null },
  decision: DecisionDoc | null,
  now: Date,
  forums: ForumFigures = emptyForumFigures,
): KpiRow {
  const sat = satisfactionOf(m.satisfaction);
  const sig = signalOf(
    {
      ratings: sat.ratings,
      satisfiedPercent: sat.satisfiedPercent,
      served: m.served,
      targetServed: p.record?.targetServed ?? null,
    },
    t.thresholds,
  );
  const owing = p.midtermOpen && p.midtermDueAt !== null && midtermOwingStatuses.includes(p.status);
  const due = owing ? new Date(p.midtermDueAt!).getTime() : null;
  return {
    p,
    m,
    satisfiedPercent: sat.satisfiedPercent,
    satisfactionMean: sat.mean,
    ratings: sat.ratings,
    servedPercent: sig.servedPercent,
    computed: sig.signal,
    reasons: sig.reasons,
    effective: decision?.signal ?? sig.signal,
    decision,
    thresholds: t.thresholds,
    thresholdsFrom: t.from,
    overdue: due !== null && due < now.getTime(),
    dueSoon: due !== null && due >= now.getTime() && due - now.getTime() <= WEEK_MS,
    late: lateMilestoneCount(p.record?.milestones ?? [], p.milestoneTicks ?? [], businessDate(now), p.status) > 0,
    f: forums,
  };
}

export function listItem(r: KpiRow): KpiListItem {
  const p = r.p;
  return {
    _id: p._id,
    title: p.title,
    status: p.status,
    statusLabel: projectStatusMeta[p.status].label,
    level: p.level,
    orgName: p.orgName,
    year: p.year,
    served: r.m.served,
    targetServed: p.record?.targetServed ?? null,
    servedPercent: r.servedPercent,
    viewers: r.m.viewers,
    targetCovered: p.record?.targetCovered ?? null,
    totalBudgetFen: p.totalBudgetFen,
    subsidyFen: p.subsidyFen,
    paidFen: r.m.paidFen,
    spentFen: p.spentFen,
    ratings: r.ratings,
    satisfiedPercent: r.satisfiedPercent,
    signal: r.effective,
    signalLabel: kpiSignalLabels[r.effective],
    signalDecided: r.decision !== null,
    overdue: r.overdue,
    overdueFollowUps: r.f.overdueFollowUps,
  };
}

export function signalView(r: KpiRow): SignalView {
  const d = r.decision;
  return {
    computed: r.computed,
    computedLabel: kpiSignalLabels[r.computed],
    reasons: r.reasons,
    decision: d
      ? {
          decision: d.decision,
          signal: d.signal,
          signalLabel: kpiSignalLabels[d.signal],
          computedThen: d.computedThen,
          reason: d.reason,
          byName: d.byName,
          at: iso(d.at),
        }
      : null,
    stale: d !== null && d.computedThen !== r.computed,
    effective: r.effective,
    effectiveLabel: kpiSignalLabels[r.effective],
    satisfiedPercent: r.satisfiedPercent,
    servedPercent: r.servedPercent,
    ratings: r.ratings,
    thresholds: r.thresholds,
    thresholdsOrg: r.thresholdsFrom ? { orgId: r.thresholdsFrom.orgId, name: r.thresholdsFrom.orgName } : null,
  };
}

// ---------------------------------------------------------------- three stages

const annex = {
  feasibility: '附件1 可行性研究报告',
  start: '附件2 启动申报表',
  midterm: '附件3 中期推进情况表',
  acceptance: '附件4 验收申报表',
  closing: '结项 · 经费决算',
} as const;

const form = (document: keyof typeof annex, row: string): KpiSource => ({
  kind: 'form',
  document,
  measure: null,
  label: `${annex[document]} · ${row}`,
});
const measured = (measure: KpiSource['measure'], label: string): KpiSource => ({
  kind: 'measured',
  document: null,
  measure,
  label: `实测：${label}`,
});
const computed = (label: string): KpiSource => ({ kind: 'computed', document: null, measure: null, label });

function show(value: number | null, unit: KpiMetric['unit'], source: KpiSource): string {
  if (value === null) return source.kind === 'form' ? '未填' : '暂无';
  if (unit === 'people') return `${value} 人`;
  if (unit === 'fen') return `${yuanText(value)} 元`;
  if (unit === 'percent') return `${value}%`;
  return `${value} 分`;
}

function fig(
  value: number | null | undefined,
  unit: KpiMetric['unit'],
  source: KpiSource,
  display?: string,
): KpiFigure {
  const v = value ?? null;
  return { value: v, display: display ?? show(v, unit, source), source };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The filed 附件3 / 附件4 fields (latest filing), or null before one is filed. */
export interface FiledForms {
  midterm: Record<string, unknown> | null;
  acceptance: Record<string, unknown> | null;
  start: Record<string, unknown> | null;
}

/** Where the live measured figures belong: 中期 until the acceptance form is filed, then 办结. */
export function liveStageOf(p: KpiProjectDoc): 'midterm' | 'final' {
  return ['acceptanceFiled', 'accepted', 'closed'].includes(p.status) || !!p.stepsAt?.acceptanceFiled
    ? 'final'
    : 'midterm';
}

export function metricsOf(r: KpiRow, forms: FiledForms): KpiMetric[] {
  const p = r.p;
  const m = r.m;
  const live = liveStageOf(p);
  const mid = forms.midterm ?? {};
  const acc = forms.acceptance ?? {};
  const stage = (filed: KpiFigure[], measuredFigs: KpiFigure[], which: 'midterm' | 'final') =>
    live === which ? [...filed, ...measuredFigs] : filed;

  const viewers = fig(m.viewers, 'people', measured('viewers', '打开过项目页的不重复职工'));
  const served = fig(m.served, 'people', measured('served', '签到、现场登记和名单里的不重复职工'));
  const spentPercent = percentOf(p.spentFen, p.totalBudgetFen);
  const spent = fig(
    p.spentFen,
    'fen',
    measured('spending', '支出记录合计'),
    `${yuanText(p.spentFen)} 元${spentPercent === null ? '' : `（预算的 ${spentPercent}%）`}`,
  );
  const perServed = costPerServedFen(p.spentFen, m.served);
  const perServedFig = fig(perServed, 'fen', computed('实测：支出合计 ÷ 直接服务职工数'));
  const sat = fig(
    r.satisfiedPercent,
    'percent',
    measured('ratings', `职工评价中满意度 4–5 分的比例（${r.ratings} 人评价）`),
    r.satisfiedPercent === null
      ? '暂无'
      : `${r.satisfiedPercent}%（${r.ratings} 人评价，平均 ${r.satisfactionMean} 分）`,
  );
  const target = p.record ?? {};
  const targetServed = target.targetServed ?? null;

  return [
    {
      key: 'covered',
      label: '覆盖职工数量',
      unit: 'people',
      target: [fig(target.targetCovered, 'people', form('feasibility', '（六）绩效目标 · 覆盖职工数量'))],
      midterm: stage([fig(num(mid.coveredSoFar), 'people', form('midterm', '已覆盖职工数'))], [viewers], 'midterm'),
      final: stage([fig(num(acc.coveredActual), 'people', form('acceptance', '实际覆盖职工数'))], [viewers], 'final'),
    },
    {
      key: 'served',
      label: '直接服务职工数量',
      unit: 'people',
      target: [fig(targetServed, 'people', form('feasibility', '（六）绩效目标 · 直接服务职工数量'))],
      midterm: stage([fig(num(mid.servedSoFar), 'people', form('midterm', '已直接服务职工数'))], [served], 'midterm'),
      final: stage([fig(num(acc.servedActual), 'people', form('acceptance', '实际直接服务职工数'))], [served], 'final'),
    },
    {
      key: 'funds',
      label: '资金使用',
      unit: 'fen',
      target: [
        fig(p.totalBudgetFen, 'fen', form('feasibility', '（五）资金预算 · 合计')),
        fig(p.subsidyFen, 'fen', form('feasibility', '（五）资金预算 · 其中市总扶助资金')),
      ],
      midterm: stage([], [spent], 'midterm'),
      final: stage(
        p.finalAccountsFen === null || p.finalAccountsFen === undefined
          ? []
          : [fig(p.finalAccountsFen, 'fen', form('closing', '经费决算金额'))],
        [spent],
        'final',
      ),
    },
    {
      key: 'costPerServed',
      label: '人均服务成本',
      unit: 'fen',
      target: [
        fig(
          targetServed ? costPerServedFen(p.totalBudgetFen, targetServed) : null,
          'fen',
          computed('预算合计 ÷ 直接服务职工目标（附件1）'),
        ),
      ],
      midterm: stage([], [perServedFig], 'midterm'),
      final: stage([], [perServedFig], 'final'),
    },
    {
      key: 'satisfaction',
      label: '职工满意度',
      unit: 'percent',
      target: [fig(target.targetSatisfaction, 'percent', form('feasibility', '（六）绩效目标 · 职工满意度'))],
      midterm: stage([], [sat], 'midterm'),
      final: stage([fig(num(acc.satisfactionActual), 'percent', form('acceptance', '职工满意度'))], [sat], 'final'),
    },
  ];
}
