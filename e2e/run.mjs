/**
 * E2E: starts the dev host (H5 build + functions on the local runtime) on a free loopback port with a
 * fresh data directory and a pinned clock, then runs the browser tests (node:test + playwright-core
 * driving Debian Chromium). Screenshots land in e2e/artifacts/.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'shishi-e2e-'));
mkdirSync(join(here, 'artifacts'), { recursive: true });
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** The pinned clock of the dev host; the tests get it as E2E_NOW (phones on the same clock). */
const now = '2026-11-24T10:00:00+08:00';

const host = spawn(process.execPath, [tsx, join(root, 'devhost', 'src', 'main.ts')], {
  cwd: root,
  env: { ...process.env, PORT: '0', DEMO: '1', DATA_DIR: dataDir, SHISHI_NOW: now },
  stdio: ['ignore', 'pipe', 'inherit'],
});

const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('dev host did not start within 60 s')), 60_000);
  let buffered = '';
  host.stdout.on('data', (chunk) => {
    buffered += chunk;
    process.stdout.write(chunk);
    const m = /dev host: (http:\/\/\S+)/.exec(buffered);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  host.on('exit', (code) => reject(new Error(`dev host exited with ${code}`)));
});

// `node e2e/run.mjs screening survey` runs only the files whose names contain one of the words.
const only = process.argv.slice(2);
// mergeJobs stores 60 more proposals in the shared data directory: it runs last, so the lists other
// files read (first pages of 大家的建议 and screening) hold what they expect.
const LAST = ['mergeJobs.test.ts'];
const tests = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts') && (only.length === 0 || only.some((w) => f.includes(w))))
  .sort((a, b) => Number(LAST.includes(a)) - Number(LAST.includes(b)) || (a < b ? -1 : 1))
  .map((f) => join(here, f));
const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...tests], {
  cwd: root,
  env: { ...process.env, E2E_BASE_URL: url, E2E_DATA_DIR: dataDir, E2E_NOW: now },
  stdio: 'inherit',
});
const code = await new Promise((resolve) => runner.on('exit', (c) => resolve(c ?? 1)));
host.kill('SIGTERM');
await new Promise((resolve) => host.on('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
process.exit(code);
