/**
 * A real crash of the proposal function in the middle of a merge job: a child process
 * (mergeCrash-writer.ts) starts a 300-proposal merge through the real `proposal.merge` and is killed
 * with SIGKILL between two of its transactions, inside a batch. On the same data directory, reopened
 * here (strict runtime): what was merged is merged whole (link, back link, audit entry, message
 * together), the cluster stays locked; once the dead driver's lease runs out the `proposalJobs` timer
 * picks the job up from its saved cursor, redoes the cut batch without merging anything twice, and at
 * the end every counter equals a recompute, every proposal is merged exactly once, and the claims are
 * given back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import {
  MERGE_BUSY_MESSAGE,
  collections,
  type MergeOutput,
  type MergeStatusOutput,
  type Reply,
} from '@shishi/shared-types';
import type { JobDoc } from '../common/jobs';
import { MERGE_TX } from '../proposal/merging';
import type { ProposalDoc } from '../proposal/model';
import { timerTriggers } from '../registry';
import { runAndKill } from '../../local-cloud/__tests__/helpers';
import { clusterFacts, snapshot } from './mergeFixtures';
import { NOV, failure, ok, worldOn } from './world';

const WRITER = join(__dirname, 'mergeCrash-writer.ts');
const N = 300;
/** The kill is sent at this transaction's commit: 12 × MERGE_TX proposals merged, inside the third batch. */
const KILL_AT_COMMIT = 12;

const dirs: string[] = [];
const clouds: LocalCloud[] = [];

afterAll(async () => {
  for (const cloud of clouds) await cloud.local.close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('a merge job killed mid-batch is resumed by the timer: every proposal merged once, counters equal a recompute', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shishi-merge-crash-'));
  dirs.push(dataDir);
  let ready: { keepId: string; clock: number } | null = null;
  let commits = 0;
  const { signal } = await runAndKill(
    WRITER,
    [dataDir, String(NOV), String(N)],
    (line) => {
      const r = /^READY (\S+) (\d+)$/.exec(line);
      if (r) ready = { keepId: r[1], clock: Number(r[2]) };
      if (line.startsWith('DONE')) throw new Error(`the merge finished its first slice before the kill: ${line}`);
      if (line === 'COMMIT') commits += 1;
      return commits >= KILL_AT_COMMIT;
    },
    100_000,
  );
  expect(signal).toBe('SIGKILL');
  const { keepId, clock: writerClock } = ready as unknown as { keepId: string; clock: number };

  let clock = writerClock + 1000;
  const cloud = createLocalCloud({ dataDir, collections, now: () => clock, strict: true });
  clouds.push(cloud);
  const db = cloud.database();
  const world = worldOn(cloud, {
    now: () => clock,
    set: (ms) => (clock = ms),
    tick: () => undefined,
    close: async () => undefined,
  });
  const call = (action: string, data: unknown): Promise<Reply<unknown>> =>
    world.call('demo-research', 'proposal', action, data);
  const jobs = (await cloud.local.engine.inspect(() =>
    db.collection('jobs').where({ kind: 'proposal.merge' }).get(),
  )) as {
    data: JobDoc[];
  };
  expect(jobs.data).toHaveLength(1);
  const job = jobs.data[0];
  expect(job.status).toBe('running');
  const ids = (job.params as { ids: string[] }).ids;
  expect(ids).toHaveLength(N);

  // 1. Cut off inside a batch: what was merged is merged whole, link and back link, audit entry and message.
  const keep = (await world.doc<ProposalDoc>('proposals', keepId))!;
  const linked = new Set(keep.mergedFrom.map((m) => m._id));
  const mid = await snapshot(world, ids);
  const merged = mid.filter((d) => d.status === 'merged');
  // Whole transactions only (the kill lands at the 12th commit or, on a slow machine, a little after).
  expect(merged.length % MERGE_TX).toBe(0);
  expect(merged.length).toBeGreaterThanOrEqual(KILL_AT_COMMIT * MERGE_TX);
  expect(merged.length).toBeLessThan(N);
  expect(new Set(merged.map((d) => d._id))).toEqual(linked);
  expect(merged.every((d) => d.mergedInto === keepId && d.backerCount === 0)).toBe(true);
  expect(await world.count('auditLog', { action: 'merge', to: 'merged' })).toBe(merged.length);
  expect(await world.count('messages', { kind: 'proposalMerged' })).toBe(merged.length);
  // The cut batch is not saved: the cursor is at the start of a batch, at or behind what was merged.
  expect((job.state as { phase: string; i: number }).phase).toBe('apply');
  expect((job.state as { i: number }).i).toBeLessThanOrEqual(merged.length);
  // The cluster stays locked through the crash.
  expect(mid.every((d) => d.mergeJob === job._id)).toBe(true);
  const busy = failure(await call('merge', { keepId: ids[N - 1], mergeIds: [ids[N - 2]] }));
  expect(busy.message).toContain(MERGE_BUSY_MESSAGE);

  // 2. The timer leaves a job whose driver still holds the lease, then takes it over from the cursor.
  const timer = timerTriggers.find((t) => t.function === 'proposal' && t.name === 'proposalJobs')!;
  expect(await timer.run(cloud, new Date(clock))).toMatchObject({ resumed: 0 });
  clock = new Date(job.leaseUntil).getTime() + 1000;
  for (let run = 0; run < 20; run += 1) {
    await timer.run(cloud, new Date(clock));
    clock += 60_000;
    if ((await world.doc<JobDoc>('jobs', job._id))!.status !== 'running') break;
  }
  const status = ok<MergeStatusOutput>(await call('mergeStatus', { jobId: job._id }));
  expect(status.job.status).toBe('done');
  expect(status.result!.merged).toEqual(ids);

  // 3. Every proposal merged exactly once; counters equal a recompute; claims given back.
  const after = (await world.doc<ProposalDoc>('proposals', keepId))!;
  expect(after.mergedFrom.map((m) => m._id).sort()).toEqual([...ids].sort());
  const rows = await snapshot(world, [keepId, ...ids]);
  expect(rows.slice(1).every((d) => d.status === 'merged' && d.mergedInto === keepId)).toBe(true);
  expect(await world.count('auditLog', { action: 'merge', to: 'merged' })).toBe(N);
  expect(await world.count('messages', { kind: 'proposalMerged' })).toBe(N);
  for (const id of [ids[0], ids[KILL_AT_COMMIT * MERGE_TX - 1], ids[KILL_AT_COMMIT * MERGE_TX], ids[N - 1]]) {
    expect(await world.count('auditLog', { action: 'merge', targetId: id })).toBe(1);
  }
  const facts = await clusterFacts(world, keepId, ids);
  expect(after.backerCount).toBe(facts.people);
  expect(facts.credits).toBe(facts.people);
  for (const d of rows) {
    const r = facts.recomputed.get(d._id)!;
    expect([d._id, d.supportCount, d.backerCount, 0, d.mergeJob]).toEqual([
      d._id,
      r.supportCount,
      r.backerCount,
      r.waiting,
      null,
    ]);
  }
  // Free again: a small merge into the kept proposal answers at once.
  const extra = ok<MergeOutput>(await call('merge', { keepId, mergeIds: ids.slice(0, 1) }));
  expect(extra).toMatchObject({ merged: [], job: null });
}, 180_000);
