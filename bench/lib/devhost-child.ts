/**
 * The dev host under test, in its own process (the load generator runs in the parent, so the two do
 * not share a core's event loop). Started by bench/run.mjs with `node --import tsx`; talks over IPC:
 * it sends { type: 'ready', url } and answers { cmd: 'resetCounts' | 'counts' | 'proposalCount' | 'memory' | 'close' }.
 */
import { loadConfig } from '../../devhost/src/config';
import { startDevHost } from '../../devhost/src/server';

type Command = { id: number; cmd: 'resetCounts' | 'counts' | 'proposalCount' | 'memory' | 'close' };

async function main(): Promise<void> {
  if (!process.send) throw new Error('run me from bench/run.mjs (needs an IPC channel)');
  const host = await startDevHost(loadConfig({ ...process.env, PORT: '0' }));
  const engine = host.cloud.local.engine;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= host.close());
  process.on('message', (message: Command) => {
    const reply = (data: unknown) => process.send?.({ id: message.id, data });
    switch (message.cmd) {
      case 'resetCounts':
        engine.resetCounts();
        return reply(null);
      case 'counts':
        return reply({ total: engine.totalRequests(), byAction: Object.fromEntries(engine.requestCounts) });
      case 'proposalCount':
        void host.cloud
          .database()
          .collection('proposals')
          .count()
          .then((r: { total: number }) => reply(r.total));
        return;
      case 'memory':
        return reply(process.memoryUsage());
      case 'close':
        void close().then(() => {
          reply(null);
          process.disconnect();
        });
        return;
    }
  });
  // The parent went away without asking: do not linger.
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
  process.send({ type: 'ready', url: host.url });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
