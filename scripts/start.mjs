/**
 * `npm start`: builds the H5 client if it is missing or older than its sources (a stamp of client/src,
 * client/config and shared-types/src saved with the build: scripts/lib/clientStamp.mjs), then runs the
 * dev host (H5 + /api on the local runtime, seeded demo data) in demo mode (DEMO=1: dev login for the
 * seeded identities, on 127.0.0.1 unless HOST says otherwise). PORT, HOST, DATA_DIR and DEMO are read by
 * the dev host.
 */
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceStamp, staleReason, writeStamp } from './lib/clientStamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stale = staleReason(root);
if (stale) {
  console.log(`${stale}: building the H5 client (npm run build:h5, about a minute and a half)…`);
  const stamp = sourceStamp(root);
  const r = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeStamp(root, stamp);
}
const child = spawn(
  process.execPath,
  [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'devhost', 'src', 'main.ts')],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'), DEMO: process.env.DEMO ?? '1' },
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
