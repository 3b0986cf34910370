/**
 * Child process for durability.test.ts: opens the local cloud on the data directory given as the
 * first argument and adds documents forever, printing `ACK <id>` once each add has been acknowledged.
 * The test kills it with SIGKILL at some point and checks that every acknowledged id was kept.
 * With `txn` as the second argument it runs 8 loops of transactions instead, each adding an answer and
 * `_.inc`ing a shared counter document (stored as patches), printing `ACK <id> <n>`.
 */
import { createLocalCloud } from '../src';

const dataDir = process.argv[2];
const mode = process.argv[3] ?? 'plain';
if (!dataDir) throw new Error('usage: durability-writer <dataDir> [txn]');

// A guard in case the test that should kill this process dies first: stop on our own after a while.
setTimeout(() => process.exit(2), 30_000).unref();

const cloud = createLocalCloud({
  dataDir,
  collections: [{ name: 'journal', indexes: [{ name: 'seq_1', keys: { seq: 1 }, unique: true }] }],
});
const db = cloud.database();
const _ = db.command;

async function main(): Promise<void> {
  await db.collection('journal').add({ data: { _id: 'counter', n: 0 } });
  process.stdout.write('READY\n');
  for (let seq = 0; ; seq++) {
    const _id = `w${seq}`;
    // A plain add, and alongside it an update of a shared counter, each acknowledged on its own.
    const [added] = await Promise.all([
      db.collection('journal').add({ data: { _id, seq, at: new Date(), payload: 'x'.repeat(200) } }),
      db
        .collection('journal')
        .doc('counter')
        .update({ data: { n: _.inc(1) } }),
    ]);
    process.stdout.write(`ACK ${added._id} ${seq + 1}\n`);
  }
}

async function transactions(): Promise<void> {
  await db.collection('journal').add({ data: { _id: 'counter', c: { n: 0 } } });
  process.stdout.write('READY\n');
  let next = 0;
  const loop = async () => {
    for (;;) {
      const seq = next++;
      const _id = `t${seq}`;
      await db.runTransaction(async (t: typeof db) => {
        await t.collection('journal').add({ data: { _id, seq, payload: 'y'.repeat(100) } });
        await t
          .collection('journal')
          .doc('counter')
          .update({ data: { 'c.n': _.inc(1), [`c.k${seq % 7}`]: _.inc(1), at: new Date() } });
      }, 20);
      process.stdout.write(`ACK ${_id} ${seq + 1}\n`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, loop));
}

(mode === 'txn' ? transactions() : main()).catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
