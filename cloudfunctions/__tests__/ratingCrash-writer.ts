/**
 * Child process for ratingCrash.test.ts: opens the local cloud on the data directory given, seeds it as
 * the dev host does, adds a 中山区 project in progress, opens rating on it and binds many workers through
 * the real functions, prints `READY <clock ms>`, then rates as different workers in 8 concurrent loops
 * through the real `rating` function — every third worker also changes their rating right after —
 * printing `ACK <openid>` once the worker's last reply came back (and `STORED` whenever a rating's insert
 * or change was acknowledged, before it is counted). The test kills it with SIGKILL in the middle.
 *
 * Arguments: <dataDir> <start ms> <workers>. The clock moves one second a call while setting up; during
 * the ratings it stands still, so every rating is stored at the clock printed with READY (a change 1 ms
 * later).
 */
import { businessDate, type RatingSubmitOutput } from '@shishi/shared-types';
import { seed } from '../../devhost/src/seed';
import { workers } from './surveyFixtures';
import { crashWorld } from './crashWorld';
import { projectDoc } from './fixtures';

const [dataDir, startArg, workersArg] = process.argv.slice(2);
if (!dataDir || !startArg || !workersArg) throw new Error('usage: ratingCrash-writer <dataDir> <start ms> <workers>');
const ORGS = ['gr-zs-mall', 'gr-zs-sanitation', 'gr-zs-couriers'];
const LOOPS = 8;
const CRASH_PROJECT = 'pj-crash';

setTimeout(() => process.exit(2), 60_000).unref();

const { cloud, db, world, now, stopTicking } = crashWorld(dataDir, Number(startArg));

const scores = (k: number) => ({
  awareness: (k % 5) + 1,
  participation: ((k + 1) % 5) + 1,
  benefit: ((k + 2) % 5) + 1,
  satisfaction: ((k + 3) % 5) + 1,
});

async function main(): Promise<void> {
  await seed(db, new Date(now()));
  const at = new Date(now());
  await db.collection('projects').add({ data: projectDoc(CRASH_PROJECT, at) });
  const opened = await world.call('demo-district', 'rating', 'configure', {
    projectId: CRASH_PROJECT,
    opensOn: businessDate(new Date(now())),
    eligibility: 'audience',
  });
  if (!opened.ok) throw new Error(`configure: ${JSON.stringify(opened)}`);
  const ws = await workers(world, Number(workersArg), ORGS);
  stopTicking();
  const engine = cloud.local.engine;
  const send = engine.send.bind(engine);
  engine.send = async (action, params) => {
    const reply = await send(action, params);
    const write = action === 'database.insertDocument' || action === 'database.modifyDocument';
    if (write && params?.collectionName === 'ratings' && !reply.code) process.stdout.write('STORED\n');
    return reply;
  };
  process.stdout.write(`READY ${now()}\n`);
  let next = 0;
  const loop = async () => {
    for (let k = next++; k < ws.length; k = next++) {
      const first = await world.call(ws[k], 'rating', 'submit', { projectId: CRASH_PROJECT, scores: scores(k) });
      if (!first.ok || (first.data as RatingSubmitOutput).status !== 'submitted')
        throw new Error(`rating of ${ws[k]}: ${JSON.stringify(first)}`);
      if (k % 3 === 0) {
        const change = await world.call(ws[k], 'rating', 'submit', { projectId: CRASH_PROJECT, scores: scores(k + 2) });
        if (!change.ok || (change.data as RatingSubmitOutput).status !== 'updated')
          throw new Error(`change of ${ws[k]}: ${JSON.stringify(change)}`);
      }
      process.stdout.write(`ACK ${ws[k]}\n`);
    }
  };
  await Promise.all(Array.from({ length: LOOPS }, loop));
  process.stdout.write('DONE\n');
  setInterval(() => undefined, 1000);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
