/**
 * 绩效评估 and the expand / keep / scale-back signal (第五条（七）（八）): pure arithmetic on counts and fen,
 * no I/O. The `kpi` function reads the kept figures and hands them here; the client shows the same words.
 */

/** 加大扶助 / 扩大覆盖面 (high), 维持, 逆向调整 (low), or not enough data yet. */
export const kpiSignals = ['expand', 'maintain', 'scaleBack', 'insufficient'] as const;
export type KpiSignal = (typeof kpiSignals)[number];

export const kpiSignalLabels: Record<KpiSignal, string> = {
  expand: '加大扶助 / 扩大覆盖面',
  maintain: '维持',
  scaleBack: '逆向调整',
  insufficient: '数据不足',
};

/** The thresholds of a year (the shape `kpiThresholdsSchema` validates). */
export interface SignalThresholds {
  minRatings: number;
  expandSatisfaction: number;
  expandServed: number;
  scaleBackSatisfaction: number;
  scaleBackServed: number;
}

/**
 * Used when no org on the project's path set any for the year: 满意率 ≥ 90% and 目标完成率 ≥ 100% →
 * 加大扶助; 满意率 < 60% or 目标完成率 < 50% → 逆向调整; fewer than 5 ratings → 数据不足.
 */
export const DEFAULT_KPI_THRESHOLDS: SignalThresholds = {
  minRatings: 5,
  expandSatisfaction: 90,
  expandServed: 100,
  scaleBackSatisfaction: 60,
  scaleBackServed: 50,
};

/** A 满意度 score that counts as satisfied (满意 or 非常满意). */
export const SATISFIED_FROM = 4;

/** part ÷ whole as a percent with one decimal; null when the whole is 0 or unknown. */
export function percentOf(part: number, whole: number | null | undefined): number | null {
  if (!whole || whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** Cost per served worker in fen (rounded half up); null while nobody is served. */
export function costPerServedFen(spentFen: number, served: number): number | null {
  if (served <= 0) return null;
  return Math.floor((spentFen * 2 + served) / (served * 2));
}

/** The satisfaction figures from a 1–5 distribution of 满意度 (index 0 = score 1). */
export function satisfactionOf(distribution: readonly number[]): {
  ratings: number;
  satisfied: number;
  satisfiedPercent: number | null;
  mean: number | null;
} {
  let ratings = 0;
  let sum = 0;
  let satisfied = 0;
  distribution.forEach((n, i) => {
    ratings += n;
    sum += n * (i + 1);
    if (i + 1 >= SATISFIED_FROM) satisfied += n;
  });
  return {
    ratings,
    satisfied,
    satisfiedPercent: percentOf(satisfied, ratings),
    mean: ratings > 0 ? Math.round((sum * 100) / ratings) / 100 : null,
  };
}

export interface SignalFacts {
  ratings: number;
  satisfiedPercent: number | null;
  served: number;
  targetServed: number | null;
}

export interface SignalResult {
  signal: KpiSignal;
  servedPercent: number | null;
  reasons: string[];
}

/**
 * The signal from the figures: fewer ratings than `minRatings` → 数据不足; 满意率 below the scale-back
 * line, or 目标完成率 below its line → 逆向调整; both at or above the expand lines → 加大扶助; else 维持.
 * Without a served target the rate is not known and the signal rests on satisfaction alone.
 */
export function signalOf(f: SignalFacts, t: SignalThresholds): SignalResult {
  const servedPercent = percentOf(f.served, f.targetServed);
  const reasons: string[] = [];
  if (f.ratings < t.minRatings || f.satisfiedPercent === null) {
    reasons.push(`评价 ${f.ratings} 人，少于 ${t.minRatings} 人，暂不给出信号`);
    return { signal: 'insufficient', servedPercent, reasons };
  }
  const sat = f.satisfiedPercent;
  const satWords = `满意率 ${sat}%（${f.ratings} 人评价）`;
  const servedWords =
    servedPercent === null
      ? '没有直接服务目标，只看满意率'
      : `直接服务 ${f.served} 人，目标 ${f.targetServed} 人，完成 ${servedPercent}%`;
  const lowSat = sat < t.scaleBackSatisfaction;
  const lowServed = servedPercent !== null && servedPercent < t.scaleBackServed;
  if (lowSat || lowServed) {
    if (lowSat) reasons.push(`${satWords}，低于 ${t.scaleBackSatisfaction}%`);
    if (lowServed) reasons.push(`${servedWords}，低于 ${t.scaleBackServed}%`);
    return { signal: 'scaleBack', servedPercent, reasons };
  }
  const highSat = sat >= t.expandSatisfaction;
  const highServed = servedPercent === null || servedPercent >= t.expandServed;
  if (highSat && highServed) {
    reasons.push(`${satWords}，达到 ${t.expandSatisfaction}%`);
    reasons.push(servedPercent === null ? servedWords : `${servedWords}，达到 ${t.expandServed}%`);
    return { signal: 'expand', servedPercent, reasons };
  }
  reasons.push(highSat ? `${satWords}，达到 ${t.expandSatisfaction}%` : `${satWords}，未到 ${t.expandSatisfaction}%`);
  reasons.push(
    servedPercent === null
      ? servedWords
      : highServed
        ? `${servedWords}，达到 ${t.expandServed}%`
        : `${servedWords}，未到 ${t.expandServed}%`,
  );
  return { signal: 'maintain', servedPercent, reasons };
}

/** Fen as 元 with two decimals, for sentences (exact: integer arithmetic, no float). */
export function yuanText(fenAmount: number): string {
  const sign = fenAmount < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fenAmount));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${cents}`;
}

export interface AcceptanceFacts {
  viewers: number;
  targetCovered: number | null;
  served: number;
  targetServed: number | null;
  spentFen: number;
  totalBudgetFen: number;
  ratings: number;
  satisfiedPercent: number | null;
}

/** 附件4 项目完成情况及效果评估, pre-filled from the measured figures (the applicant edits before filing). */
export function acceptanceText(f: AcceptanceFacts): string {
  const target = (n: number | null) => (n === null ? '' : `（目标 ${n}）`);
  const parts = [
    `覆盖职工 ${f.viewers} 人${target(f.targetCovered)}`,
    `直接服务 ${f.served} 人（签到与登记${f.targetServed === null ? '' : `，目标 ${f.targetServed}`}）`,
  ];
  const per = costPerServedFen(f.spentFen, f.served);
  parts.push(
    `资金使用 ${yuanText(f.spentFen)} 元 / 预算 ${yuanText(f.totalBudgetFen)} 元` +
      (per === null ? '' : `，人均 ${yuanText(per)} 元`),
  );
  parts.push(
    f.satisfiedPercent === null ? '满意度暂无（尚无职工评价）' : `满意度 ${f.satisfiedPercent}%（${f.ratings} 人评价）`,
  );
  return `${parts.join('；')}。`;
}

/** 现场座谈 as the KPI card says it: 现场座谈 N 场、参加 M 人次、待办事项 K 项（逾期 L 项）. */
export function forumsText(f: {
  forums: number;
  attendance: number;
  openFollowUps: number;
  overdueFollowUps: number;
}): string {
  if (f.forums === 0) return '尚未开展现场座谈';
  const overdue = f.overdueFollowUps > 0 ? `（逾期 ${f.overdueFollowUps} 项）` : '';
  const todo = f.openFollowUps > 0 ? `、待办事项 ${f.openFollowUps} 项${overdue}` : '，待办事项已全部办结';
  return `现场座谈 ${f.forums} 场、参加 ${f.attendance} 人次${todo}`;
}
