/**
 * Function bundles and cold start (issue 10), for `npm run bench -- --only=bundles`: every function the
 * build produces (scripts/bundle-report.mjs: cloudfunctions/build.mjs into a scratch folder, the same
 * bundles `npm run build:functions` writes to dist/cloudfunctions), its size and its cold start — a fresh
 * node process requires the bundle and answers one call on the local runtime; median of RUNS, the
 * functions taken in turn each round.
 *
 * runBundleBench({ quick, artifacts, log }) → results (plain JSON)
 * bundleMarkdown(results) → markdown lines for BENCHMARKS.md
 * bundleSummaryRows(results) → [{ benchmark, figure, target, met }]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { bundleReport } from '../../scripts/bundle-report.mjs';

const FULL = { runs: 7 };
const QUICK = { runs: 2 };

export async function runBundleBench({ quick = false, artifacts, log = console.log } = {}) {
  const params = quick ? QUICK : FULL;
  const t0 = Date.now();
  const loadStart = os.loadavg()[0];
  const rows = bundleReport({ runs: params.runs, log: (m) => log(`bundles: ${m}`) });
  for (const r of rows)
    log(
      `bundles: ${r.name} ${(r.mainBytes / 1024).toFixed(1)} KB (+${(r.lazyBytes / 1024).toFixed(1)} KB lazy), ` +
        `cold start ${r.coldStartMs} ms (${r.call} ${r.ok ? 'ok' : r.code})`,
    );
  const results = {
    quick,
    params,
    rows,
    loadAverage: { start: loadStart, end: os.loadavg()[0] },
    elapsedS: (Date.now() - t0) / 1000,
  };
  if (artifacts) writeFileSync(join(artifacts, 'bundles.json'), JSON.stringify(results, null, 2));
  return results;
}

const kb = (b) => (b / 1024).toFixed(1);
const fmt = (n, d = 0) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '—');

export function bundleMarkdown(r) {
  const title = '## Function bundles and cold start (issue 10)';
  if (!r || r.error) return [title, '', `Not measured: ${r?.error ?? 'skipped'}`];
  const rows = r.rows;
  const lines = [
    title,
    '',
    'Every function `cloudfunctions/build.mjs` builds (each folder of cloudfunctions/ with an index.ts and a ' +
      'config.json: what `npm run build:functions` writes to dist/cloudfunctions), built into a scratch folder by ' +
      'scripts/bundle-report.mjs. **Cold start**: a fresh `node` process per sample sets up the platform part ' +
      'untimed (the local runtime standing in for wx-server-sdk over a seeded data directory), then the timed part ' +
      'requires the bundle (**load**) and answers one call (**call**). ' +
      `Median of ${r.params.runs} processes per function, the functions taken in turn in each round (side by side: ` +
      'load on the machine falls on all of them alike). The call is a read of the dev host’s demo identities; a ' +
      'function the report has no call for gets the first read its contracts allow with empty input (marked *).' +
      (r.quick ? ' **--quick: smoke-test counts.**' : ''),
    '',
    '| Function | index.js (KB) | Loaded on export only (KB) | Cold start (ms) | Load (ms) | Call (ms) | Samples (ms) | Call answered |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const x of rows) {
    const lazy = x.lazyBytes
      ? `${kb(x.lazyBytes)} (${x.lazyFiles.map((f) => f.replace(/^lazy\//, '')).join(', ')})`
      : '0';
    const answered = `\`${x.call}\`${x.picked ? '*' : ''} as ${x.caller}: ` + (x.ok ? 'ok' : `${x.code ?? 'error'}`);
    lines.push(
      `| ${x.name} | ${kb(x.mainBytes)} | ${lazy} | **${fmt(x.coldStartMs)}** | ${fmt(x.loadMs)} | ${fmt(x.callMs)} | ` +
        `${x.all.map((v) => fmt(v)).join(', ')} | ${answered} |`,
    );
  }
  const biggest = [...rows].sort((a, b) => b.mainBytes - a.mainBytes)[0];
  const slowest = [...rows].sort((a, b) => b.coldStartMs - a.coldStartMs)[0];
  lines.push(
    '',
    `${rows.length} functions. Largest index.js: ${biggest?.name} ${kb(biggest?.mainBytes ?? 0)} KB; slowest cold start: ` +
      `${slowest?.name} ${fmt(slowest?.coldStartMs)} ms. Load average ${fmt(r.loadAverage.start, 2)} at the start, ` +
      `${fmt(r.loadAverage.end, 2)} at the end; section ${fmt(r.elapsedS)} s. A call that is not ok (a function none of ` +
      'whose actions takes empty input answers an unknown action) still loads the whole bundle and answers.',
    '',
    '- The bundles carry zod’s zh-CN and en locales only (the build replaces zod’s locale barrel), and exceljs / docx ' +
      'are bundled apart into `lazy/<lib>.js`, required the first time an export touches them: a cold start that ' +
      'answers anything else neither reads nor evaluates them.',
    '- The local runtime is not CloudBase: production adds the platform’s own container start and wx-server-sdk’s ' +
      'initialisation, which this does not measure; compare the functions with each other and across runs.',
  );
  return lines;
}

export function bundleSummaryRows(r) {
  if (!r || r.error || !r.rows?.length) return [];
  const sum = r.rows.reduce((n, x) => n + x.mainBytes, 0);
  const biggest = [...r.rows].sort((a, b) => b.mainBytes - a.mainBytes)[0];
  const cold = r.rows.map((x) => x.coldStartMs).sort((a, b) => a - b);
  return [
    {
      benchmark: `Function bundles (${r.rows.length} functions)`,
      figure: `index.js ${kb(Math.min(...r.rows.map((x) => x.mainBytes)))}–${kb(biggest.mainBytes)} KB (largest: ${biggest.name}); ${kb(sum)} KB together`,
      target: '(reported)',
      met: null,
    },
    {
      benchmark: 'Function cold start (load + one call, local runtime)',
      figure: `${fmt(cold[0])}–${fmt(cold.at(-1))} ms, median ${fmt(cold[Math.floor(cold.length / 2)])} ms`,
      target: '(reported)',
      met: null,
    },
  ];
}
