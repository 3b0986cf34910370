/**
 * Money as people read it. Amounts are integer fen (分): 元 and 角分 are split with integer division and
 * the remainder, never by dividing by 100 as a floating-point number (which can show 0.29 as 0.28).
 */

/** 123456789 → "1,234,567.89" (no unit). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${whole}.${cents}`;
}

/** 123456789 → "1,234,567.89 元". */
export function formatYuan(fen: number): string {
  return `${fenToYuan(fen)} 元`;
}

/** A percent the server computed (one decimal), or 暂无 when there is none. */
export function formatPercent(value: number | null): string {
  return value === null ? '暂无' : `${value.toFixed(1)}%`;
}
