/**
 * 绩效看板 (issue 11): `kpi.dashboard` at 5,000 projects over five years (2023–2027, 1,000 a year) for a
 * district staff member and for the city (调查研究室, a leader), by year, and `kpi.project`, on the local
 * runtime in strict mode (lib/kpi-child.ts): p50 / p95 and the database requests per call.
 *
 * runKpiBench({ quick, log }) → results (plain JSON)
 * kpiMarkdown(results) → markdown lines for BENCHMARKS.md
 * kpiSummaryRows(results) → [{ benchmark, figure, target, met }]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** What a staff member opening 绩效看板 should wait at most for the reply (ms, local runtime, p95). */
const P95_TARGET_MS = 1000;

const CALLER_LABELS = {
  district: '区总工会工作人员 (demo-district, 中山区总工会)',
  research: '调查研究室 (demo-research, 全市)',
  leader: '分管领导 (demo-leader, 全市)',
};

export async function runKpiBench({ quick = false, log = console.log } = {}) {
  const child = await startChild(join(here, 'kpi-child.ts'), { execArgv: ['--import', 'tsx'], timeoutMs: 120_000 });
  try {
    const r = await child.call({
      name: 'kpi',
      projects: quick ? 500 : 5_000,
      calls: quick ? 3 : 20,
      warmup: quick ? 1 : 3,
      years: quick ? [2026, 2027] : [2023, 2024, 2025, 2026, 2027],
    });
    if (r && r.error) throw new Error(`kpi child: ${r.error}`);
    for (const x of r.rows)
      log(
        `kpi.dashboard ${x.year} ${x.label}: ${x.projects} projects, p50 ${x.p50.toFixed(1)} ms, ` +
          `p95 ${x.p95.toFixed(1)} ms, ${x.requests.toFixed(1)} requests/call`,
      );
    log(
      `kpi.project: p50 ${r.project.p50.toFixed(1)} ms, p95 ${r.project.p95.toFixed(1)} ms, ${r.project.requests} requests`,
    );
    return { quick, ...r };
  } finally {
    await child.stop();
  }
}

const fmt = (x, d = 1) => (x === undefined || x === null ? '—' : Number(x).toFixed(d));
const n = (x) => Number(x).toLocaleString('en');

export function kpiMarkdown(r) {
  if (!r || r.error || !r.rows) return ['## KPI dashboard (issue 11)', '', `Not measured: ${r?.error ?? 'skipped'}`];
  const lines = [
    '## KPI dashboard (issue 11)',
    '',
    `\`kpi.dashboard\` (绩效看板) and \`kpi.project\` (项目绩效卡) through the real function on the local runtime in ` +
      '**strict** mode (every query served by a declared index), in a child process (lib/kpi-child.ts). ' +
      `${n(r.projects)} projects over 2023–2027 (${n(r.projects / 5)} a year) spread over the demo district and ` +
      'industry unions, each routed to a department and 调查研究室, inserted directly with what the KPIs read: 8 ' +
      `check-in "served" counter shards each holding a mark per person (${n(r.totals.served)} served in all), 8 ` +
      `page-viewer shards, 8 rating counter shards with their marks (${n(r.totals.ratings)} ratings), ` +
      `${n(r.totals.tranches)} tranches, the spending total, and ${n(r.totals.forums)} 现场座谈 with follow-ups. ` +
      `Each figure is ${r.calls} calls one at a time after ${r.warmup} warm-up call(s).` +
      (r.quick ? ' **--quick: smoke-test counts, not the target.**' : ''),
    '',
    '| Year | Caller | Projects | p50 | p95 | max | DB requests / call |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const x of r.rows)
    lines.push(
      `| ${x.year} | ${CALLER_LABELS[x.label] ?? x.label} | ${n(x.projects)} | ${fmt(x.p50)} ms | **${fmt(x.p95)} ms** | ` +
        `${fmt(x.max)} ms | ${fmt(x.requests)} |`,
    );
  const p = r.project;
  lines.push(
    '',
    `\`kpi.project\` (调查研究室, ${r.calls} projects across the city): p50 ${fmt(p.p50)} ms, **p95 ${fmt(p.p95)} ms**, ` +
      `max ${fmt(p.max)} ms, ${fmt(p.requests)} DB requests per call.`,
    '',
    'A dashboard reads the year’s projects of the caller’s reach in one aggregate, then side by side per 125 ' +
      'projects the served shards (only `projectId` and `n`, never the marks), the viewer shards, the tranches and ' +
      'the five 满意度 rating counters, plus the signal decisions, the thresholds and the forum figures; it sums ' +
      'them in the function, so every figure is the sum of the kept counters and equals a recompute. The city reads ' +
      '1,000 projects, hence its 62 requests (mostly side by side; the forum figures are read 100 projects at a ' +
      'time one after another); a district reads its own subtree. Earlier runs (at a load average of 6–10) gave ' +
      'the city a p95 of 2.3–4.6 s; this run had a quiet machine and the local runtime no longer gathers every ' +
      "indexed field's candidates before choosing the narrowest (local-cloud/src/fieldIndex.ts, 074bd88): how much " +
      'each did was not measured apart. The served shards still hold a mark per person served (4.1 million here), which the runtime ' +
      'keeps in memory and projects away per read; a per-project served total beside them would spare that (one ' +
      'more write per check-in: not done while the p95 stays under the target). Before the reads per 125 ' +
      'projects (one `$group` per counter ' +
      'collection over 1,000 projects) a city dashboard took 1.7–2.9 s on a loaded machine: the runtime copied ' +
      'every served shard whole before grouping, and tested each matched document against the 1,000-value `$in` ' +
      'list. Wall-clock figures on this ' +
      'shared 2-core machine move with its load (the load average is at the top of this file): compare only ' +
      'within a run.',
    '',
    `Target: p95 ≤ ${P95_TARGET_MS} ms for every caller and year (local runtime). Command: ` +
      `\`node bench/run.mjs --only=kpi\`${r.quick ? ' (here with --quick)' : ''}.`,
  );
  return lines;
}

export function kpiSummaryRows(r) {
  if (!r || r.error || !r.rows) return [];
  const worst = (label) => Math.max(...r.rows.filter((x) => label.includes(x.label)).map((x) => x.p95));
  const city = worst(['research', 'leader']);
  const district = worst(['district']);
  return [
    {
      benchmark: `KPI dashboard: p95 for the city at ${n(r.projects)} projects over five years`,
      figure: `${fmt(city)} ms (worst year)`,
      target: `≤ ${P95_TARGET_MS} ms`,
      met: city <= P95_TARGET_MS,
    },
    {
      benchmark: `KPI dashboard: p95 for a district at ${n(r.projects)} projects over five years`,
      figure: `${fmt(district)} ms (worst year)`,
      target: `≤ ${P95_TARGET_MS} ms`,
      met: district <= P95_TARGET_MS,
    },
    {
      benchmark: 'KPI card (kpi.project): p95',
      figure: `${fmt(r.project.p95)} ms, ${fmt(r.project.requests)} requests`,
      target: `≤ ${P95_TARGET_MS} ms`,
      met: r.project.p95 <= P95_TARGET_MS,
    },
  ];
}
