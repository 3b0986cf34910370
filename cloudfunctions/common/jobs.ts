/**
 * Long jobs inside a cloud function's time limit: an export of 100,000 answers, the counter recompute,
 * the settling timer walking every survey. A job is a document in `jobs` holding a cursor (`state`);
 * its kind's `step(state)` does one bounded batch and returns the next state. A driver runs steps until
 * about 6 s of wall time are used (the budget derives from the function's config.json `timeout`); a
 * batch that loops stops itself after BATCH_BUDGET_MS (3 s) of work or when that budget is spent
 * (StepEnv.yieldNow) and returns the cursor it reached, so an invocation ends within the budget plus one
 * unit of work and a save. The state is saved after every step with a conditional update on the lease
 * and the step number:
 *
 *   - the lease (`leaseHolder`, `leaseUntil`) is taken with one conditional update, so two drivers never
 *     hold a job at once; it outlives the function's timeout, so a driver the platform cut off holds it
 *     until it expires and then the next driver (a poll, the timer) takes over from the saved cursor;
 *   - a step's effects are made idempotent *per cursor* by its kind (an export writes part n under a
 *     fixed name; a recompute adds into the state it saves with the cursor; settling marks each answer
 *     it counts), so a batch cut off before its state was saved is simply done again: exactly once
 *     in the result, however often a batch runs;
 *   - the save is conditional on (`leaseHolder`, `seq`): a driver that lost its lease stops without
 *     writing anything more.
 *
 * Drivers: the request that starts the job (first slice), the staff page's status poll (next slice,
 * returns the progress) and each function's timer trigger (`resumeJobs`: abandoned jobs).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppError, type JobStatus, type JobView } from '@shishi/shared-types';
import type { Cloud, Db } from './cloud';
import type { Ctx } from './context';
import { iso } from './serialize';

export interface JobDoc<S = unknown, R = unknown> {
  _id: string;
  kind: string;
  /** What it works on (a survey id, a window and org, `all`). */
  target: string;
  /** Who started it (OPENID; `timer` for the timer's own jobs): only they may poll it. */
  owner: string;
  /** The start request's input, fixed for the job's life. */
  params: Record<string, unknown>;
  status: JobStatus;
  /** The cursor and whatever the steps carry forward (partial sums, part numbers). */
  state: S;
  /** Steps saved; items done and known total (for the page); failed attempts in a row. */
  steps: number;
  done: number;
  total: number | null;
  failures: number;
  progress: number;
  result: R | null;
  error: { code: string; message: string } | null;
  leaseHolder: string | null;
  leaseUntil: Date;
  /** Bumped by every save: a save names the one it follows. */
  seq: number;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** What one step did. */
export interface StepOutcome<S, R> {
  state: S;
  done: boolean;
  /** Items done so far in total (not in this step), and the total when known: the progress bar. */
  doneItems?: number;
  total?: number | null;
  /** 0–100; default from doneItems / total. */
  progress?: number;
  result?: R;
}

/** What a step is handed: the platform, the job's id (steps name their storage parts after it), a clock. */
export interface StepEnv {
  cloud: Cloud;
  db: Db;
  job: Pick<JobDoc, '_id' | 'kind' | 'target' | 'owner' | 'params' | 'createdAt'>;
  /** The business clock now (the invocation's `now` plus the wall time used). */
  now(): Date;
  /** Per-invocation cache (the survey, org names …): filled by the first step of a slice. */
  memo: Map<string, unknown>;
  /**
   * True once this step has worked BATCH_BUDGET_MS, or the slice's budget is spent. A step that loops
   * over units of work (a page of answers, a chunk of marks, a shard) asks after each unit and, when
   * true, returns the cursor it reached: the batch ends there and is saved; the next step (or the
   * next invocation) goes on from it. Ask only after some work, so every step makes progress.
   */
  yieldNow(): boolean;
}

export interface JobKind<S = unknown, R = unknown> {
  kind: string;
  /** The state a new job starts from. */
  initial(params: Record<string, unknown>): S;
  step(env: StepEnv, state: S): Promise<StepOutcome<S, R>>;
  /**
   * Called once when the job fails for good (an AppError, or MAX_FAILURES in a row), with the last saved
   * state: a kind that holds something while it runs (a merge's claims on proposals) gives it back and
   * leaves its counters true. Best effort: an error here is logged; the job stays failed.
   */
  onFail?(env: StepEnv, state: S): Promise<void>;
}

/** How long a slice may run and how long its lease lasts, from the function's timeout (seconds). */
export interface SliceLimits {
  budgetMs: number;
  leaseMs: number;
}

/**
 * A slice may use 30% of the timeout and at most 6 s: a step (one batch, about a second; a few on a
 * loaded machine) started just before the budget ran out still ends the invocation inside ~10 s and well
 * inside the limit (8 s let a loaded run reach 12.5 s, BENCHMARKS.md "Long jobs"). The lease outlives the timeout by 15 s,
 * so no live driver ever loses it while a dead one's is free soon after.
 */
export function sliceLimits(timeoutSeconds: number): SliceLimits {
  const timeoutMs = timeoutSeconds * 1000;
  return { budgetMs: Math.min(6000, Math.floor(timeoutMs * 0.3)), leaseMs: timeoutMs + 15_000 };
}

/**
 * A batch's own budget: a step that loops stops after about this much work (see StepEnv.yieldNow) and
 * saves its cursor, so no batch runs long whatever it meets (100,000 marks to drop, a shard of answers
 * to walk), and an invocation ends within its slice budget plus one unit of work and the save.
 */
export const BATCH_BUDGET_MS = 3000;

/** Wall time (ms, monotonic) for the budget; tests replace it with a fake one that counts steps. */
export const jobClock = { wall: (): number => performance.now() };

/** A step that throws this many times in a row (not AppError) fails the job. */
export const MAX_FAILURES = 5;

const live: JobStatus[] = ['queued', 'running'];

export function newJobId(): string {
  return randomBytes(16).toString('hex');
}

/** The caller's live job of this kind and target with the same params, if any. */
export async function findLiveJob(db: Db, owner: string, kind: string, target: string, params: object) {
  const _ = db.command;
  const res = await db
    .collection('jobs')
    .where({ owner, kind, target, status: _.in(live) })
    .limit(20)
    .get();
  const key = JSON.stringify(params);
  return ((res.data as JobDoc[]).find((j) => JSON.stringify(j.params) === key) ?? null) as JobDoc | null;
}

export async function createJob<S>(
  db: Db,
  kind: JobKind<S>,
  args: { target: string; owner: string; params: Record<string, unknown>; now: Date; id?: string },
): Promise<JobDoc<S>> {
  const doc: JobDoc<S> = {
    _id: args.id ?? newJobId(),
    kind: kind.kind,
    target: args.target,
    owner: args.owner,
    params: args.params,
    status: 'queued',
    state: kind.initial(args.params),
    steps: 0,
    done: 0,
    total: null,
    failures: 0,
    progress: 0,
    result: null,
    error: null,
    leaseHolder: null,
    leaseUntil: new Date(0),
    seq: 0,
    createdAt: args.now,
    updatedAt: args.now,
    finishedAt: null,
  };
  await db.collection('jobs').add({ data: doc });
  return doc;
}

export async function loadJob(db: Db, id: string): Promise<JobDoc | null> {
  const res = await db.collection('jobs').where({ _id: id }).limit(1).get();
  return (res.data[0] as JobDoc | undefined) ?? null;
}

export interface SliceOptions extends SliceLimits {
  /** The invocation's clock at its start (ctx.now, or the timer's time). */
  now: Date;
  /** Who drives (default: a fresh id for this invocation). */
  holder?: string;
}

export interface SliceReport<R = unknown> {
  job: JobDoc<unknown, R>;
  /** Steps this invocation ran (0: another driver holds the lease, or the job is finished). */
  steps: number;
  /** The state when this invocation took the lease (what its steps started from). */
  before: unknown;
}

/**
 * One driver's slice of a job: takes the lease (or returns the job as it is when someone else holds
 * it or it is finished), then runs steps while the budget lasts, saving after each.
 */
export async function runSlice<R = unknown>(
  cloud: Cloud,
  db: Db,
  jobId: string,
  kinds: Readonly<Record<string, JobKind<unknown, unknown>>>,
  options: SliceOptions,
): Promise<SliceReport<R>> {
  const _ = db.command;
  const started = jobClock.wall();
  const elapsed = () => jobClock.wall() - started;
  const at = () => new Date(options.now.getTime() + elapsed());
  const holder = options.holder ?? newJobId();
  const taken = await db
    .collection('jobs')
    .where({ _id: jobId, status: _.in(live), leaseUntil: _.lt(at()) })
    .update({
      data: {
        status: 'running',
        leaseHolder: holder,
        leaseUntil: new Date(at().getTime() + options.leaseMs),
        updatedAt: at(),
      },
    });
  const job = await loadJob(db, jobId);
  if (!job) throw new AppError('NOT_FOUND', '找不到这项任务');
  if (!taken.stats?.updated || job.leaseHolder !== holder) {
    return { job: job as JobDoc<unknown, R>, steps: 0, before: job.state };
  }
  const before = job.state;
  const kind = kinds[job.kind];
  if (!kind) throw new Error(`jobs: no kind ${job.kind} here`);

  let stepStarted = started;
  const yieldNow = () =>
    jobClock.wall() - stepStarted >= BATCH_BUDGET_MS || jobClock.wall() - started >= options.budgetMs;
  const env: StepEnv = { cloud, db, job, now: at, memo: new Map(), yieldNow };
  let steps = 0;
  // The longest step so far (its work and its save): a step is started only if one as long still ends
  // inside the budget, so an invocation ends near its budget, not a whole step past it (on a loaded
  // machine a step can take several seconds; 8 s plus such a step reached 12.5–13.7 s).
  let longest = 0;
  while (job.status === 'running' && (steps === 0 || elapsed() + longest <= options.budgetMs)) {
    let out: StepOutcome<unknown, unknown>;
    stepStarted = jobClock.wall();
    try {
      out = await kind.step(env, job.state);
    } catch (e) {
      await recordFailure(db, job, holder, e, at());
      if ((job.status as JobStatus) === 'failed' && kind.onFail) {
        await kind
          .onFail(env, job.state)
          .catch((err: unknown) => console.error(`[jobs] ${job.kind} ${job._id} onFail`, err));
      }
      return { job: job as JobDoc<unknown, R>, steps, before };
    }
    steps += 1;
    const doneItems = out.doneItems ?? job.done;
    const total = out.total === undefined ? job.total : out.total;
    const progress = out.done
      ? 100
      : Math.min(99, Math.max(0, Math.floor(out.progress ?? (total ? (doneItems * 100) / total : job.progress))));
    const now = at();
    const data: Record<string, unknown> = {
      state: _.set(out.state),
      steps: job.steps + 1,
      done: doneItems,
      total,
      failures: 0,
      progress,
      seq: job.seq + 1,
      leaseUntil: new Date(now.getTime() + options.leaseMs),
      updatedAt: now,
    };
    if (out.done) {
      Object.assign(data, {
        status: 'done',
        result: _.set(out.result ?? null),
        error: null,
        leaseHolder: null,
        leaseUntil: new Date(0),
        finishedAt: now,
      });
    }
    const saved = await db.collection('jobs').where({ _id: jobId, leaseHolder: holder, seq: job.seq }).update({ data });
    longest = Math.max(longest, jobClock.wall() - stepStarted);
    // The lease went to another driver (this one overran it): what it did is done again from the saved cursor.
    if (!saved.stats?.updated) return { job: (await loadJob(db, jobId)) as JobDoc<unknown, R>, steps, before };
    Object.assign(job, {
      state: out.state,
      steps: job.steps + 1,
      done: doneItems,
      total,
      failures: 0,
      progress,
      seq: job.seq + 1,
      updatedAt: now,
      leaseUntil: data.leaseUntil,
    });
    if (out.done) {
      Object.assign(job, {
        status: 'done',
        result: out.result ?? null,
        error: null,
        leaseHolder: null,
        leaseUntil: new Date(0),
        finishedAt: now,
      });
    }
  }
  // Out of budget: give the lease back so the next poll continues at once.
  if (job.status === 'running') {
    const released = await db
      .collection('jobs')
      .where({ _id: jobId, leaseHolder: holder, seq: job.seq })
      .update({ data: { leaseHolder: null, leaseUntil: new Date(0) } });
    if (released.stats?.updated) Object.assign(job, { leaseHolder: null, leaseUntil: new Date(0) });
  }
  return { job: job as JobDoc<unknown, R>, steps, before };
}

/**
 * A step that threw. AppError is a refusal that will not change on a retry: the job fails with it. Any
 * other error (a database hiccup, a transaction that kept conflicting) releases the lease for the next
 * driver to retry the same batch; after MAX_FAILURES in a row the job fails.
 */
async function recordFailure(db: Db, job: JobDoc, holder: string, e: unknown, now: Date): Promise<void> {
  const failures = job.failures + 1;
  const final = e instanceof AppError || failures >= MAX_FAILURES;
  if (!(e instanceof AppError)) console.error(`[jobs] ${job.kind} ${job._id} step failed (${failures})`, e);
  const error =
    e instanceof AppError
      ? { code: e.code, message: e.message }
      : { code: 'INTERNAL', message: '任务多次没有完成，请稍后重新开始；如果一直不行，请联系系统管理员' };
  const data: Record<string, unknown> = {
    failures,
    leaseHolder: null,
    leaseUntil: new Date(0),
    updatedAt: now,
    seq: job.seq + 1,
    error: final ? db.command.set(error) : null,
  };
  if (final) Object.assign(data, { status: 'failed', finishedAt: now });
  const res = await db.collection('jobs').where({ _id: job._id, leaseHolder: holder, seq: job.seq }).update({ data });
  if (res.stats?.updated) {
    Object.assign(job, { failures, leaseHolder: null, leaseUntil: new Date(0), updatedAt: now, seq: job.seq + 1 });
    if (final) Object.assign(job, { status: 'failed', error, finishedAt: now });
  }
}

/**
 * The timer's sweep: jobs of these kinds that are queued or running with no live lease (their driver was
 * cut off, or nobody polled), oldest lease first, each for a slice while the budget lasts.
 */
export async function resumeJobs(
  cloud: Cloud,
  kinds: Readonly<Record<string, JobKind<unknown, unknown>>>,
  options: SliceOptions,
): Promise<{ resumed: number; steps: number }> {
  const db = cloud.database();
  const _ = db.command;
  const started = jobClock.wall();
  const res = await db
    .collection('jobs')
    .where({ status: _.in(live), leaseUntil: _.lt(options.now), kind: _.in(Object.keys(kinds)) })
    .orderBy('leaseUntil', 'asc')
    .limit(20)
    .get();
  let resumed = 0;
  let steps = 0;
  for (const job of res.data as JobDoc[]) {
    const left = options.budgetMs - (jobClock.wall() - started);
    if (left <= 0) break;
    const now = new Date(options.now.getTime() + (jobClock.wall() - started));
    const report = await runSlice(cloud, db, job._id, kinds, { ...options, now, budgetMs: left });
    if (report.steps > 0) resumed += 1;
    steps += report.steps;
  }
  return { resumed, steps };
}

/** The job as the staff page sees it. */
export function jobView(job: JobDoc): JobView {
  return {
    jobId: job._id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    done: job.done,
    total: job.total,
    error: job.error,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
  };
}

/**
 * A long action's start: joins the caller's live job of the same kind, target and input (a second tap
 * does not start a second export), or creates one; then runs the first slice. Returns the job and, once
 * done, its result.
 */
export async function startJob<R>(
  cloud: Cloud,
  db: Db,
  kinds: Readonly<Record<string, JobKind<unknown, unknown>>>,
  kind: JobKind<unknown, unknown>,
  args: { target: string; owner: string; params: Record<string, unknown>; now: Date },
  limits: SliceLimits,
): Promise<{ job: JobView; result: R | null }> {
  const existing = await findLiveJob(db, args.owner, kind.kind, args.target, args.params);
  const job = existing ?? (await createJob(db, kind, args));
  return continueJob<R>(cloud, db, kinds, job._id, args.owner, args.now, limits, kind.kind);
}

/**
 * A status poll: the caller's own job, after one more slice if it is not finished and nobody else is
 * running it.
 */
export async function continueJob<R>(
  cloud: Cloud,
  db: Db,
  kinds: Readonly<Record<string, JobKind<unknown, unknown>>>,
  jobId: string,
  owner: string,
  now: Date,
  limits: SliceLimits,
  expectKind?: string,
): Promise<{ job: JobView; result: R | null }> {
  const found = await loadJob(db, jobId);
  if (!found || found.owner !== owner || (expectKind && found.kind !== expectKind)) {
    throw new AppError('NOT_FOUND', '找不到这项任务，请重新开始', [{ path: 'jobId', message: '任务不存在' }]);
  }
  const job =
    found.status === 'done' || found.status === 'failed'
      ? found
      : (await runSlice<R>(cloud, db, jobId, kinds, { ...limits, now })).job;
  return { job: jobView(job), result: job.status === 'done' ? (job.result as R) : null };
}

/**
 * A function's long jobs in one place: its kinds (a builder, called on first use: the kinds' modules
 * import the function's jobs module) and its slice limits (from its config.json timeout). `start` and
 * `status` are what its actions call (`export` / `exportStatus` …), `resume` what its timer calls.
 */
export function jobRunner(kinds: () => Readonly<Record<string, JobKind<unknown, unknown>>>, limits: SliceLimits) {
  return {
    limits,
    start<S, R>(ctx: Ctx, kind: JobKind<S, R>, target: string, params: Record<string, unknown>) {
      return startJob<R>(
        ctx.cloud,
        ctx.db,
        kinds(),
        kind as unknown as JobKind<unknown, unknown>,
        { target, owner: ctx.openid, params, now: ctx.now },
        limits,
      );
    },
    status<R>(ctx: Ctx, jobId: string, kind: string) {
      return continueJob<R>(ctx.cloud, ctx.db, kinds(), jobId, ctx.openid, ctx.now, limits, kind);
    },
    resume(cloud: Cloud, now: Date) {
      return resumeJobs(cloud, kinds(), { ...limits, now });
    },
  };
}
