/** `npm start` runs this: the dev host on the local runtime, with seeded demo data. */
import { loadConfig, modeLine } from './config';
import { seedProjects } from './seedProjects';
import { startDevHost } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const host = await startDevHost(config);
  // Demo projects in every state (through the real functions); skipped once any project exists.
  // A failure here leaves the demo without some projects; the host itself keeps running.
  if (config.DEMO === '1') {
    try {
      const demo = await seedProjects(host.cloud, new Date(config.now()));
      if (!demo.skipped) console.log(`demo projects: ${demo.projectIds.length} added`);
    } catch (e) {
      console.error('[devhost] demo projects were not (all) added:', e instanceof Error ? e.message : e);
    }
  }
  console.log(`为职工办实事 dev host: ${host.url}  (data: ${config.DATA_DIR})`);
  console.log(modeLine(config));
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
