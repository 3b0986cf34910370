/**
 * Query conformance: every query goes through wx-server-sdk (`db.collection().where().get()`), and the
 * expected results are the ones the MongoDB query-operator reference and the CloudBase `db.command`
 * documentation give.
 */
import type { LocalCloud, WxDatabase } from '../src';
import { openCloud, rejection, removeTempDirs } from './helpers';

let cloud: LocalCloud;
let db: WxDatabase;
let _: WxDatabase;

const PEOPLE = [
  {
    _id: 'p1',
    name: 'Alice',
    age: 30,
    tags: ['a', 'b'],
    address: { city: 'Dalian', zip: '116000' },
    scores: [
      { subject: 'math', score: 90 },
      { subject: 'art', score: 60 },
    ],
    n: 10,
    joinedAt: new Date('2024-01-10T00:00:00Z'),
  },
  {
    _id: 'p2',
    name: 'bob',
    age: 21,
    tags: ['b'],
    address: { city: 'Shenyang', zip: '110000' },
    scores: [{ subject: 'math', score: 50 }],
    n: 7,
    joinedAt: new Date('2024-02-10T00:00:00Z'),
  },
  {
    _id: 'p3',
    name: 'Carol',
    age: 25,
    tags: ['a', 'b', 'c'],
    address: { city: 'Dalian', zip: '116001' },
    scores: [],
    n: 9,
    nickname: 'cc',
    joinedAt: new Date('2024-03-10T00:00:00Z'),
  },
  {
    _id: 'p4',
    name: 'Dave',
    age: 30,
    tags: [],
    address: { city: 'Beijing', zip: '100000' },
    n: 12,
    nickname: null,
    joinedAt: new Date('2023-12-10T00:00:00Z'),
  },
];

/** The ids a query returns, sorted (order is not part of these assertions). */
async function ids(query: WxDatabase): Promise<string[]> {
  const res = await query.get();
  return (res.data as Array<{ _id: string }>).map((d) => d._id).sort();
}

function people(where: Record<string, unknown>): Promise<string[]> {
  return ids(db.collection('people').where(where));
}

beforeAll(async () => {
  cloud = openCloud({ collections: [{ name: 'people' }] });
  db = cloud.database();
  _ = db.command;
  for (const p of PEOPLE) await db.collection('people').add({ data: p });
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

describe('comparison operators', () => {
  test('a plain value and _.eq match equal values', async () => {
    expect(await people({ age: 30 })).toEqual(['p1', 'p4']);
    expect(await people({ age: _.eq(30) })).toEqual(['p1', 'p4']);
    expect(await people({ name: _.eq('bob') })).toEqual(['p2']);
  });

  test('_.neq ($ne) also matches documents where the field is missing', async () => {
    expect(await people({ age: _.neq(30) })).toEqual(['p2', 'p3']);
    // p1 and p2 have no nickname, p4 has null: all of them are "not equal to 'cc'".
    expect(await people({ nickname: _.neq('cc') })).toEqual(['p1', 'p2', 'p4']);
  });

  test('_.lt, _.lte, _.gt, _.gte compare numbers', async () => {
    expect(await people({ age: _.lt(25) })).toEqual(['p2']);
    expect(await people({ age: _.lte(25) })).toEqual(['p2', 'p3']);
    expect(await people({ age: _.gt(25) })).toEqual(['p1', 'p4']);
    expect(await people({ age: _.gte(25) })).toEqual(['p1', 'p3', 'p4']);
  });

  test('comparison operators compare Dates', async () => {
    expect(await people({ joinedAt: _.gte(new Date('2024-02-01T00:00:00Z')) })).toEqual(['p2', 'p3']);
    expect(await people({ joinedAt: _.lt(new Date('2024-01-01T00:00:00Z')) })).toEqual(['p4']);
  });

  test('range on one field: _.gt(...).and(_.lt(...))', async () => {
    expect(await people({ age: _.gt(20).and(_.lt(26)) })).toEqual(['p2', 'p3']);
  });

  test('_.in / _.nin match against a list (on arrays: any element)', async () => {
    expect(await people({ age: _.in([21, 25]) })).toEqual(['p2', 'p3']);
    expect(await people({ tags: _.in(['c']) })).toEqual(['p3']);
    expect(await people({ age: _.nin([30]) })).toEqual(['p2', 'p3']);
    // $nin on an array field: no element may be in the list.
    expect(await people({ tags: _.nin(['a']) })).toEqual(['p2', 'p4']);
  });
});

describe('element and array operators', () => {
  test('_.exists(true) matches present fields, null included; _.exists(false) the missing ones', async () => {
    expect(await people({ nickname: _.exists(true) })).toEqual(['p3', 'p4']);
    expect(await people({ nickname: _.exists(false) })).toEqual(['p1', 'p2']);
  });

  test('equality with null matches null and missing fields', async () => {
    expect(await people({ nickname: null })).toEqual(['p1', 'p2', 'p4']);
  });

  test('_.size matches arrays of exactly that length', async () => {
    expect(await people({ tags: _.size(2) })).toEqual(['p1']);
    expect(await people({ tags: _.size(0) })).toEqual(['p4']);
  });

  test('_.all matches arrays containing every listed element', async () => {
    expect(await people({ tags: _.all(['a', 'b']) })).toEqual(['p1', 'p3']);
    expect(await people({ tags: _.all(['a', 'c']) })).toEqual(['p3']);
  });

  test('_.elemMatch requires one element to satisfy every condition', async () => {
    expect(await people({ scores: _.elemMatch({ subject: 'math', score: _.gte(60) }) })).toEqual(['p1']);
    // Without elemMatch the conditions may be met by different elements: p1 has math and (another) 60.
    expect(await people({ 'scores.subject': 'art', 'scores.score': 90 })).toEqual(['p1']);
    expect(await people({ scores: _.elemMatch({ subject: 'art', score: 90 }) })).toEqual([]);
  });

  test('array-contains equality: { tags: "a" } matches arrays that contain "a"', async () => {
    expect(await people({ tags: 'a' })).toEqual(['p1', 'p3']);
    expect(await people({ tags: 'c' })).toEqual(['p3']);
  });

  test('an array value matches the whole array exactly, in order', async () => {
    expect(await people({ tags: ['a', 'b'] })).toEqual(['p1']);
    expect(await people({ tags: ['b', 'a'] })).toEqual([]);
  });

  test('array element by index with a dot path', async () => {
    expect(await people({ 'tags.0': 'a' })).toEqual(['p1', 'p3']);
    expect(await people({ 'scores.0.score': _.gt(80) })).toEqual(['p1']);
  });
});

describe('logical operators', () => {
  test('several fields in one where() are ANDed', async () => {
    expect(await people({ age: 30, 'address.city': 'Dalian' })).toEqual(['p1']);
  });

  test('_.and of conditions', async () => {
    expect(await ids(db.collection('people').where(_.and([{ age: _.gte(25) }, { tags: 'a' }])))).toEqual(['p1', 'p3']);
  });

  test('_.or of conditions, as an array or as arguments', async () => {
    expect(await ids(db.collection('people').where(_.or([{ age: 21 }, { 'address.city': 'Beijing' }])))).toEqual([
      'p2',
      'p4',
    ]);
    expect(await ids(db.collection('people').where(_.or({ age: _.lt(22) }, { name: 'Carol' })))).toEqual(['p2', 'p3']);
  });

  test('field-level _.or', async () => {
    expect(await people({ age: _.lt(22).or(_.gt(29)) })).toEqual(['p1', 'p2', 'p4']);
    expect(await people({ age: _.or(_.eq(21), _.eq(25)) })).toEqual(['p2', 'p3']);
  });

  test('_.nor matches documents failing every condition', async () => {
    expect(await ids(db.collection('people').where(_.nor([{ age: 30 }, { tags: 'c' }])))).toEqual(['p2']);
  });

  test('_.not negates a field condition (and matches missing fields)', async () => {
    expect(await people({ age: _.not(_.gt(25)) })).toEqual(['p2', 'p3']);
    expect(await people({ nickname: _.not(_.eq('cc')) })).toEqual(['p1', 'p2', 'p4']);
  });
});

describe('evaluation operators', () => {
  test('_.mod(divisor, remainder)', async () => {
    expect(await people({ n: _.mod(3, 0) })).toEqual(['p3', 'p4']);
    expect(await people({ n: _.mod(5, 2) })).toEqual(['p2', 'p4']);
  });

  test('db.RegExp({ regexp, options }) with the i flag', async () => {
    expect(await people({ name: db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['p2']);
    expect(await people({ name: db.RegExp({ regexp: 'a' }) })).toEqual(['p3', 'p4']);
    expect(await people({ name: db.RegExp({ regexp: 'A' }) })).toEqual(['p1']);
  });

  test('a JavaScript RegExp literal', async () => {
    expect(await people({ name: /^b/ })).toEqual(['p2']);
    expect(await people({ name: /^B/ })).toEqual([]);
    expect(await people({ name: /^B/i })).toEqual(['p2']);
    expect(await people({ 'address.zip': /^116/ })).toEqual(['p1', 'p3']);
  });

  test('db.RegExp options m, s and x (extended: whitespace and # comments ignored)', async () => {
    expect(await people({ name: db.RegExp({ regexp: '^ b o b $  # the name', options: 'x' }) })).toEqual(['p2']);
    expect(await people({ name: db.RegExp({ regexp: '^CAROL$', options: 'im' }) })).toEqual(['p3']);
    expect(await people({ name: db.RegExp({ regexp: 'a.i', options: 's' }) })).toEqual([]);
  });

  test('a regex option MongoDB does not have (g) is rejected, naming it', async () => {
    const err = await rejection(db.collection('people').where({ name: /a/g }).get());
    expect(err.errCode).toBe(-502002);
    expect(err.message).toMatch(/option\W+g\b/);
  });

  test('a RegExp on an array field matches any element', async () => {
    expect(await people({ tags: /^c$/ })).toEqual(['p3']);
  });
});

describe('nested fields', () => {
  test('by dot path', async () => {
    expect(await people({ 'address.city': 'Dalian' })).toEqual(['p1', 'p3']);
    expect(await people({ 'address.zip': _.gte('116000') })).toEqual(['p1', 'p3']);
  });

  test('by nested object (the SDK matches the listed sub-fields, not the whole object)', async () => {
    expect(await people({ address: { city: 'Dalian' } })).toEqual(['p1', 'p3']);
    expect(await people({ address: { city: 'Dalian', zip: _.gt('116000') } })).toEqual(['p3']);
  });

  test('dot path into an array of objects matches any element', async () => {
    expect(await people({ 'scores.subject': 'art' })).toEqual(['p1']);
  });
});

describe('ordering, paging, projection, count', () => {
  test('orderBy on several fields: the first is the primary key', async () => {
    const res = await db.collection('people').orderBy('age', 'desc').orderBy('name', 'asc').get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p1', 'p4', 'p3', 'p2']);
    const res2 = await db.collection('people').orderBy('age', 'desc').orderBy('name', 'desc').get();
    expect(res2.data.map((d: { _id: string }) => d._id)).toEqual(['p4', 'p1', 'p3', 'p2']);
  });

  test('orderBy a field that field() leaves out still orders the result', async () => {
    const res = await db.collection('people').orderBy('n', 'desc').field({ name: true }).get();
    expect(res.data).toEqual([
      { _id: 'p4', name: 'Dave' },
      { _id: 'p1', name: 'Alice' },
      { _id: 'p3', name: 'Carol' },
      { _id: 'p2', name: 'bob' },
    ]);
  });

  test('ascending order puts documents missing the field first (MongoDB sorts missing as null)', async () => {
    const res = await db.collection('people').orderBy('nickname', 'asc').orderBy('_id', 'asc').get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p1', 'p2', 'p4', 'p3']);
  });

  test('orderBy a nested field', async () => {
    const res = await db.collection('people').orderBy('address.zip', 'asc').get();
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p4', 'p2', 'p1', 'p3']);
  });

  test('skip and limit page through the sorted result', async () => {
    const page = await db.collection('people').orderBy('n', 'asc').skip(1).limit(2).get();
    expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['p3', 'p1']);
    const rest = await db.collection('people').orderBy('n', 'asc').skip(3).get();
    expect(rest.data.map((d: { _id: string }) => d._id)).toEqual(['p4']);
    const beyond = await db.collection('people').orderBy('n', 'asc').skip(10).get();
    expect(beyond.data).toEqual([]);
  });

  test('field() with true keeps only those fields and _id', async () => {
    const res = await db.collection('people').where({ _id: 'p1' }).field({ name: true, 'address.city': true }).get();
    expect(res.data).toEqual([{ _id: 'p1', name: 'Alice', address: { city: 'Dalian' } }]);
  });

  test('field() with false drops those fields', async () => {
    const res = await db
      .collection('people')
      .where({ _id: 'p2' })
      .field({ scores: false, address: false, joinedAt: false })
      .get();
    expect(res.data).toEqual([{ _id: 'p2', name: 'bob', age: 21, tags: ['b'], n: 7 }]);
  });

  test('doc().field() projects a single document', async () => {
    const res = await db.collection('people').doc('p3').field({ nickname: true }).get();
    expect(res.data).toEqual({ _id: 'p3', nickname: 'cc' });
  });

  test('count() returns { total } for the query', async () => {
    expect((await db.collection('people').where({ 'address.city': 'Dalian' }).count()).total).toBe(2);
    expect((await db.collection('people').count()).total).toBe(4);
    expect(
      (
        await db
          .collection('people')
          .where({ age: _.gt(100) })
          .count()
      ).total,
    ).toBe(0);
  });

  test('dates come back as Date objects', async () => {
    const res = await db.collection('people').doc('p1').get();
    expect(res.data.joinedAt).toBeInstanceOf(Date);
    expect(res.data.joinedAt.toISOString()).toBe('2024-01-10T00:00:00.000Z');
  });
});

describe('doc(id).get()', () => {
  test('returns the document as data', async () => {
    const res = await db.collection('people').doc('p2').get();
    expect(res.data).toMatchObject({ _id: 'p2', name: 'bob', age: 21 });
    expect(res.errMsg).toBe('document.get:ok');
  });

  test('rejects for a missing document ("document.get:fail ... does not exist")', async () => {
    const err = await rejection(db.collection('people').doc('nobody').get());
    expect(err.message).toMatch(/document\.get:fail/);
    expect(err.message).toMatch(/does not exist/);
  });

  test('where() with no match resolves with an empty list (no error)', async () => {
    const res = await db.collection('people').where({ name: 'nobody' }).get();
    expect(res.data).toEqual([]);
  });
});
