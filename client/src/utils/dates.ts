import { inBusinessTz } from '@shishi/shared-types';

/** 2025年10月1日 — the business (Asia/Shanghai) date of an instant. */
export function formatChineseDate(date: Date | number | string): string {
  return inBusinessTz(date).format('YYYY年M月D日');
}

/** Whole days left until `until`, counting a started day as one; 0 once it has passed. */
export function daysLeft(until: string, now: string): number {
  const ms = new Date(until).getTime() - new Date(now).getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}

/** The last business day of a window that closes (exclusively) at `closesAt`. */
export function lastDayBefore(closesAt: string): string {
  return formatChineseDate(new Date(new Date(closesAt).getTime() - 1));
}
