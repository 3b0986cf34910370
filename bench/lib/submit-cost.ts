/**
 * What one proposal.submit costs, request by request, as the window fills (issue 10: "proposal submit's
 * database requests and what the lookup at submit costs").
 *
 *   node --import tsx bench/lib/submit-cost.ts [sizes…]      # default: 0 50000
 *
 * The proposal function on the local runtime (real wx-server-sdk over the mingo + LMDB engine, strict:
 * a query no declared index serves fails), a fresh data directory seeded as the dev host seeds it, the
 * clock pinned in the open 2026 Q4 window. Proposals from the similarity benchmark's generator
 * (bench/lib/similar-corpus.ts: real-looking needs, planted near-duplicates). The window is filled to
 * each size in bulk (documents as submit stores them, term frequencies with addStatCounts, as the
 * similarity benchmark's bulk path does), then SAMPLE proposals are submitted through the function one
 * at a time by the 8 demo identities in turn, each after `engine.resetCounts()`: requests per submit by
 * action and collection, the similar lookup's share (the gramStats read and the candidates' aggregate)
 * in requests and in time (the engine's time for those requests), and the links each submit made.
 * Prints JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalCloud } from '@shishi/local-cloud';
import {
  collections,
  DOC_COUNT_TERM,
  lookupGrams,
  statKey,
  statTerms,
  titleKey,
  type Reply,
} from '@shishi/shared-types';
import { proposalFunction } from '../../cloudfunctions/proposal/app';
import { addStatCounts } from '../../cloudfunctions/proposal/similarity';
import { seed } from '../../devhost/src/seed';
import { createCorpus } from './similar-corpus';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const SAMPLE = Number(process.env.SUBMIT_SAMPLE ?? 40);
const IDS = ['demo-worker', 'demo-cadre', 'demo-district', 'demo-reviewer', 'demo-depthead', 'demo-leader'];
const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);

async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), 'shishi-submit-cost-'));
  const cloud = createLocalCloud({ dataDir: dir, collections, now: () => NOW, strict: true });
  const engine = cloud.local.engine;
  const db = cloud.database();
  const corpus = createCorpus({ seed: 20261124 });
  let n = 0;
  const call = (openid: string, data: unknown) =>
    cloud.local.runAs({ OPENID: openid }, () =>
      proposalFunction.handle(cloud, { action: 'submit', data }, { now: () => NOW }),
    ) as Promise<Reply<{ _id: string; similarCount: number }>>;
  const draft = () => {
    const d = corpus.next();
    n += 1;
    return {
      title: `${d.title.slice(0, 32)}（${n}）`,
      content: d.content,
      category: d.category,
      targetGroup: d.targetGroup,
    };
  };

  // Timing of each request at the seam: which ones are the similar lookup.
  const send = engine.send.bind(engine);
  let timed: Array<{ action: string; collection: string; ms: number }> = [];
  engine.send = async (action: string, params: Record<string, unknown> = {}) => {
    const t0 = performance.now();
    try {
      return await send(action, params);
    } finally {
      timed.push({ action, collection: String(params.collectionName ?? ''), ms: performance.now() - t0 });
    }
  };

  try {
    // The dev host's seeding is not a function's query (as the integration tests' world does it).
    await engine.inspect(() => seed(db, new Date(NOW)));
    const first = await call('demo-worker', draft());
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const stored = (await db.collection('proposals').doc(first.data._id).get()).data as { windowId: string };
    const windowId = stored.windowId;
    const out: unknown[] = [];
    const countWindow = async () =>
      (await engine.inspect(() => db.collection('proposals').where({ windowId }).count())) as { total: number };
    let filled = await countWindow();
    for (const size of sizes.length ? sizes : [0, 50_000]) {
      // Bulk fill to `size` proposals in the window.
      const t0 = performance.now();
      const counts = new Map<string, number>();
      const docs: unknown[] = [];
      const flush = async () => {
        if (docs.length) await engine.inspect(() => db.collection('proposals').add({ data: docs.splice(0) }));
      };
      for (let i = filled.total; i < size; i++) {
        const d = draft();
        const at = new Date(NOW - (size - i) * 1000);
        docs.push({
          ...d,
          titleKey: titleKey(d.title),
          status: 'submitted',
          moderation: 'pass',
          authorOpenid: `bulk-${i}`,
          authorKey: `bulk-${i}`,
          authorName: '职工',
          orgId: 'gr-zs-sanitation',
          orgName: '环卫一队',
          orgPath: ['city', 'dist-zhongshan', 'gr-zs-sanitation'],
          windowId,
          year: 2026,
          channel: 'online',
          supportCount: 0,
          backerCount: 1,
          similarCount: 0,
          similarIds: [],
          grams: lookupGrams(d),
          attachments: [],
          needsReview: false,
          mergedInto: null,
          mergedFrom: [],
          decision: null,
          scores: null,
          offline: null,
          clientDraftId: null,
          createdAt: at,
          updatedAt: at,
        });
        for (const t of [DOC_COUNT_TERM, ...statTerms(d)]) {
          const k = statKey(windowId, t);
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        if (docs.length === 500) await flush();
      }
      await flush();
      if (counts.size) await engine.inspect(() => addStatCounts(db, windowId, counts));
      filled = await countWindow();
      const fillS = (performance.now() - t0) / 1000;

      // Warm-up, then the sample, one at a time.
      for (let i = 0; i < 5; i++) await call(IDS[i % IDS.length], draft());
      const per: Array<{ total: number; lookup: number; lookupMs: number; ms: number; links: number; fresh: boolean }> =
        [];
      const byAction: Record<string, number> = {};
      for (let i = 0; i < SAMPLE; i++) {
        engine.resetCounts();
        timed = [];
        const t = performance.now();
        const reply = await call(IDS[i % IDS.length], draft());
        const ms = performance.now() - t;
        if (!reply.ok) throw new Error(JSON.stringify(reply.error));
        for (const r of timed) {
          const key = `${r.action.replace('database.', '')} ${r.collection}`;
          byAction[key] = (byAction[key] ?? 0) + 1 / SAMPLE;
        }
        const lookup = timed.filter(
          (r) =>
            (r.collection === 'gramStats' && r.action === 'database.getDocument') ||
            (r.collection === 'proposals' && r.action === 'database.aggregateDocuments'),
        );
        per.push({
          total: engine.totalRequests(),
          lookup: lookup.length,
          lookupMs: lookup.reduce((a, r) => a + r.ms, 0),
          ms,
          links: reply.data.similarCount,
          fresh: timed.some((r) => r.collection === 'gramStats' && r.action === 'database.insertDocument'),
        });
      }
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const q = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
      out.push({
        proposals: filled.total,
        fillS: +fillS.toFixed(1),
        sample: SAMPLE,
        requestsPerSubmit: per.reduce((a, p) => a + p.total, 0) / SAMPLE,
        byAction: Object.fromEntries(Object.entries(byAction).map(([k, v]) => [k, +v.toFixed(2)])),
        lookupRequests: per.reduce((a, p) => a + p.lookup, 0) / SAMPLE,
        lookupMs: {
          p50: q(
            per.map((p) => p.lookupMs),
            0.5,
          ),
          p95: q(
            per.map((p) => p.lookupMs),
            0.95,
          ),
        },
        submitMs: {
          p50: q(
            per.map((p) => p.ms),
            0.5,
          ),
          p95: q(
            per.map((p) => p.ms),
            0.95,
          ),
        },
        linksPerSubmit: per.reduce((a, p) => a + p.links, 0) / SAMPLE,
        withLinks: per.filter((p) => p.links > 0).length / SAMPLE,
        withNewTerms: per.filter((p) => p.fresh).length / SAMPLE,
      });
      console.error(JSON.stringify(out.at(-1)));
    }
    console.log(JSON.stringify(out, null, 2));
  } finally {
    engine.send = send;
    await cloud.local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
