/**
 * Business dates are Asia/Shanghai dates (cloud functions run in UTC). Shanghai has no daylight saving,
 * so every instant is built at a fixed +08:00 (DESIGN.md §4) and never through the host's own time zone:
 * dayjs's `tz()` parses through the host zone and, on a machine in Sydney or Berlin, put a day's start
 * a day or an hour off around that zone's clock changes.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const BUSINESS_TZ = 'Asia/Shanghai';
/** Asia/Shanghai's offset all year: UTC+08:00, in minutes. */
export const BUSINESS_OFFSET_MINUTES = 480;
export const BUSINESS_OFFSET = '+08:00';

const OFFSET_MS = BUSINESS_OFFSET_MINUTES * 60_000;

/**
 * The business clock at an instant: a dayjs (UTC mode) whose fields, `format`, `startOf`, `add` and
 * `diff` are the Shanghai wall clock. UTC mode has no clock changes, and neither has Shanghai, so the
 * arithmetic is exact on any host (dayjs's `tz()` and `utcOffset()` go through the host zone and are off
 * by an hour or a day around its clock changes). Its `toDate()` is not the instant: turn a business
 * clock back into an instant with `businessInstant`.
 */
export function inBusinessTz(date: Date | number | string): dayjs.Dayjs {
  return dayjs.utc(new Date(date).getTime() + OFFSET_MS);
}

/** The instant a business clock (inBusinessTz, onBusinessDay) stands for. */
export function businessInstant(clock: dayjs.Dayjs): Date {
  return new Date(clock.valueOf() - OFFSET_MS);
}

/**
 * The business clock at the start of the business date `yyyy-mm-dd` (or at `yyyy-mm-ddTHH:mm[:ss]`),
 * whatever zone the host is in.
 */
export function onBusinessDay(isoDate: string): dayjs.Dayjs {
  return inBusinessTz(businessInstantOf(isoDate));
}

function businessInstantOf(isoDate: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?$/.exec(isoDate);
  const instant = m ? new Date(`${m[1]}T${m[2] ?? '00:00:00'}${BUSINESS_OFFSET}`) : new Date(NaN);
  if (Number.isNaN(instant.getTime()) || (m && new Date(`${m[1]}T00:00:00Z`).toISOString().slice(0, 10) !== m[1]))
    throw new RangeError(`not a business date: ${isoDate}`);
  return instant;
}

/** Midnight that starts the business date `yyyy-mm-dd`, as an instant (+08:00). */
export function businessDayStart(isoDate: string): Date {
  return businessInstantOf(isoDate.slice(0, 10));
}

/** `yyyy-mm-dd` of an instant in the business zone. */
export function businessDate(date: Date | number): string {
  return inBusinessTz(date).format('YYYY-MM-DD');
}

export function formatDateTime(date: Date | number | string): string {
  return inBusinessTz(date).format('YYYY-MM-DD HH:mm');
}

export { dayjs };
