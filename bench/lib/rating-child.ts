/**
 * The ratings benchmark's server side (issue 11), in its own process (bench/lib/rating-bench.mjs starts
 * it with `node --import tsx`): the `rating` function alone on the local runtime in strict mode (a query
 * no declared index serves fails, as on CloudBase), over a fresh data directory seeded as the dev host
 * seeds it, clock pinned; called in-process inside `runAs({ OPENID })`, as the dev host calls it minus
 * HTTP and sessions. Every call goes through the real wx-server-sdk to the engine.
 *
 * Setup: one project in progress (中山区, as in the integration tests), rating opened today by its
 * district staff for its audience, N worker profiles written straight into `users` (spread over the
 * district's three grassroots unions, some with groups). Each worker rates once through `rating.submit`.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdirSync } from 'node:fs';
import { createLocalCloud } from '@shishi/local-cloud';
import { collections, type Reply } from '@shishi/shared-types';
// The rating function alone (a benchmark of one function loads only its code).
import { ratingFunction } from '../../cloudfunctions/rating/app';
import { settleRatings } from '../../cloudfunctions/rating/counting';
import { seed } from '../../devhost/src/seed';
import { closedLoop, LatencyPool, requestsOf } from './sample';
import { projectDoc } from '../../cloudfunctions/__tests__/fixtures';
import { serve } from './serve';

const DATA_DIR = process.env.RATING_BENCH_DIR ?? '';
const NOW = Date.parse(process.env.SHISHI_NOW ?? '2026-11-24T10:00:00+08:00');
/** The simulated clock: pinned, moved on by `settle` as the 5-minute settling timer would see it. */
let clock = NOW;
const STAFF = 'demo-district';
const PROJECT = 'bench-rating-project';

type Cmd =
  | { name: 'setup'; workers: number }
  | { name: 'ingest'; from: number; to: number; concurrency: number; keep?: boolean }
  | { name: 'latencies' }
  | { name: 'count'; from: number; n: number }
  | { name: 'summary'; reps: number; as: 'worker' | 'staff' }
  | { name: 'recompute' }
  | { name: 'settle'; advanceMs: number }
  | { name: 'memory' }
  | { name: 'close' };

if (!DATA_DIR) throw new Error('RATING_BENCH_DIR is required');
mkdirSync(DATA_DIR, { recursive: true });
const now = () => clock;
const cloud = createLocalCloud({ dataDir: DATA_DIR, collections, now, strict: true });
const engine = cloud.local.engine;
let closing: Promise<void> | undefined;
const close = () => (closing ??= cloud.local.close());

function call(openid: string, action: string, data: unknown): Promise<Reply<unknown>> {
  return cloud.local.runAs({ OPENID: openid }, () => ratingFunction.handle(cloud, { action, data }, { now }));
}

function ok<T>(reply: Reply<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

/** A deterministic spread: worker k's scores, comment and groups vary with k. */
function mix(k: number, salt: number): number {
  let h = (k * 2654435761 + salt * 40503) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822519) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

const COMMENTS = ['体检安排得很周到，谢谢工会。', '希望明年继续办。', '通知再早一点就好了。', '排队时间有点长。'];
const UNIONS = [
  { _id: 'gr-zs-sanitation', name: '中山区环卫服务中心工会' },
  { _id: 'gr-zs-mall', name: '大连天兴商贸有限公司工会' },
  { _id: 'gr-zs-couriers', name: '中山区快递物流行业联合工会' },
];

const worker = (k: number) => `bench-w${k}`;

function submit(k: number) {
  const score = (salt: number) => 1 + (mix(k, salt) % 5);
  const g = mix(k, 40) % 6;
  return call(worker(k), 'submit', {
    projectId: PROJECT,
    scores: { awareness: score(1), participation: score(2), benefit: score(3), satisfaction: score(4) },
    ...(mix(k, 5) % 10 === 0 ? { comment: COMMENTS[mix(k, 6) % COMMENTS.length] } : {}),
    groups: g === 0 ? ['women'] : g === 1 ? ['women', 'migrant'] : g === 2 ? ['newEmployment'] : [],
  });
}

async function setup(workers: number) {
  const t0 = performance.now();
  const db = cloud.database();
  const at = new Date(NOW);
  await engine.inspect(async () => {
    await seed(db, at);
    await db.collection('projects').add({
      data: projectDoc(PROJECT, at, {
        record: { title: '环卫职工免费体检', startDate: '2026-11-01', endDate: '2027-06-30', targetServed: 100000 },
      }),
    });
    // Worker profiles straight into `users` (setup, not measured).
    for (let from = 0; from < workers; from += 1000) {
      const batch = [];
      for (let k = from; k < Math.min(workers, from + 1000); k++) {
        const u = UNIONS[mix(k, 50) % UNIONS.length];
        batch.push({
          _id: worker(k),
          openid: worker(k),
          name: `职工${k}`,
          role: 'worker',
          orgId: u._id,
          orgName: u.name,
          orgPath: ['dl', 'dist-zhongshan', u._id],
          createdAt: at,
          updatedAt: at,
        });
      }
      await db.collection('users').add({ data: batch });
    }
  });
  ok(
    await call(STAFF, 'configure', { projectId: PROJECT, opensOn: '2026-11-24', eligibility: 'audience' }),
    'rating.configure',
  );
  return { projectId: PROJECT, workers, ms: performance.now() - t0 };
}

/** Latencies of the ingest calls made with `keep`, for quantiles over all of them. */
const kept = new LatencyPool();

/** Workers [from, to) rate, `concurrency` at a time (a closed loop). */
async function ingest(from: number, to: number, concurrency: number, keep = false) {
  const r = await closedLoop(engine, from, to, concurrency, submit);
  if (keep) kept.add(r.latencies);
  return {
    ratings: r.n,
    concurrency,
    ms: r.ms,
    perSecond: r.perSecond,
    cpuMsPerRating: r.cpuMsPerItem,
    latencyMs: r.latencyMs,
    notSubmitted: r.notSubmitted,
    failures: r.failures,
    requestsPerRating: r.requestsPerItem,
    byAction: r.byAction,
  };
}

/** `n` ratings one after another, database requests counted at the seam. */
async function countSample(from: number, n: number) {
  engine.resetCounts();
  const t0 = performance.now();
  for (let k = from; k < from + n; k++) {
    const out = ok<{ status: string }>(await submit(k), 'rating.submit');
    if (out.status !== 'submitted') throw new Error(`rating.submit: ${out.status} for a new worker`);
  }
  const ms = performance.now() - t0;
  const c = requestsOf(engine);
  return {
    ratings: n,
    meanMs: ms / n,
    requestsPerRating: c.total / n,
    byAction: Object.fromEntries(Object.entries(c.byAction).map(([k, v]) => [k, v / n])),
  };
}

/** `rating.summary` timed `reps` times (after 2 untimed), as a worker (public figures) or as the staff. */
async function summary(reps: number, as: 'worker' | 'staff') {
  const who = as === 'staff' ? STAFF : worker(0);
  const times: number[] = [];
  let count = 0;
  let requests = 0;
  let visible = false;
  for (let i = -2; i < reps; i++) {
    engine.resetCounts();
    const t0 = performance.now();
    const s = ok<{ count: number; visible: boolean }>(await call(who, 'summary', { projectId: PROJECT }), 'summary');
    if (i >= 0) times.push(performance.now() - t0);
    count = s.count;
    visible = s.visible;
    requests = engine.totalRequests();
  }
  times.sort((a, b) => a - b);
  return { reps, as, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], count, visible, requests };
}

async function recompute() {
  engine.resetCounts();
  const t0 = performance.now();
  const r = ok<{ count: number; settled: number; matches: boolean; differences: Record<string, number> }>(
    await call(STAFF, 'recompute', { projectId: PROJECT }),
    'rating.recompute',
  );
  const ms = performance.now() - t0;
  const requests = engine.totalRequests();
  const stored = await engine.inspect(async () => {
    const res = await cloud.database().collection('ratings').where({ projectId: PROJECT }).count();
    return res.total as number;
  });
  return {
    ms,
    requests,
    count: r.count,
    stored,
    settled: r.settled,
    matches: r.matches,
    differences: Object.entries(r.differences).slice(0, 5),
  };
}

/**
 * The settling timer as production runs it (registry: every 5 minutes): the clock moves on by
 * `advanceMs`, then one timer invocation, timed, with the marks the shards hold before and after.
 */
async function settle(advanceMs: number) {
  clock += advanceMs;
  const marks = () =>
    engine.inspect(async () => {
      const res = await cloud.database().collection('ratingCounters').where({ projectId: PROJECT }).limit(100).get();
      return (res.data as Array<{ m?: Record<string, number> }>).reduce((n, s) => n + Object.keys(s.m ?? {}).length, 0);
    });
  const before = await marks();
  engine.resetCounts();
  const t0 = performance.now();
  const out = await settleRatings(cloud, new Date(clock));
  const ms = performance.now() - t0;
  const requests = engine.totalRequests();
  return { at: new Date(clock).toISOString(), ms, requests, ...out, marksBefore: before, marksAfter: await marks() };
}

async function run(cmd: Cmd): Promise<unknown> {
  switch (cmd.name) {
    case 'setup':
      return setup(cmd.workers);
    case 'ingest':
      return ingest(cmd.from, cmd.to, cmd.concurrency, cmd.keep);
    case 'latencies':
      return kept.quantiles();
    case 'count':
      return countSample(cmd.from, cmd.n);
    case 'summary':
      return summary(cmd.reps, cmd.as);
    case 'recompute':
      return recompute();
    case 'settle':
      return settle(cmd.advanceMs);
    case 'memory':
      return { ...process.memoryUsage(), maxRSS: process.resourceUsage().maxRSS * 1024 };
    case 'close':
      await close();
      return null;
  }
}

serve<Cmd>(run, close);
