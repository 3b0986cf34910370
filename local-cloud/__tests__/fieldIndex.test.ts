/**
 * Secondary indexes only make reads faster: every query gives the same documents in the same order
 * on an indexed collection as on an unindexed copy, through wx-server-sdk, before and after updates.
 */
import { openCloud, removeTempDirs } from './helpers';
import type { LocalCloud } from '../src';
import { FieldIndexes } from '../src/fieldIndex';

const fields = ['tag', 'tags', 'n', 'at', 'a.b', 'maybe', 'items.k'];
let cloud: LocalCloud;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any;

beforeAll(async () => {
  cloud = openCloud({
    collections: [
      { name: 'plain' },
      {
        name: 'indexed',
        indexes: [
          ...fields.map((f) => ({ name: f, keys: { [f]: 1 as const } })),
          // A compound index whose later field has no index of its own (a rating's projectId + key).
          { name: 'tag_code', keys: { tag: 1 as const, code: 1 as const }, unique: true },
        ],
      },
    ],
  });
  db = cloud.database();
  for (let i = 0; i < 60; i += 1) {
    const doc: Record<string, unknown> = {
      _id: `d${String(i).padStart(3, '0')}`,
      tag: ['x', 'y', 'z'][i % 3],
      tags: i % 4 === 0 ? [] : ['t' + (i % 5), 't' + (i % 7)],
      n: i % 6,
      at: new Date(Date.UTC(2026, 0, 1 + (i % 4))),
      a: i % 5 === 0 ? [{ b: 1 }, { b: 2 }] : { b: i % 3 },
      items: [{ k: i % 2 }],
      code: `c${i}`,
    };
    if (i % 3 === 0) doc.maybe = null;
    else if (i % 3 === 1) doc.maybe = 'here';
    await db.collection('plain').add({ data: doc });
    await db.collection('indexed').add({ data: doc });
  }
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

function queries() {
  const _ = db.command;
  return [
    { tag: 'x' },
    { tag: _.in(['x', 'z']) },
    { tags: 't3' },
    { tags: _.in(['t1', 't6']) },
    { n: 2, tag: 'z' },
    { n: _.eq(5) },
    { at: new Date(Date.UTC(2026, 0, 2)) },
    { 'a.b': 1 },
    { 'a.b': _.in([2, 0]) },
    { maybe: null },
    { maybe: 'here' },
    { 'items.k': 1 },
    _.and([{ tag: 'y' }, { n: _.gt(2) }]),
    _.or([{ tag: 'y' }, { n: 0 }]),
    { tag: 'nothing-has-this' },
    { tag: 'y', code: 'c7' },
    { tag: 'x', code: 'c7' },
    { code: _.in(['c1', 'c2', 'c59']) },
    // The primary key narrows too (a drain's claim of its rows among thousands pending): same result.
    { _id: _.in(['d007', 'd003', 'd999', 'd042']) },
    { _id: _.in(['d010', 'd011']), tag: 'y' },
    { _id: _.in(['d001', 'd002', 'd003']), n: _.gt(1) },
  ];
}

async function ids(collection: string, where: unknown): Promise<string[]> {
  const res = await db.collection(collection).where(where).limit(1000).get();
  return res.data.map((d: { _id: string }) => d._id);
}

it('gives the same documents in the same order as a scan', async () => {
  for (const where of queries()) {
    expect(await ids('indexed', where)).toEqual(await ids('plain', where));
  }
});

it('stays right after updates move documents between index values and after removals', async () => {
  const _ = db.command;
  for (const coll of ['plain', 'indexed']) {
    await db
      .collection(coll)
      .where({ tag: 'x' })
      .update({ data: { tag: 'y', tags: _.push(['t3']) } });
    await db.collection(coll).doc('d007').remove();
    await db
      .collection(coll)
      .doc('d010')
      .set({ data: { tag: 'z', n: 9 } });
  }
  for (const where of queries()) {
    expect(await ids('indexed', where)).toEqual(await ids('plain', where));
  }
  expect(await ids('indexed', { tag: 'x' })).toEqual([]);
});

it('counts agree with the scan', async () => {
  for (const where of queries()) {
    const a = await db.collection('indexed').where(where).count();
    const b = await db.collection('plain').where(where).count();
    expect(a.total).toBe(b.total);
  }
});

it('a later field of a compound index narrows a read to its own few documents', () => {
  // The engine indexes every field of the declared indexes (engine.ts rebuildUniqueKeys): a rating's
  // { projectId, key } reads the one rating with that key, not every rating of the project.
  const index = new FieldIndexes(['projectId', 'key']);
  for (let i = 0; i < 1000; i += 1) index.add({ _id: `r${i}`, projectId: 'p1', key: `k${i}` });
  expect(index.candidates({ projectId: 'p1', key: 'k7' }, 1000)).toEqual(['r7']);
  expect(index.candidates({ projectId: 'p1', key: 'nobody' }, 1000)).toEqual([]);
});
