/**
 * The check-in benchmark's server side (issue 13), in its own process (lib/checkin-bench.mjs starts it
 * with `node --import tsx`): the `checkin` function on the local runtime (createLocalCloud over a fresh
 * data directory seeded as the dev host seeds it, strict mode as production, clock pinned at
 * 2026-11-24 10:00 +08:00), called in-process through the function registry inside `runAs({ OPENID })`.
 *
 * `ingest` plays N concurrent check-ins at one service point — all by one worker (identical: one
 * stored) or each by a different worker — and reports the database requests counted at the runtime
 * seam, per check-in and by action, the wall time and latencies, what was stored and counted, and the
 * kept count against a recompute.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, type Reply } from '@shishi/shared-types';
import { functions } from '../../cloudfunctions/registry';
import { recomputeServed } from '../../cloudfunctions/checkin/served';
import { seed } from '../../devhost/src/seed';
import { projectDoc } from '../../cloudfunctions/__tests__/fixtures';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const dir = process.env.CHECKIN_BENCH_DIR ?? join(process.cwd(), '.bench-checkin');

let cloud: LocalCloud | null = null;
let n = 0;

async function call(openid: string, fn: string, action: string, data: unknown): Promise<Reply<unknown>> {
  return cloud!.local.runAs({ OPENID: openid }, () =>
    functions[fn].handle(cloud!, { action, data }, { now: () => NOW }),
  );
}

function must<T>(r: Reply<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
}

async function world(workers: number) {
  n += 1;
  const dataDir = join(dir, `w${n}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (cloud) await cloud.local.close();
  cloud = createLocalCloud({ dataDir, collections, now: () => NOW, strict: true });
  const db = cloud.database();
  const now = new Date(NOW);
  await cloud.local.engine.inspect(async () => {
    await seed(db, now);
    await db.collection('projects').add({
      data: projectDoc('bench-project', now, {
        record: { title: '环卫职工免费体检', startDate: '2026-11-01', endDate: '2027-06-30', targetServed: 5000 },
      }),
    });
    for (let i = 0; i < workers; i += 500) {
      const batch = Array.from({ length: Math.min(500, workers - i) }, (_, k) => ({
        _id: `bench-w${i + k}`,
        openid: `bench-w${i + k}`,
        name: `职工${i + k}`,
        role: 'worker',
        orgId: 'gr-zs-sanitation',
        orgName: '中山区环卫服务中心工会',
        orgPath: ['dl', 'dist-zhongshan', 'gr-zs-sanitation'],
        createdAt: now,
        updatedAt: now,
      }));
      await db.collection('users').add({ data: batch });
    }
  });
  const point = must<{ _id: string }>(
    await call('demo-district', 'checkin', 'createPoint', {
      projectId: 'bench-project',
      name: '中山区职工服务中心',
      address: '中山区人民路 20 号',
      startDate: '2026-11-20',
      endDate: '2026-12-31',
      hours: '9:00–16:00',
      contact: '张丽 0411-82345678',
    }),
  );
  const { code } = must<{ code: string }>(await call('demo-district', 'checkin', 'code', { pointId: point._id }));
  return code;
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function ingest(cmd: { concurrent: number; identical: boolean; withProject: boolean }) {
  const code = await world(cmd.identical ? 0 : cmd.concurrent);
  const engine = cloud!.local.engine;
  // One warm check-in first (the instance reads the code secret once), by someone outside the run.
  must(await call('demo-cadre', 'checkin', 'scan', { code }));
  engine.resetCounts();
  const started = performance.now();
  const times: number[] = [];
  const replies = await Promise.all(
    Array.from({ length: cmd.concurrent }, async (_, i) => {
      const t0 = performance.now();
      const r = await call(cmd.identical ? 'demo-worker' : `bench-w${i}`, 'checkin', 'scan', {
        code,
        ...(cmd.withProject ? { projectId: 'bench-project' } : {}),
      });
      times.push(performance.now() - t0);
      return r;
    }),
  );
  const wallMs = performance.now() - started;
  const requests = engine.totalRequests();
  const byAction = Object.fromEntries(engine.requestCounts);
  const failed = replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code));
  const stored = replies.filter((r) => r.ok && (r.data as { checkedIn: boolean }).checkedIn).length;
  const db = cloud!.database();
  const counts = await engine.inspect(async () => {
    const rows = await db.collection('checkins').where({ projectId: 'bench-project' }).count();
    const shards = await db.collection('servedCounters').where({ projectId: 'bench-project' }).get();
    const kept = (shards.data as Array<{ n: number }>).reduce((s, d) => s + d.n, 0);
    return { rows: rows.total as number, kept, recomputed: await recomputeServed(db, 'bench-project') };
  });
  times.sort((a, b) => a - b);
  return {
    ...cmd,
    wallMs,
    requests,
    perCheckin: requests / cmd.concurrent,
    byAction,
    failed: failed.length,
    failedCodes: [...new Set(failed)],
    storedReplies: stored,
    // The warm-up check-in (the cadre) is one stored row and one served person of its own.
    storedRows: counts.rows - 1,
    served: counts.kept - 1,
    recomputed: counts.recomputed - 1,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: times[times.length - 1],
  };
}

process.on('message', (message: { id: number; cmd: { name: string } | string }) => {
  if (message.cmd === 'close') {
    void (async () => {
      await cloud?.local.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
    return;
  }
  const cmd = message.cmd as { name: string } & Record<string, unknown>;
  const run = cmd.name === 'ingest' ? ingest(cmd as never) : Promise.reject(new Error(`unknown ${cmd.name}`));
  run.then(
    (data) => process.send?.({ id: message.id, data }),
    (e: unknown) => process.send?.({ id: message.id, data: { error: String((e as Error)?.stack ?? e) } }),
  );
});
process.send?.({ type: 'ready', url: '' });
