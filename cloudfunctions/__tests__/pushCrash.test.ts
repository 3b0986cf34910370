/**
 * A drain killed with SIGKILL mid-send (pushCrash-drainer.ts in a child process), then drained again on
 * the same data directory: no worker gets the push twice, and every worker got it except those whose
 * send was in flight when the process died (recorded `unknown`, never sent again: at most once).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, subscribeTopics } from '@shishi/shared-types';
import { runAndKill } from '../../local-cloud/__tests__/helpers';
import { drainPushes, grantId, LEASE_MS, type PushGrantDoc, type PushSendDoc } from '../common/push';
import { NOV } from './world';

const DRAINER = join(__dirname, 'pushCrash-drainer.ts');
const WORKERS = 200;
/** Sends handed over before the kill (at 25 a tick, the kill lands inside a tick). */
const OUT_TARGET = 90;
const TEMPLATE = subscribeTopics.projectNews.templateId;

let dataDir = '';
let cloud: LocalCloud | undefined;
afterAll(async () => {
  await cloud?.local.close().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('after a kill -9 mid-drain the next drain sends the rest: nobody twice, nothing lost but what was in flight', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shishi-pushcrash-'));
  const before: string[] = [];
  let ready = 0;
  const { signal } = await runAndKill(
    DRAINER,
    [dataDir, String(NOV), String(WORKERS)],
    (line) => {
      const r = /^READY (\d+)$/.exec(line);
      if (r) ready = Number(r[1]);
      const m = /^OUT (\S+)$/.exec(line);
      if (m) before.push(m[1]);
      return before.length >= OUT_TARGET;
    },
    50_000,
  );
  expect(signal).toBe('SIGKILL');
  expect(ready).toBeGreaterThan(0);
  expect(new Set(before).size).toBe(before.length);
  expect(before.length).toBeGreaterThanOrEqual(OUT_TARGET);
  expect(before.length).toBeLessThan(WORKERS);

  // Later: the dead drain's claims have run out their lease.
  let clock = ready + LEASE_MS + 60_000;
  cloud = createLocalCloud({ dataDir, collections, now: () => clock, strict: true });
  const sim = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
  let recovered = 0;
  for (let round = 0; round < 20; round += 1) {
    const r = await drainPushes(cloud, new Date(clock), { clock: sim, sendsPerSecond: 25 });
    recovered += r.recovered;
    if (!r.more) break;
  }
  const after = cloud.local.openapi.outbox.map((m) => m.touser);
  expect(new Set(after).size).toBe(after.length);
  // Nobody twice.
  expect(after.filter((o) => before.includes(o))).toEqual([]);

  const db = cloud.database();
  const rows = (
    (await cloud.local.engine.inspect(() =>
      db.collection('pushSends').where({ itemId: 'crash' }).limit(1000).get(),
    )) as { data: PushSendDoc[] }
  ).data;
  expect(rows).toHaveLength(WORKERS);
  const unknown = rows.filter((r) => r.status === 'unknown').map((r) => r._id.slice('crash_'.length));
  expect(recovered).toBe(unknown.length);
  // Only what was in flight (at most one tick of 25) is unknown; everyone else got it exactly once.
  expect(unknown.length).toBeLessThanOrEqual(25);
  const delivered = new Set([...before, ...after]);
  for (const r of rows) {
    const openid = r._id.slice('crash_'.length);
    if (r.status === 'sent') expect(delivered.has(openid)).toBe(true);
    else expect(r.status).toBe('unknown');
  }
  const missing = rows.map((r) => r.openid).filter((o) => !delivered.has(o));
  expect(missing.every((o) => unknown.includes(o))).toBe(true);
  // Each worker's grant was taken at most once (two accepts: one or two left).
  const grants = (
    (await cloud.local.engine.inspect(() =>
      db.collection('pushGrants').where({ templateId: TEMPLATE }).limit(1000).get(),
    )) as { data: PushGrantDoc[] }
  ).data;
  expect(grants).toHaveLength(WORKERS);
  for (const g of grants) {
    expect(g._id).toBe(grantId(g.openid, TEMPLATE));
    expect(g.oneTime).toBeGreaterThanOrEqual(1);
    if (delivered.has(g.openid)) expect(g.oneTime).toBe(1);
  }
}, 90_000);
