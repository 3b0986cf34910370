/**
 * The push benchmark's server side (issue 13), in its own process (lib/push-bench.mjs starts it with
 * `node --import tsx`): the drain of cloudfunctions/common/push.ts on the local runtime (strict mode, as
 * production), over a fresh data directory seeded as the dev host seeds it.
 *
 * `drain` queues `total` pushes (items of `perItem` people each, every worker with one one-time grant),
 * then fires the timer every `everyMs` of a SIMULATED clock — it moves with the real time the work takes
 * plus the time the drain sleeps to keep its rate, which passes at once — running `overlap` drains at
 * each fire, until nothing is left to send. The send stand-in counts what it accepted per worker and
 * item (a duplicate is the same worker and item accepted twice) and answers -1 (system busy) to the
 * first try of a fixed 0.5 % of them, which are retried after their backoff.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, subscribeTopics } from '@shishi/shared-types';
import { createCtx } from '../../cloudfunctions/common/context';
import { drainPushes, enqueuePush, grantId, type DrainSummary } from '../../cloudfunctions/common/push';
import { seed } from '../../devhost/src/seed';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const TEMPLATE = subscribeTopics.projectNews.templateId;

interface DrainCmd {
  total: number;
  perItem: number;
  sendsPerSecond: number;
  budgetMs: number;
  everyMs: number;
  overlap: number;
}

/** A stable 0.5 % of (worker, item) pairs. */
function flaky(key: string): boolean {
  let h = 2166136261;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % 200 === 0;
}

async function drain(cmd: DrainCmd) {
  const dir = mkdtempSync(join(tmpdir(), 'shishi-push-bench-'));
  let realStart = performance.now();
  let slept = 0;
  const simNow = () => NOW + (performance.now() - realStart) + slept;
  const cloud: LocalCloud = createLocalCloud({ dataDir: dir, collections, now: () => simNow(), strict: true });
  const engine = cloud.local.engine;
  const db = cloud.database();
  try {
    await engine.inspect(() => seed(db, new Date(NOW)));
    const items = Math.ceil(cmd.total / cmd.perItem);
    const openids = Array.from({ length: cmd.total }, (_, k) => `w${String(k).padStart(6, '0')}`);
    // Setup outside the measure: every worker accepted the template once.
    await engine.inspect(async () => {
      for (let k = 0; k < openids.length; k += 1000) {
        const docs = openids.slice(k, k + 1000).map((openid) => ({
          _id: grantId(openid, TEMPLATE),
          openid,
          templateId: TEMPLATE,
          oneTime: 1,
          longTerm: false,
          last: 'accept',
          updatedAt: new Date(NOW),
        }));
        await db.collection('pushGrants').add({ data: docs });
      }
    });
    const ctx = createCtx(cloud, 'bench', new Date(NOW));
    for (let i = 0; i < items; i += 1) {
      await enqueuePush(ctx, {
        topic: 'projectNews',
        audience: { kind: 'people', openids: openids.slice(i * cmd.perItem, (i + 1) * cmd.perItem) },
        data: {
          thing1: { value: '职工食堂' },
          thing2: { value: '服务时间改到周六' },
          time3: { value: '2026-11-24 10:00' },
        },
        page: `packages/project/pages/detail/index?id=item-${i}`,
        source: { type: 'announcement', id: `bench-${i}` },
        key: `bench-${i}`,
      });
    }
    // The send stand-in: what WeChat accepted, per worker and item.
    const accepted = new Map<string, number>();
    const tries = new Map<string, number>();
    const api = cloud.openapi.subscribeMessage;
    const send = api.send.bind(api);
    api.send = async (args) => {
      const key = `${args.touser}|${args.page}`;
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      if (n === 1 && flaky(key)) throw Object.assign(new Error('system error'), { errCode: -1 });
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      return send(args);
    };
    engine.resetCounts();
    realStart = performance.now();
    slept = 0;
    const sim = { now: simNow, sleep: async (ms: number) => void (slept += ms) };
    const runs: Array<DrainSummary & { startedAt: number }> = [];
    let fire = NOW;
    let lastSendAt = NOW;
    for (let guard = 0; guard < 100_000; guard += 1) {
      if (simNow() < fire) slept += fire - simNow();
      const startedAt = simNow();
      const summaries = await Promise.all(
        Array.from({ length: cmd.overlap }, (_, k) =>
          drainPushes(cloud, new Date(startedAt), {
            clock: sim,
            budgetMs: cmd.budgetMs,
            sendsPerSecond: cmd.sendsPerSecond,
            owner: `bench-${guard}-${k}`,
          }),
        ),
      );
      for (const s of summaries) runs.push({ ...s, startedAt: startedAt - NOW });
      if (summaries.some((s) => s.sent > 0)) lastSendAt = simNow();
      if (summaries.some((s) => s.more)) {
        fire += cmd.everyMs;
        continue;
      }
      // Nothing due now: done, unless retries wait for their backoff.
      const left = await engine.inspect(async () => {
        const pending = await db
          .collection('pushSends')
          .where({ status: db.command.in(['pending', 'sending']) })
          .count();
        const queued = await db
          .collection('pushQueue')
          .where({ status: db.command.in(['queued', 'fanning']) })
          .count();
        return (pending.total as number) + (queued.total as number);
      });
      if (left === 0) break;
      fire += cmd.everyMs;
    }
    const wallMs = performance.now() - realStart;
    const requests = engine.totalRequests();
    const byStatus = await engine.inspect(async () => {
      const out: Record<string, number> = {};
      for (const status of ['sent', 'failed', 'noGrant', 'unknown', 'cancelled', 'pending', 'sending'])
        out[status] = (await db.collection('pushSends').where({ status }).count()).total as number;
      return out;
    });
    const duplicates = [...accepted.values()].filter((n) => n > 1).length;
    const sent = [...accepted.values()].reduce((a, b) => a + b, 0);
    const drainMs = lastSendAt - NOW;
    const longestRunMs = Math.max(...runs.map((r) => r.elapsedMs));
    return {
      ...cmd,
      items,
      fires: runs.length / cmd.overlap,
      drainMs,
      sent,
      achievedPerSecond: sent / (drainMs / 1000),
      sendingSeconds: runs.reduce((a, r) => a + r.elapsedMs, 0) / cmd.overlap / 1000,
      retried: runs.reduce((a, r) => a + r.retried, 0),
      recovered: runs.reduce((a, r) => a + r.recovered, 0),
      longestRunMs,
      duplicates,
      byStatus,
      requests,
      requestsPerSend: requests / sent,
      wallMs,
    };
  } finally {
    await cloud.local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.on('message', (message: { id: number; cmd: { name: string } & Partial<DrainCmd> }) => {
  const { id, cmd } = message;
  const run = cmd.name === 'drain' ? drain(cmd as DrainCmd) : Promise.reject(new Error(`unknown ${cmd.name}`));
  run.then(
    (data) => process.send?.({ id, data }),
    (e: unknown) => process.send?.({ id, data: { error: String((e as Error)?.stack ?? e) } }),
  );
});
process.send?.({ type: 'ready', url: '' });
