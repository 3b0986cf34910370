/**
 * A transaction's first write of a document that another live transaction has written waits for that one
 * to end (as a row lock would), then writes on the newer version: concurrent "add + _.inc" transactions
 * commit without conflicts and retries. A wait that would close a cycle, or outlasts the limit, is not
 * made; then the first commit wins, as without waiting.
 */
import type { LocalCloud, WxDatabase } from '../src';
import { openCloud, removeTempDirs } from './helpers';

let cloud: LocalCloud;
let db: WxDatabase;
let _: WxDatabase;

beforeAll(() => {
  cloud = openCloud({ collections: [{ name: 'counters' }, { name: 'answers' }] });
  db = cloud.database();
  _ = db.command;
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

const value = async (id: string) => (await db.collection('counters').doc(id).get()).data.n as number;
const inc = (t: WxDatabase, id: string, by = 1) =>
  t
    .collection('counters')
    .doc(id)
    .update({ data: { n: _.inc(by) } });

function settledFlag(p: Promise<unknown>): { settled: boolean } {
  const flag = { settled: false };
  p.then(
    () => (flag.settled = true),
    () => (flag.settled = true),
  );
  return flag;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the second writer waits for the first to commit, then both commit', async () => {
  await db.collection('counters').add({ data: { _id: 'a', n: 0 } });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1.collection('answers').add({ data: { _id: 'a1' } });
  await t2.collection('answers').add({ data: { _id: 'a2' } });
  await inc(t1, 'a');
  const second = inc(t2, 'a');
  const flag = settledFlag(second);
  await sleep(50);
  expect(flag.settled).toBe(false);
  await t1.commit();
  await second;
  await t2.commit();
  expect(await value('a')).toBe(2);
  expect((await db.collection('answers').count()).total).toBe(2);
});

test('a rolled-back first writer lets the second go on the version it left', async () => {
  await db.collection('counters').add({ data: { _id: 'b', n: 0 } });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await inc(t1, 'b', 10);
  const second = inc(t2, 'b');
  await sleep(20);
  await t1.rollback();
  await second;
  await t2.commit();
  expect(await value('b')).toBe(1);
});

test('50 concurrent "add the answer, _.inc the counter" transactions: no conflicts, no retries', async () => {
  await db.collection('counters').add({ data: { _id: 'c', n: 0 } });
  const engine = cloud.local.engine;
  engine.resetCounts();
  await Promise.all(
    Array.from({ length: 50 }, (_v, i) =>
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('answers').add({ data: { _id: `c${i}` } });
        await inc(t, 'c');
      }),
    ),
  );
  expect(await value('c')).toBe(50);
  expect(engine.requestCounts.get('database.commitTransaction')).toBe(50);
  expect(engine.requestCounts.get('database.startTransaction')).toBe(50);
});

test('a wait that would close a cycle is not made: no hang, the first commit wins', async () => {
  await db.collection('counters').add({
    data: [
      { _id: 'x', n: 0 },
      { _id: 'y', n: 0 },
    ],
  });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await inc(t1, 'x');
  await inc(t2, 'y');
  const t1y = inc(t1, 'y'); // waits for t2
  await sleep(20);
  const started = Date.now();
  await inc(t2, 'x'); // t1 waits for t2: waiting for t1 would deadlock, so it goes ahead
  expect(Date.now() - started).toBeLessThan(500);
  await t2.commit();
  await t1y;
  const err = (await t1.commit().catch((e: unknown) => e)) as { code?: string };
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect([await value('x'), await value('y')]).toEqual([1, 1]);
});

test('a holder that never ends is waited for at most a second; then the first commit wins', async () => {
  await db.collection('counters').add({ data: { _id: 'z', n: 0 } });
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await inc(t1, 'z');
  const started = Date.now();
  await inc(t2, 'z');
  const waited = Date.now() - started;
  expect(waited).toBeGreaterThanOrEqual(900);
  expect(waited).toBeLessThan(3000);
  await t2.commit();
  const err = (await t1.commit().catch((e: unknown) => e)) as { code?: string };
  expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await value('z')).toBe(1);
});
