/**
 * Project-record benchmarks (issue 9): the staff project list and the work queue (待我办理) at 500 and at
 * 5,000 projects over five years, for three callers; database requests per sign-off (by step) and per
 * `project.get`; .docx generation of 附件1 (30 budget lines) and 附件2.
 *
 * The `project` function runs in a child process (lib/project-child.ts, `node --import tsx`) on the local
 * runtime — the real wx-server-sdk over the mingo+LMDB engine — in a fresh data directory seeded as the
 * dev host seeds it, clock pinned at 2027-08-10 10:00 (Asia/Shanghai); calls go in-process through the
 * function registry as the dev host makes them, minus HTTP and sessions. Projects are scripted
 * (lib/project-scripts.ts) and bulk-written as the handlers write them; the check plays one project of
 * every outcome through the real handlers and through the bulk path and compares the stored documents.
 *
 * runProjectBench({ quick, artifacts, log }) → results (plain JSON)
 * projectMarkdown(results) → markdown lines for BENCHMARKS.md
 * projectSummaryRows(results) → [{ benchmark, figure, target, met }]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const FULL = { sizes: [500, 5000], reps: 40, warmup: 3, docxRuns: 50, signProjects: 5, getReps: 20 };
const QUICK = { sizes: [100, 500], reps: 5, warmup: 1, docxRuns: 5, signProjects: 1, getReps: 5 };

export async function runProjectBench({ quick = false, artifacts, log = console.log } = {}) {
  const params = quick ? QUICK : FULL;
  const startedAt = Date.now();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'shishi-project-'));
  const child = await startChild(join(here, 'project-child.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { PROJECT_BENCH_DIR: dataDir },
    timeoutMs: 120_000,
  });
  const call = child.ask;
  const results = { quick, params, loadAverage: { start: os.loadavg()[0] } };
  try {
    results.check = await call({ name: 'check' });
    log(
      `project: check — ${results.check.projects} projects (${results.check.calls} calls) through the handlers and ` +
        `in bulk: ${results.check.documents} documents ${results.check.identical ? 'identical' : 'DIFFERENT'}, ` +
        `${results.check.answersCompared} list/queue answers ${results.check.sameAnswers ? 'the same' : 'DIFFERENT'}`,
    );
    if (!results.check.identical) log(`project: differences: ${results.check.differences.join(' | ')}`);

    results.docx = await call({ name: 'docx', runs: params.docxRuns });
    log(
      `project: 附件1 (30 budget lines) p50 ${results.docx.attachment1.p50.toFixed(1)} ms, ` +
        `${results.docx.attachment1.bytes} bytes; 附件2 p50 ${results.docx.attachment2.p50.toFixed(1)} ms`,
    );

    await call({ name: 'open' });
    results.sizes = [];
    for (const size of params.sizes) {
      const fill = await call({ name: 'fill', to: size });
      const m = await call({ name: 'measure', reps: params.reps, warmup: params.warmup });
      results.sizes.push({ size, fill, rows: m.rows });
      log(
        `project: ${fill.projects} projects, ${fill.forms} forms (bulk ${(fill.ms / 1000).toFixed(1)} s); p95 ` +
          m.rows.map((r) => `${r.label} ${r.p95.toFixed(1)}`).join(', '),
      );
    }
    results.gets = await call({ name: 'gets', reps: params.getReps });
    results.signs = await call({ name: 'signs', projects: params.signProjects });
    log(
      `project: requests per sign-off ` +
        Object.entries(results.signs.steps)
          .map(([k, v]) => `${k} ${v.mean.toFixed(1)}`)
          .join(', '),
    );
    results.memory = await call({ name: 'memory' });
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.loadAverage.end = os.loadavg()[0];
  results.elapsedS = (Date.now() - startedAt) / 1000;
  if (artifacts) writeFileSync(join(artifacts, 'project.json'), JSON.stringify(results, null, 2));
  return results;
}

// ------------------------------------------------------------------------------------------ report

const fmt = (n, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '—');
const int = (n) => (typeof n === 'number' ? Math.round(n).toLocaleString('en-US') : '—');
const short = (a) => a.replace('database.', '').replace('Document', '').replace('Transaction', 'Tx');
const actions = (byAction) =>
  Object.entries(byAction ?? {})
    .map(([k, v]) => `${short(k)} ${fmt(v, v % 1 ? 1 : 0)}`)
    .join(', ');

const CALLER_LABELS = {
  district: '中山区总工会 staff (unionStaff)',
  deptHead: '组织和基层工作部 head (deptHead)',
  research: '调查研究室 (research)',
};
const CALL_LABELS = {
  list: 'list, first page',
  listFiltered: 'list, status 实施中 + department 组织和基层工作部',
  search: 'list, search “驿站”',
  workbench: 'workbench (待我办理)',
};
const STEP_LABELS = {
  'start:unit': '附件2 启动申报表 — 申报单位意见 (unit head)',
  'start:department': '附件2 — 归口管理部门意见 (department head)',
  'start:leader': '附件2 — 分管领导意见 (leader; records tranche 1)',
  'start:departmentReturn': '附件2 — department head returns it',
  'acceptance:unit': '附件4 验收申报表 — unit head',
  'acceptance:department': '附件4 — department head',
  'acceptance:leader': '附件4 — leader (project → 验收通过; records tranche 2)',
};

export function projectMarkdown(r) {
  if (!r || r.error) return ['## Project records (issue 9)', '', `Not measured: ${r?.error ?? 'skipped'}`];
  const [small, big] = r.sizes;
  const lines = [
    '## Project records (issue 9)',
    '',
    `The \`project\` function on the local runtime (real wx-server-sdk over the mingo + LMDB engine) in a child ` +
      `process, fresh data directory seeded as the dev host seeds it, clock pinned at 2027-08-10 10:00 (five days ` +
      `before the mid-term forms are due); calls in-process through the registry (the dev host's path minus HTTP and ` +
      `sessions). ${int(small.size)} projects, then ${int(big.size)} in the same process, over five project years ` +
      `2023–2027 (lib/project-scripts.ts): district unions 60 %, industry unions and their enterprises 25 %, city ` +
      'departments 15 %; 2023–2026 mostly closed (85 %; the rest terminated, returned, accepted, stuck at a form, or ' +
      'in progress with the mid-term never filed), 2027 spread over every step (drafts, 论证, 审定, forms waiting at ' +
      'each signer, returned forms, in progress before the 08-15 due day, mid-term filed). Each call timed ' +
      `${r.params.reps} times after ${r.params.warmup} untimed; database requests counted at the runtime seam.` +
      (r.quick ? ' **--quick: smoke-test counts, not the budget.**' : ''),
    '',
    `| Caller | Call | p50 / p95 at ${int(small.size)} (ms) | p50 / p95 at ${int(big.size)} (ms) | p95 ×, ${int(small.size)} → ${int(big.size)} | DB requests | Rows matching at ${int(big.size)} |`,
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of big.rows) {
    const s = small.rows.find((x) => x.label === row.label);
    const [caller, call] = row.label.split(':');
    const matching =
      row.total !== null
        ? `${int(row.total)} (page of ${row.items})`
        : Object.entries(row.counts ?? {})
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
    lines.push(
      `| ${CALLER_LABELS[caller]} | ${CALL_LABELS[call]} | ${fmt(s?.p50)} / ${fmt(s?.p95)} | ${fmt(row.p50)} / ` +
        `**${fmt(row.p95)}** | ${fmt(row.p95 / s?.p95, 1)}× (p50 ${fmt(row.p50 / s?.p50, 1)}×) | ${row.requests} | ${matching} |`,
    );
  }
  const fb = big.fill;
  lines.push(
    '',
    `At ${int(big.size)}: ${int(fb.projects)} projects, ${int(fb.forms)} forms (附件2–4 filings), ` +
      `${int((small.fill.written.tranches ?? 0) + (fb.written.tranches ?? 0))} tranches, ` +
      `${int((small.fill.written.projectSpending ?? 0) + (fb.written.projectSpending ?? 0))} spending lines. ` +
      `Bulk fill: ${fmt(small.fill.ms / 1000, 1)} s for the first ${int(small.size)}, ${fmt(fb.ms / 1000, 1)} s ` +
      `for the next ${int(big.size - small.size)}.`,
    '',
    '### Database requests per sign-off and per project.get',
    '',
    `\`engine.resetCounts()\` before each call, \`totalRequests()\` after it, as the survey benchmark counts ` +
      `requests per answer; ${r.signs.steps['start:unit']?.n ?? '—'} 中山区 projects taken through the real ` +
      `workflow for each form (create → 论证 → 审定 → 市总党组会 → the form), at ${int(big.size)} projects.`,
    '',
    '| Sign-off | DB requests (mean, min–max) | By action | Mean time (ms) |',
    '| --- | ---: | --- | ---: |',
  );
  for (const [k, v] of Object.entries(r.signs.steps))
    lines.push(
      `| ${STEP_LABELS[k] ?? k} | ${fmt(v.mean, 1)} (${v.min}–${v.max}) | ${actions(v.byAction)} | ${fmt(v.meanMs)} |`,
    );
  const tr = r.signs.traces['start:leader'];
  if (tr) lines.push('', `The leader's approval of 附件2, request by request: ${tr.join(' → ')}.`);
  lines.push('', '| project.get | DB requests | By action | p50 / p95 (ms) |', '| --- | ---: | --- | ---: |');
  for (const g of r.gets)
    lines.push(`| ${g.label} | ${g.requests} | ${actions(g.byAction)} | ${fmt(g.p50)} / ${fmt(g.p95)} |`);
  const d1 = r.docx.attachment1;
  const d2 = r.docx.attachment2;
  lines.push(
    '',
    '### .docx generation',
    '',
    `The pure generators (cloudfunctions/project/documents) on a filled record, ${d1.runs} runs each after 5 ` +
      'untimed, in the same child before the data is loaded.',
    '',
    '| Document | p50 (ms) | p95 (ms) | mean (ms) | File size |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| 附件1 可行性研究报告, ${d1.budgetLines} budget lines, ${d1.milestones} milestones, ${d1.subProjects} sub-projects | ${fmt(d1.p50)} | ${fmt(d1.p95)} | ${fmt(d1.mean)} | ${fmt(d1.bytes / 1024, 1)} KB |`,
    `| 附件2 启动申报表 with its three signatures | ${fmt(d2.p50)} | ${fmt(d2.p95)} | ${fmt(d2.mean)} | ${fmt(d2.bytes / 1024, 1)} KB |`,
    '',
    `**Check (every run):** ${r.check.projects} projects, one of every outcome over the three routes ` +
      `(${r.check.calls} calls through the real handlers) and the same scripts through the bulk path, in two fresh ` +
      `data directories: ${r.check.documents} stored documents (projects, projectForms, tranches, projectVersions, ` +
      `projectSpending, committeeDecisions; ids mapped by position) ${r.check.identical ? 'identical ✅' : `DIFFERENT ❌ (${r.check.differences.join('; ')})`}, ` +
      `and the ${r.check.answersCompared} measured calls (list, filtered, search, workbench × 3 callers) answer the ` +
      `same in both ${r.check.sameAnswers ? '✅' : `❌ (${r.check.answerDifferences.join('; ')})`}. The bulk path writes ` +
      'no audit entries and no messages (nothing measured reads them).',
    '',
    `Whole section ${fmt(r.elapsedS, 0)} s; child RSS at the end ${r.memory?.rssMB ?? '—'} MB; load average ` +
      `${fmt(r.loadAverage.start, 2)} at the start, ${fmt(r.loadAverage.end, 2)} at the end.`,
  );
  return lines;
}

export function projectSummaryRows(r) {
  if (!r || r.error || !r.sizes) return [];
  const big = r.sizes.at(-1);
  const small = r.sizes[0];
  const worst = [...big.rows].sort((a, b) => b.p95 - a.p95)[0];
  const leader = r.signs.steps['start:leader'];
  return [
    {
      benchmark: `Project list / work queue, slowest at ${int(big.size)} projects`,
      figure: `${worst.label} p95 ${fmt(worst.p95)} ms (${fmt(worst.p95 / small.rows.find((x) => x.label === worst.label).p95, 1)}× the time at ${int(small.size)})`,
      target: '(reported)',
      met: null,
    },
    {
      benchmark: 'DB requests per sign-off (leader, with tranche 1)',
      figure: fmt(leader?.mean, 1),
      target: '(reported)',
      met: null,
    },
    {
      benchmark: '附件1 .docx, 30 budget lines',
      figure: `p50 ${fmt(r.docx.attachment1.p50)} ms, p95 ${fmt(r.docx.attachment1.p95)} ms, ${fmt(r.docx.attachment1.bytes / 1024, 1)} KB`,
      target: '(reported)',
      met: null,
    },
  ];
}
