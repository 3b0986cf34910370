/**
 * How wx-server-sdk failures are read (common/app.ts): the shapes come from the local runtime through the
 * real SDK, which produces them as it does in production (see isDuplicateKey and isTransactionConflict).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud, type WxDatabase } from '@shishi/local-cloud';
import { AppError } from '@shishi/shared-types';
import { BUSY_MESSAGE, isDuplicateKey, isTransactionConflict, toErrorBody } from '../common/app';

let cloud: LocalCloud;
beforeEach(() => {
  cloud = createLocalCloud({
    dataDir: mkdtempSync(join(tmpdir(), 'dberr-')),
    strict: true,
    collections: [{ name: 'seats', indexes: [{ name: 'seat', keys: { seat: 1 }, unique: true }] }],
  });
});
afterEach(() => cloud.local.close());

const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('isDuplicateKey', () => {
  test('recognises a unique violation of an add (SDK Error, errCode -501001, E11000 in errMsg)', async () => {
    const db = cloud.database();
    await db.collection('seats').add({ data: { seat: 'A1' } });
    const e = await caught(db.collection('seats').add({ data: { seat: 'A1' } }));
    expect(e).toMatchObject({ errCode: -501001 });
    expect(isDuplicateKey(e)).toBe(true);
    expect(isTransactionConflict(e)).toBe(false);
  });

  test('recognises a duplicate _id and a violation at a transaction commit (the reply itself)', async () => {
    const db = cloud.database();
    await db.collection('seats').add({ data: { _id: 's1', seat: 'A1' } });
    expect(isDuplicateKey(await caught(db.collection('seats').add({ data: { _id: 's1', seat: 'B1' } })))).toBe(true);
    const atCommit = await caught(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('seats').add({ data: { seat: 'A1' } });
      }),
    );
    expect(atCommit).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(isDuplicateKey(atCommit)).toBe(true);
  });

  test('the older shape (DATABASE_REQUEST_FAILED with E11000) is recognised too', () => {
    expect(
      isDuplicateKey({ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: x' }),
    ).toBe(true);
    const sdk = Object.assign(
      new Error('collection.add:fail -502001 database request fail. E11000 duplicate key error collection: x'),
      {
        errCode: -502001,
        errMsg: 'collection.add:fail -502001 database request fail. E11000 duplicate key error collection: x',
      },
    );
    expect(isDuplicateKey(sdk)).toBe(true);
  });

  test('other database failures are not duplicates', async () => {
    const db = cloud.database();
    const missing = await caught(db.collection('nope').add({ data: { a: 1 } }));
    expect(missing).toMatchObject({ errCode: -502005 });
    expect(isDuplicateKey(missing)).toBe(false);
    const badOperator = await caught(
      db
        .collection('seats')
        .doc('x')
        .update({ data: { n: db.command.inc('a') } }),
    );
    expect(isDuplicateKey(badOperator)).toBe(false);
    expect(isDuplicateKey(new Error('E11000 duplicate key error collection: x'))).toBe(false); // no errCode
    expect(isDuplicateKey(new AppError('CONFLICT', 'E11000 duplicate key error'))).toBe(false);
    expect(isDuplicateKey({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'E11000 duplicate key error' })).toBe(
      false,
    );
    expect(isDuplicateKey(undefined)).toBe(false);
  });
});

describe('exhausted transaction retries', () => {
  test('become CONFLICT with the try-again message; other failures stay INTERNAL', async () => {
    const db = cloud.database();
    await db.collection('seats').add({ data: { _id: 'a', seat: 'A1', n: 0 } });
    const e = await caught(
      db.runTransaction(async (t: WxDatabase) => {
        await t.collection('seats').doc('a').get();
        await db
          .collection('seats')
          .doc('a')
          .update({ data: { n: db.command.inc(1) } });
        await t
          .collection('seats')
          .doc('a')
          .update({ data: { n: -1 } });
      }),
    );
    expect(isTransactionConflict(e)).toBe(true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(toErrorBody(e, 'test')).toEqual({ code: 'CONFLICT', message: BUSY_MESSAGE });
      expect(toErrorBody(new Error('boom'), 'test').code).toBe('INTERNAL');
      expect(toErrorBody({ code: 'DATABASE_REQUEST_FAILED', message: 'x' }, 'test').code).toBe('INTERNAL');
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    expect((await db.collection('seats').doc('a').get()).data.n).toBe(4);
  });
});
