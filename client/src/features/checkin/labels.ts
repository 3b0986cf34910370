import { dayLabel } from '@shishi/shared-types';

/** 2026年11月20日至2026年12月31日 (one day: just the day). */
export function dateSpan(start: string | null, end: string | null): string {
  if (start && end) return start === end ? dayLabel(start) : `${dayLabel(start)}至${dayLabel(end)}`;
  if (start) return `${dayLabel(start)}起`;
  if (end) return `${dayLabel(end)}止`;
  return '';
}

/** 已服务 123 人，目标 300 人（41%） / 还没有填目标 */
export function servedLine(served: number, target: number | null): string {
  if (target === null || target === 0) return `直接服务 ${served} 人（可研报告没有填目标人数）`;
  return `目标 ${target} 人，已完成 ${Math.min(100, Math.floor((served * 100) / target))}%`;
}
