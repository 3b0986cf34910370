/**
 * The feed benchmark's server side (issue 13), in its own process (lib/feed-bench.mjs starts it with
 * `node --import tsx`): `announce.feed` through the real function on the local runtime in strict mode
 * (every query must be served by a declared index), over a fresh data directory seeded as the dev host
 * seeds it, plus `projects` projects with `perProject` announcements each, inserted directly (setup,
 * outside the measure).
 *
 * Audiences are spread over the org tree the way programmes are: a tenth city-wide (dl), the rest on a
 * district or industry union or one of its grassroots unions, a fifth of those narrowed to one or two
 * worker groups; a twentieth is withdrawn or held (not in any feed). The measured worker is 王秀梅
 * (demo-worker, 中山区环卫服务中心工会: path dl → 中山区总工会 → her union) with the groups given, who has
 * opened a third of what reached her. `feed` pages 1 and 5 are timed `calls` times each after a warm-up;
 * the engine's request counter gives the database requests per call.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud } from '@shishi/local-cloud';
import { audienceKeys, collections, workerFeedKeys, workerGroups, type WorkerGroup } from '@shishi/shared-types';
// The announce function alone (not the registry): the benchmark loads only what it measures.
import { announceFunction } from '../../cloudfunctions/announce/app';
import { seed } from '../../devhost/src/seed';
import { percentile, random } from './sample';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const WORKER = 'demo-worker';

interface FeedCmd {
  projects: number;
  perProject: number;
  calls: number;
  groups: WorkerGroup[];
}

async function feed(cmd: FeedCmd) {
  const dir = mkdtempSync(join(tmpdir(), 'shishi-feed-bench-'));
  const cloud = createLocalCloud({ dataDir: dir, collections, now: () => NOW, strict: true });
  const engine = cloud.local.engine;
  const db = cloud.database();
  try {
    await engine.inspect(() => seed(db, new Date(NOW)));
    const orgs = (await engine.inspect(() => db.collection('orgs').limit(1000).get())) as {
      data: Array<{ _id: string; type: string; path: string[] }>;
    };
    const middle = orgs.data.filter((o) => o.type === 'district' || o.type === 'industry');
    const grassroots = orgs.data.filter((o) => o.type === 'grassroots');
    const rnd = random(13);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    await engine.inspect(() =>
      db
        .collection('users')
        .where({ _id: WORKER })
        .update({ data: { groups: cmd.groups } }),
    );
    const me = (await engine.inspect(() => db.collection('users').where({ _id: WORKER }).get())) as {
      data: Array<{ orgPath: string[] }>;
    };
    const myKeys = new Set(workerFeedKeys(me.data[0]!.orgPath, cmd.groups));

    // Setup: the announcements and the worker's reads, in batches of 1,000.
    const total = cmd.projects * cmd.perProject;
    let batch: Record<string, unknown>[] = [];
    let reads: Record<string, unknown>[] = [];
    let reachesMe = 0;
    const flush = async () => {
      if (batch.length) await engine.inspect(() => db.collection('announcements').add({ data: batch }));
      if (reads.length) await engine.inspect(() => db.collection('announcementReads').add({ data: reads }));
      batch = [];
      reads = [];
    };
    for (let i = 0; i < total; i += 1) {
      const projectId = `bp${String(Math.floor(i / cmd.perProject)).padStart(5, '0')}`;
      const r = rnd();
      const orgId = r < 0.1 ? 'dl' : r < 0.55 ? pick(middle)._id : pick(grassroots)._id;
      const groups: WorkerGroup[] = rnd() < 0.2 ? [...new Set([pick(workerGroups), pick(workerGroups)])] : [];
      const shown = rnd() >= 0.05;
      const keys = shown ? audienceKeys({ orgId, groups }) : [];
      const at = new Date(NOW - (total - i) * 60_000);
      const id = `ba${String(i).padStart(6, '0')}`;
      batch.push({
        _id: id,
        projectId,
        projectTitle: `基准项目 ${projectId}`,
        kind: i % cmd.perProject === 0 ? 'plan' : 'news',
        draftId: `bench-${id}`,
        title: `公告 ${i}`,
        serviceTargets: null,
        serviceContent: '服务时间调整为每周六上午，地点不变，欢迎职工前来。',
        workflow: null,
        time: '每周六 9:00–11:30',
        place: '职工之家',
        contact: '0411-82345678',
        images: [],
        audienceOrgId: orgId,
        audienceOrgName: orgId,
        groups,
        orgPath: ['dl'],
        departmentIds: [],
        textModeration: 'pass',
        withdrawn: !shown,
        withdrawnAt: null,
        withdrawReason: null,
        feedKeys: keys,
        publishedAt: at,
        editedAt: null,
        version: 1,
        by: 'bench',
        byName: '基准',
        createdAt: at,
        updatedAt: at,
      });
      if (keys.some((k) => myKeys.has(k))) {
        reachesMe += 1;
        if (rnd() < 1 / 3) reads.push({ _id: `${id}_${WORKER}`, announcementId: id, openid: WORKER, at });
      }
      if (batch.length >= 1000) await flush();
    }
    await flush();

    const call = (page: number) =>
      cloud.local.runAs({ OPENID: WORKER }, () =>
        announceFunction.handle(cloud, { action: 'feed', data: { page, pageSize: 10 } }, { now: () => NOW }),
      );
    const measure = async (page: number) => {
      for (let i = 0; i < 20; i += 1) await call(page);
      const ms: number[] = [];
      engine.resetCounts();
      let reply: unknown;
      for (let i = 0; i < cmd.calls; i += 1) {
        const t = performance.now();
        reply = await call(page);
        ms.push(performance.now() - t);
      }
      const requests = engine.totalRequests() / cmd.calls;
      const r = reply as { ok: boolean; data?: { items: unknown[]; total: number }; error?: unknown };
      if (!r.ok) throw new Error(`feed failed: ${JSON.stringify(r.error)}`);
      ms.sort((a, b) => a - b);
      return {
        page,
        p50: percentile(ms, 0.5),
        p95: percentile(ms, 0.95),
        max: ms[ms.length - 1],
        requests,
        items: r.data!.items.length,
        total: r.data!.total,
      };
    };
    const pages = [await measure(1), await measure(5)];
    return { ...cmd, announcements: total, reachesMe, pages };
  } finally {
    await cloud.local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.on('message', (message: { id: number; cmd: { name: string } & Partial<FeedCmd> }) => {
  const { id, cmd } = message;
  const run = cmd.name === 'feed' ? feed(cmd as FeedCmd) : Promise.reject(new Error(`unknown ${cmd.name}`));
  run.then(
    (data) => process.send?.({ id, data }),
    (e: unknown) => process.send?.({ id, data: { error: String((e as Error)?.stack ?? e) } }),
  );
});
process.send?.({ type: 'ready', url: '' });
