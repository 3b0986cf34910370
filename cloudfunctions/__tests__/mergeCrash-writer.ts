/**
 * Child process for mergeCrash.test.ts: opens the strict local cloud on the data directory given, seeds
 * it as the dev host does, builds a cluster of <n> + 1 proposals through the real functions
 * (mergeFixtures), prints `READY <keepId> <clock ms>`, then asks the real `proposal.merge` (as
 * 调查研究室) to merge the <n> into the first: a job whose first slice runs in this call. It prints
 * `COMMIT` whenever a transaction commits (each one merges up to MERGE_TX proposals), so the test can
 * kill it with SIGKILL in the middle of a batch.
 *
 * Arguments: <dataDir> <start ms> <n>. The clock starts at `start` and moves one second a call while
 * setting up; during the merge it stands still.
 */
import { createLocalCloud } from '@shishi/local-cloud';
import { collections } from '@shishi/shared-types';
import { seed } from '../../devhost/src/seed';
import { buildCluster } from './mergeFixtures';
import { worldOn } from './world';

const [dataDir, startArg, nArg] = process.argv.slice(2);
if (!dataDir || !startArg || !nArg) throw new Error('usage: mergeCrash-writer <dataDir> <start ms> <n>');

// A guard in case the test that should kill this process dies first: stop on our own after a while.
setTimeout(() => process.exit(2), 120_000).unref();

let clock = Number(startArg);
let ticking = true;
const now = () => clock;
const cloud = createLocalCloud({ dataDir, collections, now, strict: true });
const db = cloud.database();

/** What mergeFixtures needs of a World, on this process's cloud. */
const world = worldOn(cloud, {
  now,
  set: (ms) => (clock = ms),
  tick: () => {
    if (ticking) clock += 1000;
  },
  close: () => cloud.local.close(),
});

async function main(): Promise<void> {
  await cloud.local.engine.inspect(() => seed(db, new Date(clock)));
  const { keepId, ids } = await buildCluster(world, Number(nArg));
  ticking = false;
  // Watches (and changes nothing): `COMMIT` once a transaction's commit is acknowledged.
  const engine = cloud.local.engine;
  const send = engine.send.bind(engine);
  engine.send = async (action, params) => {
    const reply = await send(action, params);
    if (action === 'database.commitTransaction' && !reply.code) process.stdout.write('COMMIT\n');
    return reply;
  };
  process.stdout.write(`READY ${keepId} ${clock}\n`);
  const reply = await world.call('demo-research', 'proposal', 'merge', { keepId, mergeIds: ids, note: '同一件事' });
  // The first slice ended before the kill: say so, and wait for it.
  process.stdout.write(`DONE ${JSON.stringify(reply).slice(0, 200)}\n`);
  setInterval(() => undefined, 1000);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
