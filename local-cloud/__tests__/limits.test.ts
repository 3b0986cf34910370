/**
 * Result-size limits of server-side reads (wx-server-sdk documents: `get()` returns 100 records by
 * default and at most 1000), and the errors for what the local runtime does not do: an unsupported
 * operator or stage is rejected with errCode -502002 naming it, never answered with a wrong result;
 * an unknown collection is -502005.
 */
import type { LocalCloud, WxDatabase } from '../src';
import { openCloud, rejection, removeTempDirs } from './helpers';

let cloud: LocalCloud;
let db: WxDatabase;
let _: WxDatabase;
let $: WxDatabase;

const TOTAL = 1500;

beforeAll(async () => {
  cloud = openCloud({ collections: [{ name: 'bulk' }, { name: 'places' }] });
  db = cloud.database();
  _ = db.command;
  $ = _.aggregate;
  await db.collection('bulk').add({ data: Array.from({ length: TOTAL }, (_v, i) => ({ i })) });
  await db.collection('places').add({ data: { name: 'office', loc: new db.Geo.Point(121.6, 38.9) } });
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

describe('get() limits', () => {
  test('get() without limit returns 100', async () => {
    const res = await db.collection('bulk').get();
    expect(res.data).toHaveLength(100);
  });

  test('where().get() without limit returns 100 of the matches', async () => {
    const res = await db
      .collection('bulk')
      .where({ i: _.gte(500) })
      .get();
    expect(res.data).toHaveLength(100);
    expect(res.data.every((d: { i: number }) => d.i >= 500)).toBe(true);
  });

  test('.limit(1000) returns 1000', async () => {
    const res = await db.collection('bulk').limit(1000).get();
    expect(res.data).toHaveLength(1000);
  });

  test('.limit(5000) is capped to 1000', async () => {
    const res = await db.collection('bulk').limit(5000).get();
    expect(res.data).toHaveLength(1000);
  });

  test('.limit(10) returns 10', async () => {
    expect((await db.collection('bulk').limit(10).get()).data).toHaveLength(10);
  });

  test('paging with skip reaches every document', async () => {
    const seen = new Set<number>();
    for (let offset = 0; offset < TOTAL; offset += 1000) {
      const res = await db.collection('bulk').orderBy('i', 'asc').skip(offset).limit(1000).get();
      for (const d of res.data as Array<{ i: number }>) seen.add(d.i);
    }
    expect(seen.size).toBe(TOTAL);
  });

  test('count() is not limited', async () => {
    expect((await db.collection('bulk').count()).total).toBe(TOTAL);
  });
});

describe('unsupported operators and stages are errors (-502002) that name them', () => {
  test('_.geoNear in a query', async () => {
    const err = await rejection(
      db
        .collection('places')
        .where({ loc: _.geoNear({ geometry: new db.Geo.Point(121.6, 38.9), maxDistance: 1000 }) })
        .get(),
    );
    expect(err.errCode).toBe(-502002);
    // The SDK sends geoNear as $nearSphere: the error names both.
    expect(err.message).toMatch(/geoNear/);
    expect(err.message).toMatch(/\$nearSphere/);
  });

  test('_.geoWithin in a query', async () => {
    const area = new db.Geo.Polygon([
      new db.Geo.LineString([
        new db.Geo.Point(121, 38),
        new db.Geo.Point(122, 38),
        new db.Geo.Point(122, 39),
        new db.Geo.Point(121, 38),
      ]),
    ]);
    const err = await rejection(
      db
        .collection('places')
        .where({ loc: _.geoWithin({ geometry: area }) })
        .get(),
    );
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/geoWithin/);
  });

  test('the $geoNear aggregation stage', async () => {
    const err = await rejection(
      db
        .collection('places')
        .aggregate()
        .geoNear({ distanceField: 'distance', spherical: true, near: new db.Geo.Point(121.6, 38.9) })
        .end(),
    );
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/\$geoNear/);
  });

  test('an unknown expression operator in addFields', async () => {
    const err = await rejection(
      db
        .collection('bulk')
        .aggregate()
        .addFields({ x: { $foo: '$i' } })
        .end(),
    );
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/\$foo/);
  });

  test('an unknown accumulator in group', async () => {
    const err = await rejection(
      db
        .collection('bulk')
        .aggregate()
        .group({ _id: null, x: { $median2: '$i' } })
        .end(),
    );
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/\$median2/);
  });

  test('an unknown expression operator inside a known one', async () => {
    const err = await rejection(
      db
        .collection('bulk')
        .aggregate()
        .project({ y: $.add(['$i', { $bar: 1 }]) })
        .end(),
    );
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/\$bar/);
  });

  test('an unknown query operator', async () => {
    const err = await rejection(
      db
        .collection('bulk')
        .where({ i: _.expr({ $nope: 1 }) })
        .get(),
    );
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/\$nope/);
  });
});

describe('collections', () => {
  test('an unknown collection is an error (-502005)', async () => {
    const err = await rejection(db.collection('no_such_collection').get());
    expect(err.errCode).toBe(-502005);
    expect(err.message).toMatch(/no_such_collection/);
    await expect(db.collection('no_such_collection').add({ data: { a: 1 } })).rejects.toMatchObject({
      errCode: -502005,
    });
    await expect(db.collection('no_such_collection').where({}).count()).rejects.toMatchObject({ errCode: -502005 });
    await expect(
      db
        .collection('no_such_collection')
        .doc('x')
        .update({ data: { a: 1 } }),
    ).rejects.toMatchObject({
      errCode: -502005,
    });
    await expect(db.collection('no_such_collection').where({ a: 1 }).remove()).rejects.toMatchObject({
      errCode: -502005,
    });
    await expect(db.collection('no_such_collection').aggregate().end()).rejects.toMatchObject({ errCode: -502005 });
  });

  test('createCollection, then add and read work', async () => {
    await db.createCollection('created_later');
    const { _id } = await db.collection('created_later').add({ data: { a: 1 } });
    expect((await db.collection('created_later').doc(_id).get()).data).toEqual({ _id, a: 1 });
  });

  test('createCollection of an existing collection fails', async () => {
    await db.createCollection('created_twice');
    await expect(db.createCollection('created_twice')).rejects.toMatchObject({
      errCode: -502001,
      message: expect.stringContaining('collection created_twice already exists'),
    });
  });
});
