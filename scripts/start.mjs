/**
 * `npm start`: builds the H5 client if it is missing, then runs the dev host (H5 + /api on the local
 * runtime, seeded demo data) in demo mode (DEMO=1: dev login for the seeded identities, on 127.0.0.1
 * unless HOST says otherwise). PORT, HOST, DATA_DIR and DEMO are read by the dev host.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'client', 'dist', 'h5', 'index.html'))) {
  console.log('H5 build missing: building it once (npm run build:h5)…');
  const r = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
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
