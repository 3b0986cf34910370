/**
 * 现场座谈 (第五条（七）), pure: when a forum may be recorded, the date rules of a forum and its
 * follow-ups (Asia/Shanghai business dates, given as `today`), open and overdue follow-ups, and a
 * project's forum figures for the evaluation.
 */
import type { FieldError } from '../envelope';
import type { ForumFigures } from '../schemas/forum';
import { projectStatusMeta, type ProjectStatus } from '../schemas/proposal';

/**
 * Forums are held with workers while the project is carried out and when it is assessed (验收), so from
 * publication until it is accepted; a closed or terminated project takes no new ones.
 */
export const forumStatuses: readonly ProjectStatus[] = [
  'published',
  'inProgress',
  'midtermFiled',
  'acceptanceFiled',
  'accepted',
];

/** Why a forum cannot be recorded or edited now (CONFLICT), or null. */
export function forumRecordRefusal(p: { title: string; status: ProjectStatus }): string | null {
  return forumStatuses.includes(p.status)
    ? null
    : `《${p.title}》现在是「${projectStatusMeta[p.status].label}」：项目发布后、结项前才能记录座谈`;
}

/** The date rules of a forum (the shapes are the schema's): nothing after today, no follow-up due before it. */
export function forumInputProblems(
  input: { date: string; followUps: ReadonlyArray<{ dueDate: string }> },
  today: string,
): FieldError[] {
  const out: FieldError[] = [];
  if (input.date > today) out.push({ path: 'date', message: '座谈日期不能晚于今天' });
  input.followUps.forEach((f, i) => {
    if (f.dueDate < input.date) out.push({ path: `followUps.${i}.dueDate`, message: '完成期限不能早于座谈日期' });
  });
  return out;
}

/** Why a follow-up cannot be marked done on `doneOn` (INVALID_INPUT on `doneOn`), or null. */
export function followUpDoneProblem(doneOn: string, forumDate: string, today: string): string | null {
  if (doneOn > today) return '完成日期不能晚于今天';
  if (doneOn < forumDate) return '完成日期不能早于座谈日期';
  return null;
}

export interface FollowUpState {
  dueDate: string;
  done: boolean;
}

/** Not done and due before today. */
export function isFollowUpOverdue(f: FollowUpState, today: string): boolean {
  return !f.done && f.dueDate < today;
}

/** Open and overdue follow-ups of one forum. */
export function followUpCounts(
  followUps: readonly FollowUpState[],
  today: string,
): { openFollowUps: number; overdueFollowUps: number } {
  return {
    openFollowUps: followUps.filter((f) => !f.done).length,
    overdueFollowUps: followUps.filter((f) => isFollowUpOverdue(f, today)).length,
  };
}

/** A project's figures over its forums: how many, how many people, open and overdue follow-ups. */
export function forumFiguresOf(
  forums: ReadonlyArray<{ attendance: number; followUps: readonly FollowUpState[] }>,
  today: string,
): ForumFigures {
  const out: ForumFigures = { forums: 0, attendance: 0, openFollowUps: 0, overdueFollowUps: 0 };
  for (const f of forums) {
    const c = followUpCounts(f.followUps, today);
    out.forums += 1;
    out.attendance += f.attendance;
    out.openFollowUps += c.openFollowUps;
    out.overdueFollowUps += c.overdueFollowUps;
  }
  return out;
}

export const emptyForumFigures: ForumFigures = { forums: 0, attendance: 0, openFollowUps: 0, overdueFollowUps: 0 };
