/**
 * Push queue on the strict local runtime (cloudfunctions/common/push.ts): one item per key, the drain
 * sends only where the ledger has a grant (one-time consumed, long-term not), cancelled items stop,
 * transient failures are retried with backoff, permanent ones recorded, and two drains at once never
 * send a worker the same item twice.
 */
import { retryDelayMs, subscribeTopics, type PushLedger } from '@shishi/shared-types';
import { createCtx } from '../common/context';
import {
  cancelPushes,
  drainPushes,
  enqueuePush,
  grantId,
  pushStats,
  type DrainClock,
  type PushRequest,
} from '../common/push';
import { workers } from './surveyFixtures';
import { failure, ok, worldPerTest, type World } from './world';

const world = worldPerTest();
const TEMPLATE = subscribeTopics.projectNews.templateId;

function ctxOf(w: World) {
  return createCtx(w.cloud, 'test', new Date(w.now()));
}

/** A simulated clock starting at the world's time: sleeping moves it, nothing waits. */
function simClock(w: World): DrainClock {
  let t = w.now();
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      w.setNow(t);
    },
  };
}

function request(openids: string[], key = 'k1', id = 'a1'): PushRequest {
  return {
    topic: 'projectNews',
    audience: { kind: 'people', openids },
    data: {
      thing1: { value: '职工食堂' },
      thing2: { value: '服务时间改到周六' },
      time3: { value: '2026-11-24 10:00' },
    },
    page: 'packages/project/pages/detail/index?id=p1',
    source: { type: 'announcement', id },
    key,
  };
}

/** The worker taps 订阅 and accepts the template `times` times (binding a profile first when needed). */
async function grant(w: World, openid: string, times = 1): Promise<void> {
  if (!(await w.doc('users', openid)))
    ok(await w.call(openid, 'profile', 'bind', { name: '测试职工', orgId: 'gr-zs-sanitation' }));
  for (let i = 0; i < times; i += 1)
    ok(await w.call(openid, 'push', 'subscribe', { results: { [TEMPLATE]: 'accept' } }));
}

function outboxFor(w: World, openid: string) {
  return w.cloud.local.openapi.outbox.filter((m) => m.touser === openid && m.templateId === TEMPLATE);
}

test('a worker with a one-time grant gets one message and the grant is used; no grant, no send', async () => {
  await grant(world, 'w-a');
  await enqueuePush(ctxOf(world), request(['w-a', 'w-b']));
  const summary = await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(summary).toMatchObject({ fannedOut: 2, sent: 1 });
  expect(outboxFor(world, 'w-a')).toHaveLength(1);
  expect(outboxFor(world, 'w-a')[0].page).toBe('packages/project/pages/detail/index?id=p1');
  expect(outboxFor(world, 'w-b')).toHaveLength(0);
  expect(await world.doc('pushGrants', grantId('w-a', TEMPLATE))).toMatchObject({ oneTime: 0 });
  expect(await pushStats(ctxOf(world), { type: 'announcement', id: 'a1' })).toEqual({
    pushed: 1,
    failed: 0,
    pending: 0,
    noGrant: 1,
    cancelled: 0,
  });
});

test('a second enqueue with the same key does nothing', async () => {
  await grant(world, 'w-a', 3);
  await enqueuePush(ctxOf(world), request(['w-a']));
  await enqueuePush(ctxOf(world), request(['w-a']));
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(await world.count('pushQueue')).toBe(1);
  expect(outboxFor(world, 'w-a')).toHaveLength(1);
  expect(await world.doc('pushGrants', grantId('w-a', TEMPLATE))).toMatchObject({ oneTime: 2 });
});

test('cancelled pushes are not sent', async () => {
  await grant(world, 'w-a');
  await enqueuePush(ctxOf(world), request(['w-a']));
  expect(await cancelPushes(ctxOf(world), { type: 'announcement', id: 'a1' })).toBe(0);
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(outboxFor(world, 'w-a')).toHaveLength(0);
  expect(await world.doc('pushGrants', grantId('w-a', TEMPLATE))).toMatchObject({ oneTime: 1 });
});

test('an org audience reaches the workers bound in the subtree', async () => {
  const ws = await workers(world, 4, ['gr-zs-sanitation', 'gr-xg-hotel']);
  for (const w of ws) await grant(world, w);
  await enqueuePush(ctxOf(world), {
    ...request([]),
    audience: { kind: 'org', orgId: 'gr-zs-sanitation', groups: [] },
  });
  // Queued, not fanned out yet: the whole audience is pending (not 0, "nothing to send").
  const audience = await world.count('users', { orgPath: 'gr-zs-sanitation' });
  expect(audience).toBeGreaterThanOrEqual(2);
  expect(await pushStats(ctxOf(world), { type: 'announcement', id: 'a1' })).toMatchObject({
    pushed: 0,
    pending: audience,
  });
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  const reached = ws.filter((w) => outboxFor(world, w).length === 1);
  expect(reached).toEqual([ws[0], ws[2]]);
  const after = await pushStats(ctxOf(world), { type: 'announcement', id: 'a1' });
  expect(after).toMatchObject({ pending: 0, pushed: 2 });
  expect(after.pushed + after.noGrant).toBe(audience);
});

test('a transient error is retried after its backoff, a permanent one is recorded as failed', async () => {
  await grant(world, 'w-a');
  await grant(world, 'w-b');
  const openapi = world.cloud.local.openapi;
  const send = openapi.surface().subscribeMessage.send;
  let busy = 1;
  const api = world.cloud.openapi as unknown as { subscribeMessage: { send: typeof send } };
  api.subscribeMessage.send = async (args) => {
    if (args.touser === 'w-a' && busy-- > 0) throw Object.assign(new Error('system busy'), { errCode: -1 });
    if (args.touser === 'w-b') throw Object.assign(new Error('argument invalid'), { errCode: 47003 });
    return send(args);
  };
  await enqueuePush(ctxOf(world), request(['w-a', 'w-b']));
  const first = await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(first).toMatchObject({ sent: 0, retried: 1, failed: 1 });
  expect(await world.doc('pushSends', 'k1_w-b')).toMatchObject({ status: 'failed', errCode: 47003 });
  expect(await world.doc('pushSends', 'k1_w-a')).toMatchObject({ status: 'pending', errCode: -1, attempts: 1 });
  // Not before the backoff is over.
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(outboxFor(world, 'w-a')).toHaveLength(0);
  world.setNow(world.now() + retryDelayMs(1));
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(outboxFor(world, 'w-a')).toHaveLength(1);
  expect(await world.doc('pushSends', 'k1_w-a')).toMatchObject({ status: 'sent', errCode: 0, attempts: 2 });
  // The failed send used its grant (WeChat saw the call), the retried one used exactly one.
  expect(await world.doc('pushGrants', grantId('w-a', TEMPLATE))).toMatchObject({ oneTime: 0 });
});

test('two drains at once: each worker gets the push once and one grant is used', async () => {
  const ws = await workers(world, 30, ['gr-zs-sanitation']);
  for (const w of ws) await grant(world, w, 2);
  await enqueuePush(ctxOf(world), request(ws));
  const [a, b] = await Promise.all([
    drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world), sendsPerSecond: 7, owner: 'a' }),
    drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world), sendsPerSecond: 7, owner: 'b' }),
  ]);
  expect(a.sent + b.sent).toBe(30);
  expect(a.fannedOut + b.fannedOut).toBe(30);
  for (const w of ws) {
    expect(outboxFor(world, w)).toHaveLength(1);
    expect(await world.doc('pushGrants', grantId(w, TEMPLATE))).toMatchObject({ oneTime: 1 });
  }
  // The item's fan-out count kept at write time equals a recount of its rows.
  expect(await world.doc('pushQueue', 'k1')).toMatchObject({
    status: 'done',
    fanned: await world.count('pushSends', { itemId: 'k1' }),
  });
});

test('two pushes to a worker with one grant: one is sent, the other has no grant', async () => {
  await grant(world, 'w-a');
  await enqueuePush(ctxOf(world), request(['w-a'], 'k1', 'a1'));
  await enqueuePush(ctxOf(world), request(['w-a'], 'k2', 'a2'));
  await Promise.all([
    drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) }),
    drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) }),
  ]);
  expect(outboxFor(world, 'w-a')).toHaveLength(1);
  const stats = [
    await pushStats(ctxOf(world), { type: 'announcement', id: 'a1' }),
    await pushStats(ctxOf(world), { type: 'announcement', id: 'a2' }),
  ];
  expect(stats.map((s) => s.pushed + s.noGrant)).toEqual([1, 1]);
  expect(stats[0].pushed + stats[1].pushed).toBe(1);
});

test('a drain stops within its time budget and the next one goes on where it stopped', async () => {
  const openids = Array.from({ length: 450 }, (_, k) => `p-${String(k).padStart(3, '0')}`);
  const granted = [0, 1, 2, 3, 4, 449].map((k) => openids[k]);
  for (const o of granted) await grant(world, o);
  await enqueuePush(ctxOf(world), request(openids));
  const clock = simClock(world);
  // 450 people (fan-out at 200 a page), 6 with a grant, sends paced at 1 a second: a 3 s budget cannot do it all.
  const first = await drainPushes(world.cloud, new Date(clock.now()), { clock, sendsPerSecond: 1, budgetMs: 3000 });
  expect(first.elapsedMs).toBeLessThanOrEqual(3000);
  // Between runs every worker is counted once: sent, no grant, or still pending.
  const mid = await pushStats(ctxOf(world), { type: 'announcement', id: 'a1' });
  expect(mid.pending).toBeGreaterThan(0);
  expect(mid.pushed + mid.failed + mid.noGrant + mid.pending).toBe(450);
  const runs = [first];
  while (runs[runs.length - 1].more && runs.length < 20)
    runs.push(await drainPushes(world.cloud, new Date(clock.now()), { clock, sendsPerSecond: 1, budgetMs: 3000 }));
  expect(runs.length).toBeGreaterThan(1);
  expect(runs.reduce((n, r) => n + r.fannedOut, 0)).toBe(450);
  expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(6);
  for (const o of granted) expect(outboxFor(world, o)).toHaveLength(1);
  expect(await pushStats(ctxOf(world), { type: 'announcement', id: 'a1' })).toMatchObject({ pushed: 6, noGrant: 444 });
});

test('push.subscribe refuses template ids not in the configuration and stores nothing', async () => {
  await grant(world, 'w-a', 0);
  const reply = await world.call('w-a', 'push', 'subscribe', { results: { 'tmpl-x': 'accept', [TEMPLATE]: 'accept' } });
  expect(failure(reply)).toMatchObject({
    code: 'INVALID_INPUT',
    fields: [{ path: 'results.tmpl-x', message: '没有这个订阅消息模板' }],
  });
  expect(failure(await world.call('w-a', 'push', 'subscribe', { results: { [TEMPLATE]: 'yes' } })).code).toBe(
    'INVALID_INPUT',
  );
  expect(failure(await world.call('w-a', 'push', 'subscribe', {})).code).toBe('INVALID_INPUT');
  expect(await world.count('pushGrants')).toBe(0);
  // Only an admin runs a drain by hand.
  expect(failure(await world.call('w-a', 'push', 'drain', {})).code).toBe('FORBIDDEN');
});

test('a long-term grant is used for every push and not consumed; 43101 takes it away', async () => {
  const ctx = ctxOf(world);
  ok(await world.call('w-l', 'profile', 'bind', { name: '测试职工', orgId: 'gr-zs-sanitation' }));
  // A long-term template (configured by TARO_APP_TMPL_<TOPIC>_KIND=longTerm): stored on the item at enqueue.
  ok(await world.call('w-l', 'push', 'subscribe', { results: { [TEMPLATE]: 'accept' } }));
  await world.cloud.local.engine.inspect(() =>
    world.cloud
      .database()
      .collection('pushGrants')
      .doc(grantId('w-l', TEMPLATE))
      .update({ data: { oneTime: 0, longTerm: true } }),
  );
  for (const key of ['l1', 'l2', 'l3']) {
    await enqueuePush(ctx, request(['w-l'], key));
    await world.cloud.local.engine.inspect(() =>
      world.cloud
        .database()
        .collection('pushQueue')
        .doc(key)
        .update({ data: { kind: 'longTerm' } }),
    );
  }
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(outboxFor(world, 'w-l')).toHaveLength(3);
  expect(await world.doc('pushGrants', grantId('w-l', TEMPLATE))).toMatchObject({ longTerm: true, oneTime: 0 });
  const api = world.cloud.openapi as unknown as { subscribeMessage: { send: (a: unknown) => Promise<unknown> } };
  api.subscribeMessage.send = async () => {
    throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 });
  };
  await enqueuePush(ctx, request(['w-l'], 'l4'));
  await world.cloud.local.engine.inspect(() =>
    world.cloud
      .database()
      .collection('pushQueue')
      .doc('l4')
      .update({ data: { kind: 'longTerm' } }),
  );
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  expect(await world.doc('pushSends', 'l4_w-l')).toMatchObject({ status: 'failed', errCode: 43101 });
  expect(await world.doc('pushGrants', grantId('w-l', TEMPLATE))).toMatchObject({ longTerm: false, last: 'refused' });
  const ledger = ok<PushLedger>(await world.call('w-l', 'push', 'ledger', {}));
  expect(ledger.topics.find((t) => t.topic === 'projectNews')).toMatchObject({ canReceive: false, last: 'refused' });
});
