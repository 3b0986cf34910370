/**
 * A real crash of the rating function between storing a rating (or a change) and counting it: a child
 * process (ratingCrash-writer.ts) rates through the real `rating` function in 8 concurrent loops, some
 * workers changing their rating right after, and is killed with SIGKILL mid-flight. On the same data
 * directory, reopened here: every acknowledged rating is stored once, the counters are never ahead of
 * the ratings, and settling — the timer, later, two runs overlapping — counts what was left exactly
 * once, after which the counters equal a recompute from the ratings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, type RatingRecomputeOutput, type Reply } from '@shishi/shared-types';
import { runAndKill } from '../../local-cloud/__tests__/helpers';
import { keptCounters, readProjectRatings, RATING_SETTLE_AFTER_MS, recomputeCounters } from '../rating/counting';
import type { CounterDoc } from '../rating/model';
import { functions, timerTriggers } from '../registry';
import { respondentKey, respondentSecret } from '../survey/secret';
import { createCtx } from '../common/context';
import { NOV, ok } from './world';

const WRITER = join(__dirname, 'ratingCrash-writer.ts');
const PROJECT = 'pj-crash';
/** Workers bound before the ratings start: far more than rate before the kill. */
const WORKERS = 600;
/** The kill is sent at the next rating stored once this many workers were acknowledged. */
const ACK_TARGET = 150;

const dirs: string[] = [];
const clouds: LocalCloud[] = [];

afterAll(async () => {
  for (const cloud of clouds) await cloud.local.close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('ratings acknowledged before a SIGKILL are stored, and settling counts the uncounted ones exactly once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shishi-rating-crash-'));
  dirs.push(dataDir);
  const acked: string[] = [];
  let writerClock = 0;
  const { signal } = await runAndKill(
    WRITER,
    [dataDir, String(NOV), String(WORKERS)],
    (line) => {
      const r = /^READY (\d+)$/.exec(line);
      if (r) writerClock = Number(r[1]);
      const m = /^ACK (\S+)$/.exec(line);
      if (m) acked.push(m[1]);
      return acked.length >= ACK_TARGET && line === 'STORED';
    },
    60_000,
  );
  expect(signal).toBe('SIGKILL');
  expect(writerClock).toBeGreaterThan(0);
  expect(acked.length).toBeGreaterThanOrEqual(ACK_TARGET);

  let clock = writerClock + 1000;
  const cloud = createLocalCloud({ dataDir, collections, now: () => clock });
  clouds.push(cloud);
  const db = cloud.database();
  const call = (openid: string, action: string, data: unknown): Promise<Reply<unknown>> =>
    cloud.local.runAs({ OPENID: openid }, () => functions.rating.handle(cloud, { action, data }, { now: () => clock }));

  // 1. Every acknowledged rating is stored, once per worker (found by the worker's key).
  const stored = await readProjectRatings(db, PROJECT);
  const keys = new Set(stored.map((r) => r.key));
  expect(keys.size).toBe(stored.length);
  const secret = await respondentSecret(createCtx(cloud, 'x', new Date(clock)));
  expect(acked.filter((w) => !keys.has(respondentKey(secret, `rating:${PROJECT}`, w)))).toEqual([]);
  expect(stored.length).toBeGreaterThanOrEqual(acked.length);

  // 2. The counters are behind the ratings, never ahead: every mark is a stored rating's version.
  const shards = async () =>
    (await db.collection('ratingCounters').where({ projectId: PROJECT }).limit(100).get()).data as CounterDoc[];
  const versions = new Map<string, number[]>();
  for (const r of stored) versions.set(r._id, [r.at.getTime(), ...(r.prev ? [r.prev.at.getTime()] : [])]);
  for (const s of await shards())
    for (const [id, at] of Object.entries(s.m ?? {})) expect(versions.get(id) ?? []).toContain(at);
  const before = (await keptCounters(db, PROJECT)).n ?? 0;
  expect(before).toBeLessThanOrEqual(stored.length);

  // 3. The timer, once the ratings are older than 10 minutes — two runs overlapping, then another —
  //    leaves the counters equal to a recompute from the ratings.
  clock = writerClock + RATING_SETTLE_AFTER_MS + 60_000;
  const settle = timerTriggers.find((t) => t.function === 'rating' && t.name === 'settleRatings')!;
  await Promise.all([settle.run(cloud, new Date(clock)), settle.run(cloud, new Date(clock))]);
  expect(await settle.run(cloud, new Date(clock + 1000))).toMatchObject({ counted: 0 });
  const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0));
  expect(nonZero(await keptCounters(db, PROJECT))).toEqual(nonZero(recomputeCounters(stored)));
  expect((await shards()).every((s) => Object.keys(s.m ?? {}).length === 0)).toBe(true);

  // 4. The staff check agrees and has nothing left to count.
  expect(ok<RatingRecomputeOutput>(await call('demo-district', 'recompute', { projectId: PROJECT }))).toEqual({
    projectId: PROJECT,
    settled: 0,
    count: stored.length,
    matches: true,
    differences: {},
  });
}, 120_000);
