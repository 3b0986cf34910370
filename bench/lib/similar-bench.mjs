/**
 * Similar-proposal lookup and merge benchmarks (issue 3).
 *
 * The cloud functions run in a child process (lib/similar-child.ts, `node --import tsx`) on the local
 * runtime — the real wx-server-sdk over the mingo + LMDB engine — with a fresh data directory seeded as
 * the dev host seeds it and the clock pinned inside the open 2026 Q4 window. The window is filled with
 * generated real-looking proposals (lib/similar-corpus.ts) 5,000 → 10,000 → 20,000 → 50,000 (quick:
 * 500 → 2,000); at each size `proposal.similar` is timed as a worker typing a draft calls it; then
 * clusters of 100 and 1,000 proposals are merged into one and the merge undone (`merge` / `unmergeAll`),
 * as jobs driven as the staff page drives them (the action, then its status poll until done).
 *
 * runSimilarBench({ quick, artifacts, log }) → results (plain JSON; also artifacts/similar.json)
 * similarMarkdown(results) → markdown lines for BENCHMARKS.md
 * similarSummaryRows(results) → [{ benchmark, figure, target, met }]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Issue 3: similar-proposal lookup p95 at 50,000 stored proposals. */
export const SIMILAR_TARGETS = { p95Ms: 100, atProposals: 50_000 };

const FULL = {
  sizes: [5000, 10000, 20000, 50000],
  queries: 200,
  warmup: 30,
  mergeRounds: 3,
  mergeSizes: [100, 1000],
  workers: 5000,
  verify: 600,
  spot: 20,
};
const QUICK = {
  sizes: [500, 2000],
  queries: 60,
  warmup: 10,
  mergeRounds: 2,
  mergeSizes: [100, 1000],
  workers: 500,
  verify: 300,
  spot: 10,
};
/** Proposals loaded per request to the child (progress is logged between them). */
const GROW_STEP = 5000;

export async function runSimilarBench({ quick = false, artifacts, log = console.log } = {}) {
  const params = quick ? QUICK : FULL;
  const startedAt = Date.now();
  const results = {
    quick,
    params,
    loadAverage: { start: os.loadavg()[0] },
    verify: null,
    loads: [],
    stats: [],
    sizes: [],
    merge: null,
    memory: null,
  };
  const dataDir = mkdtempSync(join(os.tmpdir(), 'shishi-similar-'));
  const child = await startChild(join(here, 'similar-child.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { DATA_DIR: dataDir, SIMILAR_WORKERS: String(params.workers) },
    timeoutMs: 120_000,
  });
  const call = child.ask;
  try {
    log(`similar: the bulk path against the real submit on ${params.verify} proposals…`);
    results.verify = await call({ op: 'verify', count: params.verify });
    log(
      `similar: bulk path ${results.verify.identical ? 'stored the same' : 'DIFFERS from submit on'} ` +
        `${int(results.verify.documents)} documents; same similar answers: ${results.verify.sameAnswers}`,
    );
    let stored = 0;
    for (const size of params.sizes) {
      while (stored < size) {
        const to = Math.min(size, stored + GROW_STEP);
        const load = await call({ op: 'grow', to, spot: to === size ? params.spot : 0 });
        stored = load.stored;
        results.loads.push(load);
        log(
          `similar: ${int(load.stored)} proposals (bulk path ${int(load.submits)} in ${fmt(load.ms / 1000)} s, ` +
            `${int(load.supports)} supports)` +
            (load.spot.submits
              ? `; ${load.spot.submits} real submits, ${load.spot.agree} with the predicted similar links, ` +
                `p50 ${fmt(load.spot.submitP50)} ms, ${fmt(load.spot.requestsPerSubmit)} requests`
              : ''),
        );
      }
      const stats = await call({ op: 'checkStats' });
      results.stats.push(stats);
      if (stats.mismatches || stats.storedTerms !== stats.terms) log(`similar: term statistics DIFFER at ${size}`);
      const lookups = await call({ op: 'lookups', queries: params.queries, warmup: params.warmup });
      results.sizes.push(lookups);
      log(
        `similar @${int(lookups.stored)}: p50 ${fmt(lookups.p50)} ms, p95 ${fmt(lookups.p95)} ms, ` +
          `p99 ${fmt(lookups.p99)} ms, ${fmt(lookups.requestsPerLookup)} requests, hit rate ${pct(lookups.hitRate)} ` +
          `(exhaustive ${pct(lookups.exhaustiveHitRate)}), recall@5 ${pct(lookups.recallAt5)}`,
      );
    }
    log(`similar: merging clusters of ${params.mergeSizes.join(' and ')} proposals as jobs and undoing them…`);
    results.merge = await call({ op: 'merge', rounds: params.mergeRounds, sizes: params.mergeSizes });
    for (const m of results.merge.sizes) {
      for (const r of m.runs) {
        log(
          `similar: merge ${m.size - 1} into 1: ${r.merge.invocations} invocations, longest ${fmt(r.merge.longestMs, 0)} ms, ` +
            `total ${fmt(r.merge.totalMs, 0)} ms; unmergeAll: ${r.undo.invocations} invocations, longest ` +
            `${fmt(r.undo.longestMs, 0)} ms, total ${fmt(r.undo.totalMs, 0)} ms; counts restored: ${r.countsRestored}`,
        );
      }
    }
    results.corpus = await call({ op: 'info' });
    results.memory = await call({ op: 'memory' });
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.loadAverage.end = os.loadavg()[0];
  results.elapsedS = (Date.now() - startedAt) / 1000;
  if (artifacts) writeFileSync(join(artifacts, 'similar.json'), JSON.stringify(results, null, 2));
  return results;
}

// ------------------------------------------------------------------------------------------ report

const fmt = (n, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '—');
const int = (n) => (typeof n === 'number' ? Math.round(n).toLocaleString('en-US') : '—');
const pct = (x) => (typeof x === 'number' ? `${Math.round(x * 100)} %` : '—');
const mark = (met) => (met === true ? '✅' : met === false ? '❌' : '');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const actions = (byAction) =>
  Object.entries(byAction ?? {})
    .map(
      ([k, v]) =>
        `${k.replace('database.', '').replace('Documents', '').replace('Document', '')} ${fmt(v, v % 1 ? 2 : 0)}`,
    )
    .join(', ');

function summary(r) {
  const first = r.sizes[0];
  const last = r.sizes[r.sizes.length - 1];
  const atTarget = r.sizes.find((s) => s.stored === SIMILAR_TARGETS.atProposals) ?? null;
  const merges = (r.merge?.sizes ?? []).map((m) => {
    const med = (part, key) => median(m.runs.map((x) => x[part][key]));
    return {
      size: m.size,
      merge: {
        invocations: med('merge', 'invocations'),
        longestMs: med('merge', 'longestMs'),
        totalMs: med('merge', 'totalMs'),
        requests: med('merge', 'requests'),
      },
      undo: {
        invocations: med('undo', 'invocations'),
        longestMs: med('undo', 'longestMs'),
        totalMs: med('undo', 'totalMs'),
        requests: med('undo', 'requests'),
      },
      restored: m.runs.every((x) => x.countsRestored),
      credited: m.runs.every((x) => x.keptBackers === x.expectedKeptBackers && x.mergedMarked),
    };
  });
  return {
    first,
    last,
    atTarget,
    met: atTarget ? atTarget.p95 < SIMILAR_TARGETS.p95Ms : null,
    growth: first && last ? last.p95 / first.p95 : NaN,
    merges,
  };
}

export function similarMarkdown(r) {
  const title = '## Similar-proposal lookup and merge (issue 3)';
  if (!r || r.error || !r.sizes?.length) return [title, '', `Not measured: ${r?.error ?? 'skipped'}`];
  const s = summary(r);
  const last = s.last;
  const spot = r.loads.filter((l) => l.spot?.submits);
  const spotAgree = spot.reduce((a, l) => a + l.spot.agree, 0);
  const spotTotal = spot.reduce((a, l) => a + l.spot.submits, 0);
  const spotCapped = spot.reduce((a, l) => a + l.spot.capped, 0);
  const statsOk = r.stats.every((x) => x.mismatches === 0 && x.storedTerms === x.terms);
  const v = r.verify;
  const m = r.merge;
  const lines = [
    title,
    '',
    "`proposal.similar` called as a worker's draft panel calls it (title and the content typed so far), one call " +
      'at a time, through the function registry on the local runtime (real wx-server-sdk over the mingo + LMDB ' +
      `engine) in a child process with a fresh data directory and the clock pinned in the open 2026 Q4 window. ` +
      `${r.params.queries} drafts per size after ${r.params.warmup} untimed ones: half are further wordings of ` +
      'planted near-duplicate clusters (typed partly: the title and 50–100 % of the content), a quarter new needs of ' +
      'stored topics, a quarter topics never stored.' +
      (r.quick ? ' **--quick: smoke-test sizes, not the budget.**' : ''),
    '',
    '| Proposals in the window | p50 | p95 | p99 | mean | DB requests / lookup | Near-duplicate in top 5 (hit rate) | Same, ranking every proposal | Top 5 shared with ranking every proposal (recall@5) |',
    '| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...r.sizes.map(
      (x) =>
        `| ${int(x.stored)} | ${fmt(x.p50)} ms | ${fmt(x.p95)} ms | ${fmt(x.p99)} ms | ${fmt(x.mean)} ms | ` +
        `${fmt(x.requestsPerLookup, 2)} (${actions(x.requestsByAction)}) | ${pct(x.hitRate)} | ${pct(x.exhaustiveHitRate)} | ` +
        `${pct(x.recallAt5)} |`,
    ),
    '',
    `Growth ${int(s.first.stored)} → ${int(last.stored)} proposals: p95 ×${fmt(s.growth, 2)} ` +
      `(p50 ×${fmt(last.p50 / s.first.p50, 2)}).`,
    '',
    s.atTarget
      ? `Target: p95 < ${SIMILAR_TARGETS.p95Ms} ms at ${int(SIMILAR_TARGETS.atProposals)} proposals — ` +
        `${fmt(s.atTarget.p95)} ms ${mark(s.met)}`
      : `Target: p95 < ${SIMILAR_TARGETS.p95Ms} ms at ${int(SIMILAR_TARGETS.atProposals)} proposals — not measured in this run (sizes up to ${int(last.stored)}).`,
    '',
    '**Hit rate** is the share of near-duplicate drafts for which `similar` showed at least one stored member of ' +
      'the planted cluster in its top 5; the next column is the same for an exhaustive ranking (every proposal of ' +
      'the window scored exactly as `rankSimilar` scores candidates), i.e. what the ranking itself can do on this ' +
      'corpus; **recall@5** is the share of that exhaustive top 5 (scores ≥ 0.12) the lookup also showed, over all ' +
      `drafts. Near-duplicate drafts the lookup missed at ${int(last.stored)}: ${last.misses.noSharedGram} held none ` +
      `of the grams looked up by (the rarest of the draft's, ${'≤'} 1,000 proposals together), ` +
      `${last.misses.cutByBound} were matched but not among the 300 kept (most looked-up grams shared, then most backed), ` +
      `${last.misses.rankedLower} were candidates ranked below the fifth.`,
    '',
  ];
  if (m?.sizes?.length) lines.push(...mergeMarkdown(r, s));
  lines.push(
    `Peak RSS of the child: ${fmt(r.memory?.maxRssBytes / 1048576, 0)} MB (the engine holds every document in memory; ` +
      `the child also keeps the benchmark's own term vectors of every proposal).`,
    '',
    `**Method.** Proposals are generated from a seed (lib/similar-corpus.ts): ${r.corpus?.topics ?? '—'} needs across the five categories ` +
      '(canteen hours and quality, rest stations, riders, childcare, commuting, overtime pay, wage arrears, training, ' +
      'certificates, health checks, heat relief, rest breaks …) weighted by popularity, each with specifics (a Dalian ' +
      'street, a unit, who, numbers, two or three concrete asks) in one of many wordings; ' +
      `${pct(r.corpus ? r.corpus.inClusters / r.corpus.streamed : NaN)} of them are in ${int(r.corpus?.clusters)} planted ` +
      'clusters of 2–4 that share the specifics and about half the wording, and ' +
      `${r.corpus?.heldOutTopics ?? '—'} more needs are never stored. Workers are ${int(r.params.workers)} bound ` +
      'profiles; 6 % of proposals get 1–6 supports. The window is filled by a bulk path (below); at each size the next ' +
      `${r.params.spot} proposals go through the real \`submit\`. Lookup time is the function call (envelope, profile ` +
      'join, its reads, ranking, output parsing) without HTTP.',
    '',
    'Notes:',
    '',
    `- Bulk path: 50,000 real submits cost about ${fmt(median(spot.map((l) => l.spot.submitP50)), 0)} ms each here ` +
      `(${fmt(median(spot.map((l) => l.spot.requestsPerSubmit)), 1)} requests), longer than the whole benchmark may ` +
      'take, so the child does what submit and support do — the same input schema, content check stand-in, ' +
      '`lookupGrams`, `statTerms`, and the similar lookup at that moment (pickLookupGrams, the candidates in the ' +
      "database's order, the 300 sharing the most looked-up grams, then the most backed, scored as rankSimilar " +
      'scores them) — in memory, and writes the ' +
      `documents in batches. Checked in every run: ${v ? int(v.proposals) : '—'} proposals filled through the real ` +
      `\`submit\`/\`support\` and through the bulk path give ${v?.identical ? 'identical' : '**different**'} ` +
      `databases (${v ? int(v.documents) : '—'} documents compared, ids mapped by position, ${v ? int(v.similarLinks) : '—'} ` +
      `similar links) and ${v?.sameAnswers ? 'the same' : '**different**'} \`similar\` answers; at each size the ` +
      `real submits stored exactly the similar links the bulk path predicted in ${spotAgree} of ${spotTotal} ` +
      `(${spotCapped} of them with more matches than the 300-candidate bound); the window's term statistics equal a ` +
      `recompute from the stored texts at every size ${mark(statsOk)}.`,
    recallNote(s.first, last),
    '- A lookup is 5 database requests when it shows something — the profile with the windows joined (aggregate), ' +
      'the term frequencies, the candidates, the winners’ panel fields, the caller’s supports of them — and 2–3 when ' +
      'nothing is shown (no known gram, or nothing scoring 0.12); the same at every size.',
    '- No per-author limit on submissions exists; the unique index (author, window, normalised title) only makes a ' +
      'repeated title the same proposal, so each generated proposal goes to a worker who has not used that title.',
    '- Merge and undo: the reply that shows the kept proposal (staff view) computes the window’s largest ' +
      'backerCount (`windowScoring`) with a query no index narrows (the city’s id is in every orgPath), i.e. a scan ' +
      'of the whole window: a job does it in its first call and its last, not per batch.',
    `- One process on a machine shared with other work: load average ${fmt(r.loadAverage?.start, 2)} at the start, ` +
      `${fmt(r.loadAverage?.end, 2)} at the end; whole benchmark ${fmt(r.elapsedS, 0)} s. Treat the times as noisy.`,
  );
  return lines;
}

/** "### Merge of large clusters as jobs": the merge and undo of each cluster size, and the inline path at the threshold. */
function mergeMarkdown(r, s) {
  const m = r.merge;
  const first = m.sizes[0];
  const inline = first.inline;
  const lines = [
    '### Merge of large clusters as jobs',
    '',
    `Clusters of ${m.sizes.map((g) => int(g.size)).join(' and ')} wordings of one need, submitted through \`submit\` ` +
      'by different workers (some wrote two) and supported through `support` by a pool of 80 workers that includes ' +
      '20 of the authors, in the same window as the lookups above. `merge` (调查研究室 staff) keeps the first and ' +
      'merges the rest; `unmergeAll` undoes the whole merge in one action. Above MERGE_INLINE_MAX (50) both run as ' +
      'jobs (cloudfunctions/proposal/merging.ts on common/jobs.ts), driven as the screening page drives them: the ' +
      'action (its first slice), then `mergeStatus` / `unmergeAllStatus` until done; each call is one invocation of ' +
      "at most ~8 s of steps (the `proposal` function's 20 s timeout × 40 %) plus the step under way. " +
      `${first.runs.length} rounds for the first size (medians), one for the others; DB requests counted at the runtime seam.`,
    '',
    '| Cluster | Step | Invocations | Longest invocation | Total | DB requests | Check |',
    '| ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [k, g] of s.merges.entries()) {
    const c = m.sizes[k].cluster;
    lines.push(
      `| ${int(g.size)} | merge ${int(g.size - 1)} into 1 | ${fmt(g.merge.invocations, 0)} | ${fmt(g.merge.longestMs, 0)} ms | ` +
        `${fmt(g.merge.totalMs, 0)} ms | ${int(g.merge.requests)} | backerCount ${int(m.sizes[k].runs[0].keptBackers)} = ` +
        `${int(c.creditedPeople)} people credited (backer counts before: ${int(c.sumOfBackers)}) ${mark(g.credited)} |`,
      `| ${int(g.size)} | unmergeAll | ${fmt(g.undo.invocations, 0)} | ${fmt(g.undo.longestMs, 0)} ms | ` +
        `${fmt(g.undo.totalMs, 0)} ms | ${int(g.undo.requests)} | every status, count and link as before ${mark(g.restored)} |`,
    );
  }
  lines.push('');
  if (inline) {
    lines.push(
      `**The threshold.** At the threshold the work is done in the call: merging ${inline.merged} proposals of the ` +
        `${int(first.size)}-cluster took ${fmt(inline.merge.longestMs, 0)} ms (${int(inline.merge.requests)} requests) ` +
        `and undoing it ${fmt(inline.undo.longestMs, 0)} ms (${int(inline.undo.requests)} requests), counts restored ` +
        `${mark(inline.restored)} — well inside ~10 s even on a machine several times slower; above it a job bounds ` +
        'every invocation whatever the size and survives a cut-off. Before, undoing a 99-proposal merge was 99 ' +
        '`unmerge` calls (12.5 s, 7,523 requests, a recount of the cluster each).',
      '',
    );
  }
  lines.push(
    `Invocations (ms), first round: ${m.sizes
      .map(
        (g) => `${int(g.size)}: merge ${g.runs[0].merge.callsMs.join(', ')}; undo ${g.runs[0].undo.callsMs.join(', ')}`,
      )
      .join(' — ')}.`,
    '',
  );
  return lines;
}

function recallNote(first, last) {
  const head =
    `- Recall@5 ${pct(first.recallAt5)} at ${int(first.stored)} → ${pct(last.recallAt5)} at ${int(last.stored)}; ` +
    `hit rate ${pct(first.hitRate)} → ${pct(last.hitRate)} (exhaustive ranking ${pct(first.exhaustiveHitRate)} → ` +
    `${pct(last.exhaustiveHitRate)}).`;
  if (!(first.recallAt5 - last.recallAt5 > 0.05)) return `${head} The candidate bound costs little at these sizes.`;
  const missed = last.misses.noSharedGram + last.misses.cutByBound + last.misses.rankedLower;
  const cut = last.misses.cutByBound;
  return (
    `${head} The lookup scores at most 300 proposals, those holding the draft's rarest grams (≤ 1,000 matches ` +
    'together), those sharing the most of those grams first, then the most backed; as the same needs recur in ' +
    'more proposals, the true nearest ones fall ' +
    'outside that set more often. ' +
    (cut > missed / 2
      ? `Most misses at ${int(last.stored)} (${cut} of ${missed}) are that cut: a near-duplicate held a looked-up ` +
        'gram but was not among the 300 kept. '
      : '') +
    'Generated text repeats its phrasing far more than real proposals do, so these rates are probably ' +
    'pessimistic, but the trend is the bound at work, not noise.'
  );
}

export function similarSummaryRows(r) {
  if (!r || r.error || !r.sizes?.length) return [];
  const s = summary(r);
  const rows = [
    {
      benchmark: s.atTarget
        ? `Similar lookup p95 at ${int(s.atTarget.stored)} proposals`
        : `Similar lookup p95 at ${int(s.last.stored)} proposals (quick)`,
      figure: `${fmt((s.atTarget ?? s.last).p95)} ms (×${fmt(s.growth, 2)} from ${int(s.first.stored)})`,
      target: `< ${SIMILAR_TARGETS.p95Ms} ms at ${int(SIMILAR_TARGETS.atProposals)}`,
      met: s.met,
    },
    {
      benchmark: `Similar lookup: planted near-duplicate in top 5 at ${int(s.last.stored)}`,
      figure: `${pct(s.last.hitRate)} (exhaustive ranking ${pct(s.last.exhaustiveHitRate)}; recall@5 ${pct(s.last.recallAt5)})`,
      target: '(reported)',
      met: null,
    },
  ];
  for (const g of s.merges) {
    rows.push(
      {
        benchmark: `Merge ${int(g.size - 1)} proposals into one (a job)`,
        figure: `${fmt(g.merge.invocations, 0)} invocations, longest ${fmt(g.merge.longestMs / 1000, 2)} s, total ${fmt(g.merge.totalMs / 1000, 2)} s`,
        target: 'each invocation < 10 s',
        met: g.merge.longestMs < 10_000 && g.credited,
      },
      {
        benchmark: `Undo that merge (unmergeAll, a job)`,
        figure: `${fmt(g.undo.invocations, 0)} invocations, longest ${fmt(g.undo.longestMs / 1000, 2)} s, total ${fmt(g.undo.totalMs / 1000, 2)} s`,
        target: 'counts as before; each < 10 s',
        met: g.undo.longestMs < 10_000 && g.restored,
      },
    );
  }
  return rows;
}
