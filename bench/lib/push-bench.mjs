/**
 * Push drain (issue 13): 100,000 queued subscribe-message pushes drained by the timer under the rate
 * limit, on a simulated clock (lib/push-child.ts): time to drain, sends per second, duplicates, and
 * the same with two drains overlapping at every fire.
 *
 * runPushBench({ quick, log }) → results (plain JSON)
 * pushMarkdown(results) → markdown lines for BENCHMARKS.md
 * pushSummaryRows(results) → [{ benchmark, figure, target, met }]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export async function runPushBench({ quick = false, log = console.log } = {}) {
  const child = await startChild(join(here, 'push-child.ts'), { execArgv: ['--import', 'tsx'], timeoutMs: 120_000 });
  const results = { quick, runs: [] };
  const plans = [
    { label: 'one drain a fire', total: quick ? 5_000 : 100_000, overlap: 1 },
    { label: 'two drains overlapping at every fire', total: quick ? 2_000 : 10_000, overlap: 2 },
  ];
  try {
    for (const plan of plans) {
      const r = await child.call({
        name: 'drain',
        total: plan.total,
        perItem: 1_000,
        sendsPerSecond: 20,
        budgetMs: 40_000,
        everyMs: 60_000,
        overlap: plan.overlap,
      });
      if (r && r.error) throw new Error(`push child: ${r.error}`);
      results.runs.push({ ...r, label: plan.label });
      log(
        `push: ${r.total} (${plan.label}): drained in ${(r.drainMs / 60_000).toFixed(1)} simulated min over ${r.fires} fires, ` +
          `${r.achievedPerSecond.toFixed(2)} sends/s, duplicates ${r.duplicates}, retried ${r.retried}, ` +
          `${r.requestsPerSend.toFixed(2)} requests/send, wall ${(r.wallMs / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await child.stop();
  }
  return results;
}

const fmt = (x, d = 0) => (x === undefined || x === null ? '—' : Number(x).toFixed(d));
const n = (x) => Number(x).toLocaleString('en');

export function pushMarkdown(r) {
  if (!r || r.error || !r.runs) return ['## Push drain (issue 13)', '', `Not measured: ${r?.error ?? 'skipped'}`];
  const first = r.runs[0];
  const lines = [
    '## Push drain (issue 13)',
    '',
    `${n(first.total)} queued pushes (${n(first.items)} queue items of ${n(first.perItem)} people, every worker holding one ` +
      'one-time grant) drained by the `pushDrain` timer (cloudfunctions/common/push.ts) on the local runtime in ' +
      '**strict** mode, in a child process (lib/push-child.ts). The clock is **simulated**: it moves with the real ' +
      'time the work takes, plus the time the drain waits to keep its rate, which passes at once; the timer fires ' +
      `every ${first.everyMs / 1000} s of it, each run stops starting work after its ${first.budgetMs / 1000} s budget ` +
      `(the function's timeout is 60 s), the rate limit is ${first.sendsPerSecond} sends/s (PUSH_SENDS_PER_SECOND). ` +
      'The send stand-in answers -1 (system busy) to the first try of a fixed 0.5 % of the pushes (retried after ' +
      'their 30 s backoff) and counts what it accepted per worker and item: a duplicate is one accepted twice.' +
      (r.quick ? ' **--quick: smoke-test counts, not the budget.**' : ''),
    '',
    '| Run | Pushes | Time to drain (simulated) | Timer runs | Sends/s over the drain | Longest run | Retried | Sent / failed / unknown | Duplicates | DB requests per send | Wall (real) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const x of r.runs) {
    lines.push(
      `| ${x.label} | ${n(x.total)} | ${fmt(x.drainMs / 60_000, 1)} min | ${x.fires} | ${fmt(x.achievedPerSecond, 2)} | ` +
        `${fmt(x.longestRunMs / 1000, 1)} s | ${n(x.retried)} | ${n(x.byStatus.sent)} / ${n(x.byStatus.failed)} / ${n(x.byStatus.unknown)} | ` +
        `**${x.duplicates}** | ${fmt(x.requestsPerSend, 2)} | ${fmt(x.wallMs / 1000, 1)} s |`,
    );
  }
  lines.push(
    '',
    `The ceiling is the rate limit times the share of each minute a run may send: ${first.sendsPerSecond}/s × ` +
      `${first.budgetMs / 1000 - 1} s of ${first.everyMs / 1000} s ≈ ${fmt((first.sendsPerSecond * (first.budgetMs / 1000 - 1)) / (first.everyMs / 1000), 1)} sends/s ` +
      `(a run leaves its last second for answers). Raise PUSH_SENDS_PER_SECOND within WeChat's quota to drain faster. ` +
      'Two drains overlapping each send at the rate limit, so together twice as fast, and still nobody twice: a row ' +
      "is claimed by one conditional update (`pending → sending` under the tick's token) before it is sent.",
    '',
    `Command: \`node bench/run.mjs --only=push\`${r.quick ? ' (here with --quick)' : ''}.`,
  );
  return lines;
}

export function pushSummaryRows(r) {
  if (!r || r.error || !r.runs) return [];
  const first = r.runs[0];
  return [
    {
      benchmark: `Push: drain of ${n(first.total)} queued pushes at ${first.sendsPerSecond}/s (simulated clock)`,
      figure: `${fmt(first.drainMs / 60_000, 1)} min, ${fmt(first.achievedPerSecond, 2)} sends/s`,
      target: '(reported)',
      met: null,
    },
    {
      benchmark: 'Push: duplicates (one drain a fire; two overlapping)',
      figure: r.runs.map((x) => x.duplicates).join('; '),
      target: '0',
      met: r.runs.every((x) => x.duplicates === 0),
    },
  ];
}
