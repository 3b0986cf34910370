/**
 * 项目实施 (第五条（六）), pure: when a unit may report progress and tick milestones, a milestone's key,
 * and the late-milestone rule (planned date passed, not done, while the project is being carried out).
 */
import type { ProjectStatus } from '../schemas/proposal';
import { projectStatusMeta } from '../schemas/proposal';
import type { Milestone } from '../schemas/project';
import type { MilestoneView } from '../schemas/progress';

/** Progress reports are filed from publication until the acceptance form is filed. */
export const progressReportStatuses: readonly ProjectStatus[] = ['published', 'inProgress', 'midtermFiled'];

/**
 * Milestones are ticked, and flagged late, from establishment (the plan is agreed) until the acceptance
 * form is filed; afterwards the acceptance form speaks for the project.
 */
export const milestoneStatuses: readonly ProjectStatus[] = ['established', 'published', 'inProgress', 'midtermFiled'];

/** Why a report cannot be filed now (CONFLICT), or null. */
export function progressReportRefusal(p: { title: string; status: ProjectStatus }): string | null {
  return progressReportStatuses.includes(p.status)
    ? null
    : `《${p.title}》现在是「${projectStatusMeta[p.status].label}」：项目发布后、申请验收前才能报送进展`;
}

/** Why milestones cannot be ticked now (CONFLICT), or null. */
export function milestoneTickRefusal(p: { title: string; status: ProjectStatus }): string | null {
  return milestoneStatuses.includes(p.status)
    ? null
    : `《${p.title}》现在是「${projectStatusMeta[p.status].label}」：项目确立后、申请验收前才能标记推进节点`;
}

/**
 * A milestone's key: `m` + FNV-1a (32 bit, hex) of its date and task. Stable across edits that leave
 * the milestone itself alone (reordering, adding others); a milestone whose date or task is changed
 * by an 调整 is a new milestone and starts open.
 */
export function milestoneKey(m: Pick<Milestone, 'date' | 'task'>): string {
  const s = `${m.date}|${m.task}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `m${h.toString(16).padStart(8, '0')}`;
}

/** A tick stored on the project: which milestone, the day it was done. */
export interface MilestoneTick {
  key: string;
  doneOn: string;
}

/**
 * Late: the planned day is over (`today` is after it, both Asia/Shanghai business dates) and the
 * milestone is not done, while the project is in a milestone status. The planned day itself is not late.
 */
export function isMilestoneLate(
  m: Pick<Milestone, 'date'>,
  done: boolean,
  today: string,
  status: ProjectStatus,
): boolean {
  return !done && milestoneStatuses.includes(status) && m.date < today;
}

/** The record's milestones in plan order, each with its tick and late flag. */
export function milestoneViews(
  milestones: readonly Milestone[],
  ticks: readonly MilestoneTick[],
  today: string,
  status: ProjectStatus,
): MilestoneView[] {
  const byKey = new Map(ticks.map((t) => [t.key, t]));
  return [...milestones]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((m) => {
      const key = milestoneKey(m);
      const tick = byKey.get(key);
      return {
        key,
        date: m.date,
        task: m.task,
        done: !!tick,
        doneOn: tick?.doneOn ?? null,
        late: isMilestoneLate(m, !!tick, today, status),
      };
    });
}

/** How many milestones are late (the staff list's and 待我办理's flag). */
export function lateMilestoneCount(
  milestones: readonly Milestone[],
  ticks: readonly MilestoneTick[],
  today: string,
  status: ProjectStatus,
): number {
  return milestoneViews(milestones, ticks, today, status).filter((m) => m.late).length;
}
