/**
 * Check-in ingest (issue 13): 1,000 concurrent check-ins at one service point through the `checkin`
 * function on the strict local runtime (lib/checkin-child.ts) — identical ones (one worker, one stored)
 * and distinct workers — with the database requests per check-in counted at the runtime seam.
 *
 * runCheckinBench({ quick, artifacts, log }) → results (plain JSON)
 * checkinMarkdown(results) → markdown lines for BENCHMARKS.md
 * checkinSummaryRows(results) → [{ benchmark, figure, target, met }]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export async function runCheckinBench({ quick = false, log = console.log } = {}) {
  const concurrent = quick ? 100 : 1000;
  const dataDir = mkdtempSync(join(os.tmpdir(), 'shishi-checkin-'));
  const child = await startChild(join(here, 'checkin-child.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { CHECKIN_BENCH_DIR: dataDir },
    timeoutMs: 120_000,
  });
  const results = { quick, concurrent, runs: [], loadAverage: os.loadavg()[0] };
  try {
    for (const [identical, withProject] of [
      [true, true],
      [false, true],
      [false, false],
    ]) {
      const r = await child.call({ name: 'ingest', concurrent, identical, withProject });
      if (r && r.error) throw new Error(`checkin child: ${r.error}`);
      results.runs.push(r);
      log(
        `checkin: ${concurrent} ${identical ? 'identical' : 'distinct'} (${withProject ? 'from the project page' : 'code only'}): ` +
          `${r.perCheckin.toFixed(2)} requests each, stored ${r.storedRows}, served ${r.served} (recompute ${r.recomputed}), ` +
          `failed ${r.failed}, wall ${(r.wallMs / 1000).toFixed(2)} s, p95 ${r.p95.toFixed(0)} ms`,
      );
    }
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

const fmt = (x, d = 0) => (x === undefined || x === null ? '—' : Number(x).toFixed(d));

export function checkinMarkdown(r) {
  if (!r || r.error || !r.runs) return ['## Check-in ingest (issue 13)', '', `Not measured: ${r?.error ?? 'skipped'}`];
  const lines = [
    '## Check-in ingest (issue 13)',
    '',
    `${r.concurrent.toLocaleString('en')} concurrent \`checkin.scan\` calls at one service point, through the function ` +
      'registry on the local runtime in **strict** mode (as CloudBase: a query no index serves fails), real ' +
      'wx-server-sdk over the mingo + LMDB engine, in a child process (lib/checkin-child.ts); clock pinned at ' +
      '2026-11-24 10:00 +08:00. Requests counted at the runtime seam after one warm-up check-in (the code ' +
      'secret is read once per warm instance). ' +
      `"Identical" is one worker ${r.concurrent.toLocaleString('en')} times (one must be stored); ` +
      `"distinct" is ${r.concurrent.toLocaleString('en')} workers once each. ` +
      '"From the project page" passes `projectId` (the profile, point and ' +
      'project come in one aggregate); "code only" is a mini-program-code scan, which reads the project apart.' +
      (r.quick ? ' **--quick: smoke-test counts, not the budget.**' : ''),
    '',
    '| Run | DB requests per check-in | Requests by action | Stored | Served (kept / recompute) | Failed | Wall | p50 / p95 / max latency |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const x of r.runs) {
    const by = Object.entries(x.byAction)
      .map(([k, v]) => `${k.replace('database.', '')} ${v}`)
      .join(', ');
    lines.push(
      `| ${x.identical ? 'identical' : 'distinct'}, ${x.withProject ? 'from the project page' : 'code only'} | ` +
        `${fmt(x.perCheckin, 2)} | ${by} | ${x.storedRows} | ${x.served} / ${x.recomputed} | ${x.failed} | ` +
        `${fmt(x.wallMs / 1000, 2)} s | ${fmt(x.p50)} / ${fmt(x.p95)} / ${fmt(x.max)} ms |`,
    );
  }
  lines.push(
    '',
    'A first check-in is the profile with the point (and project) joined on (1 aggregate), the project when the ' +
      'scan did not name it (1 read), the insert whose `_id` is project + day + person (1), and the conditional ' +
      "counting update of the person's served shard (1). A repeat pays the same: its insert is refused as a " +
      'duplicate key and it counts again, a no-op once counted — which is what counts a check-in whose instance ' +
      'died between insert and counting. No transaction (4 requests by itself in CloudBase).',
    '',
    `Command: \`node bench/run.mjs --only=checkin\`${r.quick ? ' (here with --quick)' : ''}.`,
  );
  return lines;
}

export function checkinSummaryRows(r) {
  if (!r || r.error || !r.runs) return [];
  const ident = r.runs.find((x) => x.identical);
  const fromPage = r.runs.find((x) => !x.identical && x.withProject);
  const codeOnly = r.runs.find((x) => !x.identical && !x.withProject);
  return [
    {
      benchmark: `Check-in: ${r.concurrent.toLocaleString('en')} concurrent identical → stored`,
      figure: `${ident.storedRows} stored, ${ident.failed} failed`,
      target: '1 stored, 0 failed',
      met: ident.storedRows === 1 && ident.failed === 0,
    },
    {
      benchmark: 'DB requests per check-in (distinct workers)',
      figure: `${fmt(fromPage.perCheckin, 2)} from the project page, ${fmt(codeOnly.perCheckin, 2)} by code only`,
      target: '(reported)',
      met: null,
    },
  ];
}
