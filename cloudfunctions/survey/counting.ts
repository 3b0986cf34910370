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
import { isDuplicateKey } from '../common/app';
import type { Cloud, Db } from '../common/cloud';
import { createJob, jobClock, loadJob, resumeJobs, runSlice, type JobKind } from '../common/jobs';
// A cycle (the registry lists settleJob): used only when the timer runs, never at load.
import { surveyJobKinds, surveyLimits } from './jobs';
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

/** Never stop early (a caller with no batch budget). */
const never = () => false;

/** What settling a shard did: answers counted, and whether the shard is settled (false: stopped early). */
export interface Settled {
  counted: number;
  done: boolean;
}

/**
 * Settles a survey up to `cutoff`: counts every answer created before it that no one counted, then moves
 * each shard's `vt` to it and drops the marks below. Returns the number of answers it counted.
 */
export async function settleSurvey(db: Db, survey: Pick<SurveyDoc, '_id' | 'sections'>, cutoff: Date, now: Date) {
  let counted = 0;
  for (const shard of await readShards(db, survey._id))
    counted += (await settleShard(db, survey, shard, cutoff, now)).counted;
  return counted;
}

/**
 * Settles one shard. `yieldNow` (a job's batch budget) is asked after each unit of work — a chunk of
 * marks dropped, a page of answers counted — and when it says so the shard is left half-way (`done`
 * false): every unit is idempotent (a count is conditional on the answer's mark, `vt` moves once, a
 * mark below `vt` is dropped by whoever settles next), so settling it again goes on where this stopped.
 */
async function settleShard(
  db: Db,
  survey: Pick<SurveyDoc, 'sections'>,
  shard: ShardState,
  cutoff: Date,
  now: Date,
  yieldNow: () => boolean = never,
): Promise<Settled> {
  const _ = db.command;
  // Marks below `vt` left by a settling that stopped half-way.
  if (!(await unmark(db, shard, shard.vt.getTime(), yieldNow))) return { counted: 0, done: false };
  if (cutoff.getTime() <= shard.vt.getTime()) return { counted: 0, done: true };
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
      // Out of budget after counting some: they are marked, the next settling skips them.
      if (counted > 0 && yieldNow()) return { counted, done: false };
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]._id;
  }
  // Nothing arrived since `vt`: leave the shard alone (an idle survey costs a read per shard).
  if (listed === 0) return { counted, done: true };
  const moved = await db
    .collection('surveyCounters')
    .where({ _id: shard._id, vt: shard.vt })
    .update({ data: { vt: cutoff } });
  // Another settling moved it first: it drops the marks. Stopped half-way: the next settling drops
  // the rest (they are below `vt` now).
  if (moved.stats?.updated && !(await unmark(db, { ...shard, m: marks }, cutoff.getTime(), yieldNow)))
    return { counted, done: false };
  return { counted, done: true };
}

/**
 * Drops the shard's marks of answers created before `before` (ms): they are counted by `vt` now. A
 * chunk a request; false when `yieldNow` stopped it with marks left.
 */
async function unmark(db: Db, shard: ShardState, before: number, yieldNow: () => boolean = never): Promise<boolean> {
  const _ = db.command;
  const old = Object.keys(shard.m).filter((id) => shard.m[id] < before);
  const chunk = settleTuning.unmarkChunk;
  for (let i = 0; i < old.length; i += chunk) {
    const data = Object.fromEntries(old.slice(i, i + chunk).map((id) => [`m.${id}`, _.remove()]));
    await db.collection('surveyCounters').doc(shard._id).update({ data });
    if (i + chunk < old.length && yieldNow()) return false;
  }
  return true;
}

/**
 * Settles one shard of a survey (the recompute's first steps: one shard a step, or part of one when
 * `yieldNow` stops it: `done` false, settle the same shard again).
 */
export async function settleShardOf(
  db: Db,
  survey: Pick<SurveyDoc, '_id' | 'sections'>,
  k: number,
  cutoff: Date,
  now: Date,
  yieldNow: () => boolean = never,
): Promise<Settled> {
  const shard = (await readShards(db, survey._id)).find((s) => s._id === `${survey._id}_${k}`);
  return shard ? settleShard(db, survey, shard, cutoff, now, yieldNow) : { counted: 0, done: true };
}

interface SettleState {
  /** Surveys settled so far; the cursor is the last one's _id. */
  after: string;
  /** The survey being settled (the first after `after`) and its next shard, when a step stopped in it. */
  at?: string | null;
  k?: number;
  surveys: number;
  counted: number;
}

/**
 * Surveys looked at per step at most (each is a read of its shards, and the uncounted answers'
 * countings), and marks removed per request (tests make it small to cut a shard into many units).
 */
export const settleTuning = { surveysPerStep: 5, unmarkChunk: 500 };

/**
 * The settling walk as a job (common/jobs.ts): surveys in _id order, shard by shard, up to the job's
 * cutoff (fixed when the timer created it). A step ends after a few surveys or when its batch budget is
 * spent (env.yieldNow: after a shard, or inside one after a chunk of marks or a page of countings),
 * with the cursor (survey, shard) where it stopped. A step cut off before its cursor was saved is done
 * again: counting is conditional on the answer's mark (and `vt`), so an answer is still counted once.
 */
export const settleJob: JobKind<SettleState, { surveys: number; counted: number }> = {
  kind: 'survey.settle',
  initial: () => ({ after: '', at: null, k: 0, surveys: 0, counted: 0 }),
  async step(env, state) {
    const db = env.db;
    const _ = db.command;
    const now = env.now();
    const cutoff = new Date(Number(env.job.params.cutoff));
    const closedSince = new Date(cutoff.getTime() + SETTLE_AFTER_MS - SETTLE_CLOSED_FOR_MS);
    const res = await db
      .collection('surveys')
      .where(
        _.and([
          { _id: _.gt(state.after) },
          _.or([{ status: 'published' }, { status: 'closed', closedAt: _.gte(closedSince) }]),
        ]),
      )
      .orderBy('_id', 'asc')
      .field({ _id: true, sections: true })
      .limit(settleTuning.surveysPerStep)
      .get();
    const page = res.data as Array<Pick<SurveyDoc, '_id' | 'sections'>>;
    let counted = state.counted;
    let after = state.after;
    let surveys = state.surveys;
    for (const survey of page) {
      // Where the last step stopped inside this survey (a survey published meanwhile starts at 0).
      const from = survey._id === state.at ? (state.k ?? 0) : 0;
      const shards = (await readShards(db, survey._id)).sort((a, b) => a.k - b.k);
      for (const shard of shards.filter((s) => s.k >= from)) {
        const settled = await settleShard(db, survey, shard, cutoff, now, env.yieldNow);
        counted += settled.counted;
        const k = settled.done ? shard.k + 1 : shard.k;
        if ((!settled.done || env.yieldNow()) && k < (shards.at(-1)?.k ?? 0) + 1) {
          const next = { after, at: survey._id, k, surveys, counted };
          return { state: next, done: false, doneItems: surveys };
        }
      }
      after = survey._id;
      surveys += 1;
      if (env.yieldNow()) break;
    }
    const next = { after, at: null, k: 0, surveys, counted };
    const done = page.length < settleTuning.surveysPerStep && after === (page.at(-1)?._id ?? state.after);
    return {
      state: next,
      done,
      doneItems: next.surveys,
      result: done ? { surveys: next.surveys, counted: next.counted } : undefined,
    };
  },
};

/**
 * The timer trigger: settles every published survey, and those closed in the last day, up to
 * `now - SETTLE_AFTER_MS`, as a job (one per cutoff, `_id` from it, so overlapping runs share it and a
 * run the platform cut off is continued by the next), then resumes the survey jobs nobody is driving.
 * Returns what this run counted.
 */
export async function settleRecent(cloud: Cloud, now: Date): Promise<{ surveys: number; counted: number }> {
  const db = cloud.database();
  const kinds = surveyJobKinds();
  const cutoff = now.getTime() - SETTLE_AFTER_MS;
  const id = `settle-${cutoff}`;
  const started = jobClock.wall();
  let surveys = 0;
  let counted = 0;
  const drive = async (jobId: string) => {
    const budgetMs = surveyLimits.budgetMs - (jobClock.wall() - started);
    if (budgetMs <= 0) return;
    const at = new Date(now.getTime() + (jobClock.wall() - started));
    const report = await runSlice(cloud, db, jobId, kinds, { ...surveyLimits, budgetMs, now: at });
    if (report.steps === 0) return;
    const before = report.before as SettleState;
    const after = report.job.state as SettleState;
    surveys += after.surveys - before.surveys;
    counted += after.counted - before.counted;
  };
  if (!(await loadJob(db, id))) {
    try {
      await createJob(db, settleJob, { id, target: 'all', owner: 'timer', params: { cutoff }, now });
    } catch (e) {
      // The other run of this minute created it: drive the same one.
      if (!isDuplicateKey(e)) throw e;
    }
  }
  await drive(id);
  // The walks of more than a day ago: nothing reads them any more.
  await db
    .collection('jobs')
    .where({
      owner: 'timer',
      kind: settleJob.kind,
      target: 'all',
      status: 'done',
      createdAt: db.command.lt(new Date(now.getTime() - SETTLE_CLOSED_FOR_MS)),
    })
    .remove();
  const left = surveyLimits.budgetMs - (jobClock.wall() - started);
  if (left > 0) {
    await resumeJobs(cloud, kinds, {
      ...surveyLimits,
      budgetMs: left,
      now: new Date(now.getTime() + (jobClock.wall() - started)),
    });
  }
  return { surveys, counted };
}

export { isTimerEvent } from '../common/timer';
