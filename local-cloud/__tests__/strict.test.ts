/**
 * Strict mode (issue 10): transactions conflict as CloudBase's do — first committer wins, the loser's
 * commit fails at once with DATABASE_TRANSACTION_CONFLICT, wx-server-sdk's runTransaction retries it
 * (3 more times) and then rethrows the reply; and a query no declared index serves fails.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud, type WxDatabase } from '../src';

let cloud: LocalCloud;
beforeEach(() => {
  cloud = createLocalCloud({
    dataDir: mkdtempSync(join(tmpdir(), 'strict-')),
    now: () => Date.parse('2026-11-24T02:00:00Z'),
    strict: true,
    collections: [
      {
        name: 'items',
        indexes: [
          { name: 'owner_created', keys: { owner: 1, createdAt: -1 } },
          { name: 'tags', keys: { tags: 1 } },
        ],
      },
    ],
  });
});
afterEach(() => cloud.local.close());

describe('strict transactions', () => {
  test('two transactions on one document: the second to commit fails with the conflict code', async () => {
    const db = cloud.database();
    await db.collection('items').add({ data: { _id: 'a', n: 0 } });
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    const n1 = (await t1.collection('items').doc('a').get()).data.n as number;
    const n2 = (await t2.collection('items').doc('a').get()).data.n as number;
    await t1
      .collection('items')
      .doc('a')
      .update({ data: { n: n1 + 1 } });
    await t2
      .collection('items')
      .doc('a')
      .update({ data: { n: n2 + 1 } }); // no waiting turn
    await t1.commit();
    await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await db.collection('items').doc('a').get()).data.n).toBe(1);
  });

  test('a document read in the transaction and changed by a commit since is a conflict too', async () => {
    const db = cloud.database();
    await db.collection('items').add({ data: { _id: 'a', n: 0 } });
    await db.collection('items').add({ data: { _id: 'b', n: 0 } });
    const t = await db.startTransaction();
    await t.collection('items').doc('a').get();
    await db
      .collection('items')
      .doc('a')
      .update({ data: { n: 5 } });
    await t
      .collection('items')
      .doc('b')
      .update({ data: { n: 1 } });
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await db.collection('items').doc('b').get()).data.n).toBe(0);
  });

  test('runTransaction retries a conflicted commit 3 times, then rethrows the reply and stores nothing', async () => {
    const db = cloud.database();
    await db.collection('items').add({ data: { _id: 'a', n: 0 } });
    await db.collection('items').add({ data: { _id: 'b', n: 0 } });
    let attempts = 0;
    const started = Date.now();
    const failure = await db
      .runTransaction(async (t: WxDatabase) => {
        attempts += 1;
        const a = (await t.collection('items').doc('a').get()).data;
        await t
          .collection('items')
          .doc('b')
          .update({ data: { n: 1 } });
        // Someone else commits a change to `a` every time, before this transaction does.
        await db
          .collection('items')
          .doc('a')
          .update({ data: { n: db.command.inc(1) } });
        await t
          .collection('items')
          .doc('a')
          .update({ data: { n: a.n + 100 } });
      })
      .catch((e: unknown) => e);
    expect(attempts).toBe(4);
    expect(failure).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(failure).not.toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(1000); // no held replies
    expect((await db.collection('items').doc('a').get()).data.n).toBe(4);
    expect((await db.collection('items').doc('b').get()).data.n).toBe(0);
  });
});

describe('strict indexes', () => {
  test('a filter on no index fails, naming the collection, the fields and the indexes', async () => {
    const err = await cloud
      .database()
      .collection('items')
      .where({ n: 1 })
      .get()
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/no declared index serves this query on items: filter on n uses no index/);
    expect((err as Error).message).toMatch(/owner_created\(owner, createdAt desc\)/);
  });

  test('prefix of a compound index, equality then sort, multikey, _id and $or branches are served', async () => {
    const db = cloud.database();
    const _ = db.command;
    const items = db.collection('items');
    await items.add({ data: { _id: 'x', owner: 'o', tags: ['a', 'b'], createdAt: 1 } });
    expect((await items.where({ owner: 'o' }).get()).data).toHaveLength(1);
    expect((await items.where({ owner: 'o' }).orderBy('createdAt', 'desc').get()).data).toHaveLength(1);
    expect((await items.where({ owner: 'o' }).orderBy('createdAt', 'asc').get()).data).toHaveLength(1);
    expect((await items.where({ tags: 'a' }).get()).data).toHaveLength(1);
    expect((await items.where({ _id: _.in(['x', 'y']) }).get()).data).toHaveLength(1);
    expect((await items.where(_.or([{ owner: 'o' }, { tags: 'b' }])).get()).data).toHaveLength(1);
    expect((await items.aggregate().match({ owner: 'o' }).sort({ createdAt: -1 }).end()).list).toHaveLength(1);
  });

  test('a sort the index cannot deliver after the filter, a scan, and an $or with an unserved branch fail', async () => {
    const db = cloud.database();
    const _ = db.command;
    const items = db.collection('items');
    await expect(items.where({ owner: 'o' }).orderBy('n', 'asc').get()).rejects.toThrow(/sort on n asc/);
    await expect(items.where({ createdAt: _.gt(0) }).get()).rejects.toThrow(/filter on createdAt uses no index/);
    await expect(items.get()).rejects.toThrow(/whole collection would be scanned/);
    await expect(items.where(_.or([{ owner: 'o' }, { n: 1 }])).get()).rejects.toThrow(/filter on n uses no index/);
    await expect(items.aggregate().group({ _id: '$owner' }).end()).rejects.toThrow(/whole collection/);
  });

  test('the lenient default checks nothing; inspect() exempts a test’s own reads', async () => {
    await expect(
      cloud.local.engine.inspect(() => cloud.database().collection('items').where({ n: 1 }).get()),
    ).resolves.toBeDefined();
  });
});
