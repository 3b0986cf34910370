/**
 * In-place updates (src/patch.ts): `$inc` / `$set` of plain values on a stored document give exactly
 * what mingo gives on a copy (values, new-field order, "not modified"), inside and outside transactions;
 * what they cannot do goes the old way with the old errors; they are stored as patches that a restart
 * (clean or after SIGKILL) replays, and folded into the document after MAX_PATCHES.
 */
import { update as mingoUpdate } from 'mingo';
import type { LocalCloud, WxDatabase } from '../src';
import { clone, type Doc } from '../src/ejson';
import { applyPatch, compilePatch, patchChanges } from '../src/patch';
import { MAX_PATCHES } from '../src/store';
import { openCloud, rejection, removeTempDirs, tempDir } from './helpers';

afterAll(() => removeTempDirs());

/** mingo's result on a copy, as the engine computed every update before. */
function byMingo(doc: Doc, modifier: Doc): { after: Doc; changed: boolean } {
  const after = clone(doc);
  const changed = mingoUpdate(after, modifier as never, undefined, undefined, { cloneMode: 'deep' });
  return { after, changed: changed.length > 0 };
}

function byPatch(doc: Doc, modifier: Doc, indexed: string[] = []): { after: Doc; changed: boolean } | null {
  const ops = compilePatch(doc, modifier, indexed);
  if (!ops) return null;
  const after = clone(doc);
  const changed = patchChanges(after, ops);
  applyPatch(after, ops);
  return { after, changed };
}

describe('patch = mingo', () => {
  const base: Doc = {
    _id: 'x',
    surveyId: 's',
    n: 1,
    c: { a: 2, 'd:dist/q1/x': 5 },
    at: new Date(10),
    label: 'old',
    nothing: null,
  };
  const cases: Array<[string, Doc]> = [
    ['$inc existing', { $inc: { n: 2, 'c.a': -2 } }],
    ['$inc missing field', { $inc: { m: 1, 'c.new': 3 } }],
    ['$inc missing parents', { $inc: { 'deep.er.est': 1, 'c.sub.x': 1 } }],
    ['$inc by zero (not modified)', { $inc: { n: 0 } }],
    ['$inc by zero on a missing field (modified)', { $inc: { zero: 0 } }],
    ['$inc fractions', { $inc: { n: 0.1, 'c.a': 0.2 } }],
    ['$set equal values (not modified)', { $set: { label: 'old', at: new Date(10), nothing: null } }],
    ['$set new values', { $set: { label: 'new', at: new Date(20), flag: true, 'c.s': 'x', nothing: 1 } }],
    ['$set over an object', { $set: { c: 5 } }],
    ['both', { $inc: { 'c.a': 1, 'c.b': 1 }, $set: { updatedAt: new Date(99) } }],
  ];
  test.each(cases)('%s', (_name, modifier) => {
    const patched = byPatch(base, modifier);
    expect(patched).not.toBeNull();
    const expected = byMingo(base, modifier);
    expect(patched!.after).toEqual(expected.after);
    expect(Object.keys(patched!.after)).toEqual(Object.keys(expected.after));
    expect(Object.keys(patched!.after.c as Doc)).toEqual(Object.keys(expected.after.c as Doc));
    expect(patched!.changed).toBe(expected.changed);
  });

  test('a patch changes its document in place and copies a $set date', () => {
    const doc = clone(base);
    const when = new Date(30);
    const ops = compilePatch(doc, { $inc: { 'c.a': 1 }, $set: { at: when } }, [])!;
    applyPatch(doc, ops);
    expect((doc.c as Doc).a).toBe(3);
    expect(doc.at).toEqual(when);
    expect(doc.at).not.toBe(when);
  });

  const refused: Array<[string, Doc]> = [
    ['other operators', { $push: { list: 1 } }],
    ['$unset', { $unset: { n: '' } }],
    ['an object value', { $set: { c: { a: 1 } } }],
    ['an array value', { $set: { list: [1] } }],
    ['through an array', { $inc: { 'arr.0': 1 } }],
    ['a numeric segment', { $inc: { 'c.0': 1 } }],
    ['a positional path', { $inc: { 'arr.$.x': 1 } }],
    ['_id', { $set: { _id: 'y' } }],
    ['__proto__', { $set: { '__proto__.x': 1 } }],
    ['a parent and its child', { $inc: { c: 1, 'c.a': 1 } }],
    ['the same path twice', { $inc: { n: 1 }, $set: { n: 2 } }],
    ['$inc on a string', { $inc: { label: 1 } }],
    ['$inc on null', { $inc: { nothing: 1 } }],
    ['under a scalar', { $inc: { 'n.x': 1 } }],
    ['an indexed field', { $set: { surveyId: 't' } }],
    ['under an indexed field', { $set: { 'idx.sub': 1 } }],
  ];
  test.each(refused)('not patched: %s', (_name, modifier) => {
    const doc = { ...base, arr: [{ x: 1 }], idx: { sub: 0 } };
    expect(compilePatch(doc, modifier, ['surveyId', 'idx'])).toBeNull();
  });
});

describe('through the SDK', () => {
  let cloud: LocalCloud;
  let db: WxDatabase;
  let _: WxDatabase;
  beforeAll(() => {
    cloud = openCloud({
      collections: [{ name: 'counters', indexes: [{ name: 'owner', keys: { owner: 1 } }] }, { name: 'answers' }],
    });
    db = cloud.database();
    _ = db.command;
  });
  afterAll(async () => {
    await cloud.local.close();
  });
  const get = async (id: string) => (await db.collection('counters').doc(id).get()).data as Doc;

  test('update reports "not modified" as before', async () => {
    await db.collection('counters').add({ data: { _id: 'nm', n: 1, label: 'a' } });
    const same = await db
      .collection('counters')
      .doc('nm')
      .update({ data: { n: _.inc(0), label: 'a' } });
    expect(same.stats.updated).toBe(0);
    const changed = await db
      .collection('counters')
      .doc('nm')
      .update({ data: { n: _.inc(2), 'c.new': _.inc(1) } });
    expect(changed.stats.updated).toBe(1);
    expect(await get('nm')).toEqual({ _id: 'nm', n: 3, label: 'a', c: { new: 1 } });
  });

  test('an update of an indexed field still moves the document in the index', async () => {
    await db.collection('counters').add({ data: { _id: 'own', owner: 'a', n: 0 } });
    await db
      .collection('counters')
      .doc('own')
      .update({ data: { owner: 'b', n: _.inc(1) } });
    expect((await db.collection('counters').where({ owner: 'a' }).get()).data).toEqual([]);
    expect((await db.collection('counters').where({ owner: 'b' }).get()).data).toEqual([
      { _id: 'own', owner: 'b', n: 1 },
    ]);
  });

  test("errors stay MongoDB's: $inc on a string", async () => {
    await db.collection('counters').add({ data: { _id: 'str', n: 'text' } });
    const err = await rejection(
      db
        .collection('counters')
        .doc('str')
        .update({ data: { n: _.inc(1) } }),
    );
    expect(err.message).toMatch(/Cannot apply \$inc to a value of non-numeric type/);
  });

  test('a document read before an update keeps what it read', async () => {
    await db.collection('counters').add({ data: { _id: 'snap', c: { a: 1 } } });
    const before = await get('snap');
    await db
      .collection('counters')
      .doc('snap')
      .update({ data: { 'c.a': _.inc(1) } });
    expect(before).toEqual({ _id: 'snap', c: { a: 1 } });
    expect(await get('snap')).toEqual({ _id: 'snap', c: { a: 2 } });
  });

  test('in a transaction: invisible until commit, read back by the transaction, gone on rollback', async () => {
    await db.collection('counters').add({ data: { _id: 'tx', c: { a: 1 } } });
    const t = await db.startTransaction();
    await t.collection('answers').add({ data: { _id: 'ans1' } });
    const res = await t
      .collection('counters')
      .doc('tx')
      .update({ data: { 'c.a': _.inc(1), 'c.b': _.inc(5) } });
    expect(res.stats.updated).toBe(1);
    expect(await get('tx')).toEqual({ _id: 'tx', c: { a: 1 } });
    expect((await t.collection('counters').doc('tx').get()).data).toEqual({ _id: 'tx', c: { a: 2, b: 5 } });
    await t
      .collection('counters')
      .doc('tx')
      .update({ data: { 'c.a': _.inc(1) } });
    await t.commit();
    expect(await get('tx')).toEqual({ _id: 'tx', c: { a: 3, b: 5 } });

    const r = await db.startTransaction();
    await r
      .collection('counters')
      .doc('tx')
      .update({ data: { 'c.a': _.inc(100) } });
    await r.rollback();
    expect(await get('tx')).toEqual({ _id: 'tx', c: { a: 3, b: 5 } });
  });

  test('in a transaction: a plain write in between still fails the commit', async () => {
    await db.collection('counters').add({ data: { _id: 'cf', n: 0 } });
    const t = await db.startTransaction();
    await t
      .collection('counters')
      .doc('cf')
      .update({ data: { n: _.inc(1) } });
    await db
      .collection('counters')
      .doc('cf')
      .update({ data: { n: _.inc(10) } });
    const err = (await t.commit().catch((e: unknown) => e)) as { code?: string };
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await get('cf')).n).toBe(10);
  });

  test('a failed commit (duplicate key) applies none of its writes, the patch included', async () => {
    await db.collection('counters').add({ data: { _id: 'dup', n: 0 } });
    await db.collection('answers').add({ data: { _id: 'taken' } });
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t
          .collection('counters')
          .doc('dup')
          .update({ data: { n: _.inc(1) } });
        await t.collection('answers').add({ data: { _id: 'taken' } });
      }),
    ).rejects.toMatchObject({
      errCode: -501001, // DATABASE_DUPLICATE_WRITE: wx-server-sdk has no errCode of its own for it
      message: expect.stringContaining('E11000 duplicate key error collection: answers'),
    });
    expect((await get('dup')).n).toBe(0);
  });
});

describe('stored as patches', () => {
  test('a restart replays the patches, and folds them after MAX_PATCHES', async () => {
    const dataDir = tempDir();
    const first = openCloud({ dataDir, collections: [{ name: 'counters' }, { name: 'answers' }] });
    const db1 = first.database();
    const _ = db1.command;
    await db1.collection('counters').add({ data: { _id: 'k', c: {}, at: new Date(1) } });
    const n = MAX_PATCHES * 2 + 7;
    for (let i = 0; i < n; i++) {
      await db1.runTransaction(async (t: WxDatabase) => {
        await t.collection('answers').add({ data: { _id: `a${i}`, i } });
        await t
          .collection('counters')
          .doc('k')
          .update({ data: { [`c.v${i % 5}`]: _.inc(1), 'c.n': _.inc(1), at: new Date(i) } });
      });
    }
    await db1
      .collection('counters')
      .doc('plain')
      .set({ data: { x: 1 } });
    await db1
      .collection('counters')
      .doc('plain')
      .update({ data: { x: _.inc(1) } });
    const expected = (await db1.collection('counters').doc('k').get()).data;
    await first.local.close();

    for (let round = 0; round < 2; round++) {
      const again = openCloud({ dataDir, collections: [{ name: 'counters' }, { name: 'answers' }] });
      const db = again.database();
      expect((await db.collection('counters').doc('k').get()).data).toEqual(expected);
      expect(expected).toMatchObject({ c: { n: n }, at: new Date(n - 1) });
      expect((await db.collection('counters').doc('plain').get()).data).toEqual({ _id: 'plain', x: 2 });
      expect((await db.collection('answers').count()).total).toBe(n);
      // New writes continue from the replayed version.
      await db
        .collection('counters')
        .doc('k')
        .update({ data: { 'c.n': _.inc(0) } });
      await again.local.close();
    }
  });

  test('a document written whole or removed after patches does not get them back', async () => {
    const dataDir = tempDir();
    const first = openCloud({ dataDir, collections: [{ name: 'counters' }] });
    const db1 = first.database();
    const _ = db1.command;
    await db1.collection('counters').add({
      data: [
        { _id: 'w', n: 0 },
        { _id: 'r', n: 0 },
      ],
    });
    for (let i = 0; i < 3; i++) {
      await db1
        .collection('counters')
        .doc('w')
        .update({ data: { n: _.inc(1) } });
      await db1
        .collection('counters')
        .doc('r')
        .update({ data: { n: _.inc(1) } });
    }
    await db1
      .collection('counters')
      .doc('w')
      .set({ data: { n: 100 } });
    await db1.collection('counters').doc('r').remove();
    await db1
      .collection('counters')
      .doc('w')
      .update({ data: { n: _.inc(1) } });
    await first.local.close();

    const again = openCloud({ dataDir, collections: [{ name: 'counters' }] });
    const db = again.database();
    expect((await db.collection('counters').get()).data).toEqual([{ _id: 'w', n: 101 }]);
    await again.local.close();
  });
});
