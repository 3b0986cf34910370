/** Collection windows (项目征集, 第五条（二）): every Q4, for next year's projects. */
import { DECIDE_BY_AFTER_END } from '../schemas/collectWindow';
import { businessDate, businessDayStart, inBusinessTz } from '../time';
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

/** At most this many windows are searched by one similar-proposals lookup (two requests each). */
export const MAX_SIMILAR_WINDOWS = 4;

/**
 * The windows whose proposals a member's similar-proposals lookup searches, the open one they submit to
 * (`findOpenWindow`) first: every window that applies to them (run by their org or one above) for the
 * same project year that has opened — open or ended (its proposals are still shown to everyone) — the
 * open ones first, then the nearest org's, then the latest opened; at most MAX_SIMILAR_WINDOWS. Windows of
 * other years (decided rounds), of orgs beside their path, not yet open or called off before they opened
 * are left out. Empty when none is open.
 */
export function similarWindows<W extends WindowFacts & { year: number; closedAt?: Date | null }>(
  windows: readonly W[],
  orgPath: readonly string[],
  now: Date,
): W[] {
  const open = findOpenWindow(windows, orgPath, now);
  if (!open) return [];
  const rank = (w: W) => [isOpenAt(w, now) ? 0 : 1, -orgPath.indexOf(w.orgId), -w.opensAt.getTime()];
  const others = windowsFor(windows, orgPath)
    .filter(
      (w) =>
        w._id !== open._id &&
        w.year === open.year &&
        w.opensAt.getTime() <= now.getTime() &&
        // Called off before it opened: it never held a proposal.
        !(w.closedAt && w.closedAt.getTime() <= w.opensAt.getTime()),
    )
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
  return [open, ...others].slice(0, MAX_SIMILAR_WINDOWS);
}

/**
 * When the next window opens for a member: the earliest scheduled one that applies, or null when none is
 * scheduled. Never a date from a rule: a date is only named once a window with it exists (the city's
 * yearly window is stored ahead of time, see `yearlyWindowDue`).
 */
export function nextOpening(windows: readonly WindowFacts[], orgPath: readonly string[], now: Date): Date | null {
  const scheduled = windowsFor(windows, orgPath)
    .filter((w) => !w.closedEarly && w.opensAt.getTime() > now.getTime())
    .map((w) => w.opensAt.getTime());
  return scheduled.length > 0 ? new Date(Math.min(...scheduled)) : null;
}

/** Id of the city union's yearly Q4 window opening in `year` (the one a repeat or a race finds again). */
export function yearlyWindowId(cityOrgId: string, year: number): string {
  return `win-${cityOrgId}-${year}`;
}

/**
 * The city union's Q4 window opens by itself every year (第五条（二）: 每年第四季度): the year (in
 * Shanghai) whose default window should be stored now, or null when the city already has a window for
 * that year's projects — its own yearly one (maybe changed or closed by staff) or one staff set up.
 */
export function yearlyWindowDue(
  cityWindows: ReadonlyArray<{ orgId: string; year: number }>,
  cityOrgId: string,
  now: Date,
): number | null {
  const year = inBusinessTz(now).year();
  const { projectYear } = defaultWindowFor(year);
  return cityWindows.some((w) => w.orgId === cityOrgId && w.year === projectYear) ? null : year;
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

/**
 * Why a window cannot have `decideBy` (yyyy-mm-dd) as its 决定公布日期 — the day by which the union says
 * which proposals it adopts — or null: it must come after the window's last day (closed early: the day
 * it was closed), not be past, and fall within the project year (projects are done the same year).
 */
export function decideByRefusal(
  decideBy: string,
  w: { closesAt: Date; closedAt?: Date | null; year: number },
  now: Date,
): string | null {
  const end = effectiveEnd(w);
  if (businessDayStart(decideBy).getTime() < end.getTime()) {
    return `${DECIDE_BY_AFTER_END}（${inBusinessTz(end.getTime() - 1).format('YYYY年M月D日')}）`;
  }
  if (decideBy < businessDate(now)) return '公布日期已经过去了';
  if (Number(decideBy.slice(0, 4)) > w.year) return `公布日期要在 ${w.year} 年内（当年的项目当年办结）`;
  return null;
}

/**
 * Windows of orgs above that a new window of `orgName` would overlap (not yet ended, not closed early):
 * while both are open its members' proposals go to the new one (the nearest), no longer to the window
 * above. Empty when there is none.
 */
export function overlapsAbove<
  W extends {
    orgId: string;
    title: string;
    opensAt: Date;
    closesAt: Date;
    closedEarly?: boolean;
    closedAt?: Date | null;
  },
>(w: { opensAt: Date; closesAt: Date }, above: readonly W[], now: Date): W[] {
  return above.filter((other) => {
    if (other.closedEarly) return false;
    const end = effectiveEnd(other).getTime();
    return end > now.getTime() && w.opensAt.getTime() < end && other.opensAt.getTime() < w.closesAt.getTime();
  });
}

/** What setting up a window that overlaps one above means for members, to confirm before it is set up. */
export function overlapNotice(
  orgName: string,
  w: { opensOn: string; closesOn: string },
  other: { orgName: string; title: string; opensAt: Date; closesAt: Date },
): string {
  const day = (d: Date) => inBusinessTz(d).format('M月D日');
  const lastDay = (d: Date) => inBusinessTz(d.getTime() - 1).format('M月D日');
  const mmdd = (s: string) => `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  return (
    `这个征集期（${mmdd(w.opensOn)}至${mmdd(w.closesOn)}）和${other.orgName}的《${other.title}》` +
    `（${day(other.opensAt)}至${lastDay(other.closesAt)}）时间重叠。设立后，重叠的日子里${orgName}的职工提交的建议` +
    `进入本单位的征集期，不再进入${other.orgName}的征集期；已经提交到那里的建议留在原处，职工看相似建议时两边都能看到。` +
    '确定要设立吗？'
  );
}
