/** Business dates are Asia/Shanghai dates (cloud functions run in UTC). */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const BUSINESS_TZ = 'Asia/Shanghai';

/** The instant `date` read as a business-zone date-time. */
export function inBusinessTz(date: Date | number | string): dayjs.Dayjs {
  return dayjs(date).tz(BUSINESS_TZ);
}

/** Midnight that starts the business date `yyyy-mm-dd`, as an instant. */
export function businessDayStart(isoDate: string): Date {
  return dayjs.tz(isoDate, BUSINESS_TZ).startOf('day').toDate();
}

/** `yyyy-mm-dd` of an instant in the business zone. */
export function businessDate(date: Date | number): string {
  return inBusinessTz(date).format('YYYY-MM-DD');
}

export function formatDateTime(date: Date | number | string): string {
  return inBusinessTz(date).format('YYYY-MM-DD HH:mm');
}

export { dayjs };
