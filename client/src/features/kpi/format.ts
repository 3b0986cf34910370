/** How the KPI figures read: money from fen with two decimals, people, percentages, scores. */
import type { KpiFigure } from '@shishi/shared-types/src/contracts/kpi';
import type { KpiSignal } from '@shishi/shared-types/src/rules/kpi';
import { formatYuan } from '../project/money';

/**
 * A figure as shown: money is formatted here from fen (two decimals, thousands separated), keeping what
 * the server adds after the amount (e.g. （预算的 40%）); the rest as the server says.
 */
export function figureText(figure: KpiFigure, unit: string): string {
  if (figure.value === null) return figure.display || '暂无';
  if (unit === 'fen') {
    const at = figure.display.indexOf('元');
    return `${formatYuan(figure.value)}${at >= 0 ? figure.display.slice(at + 1) : ''}`;
  }
  return figure.display;
}

/** 表单填报 / 实时统计 / 计算得出, then the source in words. */
export function sourceText(figure: KpiFigure): string {
  const kind = { form: '表单填报', measured: '实时统计', computed: '计算得出' }[figure.source.kind];
  return `${kind}：${figure.source.label}`;
}

export function percentText(value: number | null): string {
  return value === null ? '暂无' : `${value.toFixed(1)}%`;
}

/** 12345 → "12,345 人" (no toLocaleString: older mini-program engines ignore its locale). */
export function countText(n: number, unit = '人'): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${unit}`;
}

/** The Badge tones a signal takes (a subset of components' BadgeTone; kept here so unit tests need no JSX). */
export type SignalTone = 'success' | 'danger' | 'neutral';

/** 加大扶助 green, 逆向调整 red, 维持 and 数据不足 grey. */
export function signalTone(signal: KpiSignal): SignalTone {
  if (signal === 'expand') return 'success';
  if (signal === 'scaleBack') return 'danger';
  return 'neutral';
}
