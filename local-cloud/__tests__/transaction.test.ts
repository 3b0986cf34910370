/**
 * Transactions as CloudBase documents them: `db.runTransaction(callback, times)` and
 * `db.startTransaction()` with `commit()` / `rollback()`; single-document operations by id only;
 * writes invisible to others until commit; a conflicting transaction fails and `runTransaction` retries
 * it. Also: single-document updates are atomic without a transaction.
 */
import type { LocalCloud, WxDatabase } from '../src';
import { openCloud, rejection, removeTempDirs } from './helpers';

let cloud: LocalCloud;
let db: WxDatabase;
let _: WxDatabase;
let seq = 0;

beforeAll(() => {
  cloud = openCloud({
    collections: [
      { name: 'accounts' },
      { name: 'log' },
      { name: 'seats', indexes: [{ name: 'seat_1', keys: { seat: 1 }, unique: true }] },
    ],
  });
  db = cloud.database();
  _ = db.command;
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

async function account(balance: number): Promise<string> {
  seq += 1;
  const _id = `acc${seq}`;
  await db.collection('accounts').add({ data: { _id, balance } });
  return _id;
}

async function balance(id: string): Promise<number> {
  return (await db.collection('accounts').doc(id).get()).data.balance;
}

/** The rejection value of a transaction call: wx-server-sdk passes the request layer's `{ code, message }` on for commit. */
async function failure(promise: Promise<unknown>): Promise<{ code?: string; message?: string; errCode?: number }> {
  try {
    await promise;
  } catch (e) {
    return e as { code?: string; message?: string };
  }
  throw new Error('expected the transaction call to fail');
}

describe('single-document atomicity without a transaction', () => {
  test('200 concurrent doc(id).update({ n: _.inc(1) }) all land: n === 200', async () => {
    await db.collection('accounts').add({ data: { _id: 'counter', n: 0 } });
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        db
          .collection('accounts')
          .doc('counter')
          .update({ data: { n: _.inc(1) } }),
      ),
    );
    expect(results.every((r) => r.stats.updated === 1)).toBe(true);
    expect((await db.collection('accounts').doc('counter').get()).data.n).toBe(200);
  });

  test('concurrent _.push on one document keeps every element', async () => {
    await db.collection('accounts').add({ data: { _id: 'pushes', list: [] } });
    await Promise.all(
      Array.from({ length: 50 }, (_v, i) =>
        db
          .collection('accounts')
          .doc('pushes')
          .update({ data: { list: _.push(i) } }),
      ),
    );
    const list = (await db.collection('accounts').doc('pushes').get()).data.list as number[];
    expect([...list].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_v, i) => i));
  });
});

describe('runTransaction', () => {
  test('reads and writes by doc id, and commits both writes together', async () => {
    const from = await account(100);
    const to = await account(0);
    await db.runTransaction(async (t: WxDatabase) => {
      const a = (await t.collection('accounts').doc(from).get()).data;
      const b = (await t.collection('accounts').doc(to).get()).data;
      await t
        .collection('accounts')
        .doc(from)
        .update({ data: { balance: a.balance - 30 } });
      await t
        .collection('accounts')
        .doc(to)
        .update({ data: { balance: b.balance + 30 } });
    });
    expect(await balance(from)).toBe(70);
    expect(await balance(to)).toBe(30);
  });

  test('resolves with the value the callback returns', async () => {
    const id = await account(5);
    const result = await db.runTransaction(async (t: WxDatabase) => {
      const doc = (await t.collection('accounts').doc(id).get()).data;
      return { seen: doc.balance, label: 'done' };
    });
    expect(result).toEqual({ seen: 5, label: 'done' });
  });

  test('a read inside the transaction sees its own earlier write', async () => {
    const id = await account(1);
    const seen = await db.runTransaction(async (t: WxDatabase) => {
      await t
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: 2 } });
      return (await t.collection('accounts').doc(id).get()).data.balance;
    });
    expect(seen).toBe(2);
  });

  test('update operators (_.inc) work inside a transaction', async () => {
    const id = await account(10);
    await db.runTransaction(async (t: WxDatabase) => {
      await t
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: _.inc(5), note: 'x' } });
    });
    expect((await db.collection('accounts').doc(id).get()).data).toMatchObject({ balance: 15, note: 'x' });
  });

  test('set, remove and add inside a transaction take effect on commit', async () => {
    const keep = await account(1);
    const gone = await account(2);
    await db.runTransaction(async (t: WxDatabase) => {
      await t
        .collection('accounts')
        .doc(keep)
        .set({ data: { balance: 9, replaced: true } });
      await t.collection('accounts').doc(gone).remove();
      await t.collection('log').add({ data: { _id: 'log-from-txn', what: 'moved' } });
    });
    expect((await db.collection('accounts').doc(keep).get()).data).toEqual({ _id: keep, balance: 9, replaced: true });
    await expect(db.collection('accounts').doc(gone).get()).rejects.toThrow(/does not exist/);
    expect((await db.collection('log').doc('log-from-txn').get()).data.what).toBe('moved');
  });

  test('t.rollback(reason) discards the writes and runTransaction rejects with the reason', async () => {
    const id = await account(50);
    const reason = await failure(
      db.runTransaction(async (t: WxDatabase) => {
        await t
          .collection('accounts')
          .doc(id)
          .update({ data: { balance: 0 } });
        await t.rollback('insufficient');
      }),
    );
    expect(reason).toBe('insufficient');
    expect(await balance(id)).toBe(50);
  });

  test('an error thrown by the callback discards the writes and rejects', async () => {
    const id = await account(50);
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t
          .collection('accounts')
          .doc(id)
          .update({ data: { balance: 0 } });
        throw new Error('business rule');
      }),
    ).rejects.toThrow('business rule');
    expect(await balance(id)).toBe(50);
  });

  test('a where() query inside a transaction is refused (single-document operations only)', async () => {
    const id = await account(3);
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('accounts').where({ balance: 3 }).get();
      }),
    ).rejects.toThrow(/single-document/);
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t
          .collection('accounts')
          .where({ _id: id })
          .update({ data: { balance: 4 } });
      }),
    ).rejects.toThrow(/single-document/);
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('accounts').where({ _id: id }).remove();
      }),
    ).rejects.toThrow(/single-document/);
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('accounts').where({ balance: 3 }).count();
      }),
    ).rejects.toThrow(/single-document/);
    // Nothing ran outside the transaction either.
    expect(await balance(id)).toBe(3);
  });

  test('doc(id).get() of a missing document inside a transaction rejects', async () => {
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('accounts').doc('missing-in-txn').get();
      }),
    ).rejects.toThrow(/does not exist/);
  });

  test('a unique-index violation at commit fails the transaction and applies none of its writes', async () => {
    await db.collection('seats').add({ data: { _id: 'seat-taken', seat: 'A1' } });
    const id = await account(7);
    await expect(
      db.runTransaction(async (t: WxDatabase) => {
        await t
          .collection('accounts')
          .doc(id)
          .update({ data: { balance: 0 } });
        await t.collection('seats').add({ data: { seat: 'A1' } });
      }),
    ).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
      message: expect.stringContaining('E11000 duplicate key error collection: seats'),
    });
    expect(await balance(id)).toBe(7);
    expect((await db.collection('seats').where({ seat: 'A1' }).count()).total).toBe(1);
  });

  test('10 concurrent runTransaction read-modify-write increments all land (+10)', async () => {
    const id = await account(0);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        db.runTransaction(async (t: WxDatabase) => {
          const doc = (await t.collection('accounts').doc(id).get()).data;
          await t
            .collection('accounts')
            .doc(id)
            .update({ data: { balance: doc.balance + 1 } });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await balance(id)).toBe(10);
  });

  test('20 concurrent runTransaction increments with _.inc on two documents all land', async () => {
    const a = await account(0);
    const b = await account(0);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_v, i) =>
        db.runTransaction(async (t: WxDatabase) => {
          const first = i % 2 === 0 ? a : b;
          const second = i % 2 === 0 ? b : a;
          await t.collection('accounts').doc(first).get();
          await t.collection('accounts').doc(second).get();
          await t
            .collection('accounts')
            .doc(first)
            .update({ data: { balance: _.inc(1) } });
          await t
            .collection('accounts')
            .doc(second)
            .update({ data: { balance: _.inc(1) } });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect([await balance(a), await balance(b)]).toEqual([20, 20]);
  });

  test('concurrent transfers between two accounts keep the total', async () => {
    const a = await account(100);
    const b = await account(100);
    const moves = Array.from({ length: 10 }, (_v, i) => (i % 2 === 0 ? [a, b] : [b, a]));
    const results = await Promise.allSettled(
      moves.map(([from, to]) =>
        db.runTransaction(async (t: WxDatabase) => {
          const x = (await t.collection('accounts').doc(from).get()).data;
          const y = (await t.collection('accounts').doc(to).get()).data;
          await t
            .collection('accounts')
            .doc(from)
            .update({ data: { balance: x.balance - 10 } });
          await t
            .collection('accounts')
            .doc(to)
            .update({ data: { balance: y.balance + 10 } });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await balance(a)) + (await balance(b))).toBe(200);
    expect(await balance(a)).toBe(100);
  });
});

describe('startTransaction', () => {
  test('writes are invisible outside the transaction until commit', async () => {
    const id = await account(10);
    const t = await db.startTransaction();
    await t
      .collection('accounts')
      .doc(id)
      .update({ data: { balance: 99 } });
    expect(await balance(id)).toBe(10);
    expect((await db.collection('accounts').where({ _id: id, balance: 99 }).count()).total).toBe(0);
    await t.commit();
    expect(await balance(id)).toBe(99);
  });

  test('an add inside the transaction is invisible until commit', async () => {
    const t = await db.startTransaction();
    await t.collection('log').add({ data: { _id: 'log-pending', v: 1 } });
    await expect(db.collection('log').doc('log-pending').get()).rejects.toThrow(/does not exist/);
    await t.commit();
    expect((await db.collection('log').doc('log-pending').get()).data.v).toBe(1);
  });

  test('rollback discards the writes', async () => {
    const id = await account(10);
    const t = await db.startTransaction();
    await t
      .collection('accounts')
      .doc(id)
      .update({ data: { balance: 0 } });
    await t.collection('accounts').doc(id).remove();
    await t.rollback();
    expect(await balance(id)).toBe(10);
  });

  test('a transaction cannot be used after commit', async () => {
    const id = await account(10);
    const t = await db.startTransaction();
    await t.commit();
    await expect(
      t
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: 1 } }),
    ).rejects.toMatchObject({
      errCode: -502001,
      message: expect.stringContaining('transaction not found or already finished'),
    });
    expect(await balance(id)).toBe(10);
  });

  test('conflict: two transactions read and update one document; the first commit wins, the second fails', async () => {
    const id = await account(100);
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    const seen1 = (await t1.collection('accounts').doc(id).get()).data.balance;
    const seen2 = (await t2.collection('accounts').doc(id).get()).data.balance;
    expect([seen1, seen2]).toEqual([100, 100]);
    await t1
      .collection('accounts')
      .doc(id)
      .update({ data: { balance: seen1 - 60 } });
    // The second one fails with a conflict at its update or at its commit; either way nothing of it lands.
    const second = (async () => {
      await t2
        .collection('accounts')
        .doc(id)
        .update({ data: { balance: seen2 - 70 } });
      await t1.commit();
      await t2.commit();
    })();
    const err = await failure(second);
    expect(`${err.code ?? ''} ${err.message ?? ''}`).toMatch(/conflict/i);
    expect(await balance(id)).toBe(40);
  });

  test('conflict: a plain write after the transaction read fails the transaction commit', async () => {
    const id = await account(100);
    const t = await db.startTransaction();
    const seen = (await t.collection('accounts').doc(id).get()).data.balance;
    await db
      .collection('accounts')
      .doc(id)
      .update({ data: { balance: _.inc(1) } });
    await t
      .collection('accounts')
      .doc(id)
      .update({ data: { balance: seen + 1000 } })
      .catch(() => undefined);
    const err = await failure(t.commit());
    expect(`${err.code ?? ''} ${err.message ?? ''}`).toMatch(/conflict/i);
    expect(await balance(id)).toBe(101);
  });

  test('transactions on different documents do not conflict', async () => {
    const a = await account(1);
    const b = await account(2);
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1
      .collection('accounts')
      .doc(a)
      .update({ data: { balance: 10 } });
    await t2
      .collection('accounts')
      .doc(b)
      .update({ data: { balance: 20 } });
    await t2.commit();
    await t1.commit();
    expect([await balance(a), await balance(b)]).toEqual([10, 20]);
  });

  test('an error from a where() inside startTransaction names the restriction', async () => {
    const t = await db.startTransaction();
    const err = await rejection(t.collection('accounts').where({ balance: 1 }).get());
    expect(err.message).toMatch(/single-document/);
    await t.rollback();
  });
});
