/**
 * Child process for surveyCrash.test.ts: opens the local cloud on the data directory given, seeds it as
 * the dev host does, creates and publishes a named survey and binds many workers through the real
 * functions, prints `READY <surveyId> <clock ms>`, then submits answers as different workers in 8
 * concurrent loops through the real `survey` function, printing `ACK <openid>` once a submission replied
 * 'submitted' (and `STORED` whenever an answer's insert was acknowledged, before it is counted). The
 * test kills it with SIGKILL somewhere in the middle.
 *
 * Arguments: <dataDir> <start ms> <workers>. The clock starts at `start` and moves one second a call
 * while setting up (as world.ts does); during the submissions it stands still, so every answer is
 * created at the clock printed with READY.
 */
import type { SubmitSurveyOutput } from '@shishi/shared-types';
import { seed } from '../../devhost/src/seed';
import { answers, groupsOf, publishedSurvey, workers } from './surveyFixtures';
import { crashWorld } from './crashWorld';

const [dataDir, startArg, workersArg] = process.argv.slice(2);
if (!dataDir || !startArg || !workersArg) throw new Error('usage: surveyCrash-writer <dataDir> <start ms> <workers>');
const ORGS = ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus', 'gr-gjz-riders', 'gr-edu-24'];
const LOOPS = 8;

// A guard in case the test that should kill this process dies first: stop on our own after a while.
setTimeout(() => process.exit(2), 60_000).unref();

const { cloud, db, world, now, stopTicking } = crashWorld(dataDir, Number(startArg));

async function main(): Promise<void> {
  await seed(db, new Date(now()));
  const surveyId = await publishedSurvey(world);
  const ws = await workers(world, Number(workersArg), ORGS);
  stopTicking();
  // Watches (and changes nothing): `STORED` once an answer's insert is acknowledged, before its counting
  // update is sent, so the test can aim its kill between the two.
  const engine = cloud.local.engine;
  const send = engine.send.bind(engine);
  engine.send = async (action, params) => {
    const reply = await send(action, params);
    if (action === 'database.insertDocument' && params?.collectionName === 'surveyAnswers' && !reply.code)
      process.stdout.write('STORED\n');
    return reply;
  };
  process.stdout.write(`READY ${surveyId} ${now()}\n`);
  let next = 0;
  const loop = async () => {
    for (let k = next++; k < ws.length; k = next++) {
      const reply = await world.call(ws[k], 'survey', 'submit', { surveyId, answers: answers(k), groups: groupsOf(k) });
      const status = reply.ok ? (reply.data as SubmitSurveyOutput).status : null;
      if (status !== 'submitted') throw new Error(`submission of ${ws[k]}: ${JSON.stringify(reply)}`);
      process.stdout.write(`ACK ${ws[k]}\n`);
    }
  };
  await Promise.all(Array.from({ length: LOOPS }, loop));
  // Out of workers before the kill: say so, and wait for it.
  process.stdout.write('DONE\n');
  setInterval(() => undefined, 1000);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
