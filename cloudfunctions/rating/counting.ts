/**
 * Counting ratings into the project's counter shards — without a transaction, exactly once, also for
 * edits. The survey answers' scheme (survey/counting.ts), with versions: a shard holds
 *
 *     for each rating of the shard:  the version marked in `m.<ratingId>` (its instant, ms), if marked;
 *                                    else its current version, if that is older than the shard's `vt`;
 *                                    else nothing,
 *
 * and every change is ONE conditional update of the shard that moves the counters and the mark together:
 *   - a new rating (no `prev`): add its scores, mark it — only while unmarked and not older than `vt`;
 *   - an edit (`prev` is the version before): move the counts from `prev` to the current scores, mark
 *     the current version — only while `prev` is what the shard holds (marked, or unmarked and older
 *     than `vt`).
 * So a rating or an edit is counted once whoever tries (the submission, the settling, both at once),
 * and an edit moves the counts exactly once. An edit is refused until the version it replaces is counted
 * (countRating first), so `prev` is always counted when the edit is stored.
 *
 * A submission killed between storing and counting leaves a rating stored and not counted (or an edit
 * stored and not moved). The settling timer reads the ratings changed since its watermark (`at` < now
 * − 10 minutes, far past any function's life), counts what is not, then moves `vt` of the shards it
 * read up to that bound and drops the marks below it, so `m` holds only the last minutes' ratings.
 *
 * A rating costs 3 requests: the profile with the project (one aggregate), the insert, this update.
 */
import { ratingIncrements, ratingMove, type Counters } from '@shishi/shared-types';
import { isDuplicateKey } from '../common/app';
import type { Cloud, Db } from '../common/cloud';
import { moveSettlingWatermark, readSinceWatermark } from '../common/settling';
import { RATING_SHARDS, shardId, versionOf, type CounterDoc, type RatingDoc } from './model';

/** How old a change must be before settling counts it for a submission that did not. */
export const RATING_SETTLE_AFTER_MS = 10 * 60_000;
/** The timer's period (config.json `triggers`, every 5 minutes). */
export const RATING_SETTLE_EVERY_MS = 5 * 60_000;
const PAGE = 500;

export type Countable = Pick<RatingDoc, '_id' | 'shard' | 'scores' | 'comment' | 'dims' | 'at' | 'prev'>;

function incData(db: Db, c: Counters, mark: string, at: Date, now: Date): Record<string, unknown> {
  const _ = db.command;
  const data: Record<string, unknown> = { [mark]: at.getTime(), updatedAt: now };
  for (const [k, by] of Object.entries(c)) data[`c.${k}`] = _.inc(by);
  return data;
}

/**
 * Counts the rating's current version unless the shard holds it already: one conditional update.
 * True when this call counted it.
 */
export async function countRating(db: Db, r: Countable, now: Date): Promise<boolean> {
  const _ = db.command;
  const mark = `m.${r._id}`;
  const current = versionOf(r);
  if (!r.prev) {
    const res = await db
      .collection('ratingCounters')
      .where({ _id: r.shard, vt: _.lte(r.at), [mark]: _.exists(false) })
      .update({ data: incData(db, ratingIncrements(current.scores, r.dims, current.hasComment), mark, r.at, now) });
    return Boolean(res.stats?.updated);
  }
  const prev = r.prev;
  const move = ratingMove(
    { scores: prev.scores, dims: r.dims, hasComment: prev.hasComment },
    { scores: current.scores, dims: r.dims, hasComment: current.hasComment },
  );
  const res = await db
    .collection('ratingCounters')
    .where(
      _.and([{ _id: r.shard }, _.or([{ [mark]: prev.at.getTime() }, { [mark]: _.exists(false), vt: _.gt(prev.at) }])]),
    )
    .update({ data: incData(db, move, mark, r.at, now) });
  return Boolean(res.stats?.updated);
}

/** Creates the project's counter shards that are missing (at configure, before any rating). */
export async function ensureShards(db: Db, projectId: string, now: Date): Promise<void> {
  const res = await db.collection('ratingCounters').where({ projectId }).field({ _id: true }).limit(100).get();
  const have = new Set((res.data as Array<{ _id: string }>).map((d) => d._id));
  for (let k = 0; k < RATING_SHARDS; k += 1) {
    const _id = shardId(projectId, k);
    if (have.has(_id)) continue;
    try {
      await db.collection('ratingCounters').add({
        data: { _id, projectId, k, c: {}, vt: new Date(0), m: {}, updatedAt: now },
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
}

type ShardState = Pick<CounterDoc, '_id' | 'vt' | 'm'>;

async function readShardStates(db: Db, ids: string[]): Promise<Map<string, ShardState>> {
  const _ = db.command;
  const out = new Map<string, ShardState>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const res = await db
      .collection('ratingCounters')
      .where({ _id: _.in(chunk) })
      .field({ _id: true, vt: true, m: true })
      .limit(chunk.length)
      .get();
    for (const s of res.data as ShardState[]) out.set(s._id, { ...s, vt: s.vt ?? new Date(0), m: s.m ?? {} });
  }
  return out;
}

/** Whether the shard holds the rating's current version (as the snapshot says). */
function holds(shard: ShardState | undefined, r: Countable): boolean {
  if (!shard) return false;
  const mark = shard.m[r._id];
  return mark === r.at.getTime() || (mark === undefined && r.at.getTime() < shard.vt.getTime());
}

/** Counts the listed ratings the shards do not hold yet; returns how many this call counted. */
async function countMissing(db: Db, rows: Countable[], shards: Map<string, ShardState>, now: Date): Promise<number> {
  let counted = 0;
  for (const r of rows) {
    if (holds(shards.get(r.shard), r)) continue;
    if (await countRating(db, r, now)) counted += 1;
  }
  return counted;
}

/** Moves `vt` of the shards up to `bound` and drops their marks below it (chunks of 500). */
async function advance(
  db: Db,
  shards: Map<string, ShardState>,
  marked: Map<string, Record<string, number>>,
  bound: Date,
) {
  const _ = db.command;
  for (const shard of shards.values()) {
    if (shard.vt.getTime() >= bound.getTime()) continue;
    const moved = await db
      .collection('ratingCounters')
      .where({ _id: shard._id, vt: _.lt(bound) })
      .update({ data: { vt: bound } });
    if (!moved.stats?.updated) continue;
    const marks = { ...shard.m, ...(marked.get(shard._id) ?? {}) };
    const old = Object.keys(marks).filter((id) => marks[id] < bound.getTime());
    for (let i = 0; i < old.length; i += 500) {
      const data = Object.fromEntries(old.slice(i, i + 500).map((id) => [`m.${id}`, _.remove()]));
      await db.collection('ratingCounters').doc(shard._id).update({ data });
    }
  }
}

const countableFields = { _id: true, shard: true, scores: true, comment: true, dims: true, at: true, prev: true };

/**
 * The timer: every rating changed since the watermark and before now − 10 minutes is counted (at most
 * once, whatever else counts it meanwhile), then the shards' `vt` moves to that bound.
 */
export async function settleRatings(cloud: Cloud, now: Date): Promise<{ read: number; counted: number }> {
  const db = cloud.database();
  const read = await readSinceWatermark<RatingDoc>(db, {
    id: 'ratings',
    collection: 'ratings',
    timeField: 'at',
    cutoff: new Date(now.getTime() - RATING_SETTLE_AFTER_MS),
    firstLookbackMs: 400 * 86_400_000,
    pageSize: PAGE,
    maxPages: 20,
  });
  const ids = [...new Set(read.rows.map((r) => r.shard))];
  const shards = await readShardStates(db, ids);
  const counted = await countMissing(db, read.rows, shards, now);
  const marked = new Map<string, Record<string, number>>();
  for (const r of read.rows) marked.set(r.shard, { ...(marked.get(r.shard) ?? {}), [r._id]: r.at.getTime() });
  await advance(db, shards, marked, read.bound);
  await moveSettlingWatermark(db, read, 'ratings');
  return { read: read.rows.length, counted };
}

/** Every rating of a project (current versions), by _id pages. */
export async function readProjectRatings(db: Db, projectId: string): Promise<RatingDoc[]> {
  const _ = db.command;
  const out: RatingDoc[] = [];
  for (let after = ''; ;) {
    const res = await db
      .collection('ratings')
      .where({ projectId, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    const page = res.data as RatingDoc[];
    out.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1]._id;
  }
  return out;
}

/** Counts every rating of the project the shards do not hold (the recompute's first step). */
export async function settleProject(db: Db, ratings: Countable[], now: Date): Promise<number> {
  const shards = await readShardStates(db, [...new Set(ratings.map((r) => r.shard))]);
  return countMissing(db, ratings, shards, now);
}

/** The counters a project's ratings add up to (the recompute). */
export function recomputeCounters(ratings: ReadonlyArray<Pick<RatingDoc, 'scores' | 'comment' | 'dims'>>): Counters {
  const c: Counters = {};
  for (const r of ratings)
    for (const [k, v] of Object.entries(ratingIncrements(r.scores, r.dims, Boolean(r.comment)))) c[k] = (c[k] ?? 0) + v;
  return c;
}

/** The kept counters of a project, summed over its shards. */
export async function keptCounters(db: Db, projectId: string): Promise<Counters> {
  const res = await db
    .collection('ratingCounters')
    .where({ projectId })
    .field({ c: true })
    .limit(RATING_SHARDS * 2)
    .get();
  return sumShards(res.data as Array<{ c?: Counters }>);
}

export function sumShards(shards: ReadonlyArray<{ c?: Counters }>): Counters {
  const c: Counters = {};
  for (const s of shards) for (const [k, v] of Object.entries(s.c ?? {})) c[k] = (c[k] ?? 0) + v;
  return c;
}

/** kept − recomputed, for every key where they differ. */
export function differences(kept: Counters, recomputed: Counters): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(kept), ...Object.keys(recomputed)])) {
    const d = (kept[k] ?? 0) - (recomputed[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

export { countableFields };
