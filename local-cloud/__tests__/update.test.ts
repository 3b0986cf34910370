/**
 * Update conformance: update operators (`db.command`), set/update/remove on doc() and where(), and
 * `db.serverDate()`, driven through wx-server-sdk, asserting the MongoDB update-operator semantics
 * and the CloudBase result shapes (`stats.updated`, `stats.removed`).
 */
import type { LocalCloud, WxDatabase } from '../src';
import { NOW, openCloud, rejection, removeTempDirs } from './helpers';

let cloud: LocalCloud;
let db: WxDatabase;
let _: WxDatabase;
let seq = 0;

beforeAll(() => {
  cloud = openCloud({ collections: [{ name: 'docs' }, { name: 'many' }] });
  db = cloud.database();
  _ = db.command;
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

/** Adds a document with a fresh id and returns the id. */
async function put(data: Record<string, unknown>): Promise<string> {
  seq += 1;
  const _id = `d${seq}`;
  await db.collection('docs').add({ data: { _id, ...data } });
  return _id;
}

async function read(id: string): Promise<Record<string, unknown>> {
  return (await db.collection('docs').doc(id).get()).data;
}

/** Applies `data` with doc(id).update and returns the stored document. */
async function after(
  initial: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id = await put(initial);
  const res = await db.collection('docs').doc(id).update({ data });
  expect(res.errMsg).toBe('document.update:ok');
  const doc = await read(id);
  delete doc._id;
  return doc;
}

describe('field update operators', () => {
  test('plain values are set; other fields are kept', async () => {
    expect(await after({ a: 1, b: 2 }, { a: 5, c: 'new' })).toEqual({ a: 5, b: 2, c: 'new' });
  });

  test('a nested object in update data sets the listed sub-fields only (the SDK flattens it)', async () => {
    expect(await after({ address: { city: 'Dalian', zip: '116000' } }, { address: { city: 'Shenyang' } })).toEqual({
      address: { city: 'Shenyang', zip: '116000' },
    });
  });

  test('dot paths set nested fields and create missing parents', async () => {
    expect(await after({ a: { b: 1 } }, { 'a.c': 2, 'x.y.z': 3 })).toEqual({ a: { b: 1, c: 2 }, x: { y: { z: 3 } } });
  });

  test('_.set replaces a field with an object as a whole', async () => {
    expect(
      await after({ address: { city: 'Dalian', zip: '116000' } }, { address: _.set({ city: 'Shenyang' }) }),
    ).toEqual({
      address: { city: 'Shenyang' },
    });
  });

  test('_.remove() deletes the field', async () => {
    expect(await after({ a: 1, b: 2, n: { x: 1, y: 2 } }, { b: _.remove(), 'n.x': _.remove() })).toEqual({
      a: 1,
      n: { y: 2 },
    });
  });

  test('_.inc adds (negative subtracts), and creates a missing field', async () => {
    expect(await after({ n: 5, m: 1 }, { n: _.inc(3), m: _.inc(-2), fresh: _.inc(4) })).toEqual({
      n: 8,
      m: -1,
      fresh: 4,
    });
  });

  test('_.inc works on a nested field', async () => {
    expect(await after({ stats: { views: 9 } }, { 'stats.views': _.inc(1) })).toEqual({ stats: { views: 10 } });
    expect(await after({ stats: { views: 9 } }, { stats: { views: _.inc(1) } })).toEqual({ stats: { views: 10 } });
  });

  test('_.mul multiplies, and sets 0 for a missing field', async () => {
    expect(await after({ n: 4 }, { n: _.mul(2.5), fresh: _.mul(3) })).toEqual({ n: 10, fresh: 0 });
  });

  test('_.min / _.max only change the field when the operand is lower / higher', async () => {
    expect(await after({ lo: 5, hi: 5 }, { lo: _.min(3), hi: _.max(3) })).toEqual({ lo: 3, hi: 5 });
    expect(await after({ lo: 5, hi: 5 }, { lo: _.min(8), hi: _.max(8) })).toEqual({ lo: 5, hi: 8 });
  });

  test('_.max compares Dates', async () => {
    const doc = await after({ at: new Date('2024-01-01T00:00:00Z') }, { at: _.max(new Date('2024-06-01T00:00:00Z')) });
    expect((doc.at as Date).toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });

  test('_.rename moves a field to a new name', async () => {
    expect(await after({ old: 1, keep: 2 }, { old: _.rename('renamed') })).toEqual({ renamed: 1, keep: 2 });
  });

  test('updating _id is refused', async () => {
    const id = await put({ a: 1 });
    const err = await rejection(
      db
        .collection('docs')
        .doc(id)
        .update({ data: { _id: 'other' } }),
    );
    expect(err.message).toMatch(/_id/);
    expect(await read(id)).toEqual({ _id: id, a: 1 });
  });
});

describe('array update operators', () => {
  test('_.push appends one or several values', async () => {
    expect(await after({ t: ['a'] }, { t: _.push('b') })).toEqual({ t: ['a', 'b'] });
    expect(await after({ t: ['a'] }, { t: _.push(['b', 'c']) })).toEqual({ t: ['a', 'b', 'c'] });
    expect(await after({}, { t: _.push('x') })).toEqual({ t: ['x'] });
  });

  test('_.push({ each, position }) inserts at a position', async () => {
    expect(await after({ t: ['a', 'd'] }, { t: _.push({ each: ['b', 'c'], position: 1 }) })).toEqual({
      t: ['a', 'b', 'c', 'd'],
    });
  });

  test('_.push({ each, slice }) keeps the first (positive) or last (negative) n', async () => {
    expect(await after({ t: [1, 2] }, { t: _.push({ each: [3, 4], slice: 3 }) })).toEqual({ t: [1, 2, 3] });
    expect(await after({ t: [1, 2] }, { t: _.push({ each: [3, 4], slice: -2 }) })).toEqual({ t: [3, 4] });
  });

  test('_.push({ each, sort }) sorts the array after pushing', async () => {
    expect(await after({ t: [5, 1] }, { t: _.push({ each: [3], sort: 1 }) })).toEqual({ t: [1, 3, 5] });
    expect(await after({ t: [5, 1] }, { t: _.push({ each: [3], sort: -1, slice: 2 }) })).toEqual({ t: [5, 3] });
    expect(await after({ s: [{ n: 2 }, { n: 9 }] }, { s: _.push({ each: [{ n: 5 }], sort: { n: -1 } }) })).toEqual({
      s: [{ n: 9 }, { n: 5 }, { n: 2 }],
    });
  });

  test('_.pop removes the last element, _.shift the first', async () => {
    expect(await after({ t: [1, 2, 3] }, { t: _.pop() })).toEqual({ t: [1, 2] });
    expect(await after({ t: [1, 2, 3] }, { t: _.shift() })).toEqual({ t: [2, 3] });
  });

  test('_.unshift prepends values in order', async () => {
    expect(await after({ t: [3] }, { t: _.unshift([1, 2]) })).toEqual({ t: [1, 2, 3] });
    expect(await after({ t: [3] }, { t: _.unshift(0) })).toEqual({ t: [0, 3] });
  });

  test('_.pull removes every matching element', async () => {
    expect(await after({ t: ['a', 'b', 'a', 'c'] }, { t: _.pull('a') })).toEqual({ t: ['b', 'c'] });
  });

  test('_.pull with a query condition removes the elements it matches', async () => {
    expect(await after({ t: [1, 5, 8, 10] }, { t: _.pull(_.gte(8)) })).toEqual({ t: [1, 5] });
    expect(await after({ t: [1, 5, 8, 10] }, { t: _.pull(_.in([1, 10])) })).toEqual({ t: [5, 8] });
    expect(
      await after(
        {
          s: [
            { k: 'x', v: 1 },
            { k: 'y', v: 2 },
          ],
        },
        { s: _.pull({ k: 'x' }) },
      ),
    ).toEqual({ s: [{ k: 'y', v: 2 }] });
  });

  test('_.pullAll removes all listed values', async () => {
    expect(await after({ t: [1, 2, 3, 2, 4] }, { t: _.pullAll([2, 4]) })).toEqual({ t: [1, 3] });
  });

  test('_.addToSet adds a value only if absent', async () => {
    expect(await after({ t: ['a', 'b'] }, { t: _.addToSet('b') })).toEqual({ t: ['a', 'b'] });
    expect(await after({ t: ['a', 'b'] }, { t: _.addToSet('c') })).toEqual({ t: ['a', 'b', 'c'] });
  });

  test('_.addToSet({ $each }) adds each absent value', async () => {
    expect(await after({ t: ['a', 'b'] }, { t: _.addToSet({ $each: ['b', 'c', 'd'] }) })).toEqual({
      t: ['a', 'b', 'c', 'd'],
    });
  });

  test('an array element by index with a dot path', async () => {
    expect(await after({ t: [{ n: 1 }, { n: 2 }] }, { 't.1.n': _.inc(5) })).toEqual({ t: [{ n: 1 }, { n: 7 }] });
  });
});

describe('operators that do not fit the stored value are refused (MongoDB errors), not skipped', () => {
  test('_.inc / _.mul on a non-numeric field rejects and changes nothing', async () => {
    const id = await put({ s: 'text', nil: null, n: 1 });
    const inc = await rejection(
      db
        .collection('docs')
        .doc(id)
        .update({ data: { s: _.inc(1), n: _.inc(1) } }),
    );
    expect(inc.errCode).toBe(-502001);
    expect(inc.message).toMatch(/non-numeric/);
    await expect(
      db
        .collection('docs')
        .doc(id)
        .update({ data: { s: _.mul(2) } }),
    ).rejects.toThrow(/non-numeric/);
    await expect(
      db
        .collection('docs')
        .doc(id)
        .update({ data: { nil: _.inc(1) } }),
    ).rejects.toThrow(/non-numeric/);
    expect(await read(id)).toEqual({ _id: id, s: 'text', nil: null, n: 1 });
  });

  test('_.inc with a non-numeric argument rejects', async () => {
    const id = await put({ n: 1 });
    await expect(
      db
        .collection('docs')
        .doc(id)
        .update({ data: { n: _.inc('1') } }),
    ).rejects.toThrow(/non-numeric argument/);
    expect(await read(id)).toEqual({ _id: id, n: 1 });
  });

  test('array operators on a non-array field reject and change nothing', async () => {
    const id = await put({ s: 'text', o: { a: 1 } });
    for (const data of [
      { s: _.push('x') },
      { s: _.addToSet('x') },
      { s: _.pop() },
      { o: _.pull(1) },
      { o: _.pullAll([1]) },
      { s: _.unshift('x') },
    ]) {
      await expect(db.collection('docs').doc(id).update({ data })).rejects.toThrow(/non-array/);
    }
    expect(await read(id)).toEqual({ _id: id, s: 'text', o: { a: 1 } });
  });

  test('setting a field under a scalar rejects ("Cannot create field")', async () => {
    const id = await put({ s: 'text' });
    await expect(
      db
        .collection('docs')
        .doc(id)
        .update({ data: { 's.deep': 1 } }),
    ).rejects.toThrow(/Cannot create field/);
    expect(await read(id)).toEqual({ _id: id, s: 'text' });
  });

  test('a multi update where one document does not fit changes none of them', async () => {
    await db.collection('many').add({
      data: [
        { g: 'mixed', v: 1 },
        { g: 'mixed', v: 'one' },
      ],
    });
    await expect(
      db
        .collection('many')
        .where({ g: 'mixed' })
        .update({ data: { v: _.inc(1) } }),
    ).rejects.toThrow(/non-numeric/);
    const values = (await db.collection('many').where({ g: 'mixed' }).get()).data.map((d: { v: unknown }) => d.v);
    expect(values.sort()).toEqual([1, 'one']);
  });
});

describe('doc().set, update results, removal', () => {
  test('doc().set() replaces the whole document (fields not given are gone)', async () => {
    const id = await put({ a: 1, b: 2, nested: { x: 1 } });
    const res = await db
      .collection('docs')
      .doc(id)
      .set({ data: { a: 10, c: 3 } });
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect(await read(id)).toEqual({ _id: id, a: 10, c: 3 });
  });

  test('doc().set() on a missing id creates the document', async () => {
    const res = await db
      .collection('docs')
      .doc('set-new')
      .set({ data: { a: 1 } });
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect(await read('set-new')).toEqual({ _id: 'set-new', a: 1 });
  });

  test('doc().update() of a missing document updates nothing (stats.updated 0) and creates nothing', async () => {
    const res = await db
      .collection('docs')
      .doc('no-such')
      .update({ data: { a: 1 } });
    expect(res.stats.updated).toBe(0);
    expect((await db.collection('docs').where({ _id: 'no-such' }).get()).data).toEqual([]);
  });

  test('where().update() updates every match and reports stats.updated', async () => {
    await db.collection('many').add({
      data: [
        { g: 'x', n: 1 },
        { g: 'x', n: 2 },
        { g: 'x', n: 3 },
        { g: 'y', n: 4 },
      ],
    });
    const res = await db
      .collection('many')
      .where({ g: 'x' })
      .update({ data: { n: _.inc(10), seen: true } });
    expect(res.stats.updated).toBe(3);
    const list = (
      await db
        .collection('many')
        .where({ g: _.in(['x', 'y']) })
        .orderBy('n', 'asc')
        .get()
    ).data;
    expect(list.map((d: { n: number }) => d.n)).toEqual([4, 11, 12, 13]);
    expect(list.filter((d: { seen?: boolean }) => d.seen).length).toBe(3);
  });

  test('where().update() with no match reports 0', async () => {
    const res = await db
      .collection('many')
      .where({ g: 'none' })
      .update({ data: { n: 1 } });
    expect(res.stats.updated).toBe(0);
  });

  test('doc().remove() deletes one document and reports stats.removed', async () => {
    const id = await put({ a: 1 });
    const res = await db.collection('docs').doc(id).remove();
    expect(res.stats.removed).toBe(1);
    await expect(db.collection('docs').doc(id).get()).rejects.toThrow(/does not exist/);
    const again = await db.collection('docs').doc(id).remove();
    expect(again.stats.removed).toBe(0);
  });

  test('where().remove() deletes every match', async () => {
    await db.collection('many').add({ data: [{ g: 'gone' }, { g: 'gone' }, { g: 'stays' }] });
    const res = await db.collection('many').where({ g: 'gone' }).remove();
    expect(res.stats.removed).toBe(2);
    expect((await db.collection('many').where({ g: 'gone' }).count()).total).toBe(0);
    expect((await db.collection('many').where({ g: 'stays' }).count()).total).toBe(1);
  });

  test('add() of several documents at once returns their _ids', async () => {
    const res = await db.collection('many').add({
      data: [
        { g: 'batch', i: 1 },
        { g: 'batch', i: 2 },
      ],
    });
    expect(res._ids).toHaveLength(2);
    expect((await db.collection('many').where({ g: 'batch' }).count()).total).toBe(2);
  });

  test('add() without an _id gets a generated string id', async () => {
    const res = await db.collection('docs').add({ data: { a: 1 } });
    expect(typeof res._id).toBe('string');
    expect(res._id.length).toBeGreaterThan(0);
    expect((await read(res._id)).a).toBe(1);
  });
});

describe('db.serverDate()', () => {
  test('is stored as a Date at the server clock', async () => {
    const res = await db.collection('docs').add({ data: { at: db.serverDate() } });
    const doc = await read(res._id);
    expect(doc.at).toBeInstanceOf(Date);
    expect((doc.at as Date).getTime()).toBe(NOW);
  });

  test('with { offset } adds milliseconds to the server clock', async () => {
    const res = await db
      .collection('docs')
      .add({ data: { later: db.serverDate({ offset: 60_000 }), earlier: db.serverDate({ offset: -1000 }) } });
    const doc = await read(res._id);
    expect((doc.later as Date).getTime()).toBe(NOW + 60_000);
    expect((doc.earlier as Date).getTime()).toBe(NOW - 1000);
  });

  test('works in updates and nested fields', async () => {
    const id = await put({ meta: {} });
    await db
      .collection('docs')
      .doc(id)
      .update({ data: { 'meta.updatedAt': db.serverDate(), touched: db.serverDate({ offset: 5 }) } });
    const doc = await read(id);
    expect(((doc.meta as Record<string, unknown>).updatedAt as Date).getTime()).toBe(NOW);
    expect((doc.touched as Date).getTime()).toBe(NOW + 5);
  });

  test('can be compared against in a query', async () => {
    await db.collection('many').add({ data: { g: 'dated', at: db.serverDate() } });
    const found = await db
      .collection('many')
      .where({ g: 'dated', at: _.lte(new Date(NOW)) })
      .count();
    expect(found.total).toBe(1);
    const none = await db
      .collection('many')
      .where({ g: 'dated', at: _.gt(new Date(NOW)) })
      .count();
    expect(none.total).toBe(0);
  });
});
