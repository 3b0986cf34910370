/**
 * Aggregation conformance: the stages and accumulators the product uses, through
 * `db.collection().aggregate()…end()` and `db.command.aggregate`, against the MongoDB aggregation
 * reference; plus CloudBase's documented default of 20 results when the pipeline has no $limit.
 */
import type { LocalCloud, WxDatabase } from '../src';
import { openCloud, removeTempDirs } from './helpers';

let cloud: LocalCloud;
let db: WxDatabase;
let _: WxDatabase;
let $: WxDatabase;

const ORDERS = [
  { _id: 'o1', cust: 'c1', item: 'apple', qty: 2, price: 5, tags: ['fruit', 'red'] },
  { _id: 'o2', cust: 'c1', item: 'pear', qty: 1, price: 8, tags: ['fruit'] },
  { _id: 'o3', cust: 'c2', item: 'apple', qty: 5, price: 5, tags: ['fruit', 'red'] },
  { _id: 'o4', cust: 'c3', item: 'milk', qty: 3, price: 12, tags: [] },
  { _id: 'o5', cust: 'c2', item: 'bread', qty: 1, price: 25, tags: ['bakery'] },
];

const CUSTOMERS = [
  { _id: 'c1', name: 'Alice' },
  { _id: 'c2', name: 'Bob' },
  { _id: 'c3', name: 'Carol' },
  { _id: 'c4', name: 'Dan' },
];

type Row = Record<string, unknown>;

beforeAll(async () => {
  cloud = openCloud({ collections: [{ name: 'orders' }, { name: 'customers' }, { name: 'bulk' }] });
  db = cloud.database();
  _ = db.command;
  $ = _.aggregate;
  await db.collection('orders').add({ data: ORDERS });
  await db.collection('customers').add({ data: CUSTOMERS });
  await db.collection('bulk').add({ data: Array.from({ length: 150 }, (_v, i) => ({ i })) });
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

function orders(): WxDatabase {
  return db.collection('orders').aggregate();
}

async function list(pipeline: WxDatabase): Promise<Row[]> {
  const res = await pipeline.end();
  expect(res.errMsg).toBe('collection.aggregate:ok');
  return res.list as Row[];
}

describe('stages', () => {
  test('match filters with query operators', async () => {
    const rows = await list(
      orders()
        .match({ price: _.lt(10), qty: _.gte(2) })
        .sort({ _id: 1 }),
    );
    expect(rows.map((r) => r._id)).toEqual(['o1', 'o3']);
  });

  test('group with sum, avg, max, min', async () => {
    const rows = await list(
      orders()
        .group({
          _id: '$cust',
          qty: $.sum('$qty'),
          orders: $.sum(1),
          avgPrice: $.avg('$price'),
          maxPrice: $.max('$price'),
          minPrice: $.min('$price'),
        })
        .sort({ _id: 1 }),
    );
    expect(rows).toEqual([
      { _id: 'c1', qty: 3, orders: 2, avgPrice: 6.5, maxPrice: 8, minPrice: 5 },
      { _id: 'c2', qty: 6, orders: 2, avgPrice: 15, maxPrice: 25, minPrice: 5 },
      { _id: 'c3', qty: 3, orders: 1, avgPrice: 12, maxPrice: 12, minPrice: 12 },
    ]);
  });

  test('group with push, addToSet, first, last (after a sort)', async () => {
    const rows = await list(
      orders()
        .sort({ _id: 1 })
        .group({
          _id: '$cust',
          items: $.push('$item'),
          prices: $.addToSet('$price'),
          first: $.first('$item'),
          last: $.last('$item'),
        })
        .sort({ _id: 1 }),
    );
    expect(rows.map((r) => ({ ...r, prices: [...(r.prices as number[])].sort((a, b) => a - b) }))).toEqual([
      { _id: 'c1', items: ['apple', 'pear'], prices: [5, 8], first: 'apple', last: 'pear' },
      { _id: 'c2', items: ['apple', 'bread'], prices: [5, 25], first: 'apple', last: 'bread' },
      { _id: 'c3', items: ['milk'], prices: [12], first: 'milk', last: 'milk' },
    ]);
  });

  test('group by null sums over the whole collection', async () => {
    const rows = await list(orders().group({ _id: null, revenue: $.sum($.multiply(['$qty', '$price'])) }));
    expect(rows).toEqual([{ _id: null, revenue: 10 + 8 + 25 + 36 + 25 }]);
  });

  test('project includes, excludes and computes fields', async () => {
    const rows = await list(
      orders()
        .match({ _id: 'o3' })
        .project({ _id: 0, item: 1, total: $.multiply(['$qty', '$price']) }),
    );
    expect(rows).toEqual([{ item: 'apple', total: 25 }]);
  });

  test('sort by several keys, then skip and limit', async () => {
    const rows = await list(orders().sort({ price: 1, qty: -1 }).skip(1).limit(3));
    expect(rows.map((r) => r._id)).toEqual(['o1', 'o2', 'o4']);
  });

  test('count names the output field', async () => {
    expect(await list(orders().match({ item: 'apple' }).count('n'))).toEqual([{ n: 2 }]);
  });

  test('count over no documents gives no result document (as $group does)', async () => {
    expect(await list(orders().match({ item: 'nothing' }).count('n'))).toEqual([]);
  });

  test('bucket without a default rejects a value outside the boundaries', async () => {
    await expect(
      orders()
        .bucket({ groupBy: '$price', boundaries: [0, 10] })
        .end(),
    ).rejects.toThrow(/default/);
  });

  test('unwind emits one row per array element and drops empty arrays', async () => {
    const rows = await list(orders().unwind('$tags').sort({ _id: 1 }));
    expect(rows.map((r) => `${r._id}:${r.tags}`)).toEqual([
      'o1:fruit',
      'o1:red',
      'o2:fruit',
      'o3:fruit',
      'o3:red',
      'o5:bakery',
    ]);
  });

  test('unwind with preserveNullAndEmptyArrays keeps documents without elements', async () => {
    const rows = await list(orders().unwind({ path: '$tags', preserveNullAndEmptyArrays: true }).sort({ _id: 1 }));
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r._id === 'o4')).toMatchObject({ _id: 'o4', item: 'milk' });
  });

  test('lookup joins by localField / foreignField (no match gives [])', async () => {
    const rows = await list(
      db
        .collection('customers')
        .aggregate()
        .lookup({ from: 'orders', localField: '_id', foreignField: 'cust', as: 'orders' })
        .sort({ _id: 1 }),
    );
    expect(rows.map((r) => [r._id, (r.orders as Row[]).map((o) => o._id).sort()])).toEqual([
      ['c1', ['o1', 'o2']],
      ['c2', ['o3', 'o5']],
      ['c3', ['o4']],
      ['c4', []],
    ]);
  });

  test('lookup with let and pipeline', async () => {
    const rows = await list(
      db
        .collection('customers')
        .aggregate()
        .match({ _id: 'c2' })
        .lookup({
          from: 'orders',
          let: { cid: '$_id' },
          pipeline: $.pipeline()
            .match(_.expr($.and([$.eq(['$cust', '$$cid']), $.gt(['$price', 10])])))
            .project({ _id: 0, item: 1 })
            .done(),
          as: 'big',
        }),
    );
    expect(rows).toEqual([{ _id: 'c2', name: 'Bob', big: [{ item: 'bread' }] }]);
  });

  test('lookup with a pipeline and no let: the same rows for every document, its $match through the indexes', async () => {
    const rows = await list(
      db
        .collection('customers')
        .aggregate()
        .match({ _id: _.in(['c1', 'c4']) })
        .lookup({
          from: 'orders',
          pipeline: $.pipeline().match({ cust: 'c2' }).sort({ price: -1 }).project({ _id: 0, item: 1 }).limit(5).done(),
          as: 'c2orders',
        })
        .lookup({ from: 'orders', pipeline: $.pipeline().match({ _id: 'o4' }).done(), as: 'milk' })
        .lookup({ from: 'customers', pipeline: $.pipeline().sort({ _id: -1 }).limit(1).done(), as: 'last' })
        .sort({ _id: 1 }),
    );
    expect(rows).toEqual(
      ['c1', 'c4'].map((id) => ({
        ...CUSTOMERS.find((c) => c._id === id),
        c2orders: [{ item: 'bread' }, { item: 'apple' }],
        milk: [ORDERS[3]],
        last: [CUSTOMERS[3]],
      })),
    );
  });

  test('lookup with $match then an inclusion $project: only the kept fields, later stages on copies, nothing stored changes', async () => {
    const rows = await list(
      db
        .collection('customers')
        .aggregate()
        .match({ _id: 'c1' })
        .lookup({
          from: 'orders',
          pipeline: $.pipeline().match({ cust: 'c2' }).project({ item: 1, tags: 1 }).unwind('$tags').limit(5).done(),
          as: 'c2tags',
        })
        .lookup({
          from: 'orders',
          pipeline: $.pipeline().match({ cust: 'c1' }).project({ _id: 0, price: true }).done(),
          as: 'c1prices',
        }),
    );
    expect(rows).toEqual([
      {
        ...CUSTOMERS[0],
        c2tags: [
          { _id: 'o3', item: 'apple', tags: 'fruit' },
          { _id: 'o3', item: 'apple', tags: 'red' },
          { _id: 'o5', item: 'bread', tags: 'bakery' },
        ],
        c1prices: [{ price: 5 }, { price: 8 }],
      },
    ]);
    expect((await db.collection('orders').orderBy('_id', 'asc').get()).data).toEqual(ORDERS);
  });

  test('lookup on _id: each value of an array localField, duplicates once, missing and unmatched left out', async () => {
    await db.collection('customers').add({ data: { _id: 'c9', name: 'Eve', friends: ['c3', 'c1', 'nobody', 'c3'] } });
    await db.collection('customers').add({ data: { _id: 'c8', name: 'Fay', friends: [] } });
    const rows = await list(
      db
        .collection('customers')
        .aggregate()
        .match({ _id: _.in(['c8', 'c9', 'c4']) })
        .lookup({ from: 'customers', localField: 'friends', foreignField: '_id', as: 'friendDocs' })
        .project({ _id: 1, friendDocs: 1 })
        .sort({ _id: 1 }),
    );
    expect(rows).toEqual([
      { _id: 'c4', friendDocs: [] },
      { _id: 'c8', friendDocs: [] },
      { _id: 'c9', friendDocs: [CUSTOMERS[2], CUSTOMERS[0]] },
    ]);
    await db.collection('customers').doc('c9').remove();
    await db.collection('customers').doc('c8').remove();
  });

  test('a profile-style load (match by _id, joins, limits) reads the live documents and changes none', async () => {
    const rows = await list(
      orders()
        .match({ _id: 'o3' })
        .lookup({ from: 'customers', localField: 'cust', foreignField: '_id', as: 'customer' })
        .lookup({ from: 'orders', pipeline: $.pipeline().match({ cust: 'c1' }).limit(1).done(), as: 'firstOfC1' })
        .lookup({ from: 'customers', pipeline: $.pipeline().match({ _id: 'nobody' }).done(), as: 'none' })
        .limit(1),
    );
    expect(rows).toEqual([{ ...ORDERS[2], customer: [CUSTOMERS[1]], firstOfC1: [ORDERS[0]], none: [] }]);
    expect((await db.collection('orders').orderBy('_id', 'asc').get()).data).toEqual(ORDERS);
    expect((await db.collection('customers').orderBy('_id', 'asc').get()).data).toEqual(CUSTOMERS);
  });

  test('lookup from a collection that does not exist is an error', async () => {
    await expect(
      db
        .collection('customers')
        .aggregate()
        .lookup({ from: 'nope', localField: '_id', foreignField: 'cust', as: 'x' })
        .end(),
    ).rejects.toMatchObject({ errCode: -502005 });
  });

  test('addFields adds computed fields and keeps the rest', async () => {
    const rows = await list(
      orders()
        .match({ _id: 'o1' })
        .addFields({ total: $.multiply(['$qty', '$price']), big: $.gt(['$price', 10]) }),
    );
    expect(rows).toEqual([{ ...ORDERS[0], total: 10, big: false }]);
  });

  test('sortByCount groups and counts, most frequent first', async () => {
    const rows = await list(orders().sortByCount('$item'));
    expect(rows[0]).toEqual({ _id: 'apple', count: 2 });
    expect(rows.slice(1).map((r) => r.count)).toEqual([1, 1, 1]);
    expect(rows.map((r) => r._id).sort()).toEqual(['apple', 'bread', 'milk', 'pear']);
  });

  test('bucket groups by boundaries, with a default bucket and output', async () => {
    const rows = await list(
      orders().bucket({
        groupBy: '$price',
        boundaries: [0, 10, 20],
        default: 'other',
        output: { count: $.sum(1), items: $.push('$item') },
      }),
    );
    expect(rows).toEqual([
      { _id: 0, count: 3, items: ['apple', 'pear', 'apple'] },
      { _id: 10, count: 1, items: ['milk'] },
      { _id: 'other', count: 1, items: ['bread'] },
    ]);
  });

  test('a pipeline mixing match, group, sort and project', async () => {
    const rows = await list(
      orders()
        .match({ tags: 'fruit' })
        .group({ _id: '$item', qty: $.sum('$qty') })
        .sort({ qty: -1 })
        .project({ _id: 0, item: '$_id', qty: 1 }),
    );
    expect(rows).toEqual([
      { item: 'apple', qty: 7 },
      { item: 'pear', qty: 1 },
    ]);
  });
});

describe('isolation', () => {
  test('aggregation never changes the stored documents', async () => {
    await list(orders().addFields({ total: $.multiply(['$qty', '$price']), tags: 'overwritten' }));
    await list(orders().unwind('$tags'));
    await list(orders().project({ item: 0 }));
    // Run on the live documents (no copy): projections, computed fields, sorts; a nested exclusion is copied.
    await list(
      orders()
        .match({ qty: _.gt(0) })
        .project({ item: 1, tags: 1, n: $.size('$tags') })
        .sort({ n: -1 })
        .skip(1)
        .project({ tags: 1 }),
    );
    await list(orders().project({ 'tags.0': 0 }));
    await list(
      db
        .collection('customers')
        .aggregate()
        .lookup({ from: 'orders', localField: '_id', foreignField: 'cust', as: 'orders' }),
    );
    await list(orders().lookup({ from: 'customers', localField: 'cust', foreignField: '_id', as: 'customer' }));
    await list(
      db
        .collection('customers')
        .aggregate()
        .lookup({ from: 'orders', pipeline: $.pipeline().match({ cust: 'c1' }).done(), as: 'o' })
        .unwind({ path: '$o', preserveNullAndEmptyArrays: true })
        .unwind({ path: '$o.tags', preserveNullAndEmptyArrays: true }),
    );
    const stored = (await db.collection('orders').orderBy('_id', 'asc').get()).data;
    expect(stored).toEqual(ORDERS);
    const customers = (await db.collection('customers').orderBy('_id', 'asc').get()).data;
    expect(customers).toEqual(CUSTOMERS);
  });

  test('a document read and then modified by the caller does not change what is stored', async () => {
    const first = (await db.collection('orders').doc('o1').get()).data;
    first.tags.push('mutated');
    first.qty = 999;
    const rows = await list(orders().match({ _id: 'o1' }));
    rows[0].qty = 1000;
    expect((await db.collection('orders').doc('o1').get()).data).toEqual(ORDERS[0]);
  });
});

describe('result size', () => {
  test('without a limit stage at most 20 results come back (CloudBase default)', async () => {
    expect(await list(db.collection('bulk').aggregate().match({}))).toHaveLength(20);
    expect(await list(db.collection('bulk').aggregate().sort({ i: 1 }))).toHaveLength(20);
  });

  test('with .limit(100) 100 come back', async () => {
    const rows = await list(db.collection('bulk').aggregate().sort({ i: 1 }).limit(100));
    expect(rows).toHaveLength(100);
    expect(rows[99].i).toBe(99);
  });

  test('the default 20 applies after the pipeline ran over every document', async () => {
    // The sort must see all 150 documents: the first row is the largest i.
    const rows = await list(db.collection('bulk').aggregate().sort({ i: -1 }));
    expect(rows[0].i).toBe(149);
    const counted = await list(db.collection('bulk').aggregate().count('n'));
    expect(counted).toEqual([{ n: 150 }]);
  });
});
