/**
 * Unique indexes (MongoDB semantics: a write that would give two documents the same key fails with
 * E11000 and is not applied; a missing field indexes as null), as the local runtime declares them with
 * `collections: [{ name, indexes: [{ name, keys, unique: true }] }]`.
 */
import type { CollectionSpec, LocalCloud, WxDatabase } from '../src';
import { openCloud, rejection, tempDir, removeTempDirs } from './helpers';

const COLLECTIONS: CollectionSpec[] = [
  { name: 'users', indexes: [{ name: 'openid_1', keys: { openid: 1 }, unique: true }] },
  { name: 'signups', indexes: [{ name: 'event_1_user_1', keys: { event: 1, user: 1 }, unique: true }] },
  { name: 'plain' },
];

const dataDir = tempDir();
let cloud: LocalCloud;
let db: WxDatabase;

beforeAll(() => {
  cloud = openCloud({ dataDir, collections: COLLECTIONS });
  db = cloud.database();
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await db.collection(collection).where(where).count()).total;
}

describe('unique index', () => {
  test('a second add with the same key rejects with E11000 (DATABASE_DUPLICATE_WRITE: errCode -501001 through wx-server-sdk) and stores nothing', async () => {
    await db.collection('users').add({ data: { openid: 'o-dup', name: 'first' } });
    const err = await rejection(db.collection('users').add({ data: { openid: 'o-dup', name: 'second' } }));
    expect(err.errCode).toBe(-501001);
    expect(err.message).toMatch(/E11000/);
    expect(err.message).toMatch(/openid_1/);
    expect(await count('users', { openid: 'o-dup' })).toBe(1);
    expect(await count('users', { name: 'second' })).toBe(0);
  });

  test('a batch add containing a duplicate stores none of the batch', async () => {
    await db.collection('users').add({ data: { openid: 'o-batch-existing' } });
    const err = await rejection(
      db.collection('users').add({ data: [{ openid: 'o-batch-new' }, { openid: 'o-batch-existing' }] }),
    );
    expect(err.message).toMatch(/E11000/);
    expect(await count('users', { openid: 'o-batch-new' })).toBe(0);
  });

  test('a batch add with the same key twice stores none of it', async () => {
    const err = await rejection(db.collection('users').add({ data: [{ openid: 'o-twice' }, { openid: 'o-twice' }] }));
    expect(err.message).toMatch(/E11000/);
    expect(await count('users', { openid: 'o-twice' })).toBe(0);
  });

  test('an update that would collide rejects and changes nothing', async () => {
    const a = await db.collection('users').add({ data: { openid: 'o-a', name: 'A' } });
    const b = await db.collection('users').add({ data: { openid: 'o-b', name: 'B' } });
    const err = await rejection(
      db
        .collection('users')
        .doc(b._id)
        .update({ data: { openid: 'o-a', name: 'B2' } }),
    );
    expect(err.errCode).toBe(-501001);
    expect(err.message).toMatch(/E11000/);
    expect((await db.collection('users').doc(b._id).get()).data).toEqual({ _id: b._id, openid: 'o-b', name: 'B' });
    expect((await db.collection('users').doc(a._id).get()).data).toEqual({ _id: a._id, openid: 'o-a', name: 'A' });
  });

  test('doc().set() that would collide rejects and changes nothing', async () => {
    await db.collection('users').add({ data: { openid: 'o-set-a' } });
    const b = await db.collection('users').add({ data: { openid: 'o-set-b', keep: true } });
    await expect(
      db
        .collection('users')
        .doc(b._id)
        .set({ data: { openid: 'o-set-a' } }),
    ).rejects.toThrow(/E11000/);
    expect((await db.collection('users').doc(b._id).get()).data).toEqual({ _id: b._id, openid: 'o-set-b', keep: true });
  });

  test('updating a document without changing its key is fine', async () => {
    const a = await db.collection('users').add({ data: { openid: 'o-self', n: 1 } });
    await db
      .collection('users')
      .doc(a._id)
      .update({ data: { openid: 'o-self', n: 2 } });
    expect((await db.collection('users').doc(a._id).get()).data.n).toBe(2);
  });

  test('a key freed by a removal or an update can be taken again', async () => {
    const a = await db.collection('users').add({ data: { openid: 'o-free' } });
    await db.collection('users').doc(a._id).remove();
    await db.collection('users').add({ data: { openid: 'o-free' } });
    const b = await db.collection('users').add({ data: { openid: 'o-moving' } });
    await db
      .collection('users')
      .doc(b._id)
      .update({ data: { openid: 'o-moved' } });
    await db.collection('users').add({ data: { openid: 'o-moving' } });
    expect(await count('users', { openid: 'o-free' })).toBe(1);
    expect(await count('users', { openid: 'o-moving' })).toBe(1);
  });

  test('a compound unique index only rejects the same combination', async () => {
    await db.collection('signups').add({ data: { event: 'e1', user: 'u1' } });
    await db.collection('signups').add({ data: { event: 'e1', user: 'u2' } });
    await db.collection('signups').add({ data: { event: 'e2', user: 'u1' } });
    await expect(db.collection('signups').add({ data: { event: 'e1', user: 'u1' } })).rejects.toThrow(/E11000/);
    expect(await count('signups')).toBe(3);
  });

  test('a missing key field indexes as null: two documents without it collide', async () => {
    await db.collection('users').add({ data: { name: 'no openid 1' } });
    await expect(db.collection('users').add({ data: { name: 'no openid 2' } })).rejects.toThrow(/E11000/);
  });

  test('a duplicate _id rejects with E11000 in any collection', async () => {
    await db.collection('plain').add({ data: { _id: 'same', v: 1 } });
    const err = await rejection(db.collection('plain').add({ data: { _id: 'same', v: 2 } }));
    expect(err.errCode).toBe(-501001);
    expect(err.message).toMatch(/E11000/);
    expect((await db.collection('plain').doc('same').get()).data.v).toBe(1);
  });

  test('20 concurrent adds with the same key: exactly one succeeds, one document stored', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_v, i) => db.collection('users').add({ data: { openid: 'o-race', attempt: i } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(String(r.reason.message)).toMatch(/E11000/);
    expect(await count('users', { openid: 'o-race' })).toBe(1);
  });

  test('20 concurrent updates moving different documents onto one key: exactly one lands', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await db.collection('users').add({ data: { openid: `o-mover-${i}` } }))._id);
    const results = await Promise.allSettled(
      ids.map((id) =>
        db
          .collection('users')
          .doc(id)
          .update({ data: { openid: 'o-target' } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await count('users', { openid: 'o-target' })).toBe(1);
  });
});

describe('after a restart', () => {
  test('the unique index still rejects duplicates of documents stored before the restart', async () => {
    await db.collection('users').add({ data: { openid: 'o-persisted' } });
    await cloud.local.close();
    cloud = openCloud({ dataDir, collections: COLLECTIONS });
    db = cloud.database();
    expect(await count('users', { openid: 'o-persisted' })).toBe(1);
    await expect(db.collection('users').add({ data: { openid: 'o-persisted' } })).rejects.toThrow(/E11000/);
    // Nothing rejected before the restart was stored.
    expect(await count('users', { openid: 'o-race' })).toBe(1);
    expect(await count('users', { name: 'second' })).toBe(0);
  });

  test('the index is kept with the data: reopening without declaring collections still enforces it', async () => {
    await cloud.local.close();
    cloud = openCloud({ dataDir });
    db = cloud.database();
    await expect(db.collection('users').add({ data: { openid: 'o-persisted' } })).rejects.toThrow(/E11000/);
    await expect(db.collection('signups').add({ data: { event: 'e1', user: 'u1' } })).rejects.toThrow(/E11000/);
    expect(await count('users', { openid: 'o-persisted' })).toBe(1);
  });
});
