/**
 * 服务点与签到: which projects take check-ins and on which days (pure; the `checkin` function asks).
 */
import type { ProjectStatus } from '../schemas/proposal';

/** A project takes service points and check-ins once published and until its acceptance is filed. */
export const checkinStatuses: readonly ProjectStatus[] = ['published', 'inProgress', 'midtermFiled'];

/** 2027-03-01 → 2027年3月1日 */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Why a check-in on `today` is refused by the dates (project dates from 附件1, then the point's),
 * or null. Dates are business days (YYYY-MM-DD, Asia/Shanghai); both ends count.
 */
export function checkinDayRefusal(
  today: string,
  project: { startDate?: string | null; endDate?: string | null },
  point: { startDate: string; endDate: string },
): string | null {
  const { startDate, endDate } = project;
  if ((startDate && today < startDate) || (endDate && today > endDate)) {
    const span =
      startDate && endDate
        ? `${dayLabel(startDate)}至${dayLabel(endDate)}`
        : startDate
          ? `${dayLabel(startDate)}起`
          : `${dayLabel(endDate!)}止`;
    return `今天不在项目的服务日期内（${span}），不能签到`;
  }
  if (today < point.startDate) return `这个服务点${dayLabel(point.startDate)}开始服务，到时再来签到`;
  if (today > point.endDate) return `这个服务点的服务日期已经结束（${dayLabel(point.endDate)}）`;
  return null;
}

/** A point's dates must lie inside the project's dates (when the project has them). */
export function pointDatesRefusal(
  project: { startDate?: string | null; endDate?: string | null },
  point: { startDate: string; endDate: string },
): { path: 'startDate' | 'endDate'; message: string } | null {
  if (project.startDate && point.startDate < project.startDate)
    return { path: 'startDate', message: `不能早于项目启动时间 ${dayLabel(project.startDate)}` };
  if (project.endDate && point.endDate > project.endDate)
    return { path: 'endDate', message: `不能晚于项目结束时间 ${dayLabel(project.endDate)}` };
  return null;
}
