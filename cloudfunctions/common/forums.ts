/**
 * 现场座谈 as the evaluation reads them: per project, how many forums, how many people came, and the
 * follow-ups still open and overdue (Asia/Shanghai dates). A recompute from `projectForums` each time
 * (a project holds a handful of forums), served by the `project_date` index.
 */
import { businessDate, emptyForumFigures, forumFiguresOf, type ForumFigures } from '@shishi/shared-types';
import type { AttachmentDoc } from './attachments';
import type { Db } from './cloud';

/** A stored follow-up of a forum. */
export interface FollowUpDoc {
  key: string;
  what: string;
  owner: string;
  dueDate: string;
  done: boolean;
  doneOn: string | null;
  doneBy: string | null;
}

/** A forum (`projectForums`); `_id` = `${projectId}_f${n}`. */
export interface ForumDoc {
  _id: string;
  projectId: string;
  projectTitle: string;
  /** The project's scope when recorded (who may edit: the unit's subtree). */
  orgPath: string[];
  departmentIds: string[];
  date: string;
  place: string;
  attendance: number;
  participants: Array<{ unit: string; count: number }>;
  summary: string;
  issues: string[];
  photos: AttachmentDoc[];
  followUps: FollowUpDoc[];
  /** The content check of what workers may read (place, summary). */
  textModeration: 'pass' | 'review';
  /** The next follow-up key number (keys are never reused). */
  followUpSeq: number;
  createdAt: Date;
  updatedAt: Date;
  by: string;
  byName: string;
}

const PAGE = 1000;
/** Projects per `$in` query. */
const CHUNK = 100;

/**
 * The forum figures of each project (every id in `projectIds` gets an entry, zeros when it has none).
 * `now` sets "today" for overdue follow-ups.
 */
export async function forumFigures(
  db: Db,
  projectIds: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, ForumFigures>> {
  const today = businessDate(now);
  const ids = [...new Set(projectIds)];
  const byProject = new Map<string, Array<Pick<ForumDoc, 'attendance' | 'followUps'>>>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (let skip = 0; ; skip += PAGE) {
      const res = await db
        .collection('projectForums')
        .where({ projectId: db.command.in(chunk) })
        .field({ projectId: true, attendance: true, followUps: true })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE)
        .get();
      const rows = res.data as Array<Pick<ForumDoc, 'projectId' | 'attendance' | 'followUps'>>;
      for (const r of rows) {
        const list = byProject.get(r.projectId) ?? [];
        list.push(r);
        byProject.set(r.projectId, list);
      }
      if (rows.length < PAGE) break;
    }
  }
  return new Map(
    ids.map((id) => [id, byProject.has(id) ? forumFiguresOf(byProject.get(id)!, today) : { ...emptyForumFigures }]),
  );
}
