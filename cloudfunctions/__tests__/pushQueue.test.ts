/**
 * Push queue on the strict local runtime (cloudfunctions/common/push.ts): one item per key, the drain
 * sends only where the ledger has a grant (one-time consumed, long-term not), cancelled items stop,
 * transient failures are retried with backoff, permanent ones recorded, and two drains at once never
 * send a worker the same item twice.
 */
import { retryDelayMs, subscribeTopics } from '@shishi/shared-types';
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
import { ok, worldPerTest, type World } from './world';

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
  await drainPushes(world.cloud, new Date(world.now()), { clock: simClock(world) });
  const reached = ws.filter((w) => outboxFor(world, w).length === 1);
  expect(reached).toEqual([ws[0], ws[2]]);
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
