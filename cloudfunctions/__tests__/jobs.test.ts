/**
 * Long jobs (common/jobs.ts): the budget caps each invocation's steps, a batch cut off (a step that
 * throws, a driver killed with its lease held) is picked up again from the saved cursor with the result
 * of a single run, and two drivers never run the same batch. Then the real kinds: a survey export and
 * the recompute cut into many batches and interrupted give what one uninterrupted run gives.
 */
import {
  AppError,
  type JobView,
  type RecomputeResult,
  type SurveyExportFile,
  type SurveyResults,
} from '@shishi/shared-types';
import type { Cloud } from '../common/cloud';
import {
  createJob,
  jobClock,
  loadJob,
  resumeJobs,
  runSlice,
  sliceLimits,
  type JobKind,
  type StepEnv,
} from '../common/jobs';
import { exportTuning } from '../survey/commands/export';
import { recomputeTuning } from '../survey/commands/results';
import { surveyJobKinds, surveyLimits } from '../survey/jobs';
import { finished } from './jobReplies';
import { answers, publishedSurvey, workers } from './surveyFixtures';
import { ok, worldPerTest } from './world';

/** A driver left running by a test that "kills" it may still reach the database after the test's world is closed. */
const ignoreAfterTheTest = (): void => undefined;

const world = worldPerTest();
const call = (who: string, action: string, data?: unknown) => world.call(who, 'survey', action, data);

/** A fake wall clock: every reading after a step has advanced it by `stepMs`. */
function fakeWall(stepMs: number) {
  let t = 0;
  const real = jobClock.wall;
  jobClock.wall = () => t;
  return { tick: () => (t += stepMs), restore: () => (jobClock.wall = real) };
}

/** A kind that writes item i (under a fixed id: a step done again overwrites it) and counts to `n`. */
function countingKind(n: number, hooks: { before?: (i: number) => Promise<void> | void } = {}) {
  const kind: JobKind<{ i: number; sum: number }, { sum: number }> = {
    kind: 'test.count',
    initial: () => ({ i: 0, sum: 0 }),
    async step(env: StepEnv, state) {
      await env.db
        .collection('auditLog')
        .doc(`${env.job._id}_${state.i}`)
        .set({ data: { targetId: env.job._id, at: new Date(state.i), item: state.i } });
      await hooks.before?.(state.i);
      wall.tick();
      const next = { i: state.i + 1, sum: state.sum + state.i };
      const done = next.i >= n;
      return { state: next, done, doneItems: next.i, total: n, result: done ? { sum: next.sum } : undefined };
    },
  };
  return { [kind.kind]: kind as JobKind<unknown, unknown> };
}

let wall: ReturnType<typeof fakeWall>;
afterEach(() => wall?.restore());

const limits = sliceLimits(20); // 6 s budget, 35 s lease
async function items(jobId: string): Promise<number[]> {
  const res = await world.cloud.database().collection('auditLog').where({ targetId: jobId }).limit(1000).get();
  return (res.data as Array<{ item: number }>).map((d) => d.item).sort((a, b) => a - b);
}

describe('the job runner', () => {
  it('derives the budget from the timeout and starts no step that would end past it', async () => {
    expect(sliceLimits(20)).toEqual({ budgetMs: 6000, leaseMs: 35_000 });
    expect(sliceLimits(10)).toEqual({ budgetMs: 3000, leaseMs: 25_000 });
    expect(sliceLimits(60).budgetMs).toBe(6000);
    wall = fakeWall(2500); // a step "takes" 2.5 s: 6 s of budget is 2 steps (a third would end at 7.5 s)
    const kinds = countingKind(10);
    const db = world.cloud.database();
    const job = await createJob(db, kinds['test.count'], {
      target: 't',
      owner: 'demo-research',
      params: {},
      now: new Date(world.now()),
    });
    const perSlice: number[] = [];
    for (let k = 0; k < 10; k += 1) {
      const report = await runSlice(world.cloud, db, job._id, kinds, { ...limits, now: new Date(world.now()) });
      if (report.steps === 0) break;
      perSlice.push(report.steps);
    }
    expect(perSlice).toEqual([2, 2, 2, 2, 2]);
    const done = (await loadJob(db, job._id))!;
    expect(done).toMatchObject({ status: 'done', progress: 100, result: { sum: 45 }, steps: 10, leaseHolder: null });
    expect(await items(job._id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('picks up a batch whose step threw from the saved cursor, counting it once', async () => {
    wall = fakeWall(1000);
    let thrown = false;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const kinds = countingKind(6, {
      before: (i) => {
        // Item 3 is written, then the step dies before its state is saved.
        if (i === 3 && !thrown) {
          thrown = true;
          throw new Error('connection reset');
        }
      },
    });
    const db = world.cloud.database();
    const job = await createJob(db, kinds['test.count'], {
      target: 't',
      owner: 'o',
      params: {},
      now: new Date(world.now()),
    });
    const first = await runSlice(world.cloud, db, job._id, kinds, { ...limits, now: new Date(world.now()) });
    expect(first.steps).toBe(3);
    expect(first.job).toMatchObject({ status: 'running', failures: 1, leaseHolder: null, state: { i: 3, sum: 3 } });
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/test\.count .* step failed \(1\)/), expect.any(Error));
    const second = await runSlice(world.cloud, db, job._id, kinds, { ...limits, now: new Date(world.now()) });
    expect(second.job).toMatchObject({ status: 'done', failures: 0, result: { sum: 15 } });
    expect(await items(job._id)).toEqual([0, 1, 2, 3, 4, 5]);
    logged.mockRestore();
  });

  it('fails the job with the refusal a step gives (AppError), and after repeated errors', async () => {
    wall = fakeWall(1000);
    const db = world.cloud.database();
    const refused = countingKind(3, {
      before: () => {
        throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
      },
    });
    const a = await createJob(db, refused['test.count'], { target: 't', owner: 'o', params: {}, now: new Date() });
    const report = await runSlice(world.cloud, db, a._id, refused, { ...limits, now: new Date(world.now()) });
    expect(report.job).toMatchObject({
      status: 'failed',
      error: { code: 'NOT_FOUND', message: '找不到这份调查，可能已被删除' },
    });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = countingKind(3, {
      before: () => {
        throw new Error('disk full');
      },
    });
    const b = await createJob(db, broken['test.count'], { target: 't', owner: 'o', params: {}, now: new Date() });
    const statuses: string[] = [];
    for (let k = 0; k < 5; k += 1) {
      statuses.push(
        (await runSlice(world.cloud, db, b._id, broken, { ...limits, now: new Date(world.now()) })).job.status,
      );
    }
    expect(statuses).toEqual(['running', 'running', 'running', 'running', 'failed']);
    expect((await loadJob(db, b._id))!.error).toMatchObject({ code: 'INTERNAL' });
    logged.mockRestore();
  });

  it('leaves a job whose driver was killed to its lease, then the next driver finishes it exactly once', async () => {
    wall = fakeWall(1000);
    const db = world.cloud.database();
    let hang = true;
    const kinds = countingKind(5, {
      // The driver is killed inside step 2, after its write: it never saves nor releases.
      before: (i) => (i === 2 && hang ? new Promise<void>(() => undefined) : undefined),
    });
    const job = await createJob(db, kinds['test.count'], { target: 't', owner: 'o', params: {}, now: new Date() });
    const t0 = world.now();
    void runSlice(world.cloud, db, job._id, kinds, { ...limits, now: new Date(t0) }).catch(ignoreAfterTheTest);
    await new Promise((r) => setTimeout(r, 300));
    hang = false;
    const held = (await loadJob(db, job._id))!;
    expect(held.leaseHolder).not.toBeNull();
    expect(held.state).toEqual({ i: 2, sum: 1 });
    // A poll while the lease runs: nothing is run twice.
    const poll = await runSlice(world.cloud, db, job._id, kinds, { ...limits, now: new Date(t0 + 10_000) });
    expect(poll.steps).toBe(0);
    // The timer's sweep after the lease ran out takes over from the saved cursor.
    const swept = await resumeJobs(world.cloud, kinds, { ...limits, now: new Date(t0 + limits.leaseMs + 10_000) });
    expect(swept).toEqual({ resumed: 1, steps: 3 });
    expect(await loadJob(db, job._id)).toMatchObject({ status: 'done', result: { sum: 10 } });
    expect(await items(job._id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets one of two concurrent drivers run a batch, never both', async () => {
    wall = fakeWall(1000);
    const db = world.cloud.database();
    const ran: number[] = [];
    const kinds = countingKind(4, { before: (i) => void ran.push(i) });
    const job = await createJob(db, kinds['test.count'], { target: 't', owner: 'o', params: {}, now: new Date() });
    const now = new Date(world.now());
    const reports = await Promise.all([
      runSlice(world.cloud, db, job._id, kinds, { ...limits, now }),
      runSlice(world.cloud, db, job._id, kinds, { ...limits, now }),
    ]);
    expect(reports.map((r) => r.steps).sort()).toEqual([0, 4]);
    expect(ran).toEqual([0, 1, 2, 3]);
    expect(await loadJob(db, job._id)).toMatchObject({ status: 'done', result: { sum: 6 } });
  });
});

describe('survey jobs cut into batches', () => {
  async function surveyWith(n: number) {
    const id = await publishedSurvey(world, 'demo-research', { anonymous: false, resultsPublic: true });
    const ws = await workers(world, n, ['gr-zs-mall', 'gr-tr-bus', 'gr-xg-hotel']);
    for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k % 6) }));
    return id;
  }
  const text = async (file: SurveyExportFile) =>
    (await world.cloud.downloadFile({ fileID: file.fileID })).fileContent.toString('utf8');

  afterEach(() => {
    exportTuning.page = 1000;
    recomputeTuning.page = 1000;
  });

  it('exports every answer once, in order, however the export was cut and resumed', async () => {
    const id = await surveyWith(11);
    const whole = finished<SurveyExportFile>(await call('demo-research', 'export', { surveyId: id, format: 'csv' }));
    expect(whole.rows).toBe(11);

    // Two answers a step, three steps an invocation, and one upload that fails after storing its part.
    exportTuning.page = 2;
    wall = fakeWall(3000);
    const cloud = world.cloud as unknown as Cloud & { uploadFile: Cloud['uploadFile'] };
    const upload = cloud.uploadFile.bind(cloud);
    let uploads = 0;
    const spy = jest.spyOn(cloud, 'uploadFile').mockImplementation(async (args) => {
      const out = await upload(args);
      wall.tick();
      if ((uploads += 1) === 4) throw new Error('socket hang up');
      return out;
    });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const started = ok<{ job: JobView; result: SurveyExportFile | null }>(
      await call('demo-research', 'export', { surveyId: id, format: 'csv' }),
    );
    expect(started.result).toBeNull();
    expect(started.job).toMatchObject({ kind: 'survey.export', status: 'running' });
    const progress = [started.job.progress];
    let last = started;
    for (let k = 0; k < 40 && !last.result; k += 1) {
      last = ok(await call('demo-research', 'exportStatus', { jobId: started.job.jobId }));
      progress.push(last.job.progress);
    }
    spy.mockRestore();
    logged.mockRestore();
    expect(last.job).toMatchObject({ status: 'done', progress: 100, done: 11 });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(last.result).toMatchObject({ rows: 11, fileName: whole.fileName });
    // The same rows once each, in the same order, as the uninterrupted export.
    const resumed = await text(last.result!);
    const lines = (s: string) => s.split('\r\n').map((l) => l.split(',').slice(1).join(','));
    expect(lines(resumed)).toEqual(lines(await text(whole)));
    expect(resumed.split('\r\n').map((l) => l.split(',')[0])).toEqual(
      (await text(whole)).split('\r\n').map((l) => l.split(',')[0]),
    );
    // Parts are removed once joined.
    const parts = await world.cloud
      .downloadFile({ fileID: `${last.result!.fileID.split('exports/')[0]}jobs/${started.job.jobId}/p0` })
      .then(
        () => 'kept',
        () => 'removed',
      );
    expect(parts).toBe('removed');
  });

  it('only the one who started a job may poll it', async () => {
    const id = await surveyWith(2);
    const out = ok<{ job: JobView }>(await call('demo-research', 'export', { surveyId: id, format: 'csv' }));
    const other = await call('demo-district', 'exportStatus', { jobId: out.job.jobId });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const wrongKind = await call('demo-research', 'recomputeStatus', { jobId: out.job.jobId });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('recomputes to what one run gives when a driver is killed mid-walk, and applies once', async () => {
    const id = await surveyWith(9);
    const db = world.cloud.database();
    // Break the counters: one shard over-counts by 3.
    await db
      .collection('surveyCounters')
      .doc(`${id}_0`)
      .update({ data: { 'c.n': db.command.inc(3) } });
    const single = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(single).toMatchObject({ responses: 9, matches: false, waiting: 0 });

    recomputeTuning.page = 1;
    wall = fakeWall(3000);
    const kinds = surveyJobKinds();
    const real = kinds['survey.recompute'];
    let stepsTaken = 0;
    const killing: Record<string, JobKind<unknown, unknown>> = {
      ...kinds,
      'survey.recompute': {
        ...real,
        async step(env, state) {
          const out = await real.step(env, state);
          wall.tick();
          // Killed after the 22nd step's work (mid-walk), before its cursor is saved.
          if ((stepsTaken += 1) === 22) await new Promise(() => undefined);
          return out;
        },
      },
    };
    // Started as survey.recompute starts it (its first slice is the killed driver below).
    const t0 = world.now();
    const { _id: jobId } = await createJob(db, real, {
      target: id,
      owner: 'demo-research',
      params: { surveyId: id, apply: true },
      now: new Date(t0),
    });
    for (let k = 0; k < 20 && stepsTaken < 22; k += 1) {
      void runSlice(world.cloud, db, jobId, killing, { ...surveyLimits, now: new Date(t0) }).catch(ignoreAfterTheTest);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(stepsTaken).toBe(22);
    expect((await loadJob(db, jobId))!.leaseHolder).not.toBeNull();
    // Polls while the lease runs do nothing; after it the poll finishes the job.
    world.setNow(t0 + surveyLimits.leaseMs + 1000);
    let last = ok<{ job: JobView; result: RecomputeResult | null }>(
      await call('demo-research', 'recomputeStatus', { jobId }),
    );
    for (let k = 0; k < 40 && !last.result; k += 1)
      last = ok(await call('demo-research', 'recomputeStatus', { jobId }));
    expect(last.result).toEqual({ ...single, applied: true });
    const results = ok<SurveyResults>(await call('demo-research', 'results', { surveyId: id }));
    expect(results.responses).toBe(9);
    const check = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(check).toMatchObject({ responses: 9, matches: true, differences: [] });
    // Applied once: one audit entry of the swap.
    const audits = await world.count('auditLog', { targetId: id, action: 'recomputeSurvey' });
    expect(audits).toBe(1);
  });
});
