/**
 * Counting answers into the counter shards — without a transaction, and exactly once.
 *
 * An answer is stored first (its unique index refuses a repeat), then counted by one conditional update
 * of its shard: `_.inc` of everything it adds, and a mark `m.<answer _id>` — only if the mark is not
 * there yet and the answer is not older than the shard's `vt`. So a shard's counters hold exactly
 *
 *     the shard's answers created before `vt`   +   the answers marked in `m`,
 *
 * and counting one answer twice is impossible, whoever tries (the submission, the settling, both at once).
 *
 * A submission that dies between storing and counting (instance killed, network gone) leaves an answer
 * stored and not counted. Settling finds it: every few minutes (a timer trigger), and before a recompute,
 * it counts the unmarked answers created before a cutoff well past any function's lifetime, moves `vt`
 * up to the cutoff and drops the marks below it, so `m` only holds the last minutes' answers.
 *
 * This is 3 database requests an answer (the caller's profile with the survey, the insert, the update)
 * where a transaction costs 5 (start, insert, update, commit, plus the profile).
 */
import { answerIncrements, type Counters } from '@shishi/shared-types';
import type { Cloud, Db } from '../common/cloud';
import type { AnswerDoc, CounterDoc, SurveyDoc } from './model';

/**
 * How old an answer must be before settling counts it for a submission that did not: far longer than a
 * cloud function may run (60 s at most), so no submission of an older answer is still alive.
 */
export const SETTLE_AFTER_MS = 10 * 60_000;
/** The timer trigger's period (config.json `triggers`, cron `0 *\/5 * * * * *`). */
export const SETTLE_EVERY_MS = 5 * 60_000;
/** Closed surveys are still settled for a day (answers submitted at the close). */
const SETTLE_CLOSED_FOR_MS = 86_400_000;
const PAGE = 1000;
/** Marks removed per request. */
const UNMARK_CHUNK = 500;

export type Countable = Pick<AnswerDoc, '_id' | 'shard' | 'createdAt' | 'items' | 'dims' | 'channel'>;

/** What one answer adds to the counters. */
export function incrementsOf(survey: Pick<SurveyDoc, 'sections'>, answer: Countable): Counters {
  return answerIncrements(survey.sections, answer.items, answer.dims, answer.channel);
}

/** Counts a stored answer into its shard unless it is counted already: one request; true when it counted. */
export async function countAnswer(db: Db, survey: Pick<SurveyDoc, 'sections'>, answer: Countable, now: Date) {
  const _ = db.command;
  const mark = `m.${answer._id}`;
  const data: Record<string, unknown> = { [mark]: answer.createdAt.getTime(), updatedAt: now };
  for (const [k, by] of Object.entries(incrementsOf(survey, answer))) data[`c.${k}`] = _.inc(by);
  const res = await db
    .collection('surveyCounters')
    .where({ _id: answer.shard, vt: _.lte(answer.createdAt), [mark]: _.exists(false) })
    .update({ data });
  return Boolean(res.stats?.updated);
}

/** A shard as settling and the recompute read it. */
export type ShardState = Pick<CounterDoc, '_id' | 'k' | 'c' | 'vt' | 'm'>;

export async function readShards(db: Db, surveyId: string): Promise<ShardState[]> {
  const res = await db
    .collection('surveyCounters')
    .where({ surveyId })
    .field({ _id: true, k: true, c: true, vt: true, m: true })
    .limit(PAGE)
    .get();
  return (res.data as ShardState[]).map((s) => ({ ...s, vt: s.vt ?? new Date(0), m: s.m ?? {} }));
}

/**
 * Settles a survey up to `cutoff`: counts every answer created before it that no one counted, then moves
 * each shard's `vt` to it and drops the marks below. Returns the number of answers it counted.
 */
export async function settleSurvey(db: Db, survey: Pick<SurveyDoc, '_id' | 'sections'>, cutoff: Date, now: Date) {
  let counted = 0;
  for (const shard of await readShards(db, survey._id)) counted += await settleShard(db, survey, shard, cutoff, now);
  return counted;
}

async function settleShard(
  db: Db,
  survey: Pick<SurveyDoc, 'sections'>,
  shard: ShardState,
  cutoff: Date,
  now: Date,
): Promise<number> {
  const _ = db.command;
  // Marks below `vt` left by a settling that stopped half-way.
  await unmark(db, shard, shard.vt.getTime());
  if (cutoff.getTime() <= shard.vt.getTime()) return 0;
  let counted = 0;
  let listed = 0;
  const marks = { ...shard.m };
  for (let after = ''; ;) {
    const res = await db
      .collection('surveyAnswers')
      .where({ shard: shard._id, createdAt: _.gte(shard.vt).and(_.lt(cutoff)), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(PAGE)
      .get();
    const page = res.data as Array<{ _id: string }>;
    listed += page.length;
    const missing = page.map((a) => a._id).filter((id) => shard.m[id] === undefined);
    if (missing.length > 0) {
      const full = await db
        .collection('surveyAnswers')
        .where({ _id: _.in(missing) })
        .field({ _id: true, shard: true, createdAt: true, items: true, dims: true, channel: true })
        .limit(PAGE)
        .get();
      for (const answer of full.data as Countable[]) {
        if (!(await countAnswer(db, survey, answer, now))) continue;
        counted += 1;
        marks[answer._id] = answer.createdAt.getTime();
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]._id;
  }
  // Nothing arrived since `vt`: leave the shard alone (an idle survey costs a read per shard).
  if (listed === 0) return 0;
  const moved = await db
    .collection('surveyCounters')
    .where({ _id: shard._id, vt: shard.vt })
    .update({ data: { vt: cutoff } });
  // Another settling moved it first: it drops the marks.
  if (moved.stats?.updated) await unmark(db, { ...shard, m: marks }, cutoff.getTime());
  return counted;
}

/** Drops the shard's marks of answers created before `before` (ms): they are counted by `vt` now. */
async function unmark(db: Db, shard: ShardState, before: number): Promise<void> {
  const _ = db.command;
  const old = Object.keys(shard.m).filter((id) => shard.m[id] < before);
  for (let i = 0; i < old.length; i += UNMARK_CHUNK) {
    const data = Object.fromEntries(old.slice(i, i + UNMARK_CHUNK).map((id) => [`m.${id}`, _.remove()]));
    await db.collection('surveyCounters').doc(shard._id).update({ data });
  }
}

/**
 * The timer trigger: settles every published survey, and those closed in the last day, up to
 * `now - SETTLE_AFTER_MS`.
 */
export async function settleRecent(cloud: Cloud, now: Date): Promise<{ surveys: number; counted: number }> {
  const db = cloud.database();
  const _ = db.command;
  const cutoff = new Date(now.getTime() - SETTLE_AFTER_MS);
  let surveys = 0;
  let counted = 0;
  for (let after = ''; ;) {
    const res = await db
      .collection('surveys')
      .where(
        _.and([
          { _id: _.gt(after) },
          _.or([
            { status: 'published' },
            { status: 'closed', closedAt: _.gte(new Date(now.getTime() - SETTLE_CLOSED_FOR_MS)) },
          ]),
        ]),
      )
      .orderBy('_id', 'asc')
      .field({ _id: true, sections: true })
      .limit(100)
      .get();
    const page = res.data as Array<Pick<SurveyDoc, '_id' | 'sections'>>;
    for (const survey of page) {
      counted += await settleSurvey(db, survey, cutoff, now);
      surveys += 1;
    }
    if (page.length < 100) return { surveys, counted };
    after = page[page.length - 1]._id;
  }
}

export { isTimerEvent } from '../common/timer';
