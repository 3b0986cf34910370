/** 上午好 / 中午好 / 下午好 / 晚上好 by the Shanghai clock (shared business-time helper), whatever zone the phone is set to. */
import { inBusinessTz } from '@shishi/shared-types/src/time';

export function partOfDay(now: Date | string): string {
  const hour = inBusinessTz(now).hour();
  if (hour < 5) return '您好';
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
