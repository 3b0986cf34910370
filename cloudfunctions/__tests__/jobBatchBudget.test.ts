/**
 * Batches bounded by time (common/jobs.ts BATCH_BUDGET_MS, StepEnv.yieldNow): the survey jobs stop a
 * batch inside a survey or a shard once its budget is spent and save the cursor they reached; the next
 * batch goes on from there. Cut off like that — and with a driver killed before its save — settling
 * still counts every answer once and drops every mark, and the recompute gives what one run gives.
 * The wall clock is fake: every counter update (settling) or answer read (recompute) "takes" 1.5 s.
 */
import type { JobView, RecomputeResult, SubmitSurveyOutput } from '@shishi/shared-types';
import { BATCH_BUDGET_MS, createJob, jobClock, loadJob, runSlice, type JobKind } from '../common/jobs';
import { recomputeTuning } from '../survey/commands/results';
import { readShards, settleJob, settleTuning, SETTLE_AFTER_MS } from '../survey/counting';
import { surveyJobKinds, surveyLimits } from '../survey/jobs';
import type { CounterDoc } from '../survey/model';
import { finished } from './jobReplies';
import { answers, groupsOf, publishedSurvey, workers } from './surveyFixtures';
import { ok, worldPerTest } from './world';

/** A driver left running by a test that "kills" it may still reach the database after the test's world is closed. */
const ignoreAfterTheTest = (): void => undefined;

const world = worldPerTest();
const call = (who: string, action: string, data?: unknown) => world.call(who, 'survey', action, data);
const STEP_MS = 1500;

/** A fake wall clock that moves STEP_MS on every database request `costly` picks. */
function slowRequests(costly: (action: string, params: Record<string, unknown>) => boolean) {
  let t = 0;
  const engine = world.cloud.local.engine;
  const send = engine.send.bind(engine);
  const wall = jobClock.wall;
  let ticks = 0;
  jobClock.wall = () => t;
  engine.send = (action, params = {}) => {
    if (costly(action, params as Record<string, unknown>)) {
      t += STEP_MS;
      ticks += 1;
    }
    return send(action, params);
  };
  return {
    ticks: () => ticks,
    restore: () => {
      jobClock.wall = wall;
      engine.send = send;
    },
  };
}

let slow: ReturnType<typeof slowRequests> | undefined;
let logged: jest.SpyInstance;
beforeEach(() => {
  // Countings cut off on purpose are logged for the operators.
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  slow?.restore();
  slow = undefined;
  logged.mockRestore();
  settleTuning.unmarkChunk = 500;
  recomputeTuning.unit = 1000;
});

const counterUpdate = (action: string, p: Record<string, unknown>) =>
  action === 'database.modifyDocument' && p.collectionName === 'surveyCounters';

async function shardsOf(id: string): Promise<CounterDoc[]> {
  const res = await world.cloud.database().collection('surveyCounters').where({ surveyId: id }).get();
  return res.data as CounterDoc[];
}
const counted = async (id: string) => (await shardsOf(id)).reduce((n, s) => n + (s.c?.n ?? 0), 0);

describe('batches stop on their time budget and go on from their cursor', () => {
  it('settling stopped inside shards and a driver killed before its save count every answer once', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 24, ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus']);
    // The first 12 answers' countings are cut off (settling counts them); the other 12 are counted and marked.
    world.cloud.local.engine.failRequests('database.modifyDocument', (p) => p.collectionName === 'surveyCounters', 12);
    for (const [k, w] of ws.entries()) {
      const reply = ok<SubmitSurveyOutput>(
        await call(w, 'submit', { surveyId: id, answers: answers(k), groups: groupsOf(k) }),
      );
      expect(reply.status).toBe('submitted');
    }
    expect(await counted(id)).toBe(12);
    world.setNow(world.now() + SETTLE_AFTER_MS + 1000);
    const cutoff = world.now() - SETTLE_AFTER_MS;

    // A mark dropped per request, every counter update 1.5 s: a batch stops after its second (3 s).
    settleTuning.unmarkChunk = 1;
    slow = slowRequests(counterUpdate);
    const kinds = surveyJobKinds();
    const real = kinds[settleJob.kind];
    const steps: Array<{ state: { at?: string | null; k?: number }; updates: number }> = [];
    const killing: Record<string, JobKind<unknown, unknown>> = {
      ...kinds,
      [settleJob.kind]: {
        ...real,
        async step(env, state) {
          const before = slow!.ticks();
          const out = await real.step(env, state);
          steps.push({ state: out.state as { at?: string | null; k?: number }, updates: slow!.ticks() - before });
          // Killed after the fourth batch's work, before its cursor is saved.
          if (steps.length === 4) await new Promise(() => undefined);
          return out;
        },
      },
    };
    const db = world.cloud.database();
    const t0 = world.now();
    const job = await createJob(db, settleJob, {
      id: `settle-${cutoff}`,
      target: 'all',
      owner: 'timer',
      params: { cutoff },
      now: new Date(t0),
    });
    for (let k = 0; k < 20 && steps.length < 4; k += 1) {
      void runSlice(world.cloud, db, job._id, killing, { ...surveyLimits, now: new Date(t0) }).catch(
        ignoreAfterTheTest,
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(steps).toHaveLength(4);
    // Every batch stopped after the unit of work in which its 3 s ran out, inside the survey.
    // Every batch stopped at most one unit of work (here: one update) after its 3 s, or the slice's 6 s,
    // ran out, inside the survey, once inside a shard (the same shard again: its marks half dropped).
    expect(BATCH_BUDGET_MS).toBe(3000);
    for (const s of steps) {
      expect(s.updates).toBeGreaterThanOrEqual(1);
      expect(s.updates).toBeLessThanOrEqual(4);
      expect(s.state.at).toBe(id);
    }
    expect(steps.some((s, i) => i > 0 && s.state.k === steps[i - 1].state.k)).toBe(true);
    expect((await loadJob(db, job._id))!.leaseHolder).not.toBeNull();

    // After the killed driver's lease (taken at its last save, 1.5 s a request after t0) the next
    // drivers go on from the saved cursor, to the end.
    world.setNow(t0 + surveyLimits.leaseMs + 60_000);
    let last = await loadJob(db, job._id);
    for (let k = 0; k < 100 && last!.status !== 'done'; k += 1) {
      last = (await runSlice(world.cloud, db, job._id, kinds, { ...surveyLimits, now: new Date(world.now()) })).job;
    }
    expect(last).toMatchObject({ status: 'done', result: { surveys: expect.any(Number) } });
    slow.restore();
    slow = undefined;

    expect(await counted(id)).toBe(24);
    const shards = await readShards(db, id);
    expect(shards.flatMap((s) => Object.keys(s.m))).toEqual([]);
    const stored = await world.cloud.database().collection('surveyAnswers').where({ surveyId: id }).limit(100).get();
    const used = new Set((stored.data as Array<{ shard: string }>).map((a) => a.shard));
    for (const s of shards) expect(s.vt.getTime()).toBe(used.has(s._id) ? cutoff : 0);
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toEqual({
      responses: 24,
      matches: true,
      differences: [],
      applied: false,
      waiting: 0,
    });
  });

  it('a recompute whose walk stops inside shards gives what one run gives, and applies once', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 20, ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus']);
    for (const [k, w] of ws.entries())
      ok(await call(w, 'submit', { surveyId: id, answers: answers(k), groups: groupsOf(k) }));
    // Half of them settled (counted by `vt`, walked with aggregate()), half still marked.
    world.setNow(world.now() + SETTLE_AFTER_MS + 1000);
    const db = world.cloud.database();
    await db
      .collection('surveyCounters')
      .doc(`${id}_0`)
      .update({ data: { 'c.n': db.command.inc(3) } });
    const single = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(single).toMatchObject({ responses: 20, matches: false, waiting: 0 });

    // An answer a unit, each read of answers 1.5 s: a batch walks about 3, an invocation about 6.
    recomputeTuning.unit = 1;
    slow = slowRequests((action, p) => p.collectionName === 'surveyAnswers' && action === 'database.getDocument');
    let reply = ok<{ job: JobView; result: RecomputeResult | null }>(
      await call('demo-research', 'recompute', { surveyId: id, apply: true }),
    );
    const walked = [reply.job.done];
    for (let k = 0; k < 100 && !reply.result; k += 1) {
      reply = ok(await call('demo-research', 'recomputeStatus', { jobId: reply.job.jobId }));
      walked.push(reply.job.done);
    }
    expect(reply.result).toEqual({ ...single, applied: true });
    // Many invocations, none walking more than its two batches' worth.
    expect(walked.length).toBeGreaterThan(4);
    for (let i = 1; i < walked.length; i += 1) expect(walked[i] - walked[i - 1]).toBeLessThanOrEqual(6);
    slow.restore();
    slow = undefined;
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toMatchObject({
      responses: 20,
      matches: true,
      differences: [],
    });
    expect(await world.count('auditLog', { targetId: id, action: 'recomputeSurvey' })).toBe(1);
  });
});
