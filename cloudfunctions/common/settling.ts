/**
 * Settling timers read what was stored since their watermark (`watermarks/<id>`, `upTo`): every record
 * of a collection created in [upTo, cutoff), by a declared index on the time field, in pages, at most
 * `maxPages` a run (the next run goes on from where this one stopped). Used by the supports' settling
 * (proposal/supportCounting.ts) and the check-ins' (checkin/settle.ts).
 */
import { isDuplicateKey } from './app';
import type { Db } from './cloud';

export interface SinceWatermark {
  /** The watermark's _id in `watermarks`. */
  id: string;
  collection: string;
  /** The creation-time field, with an index of its own (then `_id` breaks ties). */
  timeField: string;
  cutoff: Date;
  /** Where the first run starts (no watermark yet): this long before the cutoff. */
  firstLookbackMs: number;
  pageSize: number;
  maxPages: number;
}

/**
 * The records created in [watermark, bound), in time order, and `bound` (the cutoff, or an earlier
 * whole instant when the run stopped at `maxPages`); `existed` says whether the watermark is stored.
 */
export async function readSinceWatermark<T extends { _id: string }>(
  db: Db,
  q: SinceWatermark,
): Promise<{ rows: T[]; from: Date; bound: Date; existed: boolean }> {
  const _ = db.command;
  const wm = await db.collection('watermarks').where({ _id: q.id }).limit(1).get();
  const existed = wm.data.length > 0;
  const from: Date =
    (wm.data[0] as { upTo?: Date } | undefined)?.upTo ?? new Date(q.cutoff.getTime() - q.firstLookbackMs);
  if (from.getTime() >= q.cutoff.getTime()) return { rows: [], from, bound: from, existed };
  const f = q.timeField;
  const at = (r: T) => (r as unknown as Record<string, Date>)[f];
  const listed: T[] = [];
  let bound = q.cutoff;
  let last: T | null = null;
  for (let page = 0; ; page += 1) {
    const range = _.gte(from).and(_.lt(q.cutoff));
    const where = last
      ? _.and([{ [f]: range }, _.or([{ [f]: _.gt(at(last)) }, { [f]: at(last), _id: _.gt(last._id) }])])
      : { [f]: range };
    const res = await db
      .collection(q.collection)
      .where(where)
      .orderBy(f, 'asc')
      .orderBy('_id', 'asc')
      .limit(q.pageSize)
      .get();
    const rows = res.data as T[];
    listed.push(...rows);
    if (rows.length < q.pageSize) break;
    last = rows[rows.length - 1];
    if (page + 1 >= q.maxPages) {
      // Stop at a whole instant: the records created at `bound` are read again next time.
      bound = at(last);
      break;
    }
  }
  const rows = listed.filter((r) => at(r).getTime() < bound.getTime());
  return { rows, from, bound, existed };
}

/** Moves the watermark up to `bound` (never down; creates it on the first run). */
export async function moveSettlingWatermark(
  db: Db,
  read: { from: Date; bound: Date; existed: boolean },
  id: string,
): Promise<void> {
  if (read.bound.getTime() <= read.from.getTime()) return;
  const _ = db.command;
  const moved = await db
    .collection('watermarks')
    .where({ _id: id, upTo: _.lt(read.bound) })
    .update({ data: { upTo: read.bound } });
  if (!moved.stats?.updated && !read.existed) {
    try {
      await db.collection('watermarks').add({ data: { _id: id, upTo: read.bound } });
    } catch (e) {
      // Another run created it: it moves it next time.
      if (!isDuplicateKey(e)) throw e;
    }
  }
}
