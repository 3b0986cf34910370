/**
 * Function bundles and cold start (issue 10): builds every cloud function with cloudfunctions/build.mjs
 * (every folder with an index.ts and a config.json: what `npm run build:functions` puts in
 * dist/cloudfunctions) into a scratch folder, reports each bundle's size (main file and the chunks it
 * loads lazily), and measures its cold start: a fresh node process (the platform) with the local runtime
 * standing in for wx-server-sdk requires the bundle and answers one call; the time is from just before
 * `require` to the reply, split into the load and the call. Median of RUNS processes per function, the
 * functions taken in turn in each round (side by side: load on the machine touches all alike).
 *
 *   node scripts/bundle-report.mjs            # table on stdout
 *   node scripts/bundle-report.mjs --json     # machine-readable
 *   COLD_START_RUNS=3 node scripts/bundle-report.mjs
 *
 * bench/lib/bundle-bench.mjs (`npm run bench -- --only=bundles`) calls bundleReport() and writes the
 * figures to BENCHMARKS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * One read each function answers for a seeded caller (the dev host's demo identities). A function not
 * listed gets a call picked from its contracts by the child (scripts/lib/cold-start-child.ts).
 */
export const CALLS = {
  collectWindow: { openid: 'demo-worker', event: { action: 'current', data: {} } },
  message: { openid: 'demo-worker', event: { action: 'list', data: {} } },
  org: { openid: 'demo-worker', event: { action: 'tree', data: {} } },
  profile: { openid: 'demo-worker', event: { action: 'me', data: {} } },
  project: { openid: 'demo-district', event: { action: 'list', data: {} } },
  proposal: { openid: 'demo-worker', event: { action: 'listMine', data: {} } },
  survey: { openid: 'demo-worker', event: { action: 'listOpen', data: {} } },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const round1 = (x) => (x === null ? null : +x.toFixed(1));

/** Sizes of each built function (bytes): index.js, the lazy chunks, everything. */
function sizes(dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js'));
  const main = statSync(join(dir, 'index.js')).size;
  const total = files.reduce((n, f) => n + statSync(join(dir, String(f))).size, 0);
  return { main, lazy: total - main, total, lazyFiles: files.filter((f) => String(f) !== 'index.js').map(String) };
}

function coldStart(bundle, name) {
  const input = JSON.stringify(CALLS[name] ?? { fn: name });
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'lib', 'cold-start-child.ts'), bundle],
    { cwd: root, input, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
  );
  if (child.status !== 0) throw new Error(`cold start of ${name} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

/**
 * Builds and measures every function. Returns one row per function found in the build output:
 * { name, mainBytes, lazyBytes, totalBytes, lazyFiles, runs, coldStartMs, loadMs, callMs, all[], call, ok, code }.
 */
export function bundleReport({ runs = 5, log = () => undefined } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'shishi-bundles-'));
  try {
    log('building the functions (cloudfunctions/build.mjs)…');
    execFileSync(process.execPath, [join(root, 'cloudfunctions', 'build.mjs'), '--out', out], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const names = readdirSync(out)
      .filter((n) => statSync(join(out, n)).isDirectory())
      .sort();
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < runs; i++) {
      // One process per function a round, the functions in turn (rotated each round).
      const order = names.map((_, k) => names[(k + i) % names.length]);
      for (const name of order) samples[name].push(coldStart(join(out, name, 'index.js'), name));
      log(`cold starts: round ${i + 1} of ${runs} done`);
    }
    return names.map((name) => {
      const s = sizes(join(out, name));
      const xs = samples[name];
      const last = xs.at(-1);
      return {
        name,
        mainBytes: s.main,
        lazyBytes: s.lazy,
        totalBytes: s.total,
        lazyFiles: s.lazyFiles,
        runs: xs.length,
        coldStartMs: round1(median(xs.map((x) => x.ms))),
        loadMs: round1(median(xs.map((x) => x.loadMs))),
        callMs: round1(median(xs.map((x) => x.callMs))),
        all: xs.map((x) => round1(x.ms)),
        call: last ? `${name}.${last.call.action}` : null,
        caller: last?.call.openid ?? null,
        picked: !CALLS[name],
        ok: last?.reply.ok ?? null,
        code: last?.reply.code ?? null,
      };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const json = process.argv.includes('--json');
  const runs = Number(process.env.COLD_START_RUNS ?? 5);
  const rows = bundleReport({ runs, log: json ? undefined : (m) => console.error(m) });
  if (json) {
    console.log(JSON.stringify(rows));
  } else {
    const kb = (b) => (b / 1024).toFixed(1).padStart(8);
    console.log(`function        main KB  lazy KB  cold start ms (load + call, median of ${runs})  call`);
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(14)} ${kb(r.mainBytes)} ${kb(r.lazyBytes)}  ${String(r.coldStartMs).padStart(8)} (${r.loadMs} + ${r.callMs})` +
          `      ${r.call} as ${r.caller}: ${r.ok ? 'ok' : `FAILED ${r.code}`}`,
      );
    }
  }
}
