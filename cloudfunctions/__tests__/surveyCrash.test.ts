/**
 * A real crash of the survey function between storing an answer and counting it: a child process
 * (surveyCrash-writer.ts) submits answers through the real `survey` function in 8 concurrent loops and is
 * killed with SIGKILL mid-flight. On the same data directory, reopened here: every acknowledged answer is
 * stored, the counters hold exactly the answers marked in them (behind the answers, never ahead), and
 * settling — the timer, later, even overlapping runs — counts each one left over exactly once, after
 * which the counters equal a full recompute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, type RecomputeResult, type Reply, type SurveyResults } from '@shishi/shared-types';
import { functions, timerTriggers } from '../registry';
import { SETTLE_AFTER_MS } from '../survey/counting';
import type { CounterDoc } from '../survey/model';
import { runAndKill } from '../../local-cloud/__tests__/helpers';
import { NOV, ok } from './world';
import { finished } from './jobReplies';

const WRITER = join(__dirname, 'surveyCrash-writer.ts');
/** Workers bound before the submissions start: far more than answered before the kill. */
const WORKERS = 1500;
/**
 * The kill is sent once this many submissions were acknowledged, at the next answer stored: most likely
 * before its counting update commits (the loops' inserts and updates commit in batches), so the crash
 * usually leaves answers stored and not counted (8 when each loop has one in flight). What is asserted
 * holds wherever the kill lands.
 */
const ACK_TARGET = 300;

const dirs: string[] = [];
const clouds: LocalCloud[] = [];

afterAll(async () => {
  for (const cloud of clouds) await cloud.local.close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  surveyId: string;
  /** The writer's clock during the submissions: every answer's createdAt. */
  clock: number;
  acked: string[];
  signal: NodeJS.Signals | null;
}

/** Runs the writer on `dataDir` from `start` and kills it with SIGKILL once ACK_TARGET answers were acknowledged. */
async function runWriterAndKill(dataDir: string, start: number): Promise<Run> {
  const acked: string[] = [];
  let ready: { surveyId: string; clock: number } | null = null;
  const { signal } = await runAndKill(
    WRITER,
    [dataDir, String(start), String(WORKERS)],
    (line) => {
      const r = /^READY (\S+) (\d+)$/.exec(line);
      if (r) ready = { surveyId: r[1], clock: Number(r[2]) };
      const m = /^ACK (\S+)$/.exec(line);
      if (m) acked.push(m[1]);
      // Aim for the gap between an answer's insert and its counting.
      return acked.length >= ACK_TARGET && line === 'STORED';
    },
    30_000,
  );
  if (!ready) throw new Error('writer acknowledged answers before READY');
  return { ...(ready as { surveyId: string; clock: number }), acked, signal };
}

test('answers acknowledged before a SIGKILL are stored, and settling counts the uncounted ones exactly once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shishi-crash-'));
  dirs.push(dataDir);
  const { surveyId, clock: writerClock, acked, signal } = await runWriterAndKill(dataDir, NOV);
  expect(signal).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(Math.max(100, ACK_TARGET));

  let clock = writerClock + 1000;
  const cloud = createLocalCloud({ dataDir, collections, now: () => clock });
  clouds.push(cloud);
  const db = cloud.database();
  const _ = db.command;
  const call = (openid: string, action: string, data: unknown): Promise<Reply<unknown>> =>
    cloud.local.runAs({ OPENID: openid }, () => functions.survey.handle(cloud, { action, data }, { now: () => clock }));

  const stored: Array<{ _id: string; respondentKey: string; createdAt: Date }> = [];
  for (let after = ''; ;) {
    const res = await db
      .collection('surveyAnswers')
      .where({ surveyId, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true, respondentKey: true, createdAt: true })
      .limit(1000)
      .get();
    stored.push(...(res.data as typeof stored));
    if (res.data.length < 1000) break;
    after = stored[stored.length - 1]._id;
  }
  const shards = async () =>
    (await db.collection('surveyCounters').where({ surveyId }).limit(100).get()).data as CounterDoc[];
  const countedN = (list: CounterDoc[]) => list.reduce((n, s) => n + (s.c?.n ?? 0), 0);

  // 1. Every acknowledged answer is stored (a named survey keys answers by OPENID), once.
  const keys = new Set(stored.map((a) => a.respondentKey));
  expect(keys.size).toBe(stored.length);
  expect(acked.filter((w) => !keys.has(w))).toEqual([]);
  expect(stored.length).toBeGreaterThanOrEqual(acked.length);
  // The writer's clock stood still: settling's cutoff below must be after every answer.
  expect(new Set(stored.map((a) => a.createdAt.getTime()))).toEqual(new Set([writerClock]));

  // 2. The counters hold exactly the answers marked in them, all stored: behind the answers, never ahead.
  const before = await shards();
  const storedIds = new Set(stored.map((a) => a._id));
  const marked = before.flatMap((s) => Object.keys(s.m ?? {}));
  expect(marked.filter((id) => !storedIds.has(id))).toEqual([]);
  expect(countedN(before)).toBe(marked.length);
  expect(countedN(before)).toBeLessThanOrEqual(stored.length);
  const uncounted = stored.length - countedN(before);
  // The recompute agrees: what is counted matches, the rest waits (too young for settling still).
  expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId }))).toEqual({
    responses: countedN(before),
    matches: true,
    differences: [],
    applied: false,
    waiting: uncounted,
  });

  // 3. Settling as the timer does it, once the answers are older than SETTLE_AFTER_MS — two runs
  //    overlapping (a slow run and the next) — counts each uncounted answer once; a later run nothing.
  clock = writerClock + SETTLE_AFTER_MS + 60_000;
  const settle = timerTriggers.find((t) => t.function === 'survey' && t.name === 'settleCounters')!;
  const runs = (await Promise.all([settle.run(cloud, new Date(clock)), settle.run(cloud, new Date(clock))])) as Array<{
    counted: number;
  }>;
  expect(runs[0].counted + runs[1].counted).toBe(uncounted);
  expect(await settle.run(cloud, new Date(clock))).toMatchObject({ counted: 0 });
  const after = await shards();
  expect(countedN(after)).toBe(stored.length);
  // Settled up to the cutoff: the marks are gone.
  expect(after.every((s) => s.vt.getTime() === clock - SETTLE_AFTER_MS)).toBe(true);
  expect(after.every((s) => Object.keys(s.m ?? {}).length === 0)).toBe(true);

  // 4. The recompute (as the staff who created the survey) finds the counters equal to the answers.
  expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId }))).toEqual({
    responses: stored.length,
    matches: true,
    differences: [],
    applied: false,
    waiting: 0,
  });
  expect(countedN(await shards())).toBe(stored.length);
  expect(ok<SurveyResults>(await call('demo-research', 'results', { surveyId })).responses).toBe(stored.length);
}, 40_000);
