/**
 * Durability: a write is acknowledged only after the store committed it, so it survives the process
 * being killed with SIGKILL at any moment; and everything survives a clean restart.
 */
import { join } from 'node:path';
import type { CollectionSpec, LocalCloud, WxDatabase } from '../src';
import { NOW, openCloud, runAndKill, tempDir, removeTempDirs } from './helpers';

const WRITER = join(__dirname, 'durability-writer.ts');
const JOURNAL: CollectionSpec[] = [{ name: 'journal', indexes: [{ name: 'seq_1', keys: { seq: 1 }, unique: true }] }];

const opened: LocalCloud[] = [];

afterAll(async () => {
  for (const cloud of opened) await cloud.local.close().catch(() => undefined);
  removeTempDirs();
});

function open(dataDir: string, collections?: CollectionSpec[]): { cloud: LocalCloud; db: WxDatabase } {
  const cloud = openCloud({ dataDir, collections });
  opened.push(cloud);
  return { cloud, db: cloud.database() };
}

/**
 * Runs the writer on `dataDir`, kills it with SIGKILL once `ackTarget` adds were acknowledged, and
 * returns the acknowledged ids and counter values.
 */
async function runWriterAndKill(
  dataDir: string,
  ackTarget: number,
  mode = 'plain',
): Promise<{ ids: string[]; counter: number; signal: string | null }> {
  const ids: string[] = [];
  let counter = 0;
  const { signal } = await runAndKill(
    WRITER,
    [dataDir, mode],
    (line) => {
      const m = /^ACK (\S+) (\d+)$/.exec(line);
      if (m) {
        ids.push(m[1]);
        counter = Math.max(counter, Number(m[2]));
      }
      return ids.length >= ackTarget;
    },
    25_000,
  );
  return { ids, counter, signal };
}

describe('kill -9', () => {
  test('every acknowledged add and update is there after the writer is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const { ids, counter, signal } = await runWriterAndKill(dataDir, 150);
    expect(signal).toBe('SIGKILL');
    expect(ids.length).toBeGreaterThanOrEqual(150);

    const { db } = open(dataDir, JOURNAL);
    const _ = db.command;
    const stored = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const res = await db
        .collection('journal')
        .where({ _id: _.in(ids.slice(i, i + 500)) })
        .limit(1000)
        .get();
      for (const d of res.data as Array<{ _id: string }>) stored.add(d._id);
    }
    const missing = ids.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    // The counter update acknowledged with each ACK is there too (later, unacknowledged ones may be).
    const n = (await db.collection('journal').doc('counter').get()).data.n as number;
    expect(n).toBeGreaterThanOrEqual(counter);
    // And what was stored is whole: every document parses with its fields and types.
    const sample = (
      await db
        .collection('journal')
        .doc(ids[ids.length - 1])
        .get()
    ).data;
    expect(sample.payload).toHaveLength(200);
    expect(sample.at).toBeInstanceOf(Date);
  }, 40_000);

  test('transactions of an add and an in-place _.inc: after SIGKILL the counter counts exactly the stored adds', async () => {
    const dataDir = tempDir();
    const { ids, signal } = await runWriterAndKill(dataDir, 300, 'txn');
    expect(signal).toBe('SIGKILL');
    const { db } = open(dataDir, JOURNAL);
    const stored = (
      await db
        .collection('journal')
        .where({ seq: db.command.gte(0) })
        .count()
    ).total as number;
    const counter = (await db.collection('journal').doc('counter').get()).data as { c: Record<string, number> };
    // Every acknowledged transaction is there, and nothing half-done: answers and counts agree.
    expect(stored).toBeGreaterThanOrEqual(ids.length);
    expect(counter.c.n).toBe(stored);
    const perKey = Object.entries(counter.c)
      .filter(([k]) => k.startsWith('k'))
      .reduce((n, [, v]) => n + v, 0);
    expect(perKey).toBe(stored);
    for (const id of ids.slice(-20))
      expect((await db.collection('journal').doc(id).get()).data.payload).toHaveLength(100);
  }, 40_000);

  test('after the kill, the store accepts new writes and still enforces the unique index', async () => {
    const dataDir = tempDir();
    await runWriterAndKill(dataDir, 20);
    const { db } = open(dataDir, JOURNAL);
    await expect(db.collection('journal').add({ data: { seq: 0 } })).rejects.toThrow(/E11000/);
    const res = await db.collection('journal').add({ data: { seq: 1_000_000 } });
    expect((await db.collection('journal').doc(res._id).get()).data.seq).toBe(1_000_000);
  }, 40_000);
});

describe('clean restart', () => {
  test('documents, updates, removals, types and created collections survive close and reopen', async () => {
    const dataDir = tempDir();
    const first = open(dataDir, [{ name: 'things' }]);
    const db1 = first.db;
    const _ = db1.command;
    await db1.collection('things').add({
      data: {
        _id: 'a',
        n: 1,
        nested: { deep: { list: [1, { x: 'y' }] } },
        when: new Date('2024-05-06T07:08:09.010Z'),
        stamped: db1.serverDate(),
        pattern: /^ab+c$/i,
        big: 2 ** 40,
        fraction: 0.1,
        flag: false,
        nothing: null,
        text: '中文 ✓',
      },
    });
    await db1.collection('things').add({ data: { _id: 'b', n: 2 } });
    await db1.collection('things').add({ data: { _id: 'c', n: 3 } });
    await db1
      .collection('things')
      .doc('a')
      .update({ data: { n: _.inc(10), added: 'later' } });
    await db1.collection('things').doc('b').remove();
    await db1.createCollection('made_at_runtime');
    await db1.collection('made_at_runtime').add({ data: { _id: 'm', ok: true } });
    await first.cloud.local.close();

    const { db } = open(dataDir, [{ name: 'things' }]);
    const a = (await db.collection('things').doc('a').get()).data;
    expect(a).toMatchObject({
      _id: 'a',
      n: 11,
      added: 'later',
      nested: { deep: { list: [1, { x: 'y' }] } },
      big: 2 ** 40,
      fraction: 0.1,
      flag: false,
      nothing: null,
      text: '中文 ✓',
    });
    expect(a.when).toBeInstanceOf(Date);
    expect(a.when.toISOString()).toBe('2024-05-06T07:08:09.010Z');
    expect(a.stamped.getTime()).toBe(NOW);
    await expect(db.collection('things').doc('b').get()).rejects.toThrow(/does not exist/);
    expect((await db.collection('things').doc('c').get()).data.n).toBe(3);
    expect((await db.collection('made_at_runtime').doc('m').get()).data.ok).toBe(true);
    // A stored regular expression comes back as the SDK decodes one from the wire.
    expect(a.pattern).toEqual({ pattern: '^ab+c$', options: 'i' });
  });

  test('a collection created at runtime exists after a restart even when it is still empty', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    await first.db.createCollection('empty_one');
    await first.cloud.local.close();
    const { db } = open(dataDir);
    expect((await db.collection('empty_one').count()).total).toBe(0);
  });
});
