/**
 * Child process for pushCrash.test.ts: opens the local cloud (strict) on the data directory given, seeds
 * it as the dev host does, binds workers who each accept the 关注项目动态通知 template twice, queues one
 * push to all of them, prints `READY <clock ms>`, then drains on a simulated clock (no real waiting
 * between ticks). The send stand-in prints `OUT <openid>` the moment a message is handed over (what
 * WeChat would deliver), before the drain records it. The test kills this process with SIGKILL mid-drain.
 *
 * Arguments: <dataDir> <start ms> <workers>.
 */
import { createLocalCloud } from '@shishi/local-cloud';
import { collections, subscribeTopics } from '@shishi/shared-types';
import { seed } from '../../devhost/src/seed';
import { createCtx } from '../common/context';
import { drainPushes, enqueuePush } from '../common/push';
import { functions } from '../registry';

const [dataDir, startArg, workersArg] = process.argv.slice(2);
if (!dataDir || !startArg || !workersArg) throw new Error('usage: pushCrash-drainer <dataDir> <start ms> <workers>');
setTimeout(() => process.exit(2), 60_000).unref();

let clock = Number(startArg);
const now = () => clock;
const cloud = createLocalCloud({ dataDir, collections, now, strict: true });
const TEMPLATE = subscribeTopics.projectNews.templateId;

async function call(openid: string, fn: string, action: string, data: unknown): Promise<void> {
  clock += 1000;
  const reply = await cloud.local.runAs({ OPENID: openid }, () =>
    functions[fn].handle(cloud, { action, data }, { now }),
  );
  if (!reply.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(reply.error)}`);
}

async function main(): Promise<void> {
  await cloud.local.engine.inspect(() => seed(cloud.database(), new Date(clock)));
  const openids: string[] = [];
  for (let k = 0; k < Number(workersArg); k += 1) {
    const id = `crash-${String(k).padStart(4, '0')}`;
    await call(id, 'profile', 'bind', { name: '测试职工', orgId: 'gr-zs-sanitation' });
    await call(id, 'push', 'subscribe', { results: { [TEMPLATE]: 'accept' } });
    await call(id, 'push', 'subscribe', { results: { [TEMPLATE]: 'accept' } });
    openids.push(id);
  }
  await enqueuePush(createCtx(cloud, 'test', new Date(clock)), {
    topic: 'projectNews',
    audience: { kind: 'people', openids },
    data: {
      thing1: { value: '职工食堂' },
      thing2: { value: '服务时间改到周六' },
      time3: { value: '2026-11-24 10:00' },
    },
    page: 'packages/project/pages/detail/index?id=p1',
    source: { type: 'announcement', id: 'crash' },
    key: 'crash',
  });
  process.stdout.write(`READY ${clock}\n`);
  const api = cloud.openapi.subscribeMessage;
  const send = api.send.bind(api);
  api.send = async (args) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    process.stdout.write(`OUT ${args.touser}\n`);
    return send(args);
  };
  const sim = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
  for (;;) {
    const r = await drainPushes(cloud, new Date(clock), { clock: sim, sendsPerSecond: 25 });
    if (!r.more) break;
  }
  process.stdout.write('DONE\n');
  setInterval(() => undefined, 1000);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
