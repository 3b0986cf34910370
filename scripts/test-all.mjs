/**
 * `npm test`: every check, in the order a failure is cheapest to find.
 * typecheck → lint → jest (rules, runtime conformance, functions on the local runtime, dev host; the date
 * tests again under TZ=Europe/Berlin and TZ=Australia/Sydney) →
 * builds (functions, H5, weapp) → WeChat toolchain checks on the weapp build → e2e in Chromium.
 * Installs Debian's Chromium first when it is missing (root only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

function run(label, cmd, args, env = {}) {
  if (only.length && !only.includes(label)) return;
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    console.error(
      'Chromium is missing: install it with `sudo apt-get install chromium fonts-noto-cjk`, then run npm test again.',
    );
    process.exit(1);
  }
  console.log('Installing Debian Chromium and CJK fonts for the e2e tests…');
  run('apt-update', 'apt-get', ['update', '-qq']);
  run('apt-install', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);
run('jest', 'npx', ['jest', '--ci']);
// Business dates are built at a fixed +08:00: the date tests again on hosts with daylight saving.
const dateTests = [
  'shared-types/__tests__/(businessTime|collectWindow|surveyScope|windowRules|projectRules)',
  'cloudfunctions/__tests__/collectWindow',
];
for (const TZ of ['Europe/Berlin', 'Australia/Sydney']) run('jest-tz', 'npx', ['jest', '--ci', ...dateTests], { TZ });
run('build-functions', 'npm', ['run', '--silent', 'build:functions']);
run('build-h5', 'npm', ['run', '--silent', 'build:h5']);
run('build-weapp', 'npm', ['run', '--silent', 'build:weapp']);
run('weapp-checks', 'node', ['scripts/check-weapp.mjs']);
if (!only.length || only.includes('e2e')) ensureChromium();
run('e2e', 'node', ['e2e/run.mjs']);
