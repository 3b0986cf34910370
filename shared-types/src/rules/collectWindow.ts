/** Collection windows (项目征集, 第五条（二）): every Q4, for next year's projects. */
import { businessDayStart, inBusinessTz } from '../time';
import { inSubtree } from './scope';

export interface WindowFacts {
  _id: string;
  orgId: string;
  opensAt: Date;
  closesAt: Date;
  closedEarly?: boolean;
}

/** Default window of a year: 10-01 00:00 … 12-31 24:00 Asia/Shanghai, collecting for `year + 1`. */
export function defaultWindowFor(year: number): { opensAt: Date; closesAt: Date; projectYear: number } {
  const opensAt = businessDayStart(`${year}-10-01`);
  const closesAt = businessDayStart(`${year + 1}-01-01`);
  return { opensAt, closesAt, projectYear: year + 1 };
}

export function isOpenAt(w: WindowFacts, now: Date): boolean {
  return !w.closedEarly && w.opensAt.getTime() <= now.getTime() && now.getTime() < w.closesAt.getTime();
}

/** Windows that apply to a member of the org at `orgPath`: those run by an ancestor (or the org itself). */
export function windowsFor<W extends WindowFacts>(windows: readonly W[], orgPath: readonly string[]): W[] {
  return windows.filter((w) => inSubtree(orgPath, w.orgId));
}

/** The open window for a member, the one run by the nearest org when several are open. */
export function findOpenWindow<W extends WindowFacts>(
  windows: readonly W[],
  orgPath: readonly string[],
  now: Date,
): W | null {
  const open = windowsFor(windows, orgPath).filter((w) => isOpenAt(w, now));
  open.sort((a, b) => orgPath.indexOf(b.orgId) - orgPath.indexOf(a.orgId));
  return open[0] ?? null;
}

/** When the next window opens for a member: a scheduled one if any, else the default of the next Q4. */
export function nextOpening(windows: readonly WindowFacts[], orgPath: readonly string[], now: Date): Date {
  const scheduled = windowsFor(windows, orgPath)
    .filter((w) => !w.closedEarly && w.opensAt.getTime() > now.getTime())
    .map((w) => w.opensAt.getTime());
  if (scheduled.length > 0) return new Date(Math.min(...scheduled));
  const year = inBusinessTz(now).year();
  const thisYear = defaultWindowFor(year).opensAt;
  return thisYear.getTime() > now.getTime() ? thisYear : defaultWindowFor(year + 1).opensAt;
}

/** When a window effectively ends: its scheduled end, or the moment it was closed early. */
export function effectiveEnd(w: { closesAt: Date; closedAt?: Date | null }): Date {
  return w.closedAt && w.closedAt.getTime() < w.closesAt.getTime() ? w.closedAt : w.closesAt;
}

export function windowStatus(
  w: { opensAt: Date; closesAt: Date; closedEarly?: boolean; closedAt?: Date | null },
  now: Date,
): 'scheduled' | 'open' | 'closed' {
  if (w.closedEarly || now.getTime() >= effectiveEnd(w).getTime()) return 'closed';
  return now.getTime() < w.opensAt.getTime() ? 'scheduled' : 'open';
}

/**
 * Why a new window cannot be set up (Chinese, with the field at fault), or null. Its end must come after
 * its start and not be past; it may not overlap another window of the same org (closed early ones count
 * up to when they were closed).
 */
export function newWindowRefusal(
  w: { opensAt: Date; closesAt: Date },
  sameOrg: ReadonlyArray<{ title: string; opensAt: Date; closesAt: Date; closedAt?: Date | null }>,
  now: Date,
): { field: string; message: string } | null {
  if (w.closesAt.getTime() <= w.opensAt.getTime()) return { field: 'closesOn', message: '结束日期要晚于开始日期' };
  if (w.closesAt.getTime() <= now.getTime()) return { field: 'closesOn', message: '结束日期已经过去了' };
  for (const other of sameOrg) {
    const end = effectiveEnd(other);
    if (w.opensAt.getTime() < end.getTime() && other.opensAt.getTime() < w.closesAt.getTime()) {
      return { field: 'opensOn', message: `和本单位的征集期《${other.title}》时间重叠` };
    }
  }
  return null;
}
