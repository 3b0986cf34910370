/**
 * Function bundles and cold start (issue 10): builds every cloud function with cloudfunctions/build.mjs
 * into a scratch folder, prints each bundle's size (main file and any lazily loaded chunks), and measures
 * its cold start: a fresh node process (the platform) with the local runtime standing in for
 * wx-server-sdk requires the bundle and answers one call; the time is from just before `require` to the
 * reply. Median of RUNS processes per function.
 *
 *   node scripts/bundle-report.mjs            # table on stdout
 *   node scripts/bundle-report.mjs --json     # machine-readable (bench/run.mjs uses it)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const RUNS = Number(process.env.COLD_START_RUNS ?? 5);

/** One read each function answers for a seeded caller (the dev host's demo identities). */
const CALLS = {
  collectWindow: { openid: 'demo-worker', event: { action: 'current', data: {} } },
  message: { openid: 'demo-worker', event: { action: 'list', data: {} } },
  org: { openid: 'demo-worker', event: { action: 'tree', data: {} } },
  profile: { openid: 'demo-worker', event: { action: 'me', data: {} } },
  project: { openid: 'demo-district', event: { action: 'list', data: {} } },
  proposal: { openid: 'demo-worker', event: { action: 'listMine', data: {} } },
  survey: { openid: 'demo-worker', event: { action: 'listOpen', data: {} } },
};

const out = mkdtempSync(join(tmpdir(), 'shishi-bundles-'));
try {
  execFileSync(process.execPath, [join(root, 'cloudfunctions', 'build.mjs'), '--out', out], {
    cwd: root,
    stdio: json ? 'ignore' : ['ignore', 'ignore', 'inherit'],
  });
  const rows = [];
  for (const name of readdirSync(out).sort()) {
    const dir = join(out, name);
    const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js'));
    const main = statSync(join(dir, 'index.js')).size;
    const total = files.reduce((n, f) => n + statSync(join(dir, String(f))).size, 0);
    const call = CALLS[name];
    const times = [];
    let reply;
    for (let i = 0; call && i < RUNS; i++) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts', 'lib', 'cold-start-child.ts'), join(dir, 'index.js')],
        { cwd: root, input: JSON.stringify(call), encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
      );
      if (child.status !== 0) throw new Error(`cold start of ${name} failed:\n${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split('\n').pop());
      times.push(result.ms);
      reply = result.reply;
    }
    times.sort((a, b) => a - b);
    rows.push({
      name,
      mainKB: +(main / 1024).toFixed(1),
      totalKB: +(total / 1024).toFixed(1),
      lazy: files.length - 1,
      coldStartMs: times.length ? +times[Math.floor(times.length / 2)].toFixed(1) : null,
      call: call ? `${name}.${call.event.action}` : null,
      ok: reply?.ok ?? null,
    });
  }
  if (json) {
    console.log(JSON.stringify(rows));
  } else {
    console.log(`function        main KB   all KB  lazy  cold start (median of ${RUNS})  call`);
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(14)} ${String(r.mainKB).padStart(8)} ${String(r.totalKB).padStart(8)} ${String(r.lazy).padStart(5)}  ${String(r.coldStartMs).padStart(8)} ms` +
          `                ${r.call} ${r.ok ? 'ok' : 'FAILED'}`,
      );
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
