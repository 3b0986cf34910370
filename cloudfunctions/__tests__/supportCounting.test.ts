/**
 * 附议 counted exactly once (proposal/supportCounting.ts), through wx-server-sdk on the local runtime:
 * replies hold the counts after the support is counted, a support whose counting was cut off stays
 * stored, waits, and is counted once by the settling timer, and the counters equal a recompute.
 */
import type { SupportOutput } from '@shishi/shared-types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProposalDoc } from '../proposal/model';
import {
  countSupport,
  recomputeSupports,
  settleSupportsUpTo,
  SUPPORT_SETTLE_AFTER_MS,
  SUPPORT_SETTLE_EVERY_MS,
  type StoredSupport,
} from '../proposal/supportCounting';
import { timerTriggers } from '../registry';
import { workers } from './surveyFixtures';
import { ok, worldPerTest } from './world';

const world = worldPerTest();

const support = (openid: string, proposalId: string) => world.call(openid, 'proposal', 'support', { proposalId });
const unsupport = (openid: string, proposalId: string) => world.call(openid, 'proposal', 'unsupport', { proposalId });
const settleTimer = timerTriggers.find((t) => t.function === 'proposal' && t.name === 'settleSupports')!;
/** The counting update of a proposal (the request's, or a settling's). */
const countingUpdate = (p: Record<string, unknown>) => p.collectionName === 'proposals';

async function counters(id: string) {
  const d = (await world.doc<ProposalDoc>('proposals', id))!;
  return { supportCount: d.supportCount, backerCount: d.backerCount };
}

/** What the stored supports say: counted ones, and those stored and waiting. */
const recomputed = (id: string) =>
  world.cloud.local.engine.inspect(() => recomputeSupports(world.cloud.database(), id));

async function storedSupports(proposalId: string): Promise<StoredSupport[]> {
  const res = await world.cloud.local.engine.inspect(() =>
    world.cloud.database().collection('supports').where({ proposalId }).limit(1000).get(),
  );
  return (res as { data: StoredSupport[] }).data;
}

describe('replies tell the true count', () => {
  it('10 concurrent repeats all reply the count with the support in it', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => support('demo-worker', 'seed-p3')));
    for (const r of replies) {
      expect(ok<SupportOutput>(r)).toEqual({
        proposalId: 'seed-p3',
        supportedByMe: true,
        supportCount: 1,
        backerCount: 2,
      });
    }
    expect(await world.count('supports', { proposalId: 'seed-p3' })).toBe(1);
    expect(await recomputed('seed-p3')).toEqual({ ...(await counters('seed-p3')), waiting: 0 });
    expect(await world.count('auditLog', { targetId: 'seed-p3', action: 'support' })).toBe(1);
  });

  it('concurrent supports of different people: each reply counts its own, all are counted once', async () => {
    const people = await workers(world, 8, ['gr-zs-mall', 'gr-tr-bus']);
    const replies = await Promise.all(people.map((p) => support(p, 'seed-p6')));
    for (const r of replies) expect(ok<SupportOutput>(r).supportCount).toBeGreaterThanOrEqual(1);
    expect(Math.max(...replies.map((r) => ok<SupportOutput>(r).supportCount))).toBe(8);
    expect(await counters('seed-p6')).toEqual({ supportCount: 8, backerCount: 9 });
    expect(await recomputed('seed-p6')).toEqual({ supportCount: 8, backerCount: 9, waiting: 0 });
  });
});

describe('a support whose counting was cut off', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('is stored, shows as waiting, and the settling timer counts it exactly once', async () => {
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate);
    const cut = ok<SupportOutput>(await support('demo-worker', 'seed-p2'));
    expect(cut).toEqual({ proposalId: 'seed-p2', supportedByMe: true, supportCount: 0, backerCount: 1 });
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/stored, counting left to settling/), expect.anything());
    expect(await storedSupports('seed-p2')).toHaveLength(1);
    expect(await recomputed('seed-p2')).toEqual({ supportCount: 0, backerCount: 1, waiting: 1 });
    // Too young: its request might still be running.
    expect(await settleTimer.run(world.cloud, new Date(world.now() + SUPPORT_SETTLE_EVERY_MS))).toMatchObject({
      counted: 0,
    });
    expect(await counters('seed-p2')).toEqual({ supportCount: 0, backerCount: 1 });
    world.setNow(world.now() + SUPPORT_SETTLE_AFTER_MS + SUPPORT_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 1 });
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    world.setNow(world.now() + SUPPORT_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    expect(await counters('seed-p2')).toEqual({ supportCount: 1, backerCount: 2 });
    expect(await recomputed('seed-p2')).toEqual({ supportCount: 1, backerCount: 2, waiting: 0 });
    expect(await world.count('auditLog', { targetId: 'seed-p2', action: 'support' })).toBe(1);
    // Marks below the watermark are dropped.
    const p = (await world.doc<ProposalDoc & { sm?: Record<string, number> }>('proposals', 'seed-p2'))!;
    expect(Object.keys(p.sm ?? {})).toEqual([]);
    // A repeat changes nothing; withdrawing counts down once.
    expect(ok<SupportOutput>(await support('demo-worker', 'seed-p2'))).toMatchObject({ supportCount: 1 });
    expect(ok<SupportOutput>(await unsupport('demo-worker', 'seed-p2'))).toMatchObject({ supportCount: 0 });
    expect(await recomputed('seed-p2')).toEqual({ supportCount: 0, backerCount: 1, waiting: 0 });
  });

  it('is counted by the worker trying again, and the reply says so', async () => {
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate);
    expect(ok<SupportOutput>(await support('demo-worker', 'seed-p2')).supportCount).toBe(0);
    expect(ok<SupportOutput>(await support('demo-worker', 'seed-p2'))).toMatchObject({ supportCount: 1 });
    world.setNow(world.now() + SUPPORT_SETTLE_AFTER_MS + SUPPORT_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    expect(await recomputed('seed-p2')).toEqual({ supportCount: 1, backerCount: 2, waiting: 0 });
  });

  it('withdrawn before it was counted, it is never counted', async () => {
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate);
    ok(await support('demo-worker', 'seed-p2'));
    const [late] = await storedSupports('seed-p2');
    expect(ok<SupportOutput>(await unsupport('demo-worker', 'seed-p2'))).toMatchObject({ supportCount: 0 });
    // The cut-off request's counting arriving late, and settling: nothing.
    expect(await countSupport(world.cloud.database(), late, new Date(world.now()))).toBe(false);
    world.setNow(world.now() + SUPPORT_SETTLE_AFTER_MS + SUPPORT_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    expect(await counters('seed-p2')).toEqual({ supportCount: 0, backerCount: 1 });
    // Supporting again is a new support, counted.
    expect(ok<SupportOutput>(await support('demo-worker', 'seed-p2'))).toMatchObject({ supportCount: 1 });
    expect(await recomputed('seed-p2')).toEqual({ supportCount: 1, backerCount: 2, waiting: 0 });
  });

  it('settlings and late countings racing over the same supports count each exactly once', async () => {
    const people = await workers(world, 6, ['gr-zs-mall']);
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate, 6);
    const replies = await Promise.all(people.map((p) => support(p, 'seed-p5')));
    for (const r of replies) expect(ok<SupportOutput>(r).supportedByMe).toBe(true);
    expect(await recomputed('seed-p5')).toMatchObject({ waiting: 6 });
    world.setNow(world.now() + SUPPORT_SETTLE_AFTER_MS + SUPPORT_SETTLE_EVERY_MS);
    const db = world.cloud.database();
    const now = new Date(world.now());
    const cutoff = new Date(world.now() - SUPPORT_SETTLE_AFTER_MS);
    const stored = await storedSupports('seed-p5');
    const runs = await Promise.all([
      settleSupportsUpTo(db, cutoff, now),
      settleSupportsUpTo(db, cutoff, now),
      ...stored.map((s) => countSupport(db, s, now)),
    ]);
    const counted = (runs[0] as { counted: number }).counted + (runs[1] as { counted: number }).counted;
    expect(counted + runs.slice(2).filter((r) => r === true).length).toBe(6);
    expect(await counters('seed-p5')).toEqual({ supportCount: 6, backerCount: 7 });
    expect(await recomputed('seed-p5')).toEqual({ supportCount: 6, backerCount: 7, waiting: 0 });
  });

  it('in a merge cluster: counted once into the kept proposal’s backers, and withdrawn once', async () => {
    ok(await world.call('demo-district', 'proposal', 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8', 'seed-p9'] }));
    const before = await counters('seed-p1');
    expect(await recomputed('seed-p1')).toEqual({ ...before, waiting: 0 });
    const [a, b] = await workers(world, 2, ['gr-zs-mall']);
    // Cut off: waiting, not credited.
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate);
    ok(await support(a, 'seed-p1'));
    expect(await recomputed('seed-p1')).toEqual({ ...before, waiting: 1 });
    // A merge's recount meanwhile credits only what is counted.
    ok(await world.call('demo-district', 'proposal', 'unmerge', { proposalId: 'seed-p9' }));
    ok(await world.call('demo-district', 'proposal', 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p9'] }));
    expect(await counters('seed-p1')).toEqual(before);
    // Concurrent repeats of another person count once.
    const replies = await Promise.all(Array.from({ length: 4 }, () => support(b, 'seed-p1')));
    for (const r of replies) expect(ok<SupportOutput>(r).backerCount).toBe(before.backerCount + 1);
    world.setNow(world.now() + SUPPORT_SETTLE_AFTER_MS + SUPPORT_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 1 });
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    const after = await counters('seed-p1');
    expect(after).toEqual({ supportCount: before.supportCount + 2, backerCount: before.backerCount + 2 });
    expect(await recomputed('seed-p1')).toEqual({ ...after, waiting: 0 });
    expect(await world.count('credits', { rootId: 'seed-p1', person: a })).toBe(1);
    const out = await Promise.all(Array.from({ length: 3 }, () => unsupport(a, 'seed-p1')));
    for (const r of out) expect(ok<SupportOutput>(r).supportedByMe).toBe(false);
    expect(await counters('seed-p1')).toEqual({
      supportCount: after.supportCount - 1,
      backerCount: after.backerCount - 1,
    });
    expect(await recomputed('seed-p1')).toEqual({ ...(await counters('seed-p1')), waiting: 0 });
    // Undoing the merge recounts both from what is counted.
    ok(await world.call('demo-district', 'proposal', 'unmerge', { proposalId: 'seed-p8' }));
    for (const id of ['seed-p1', 'seed-p8'])
      expect(await recomputed(id)).toEqual({ ...(await counters(id)), waiting: 0 });
  });

  it('the timer is declared in the function’s config.json on the period the dev host runs it', () => {
    const config = JSON.parse(readFileSync(join(__dirname, '..', 'proposal', 'config.json'), 'utf8'));
    expect(config.triggers).toContainEqual({ name: 'settleSupports', type: 'timer', config: '0 */5 * * * * *' });
    expect(settleTimer.everyMs).toBe(5 * 60_000);
  });
});

describe('cost of a support', () => {
  it('a support takes 7 database requests', async () => {
    const people = await workers(world, 11, ['gr-zs-mall', 'gr-tr-bus']);
    ok(await support(people[10], 'seed-p2'));
    const engine = world.cloud.local.engine;
    engine.resetCounts();
    for (const p of people.slice(0, 10)) ok(await support(p, 'seed-p2'));
    const perSupport = engine.totalRequests() / 10;
    console.log('requests per support', perSupport, Object.fromEntries(engine.requestCounts));
    expect(perSupport).toBe(7);
  });
});
