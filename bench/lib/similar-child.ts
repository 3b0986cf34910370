/**
 * The similar-proposal and merge benchmark's worker process (started by lib/similar-bench.mjs with
 * `node --import tsx`). The cloud functions run as the dev host runs them — through the real
 * wx-server-sdk on the local runtime (`createLocalCloud`) over a fresh data directory (DATA_DIR),
 * seeded as the dev host seeds it, with the clock pinned inside the open 2026 Q4 collection window
 * (2026-11-24 10:00 Dalian time, one second more per call).
 *
 * Filling the window: `proposal.submit` costs 15–30 ms here, so 50,000 real submits would take longer
 * than the whole benchmark may. The window is filled by `bulkLoad`, which does what submit and support
 * do — the same rules (input schema, content check stand-in, lookupGrams, statTerms; the similar lookup
 * at that moment: pickLookupGrams, the candidates in the database's order, the most backed
 * MAX_CANDIDATES, scored exactly as rankSimilar scores them), the same documents, counters, term
 * statistics and audit entries — in memory, and writes them in batches. Two checks of that claim run
 * every time: `verify` fills two fresh data directories with the same proposals, one through the real
 * `submit`/`support` actions and one through `bulkLoad`, and compares every stored document (ids mapped
 * by stream position) and the answers of the same `similar` queries; and at each size the last proposals
 * go through the real `submit`, whose stored similar links must be the ones the bulk path predicts.
 *
 * IPC: sends { type: 'ready' }, then answers { id, cmd } with { id, data } ({ error } on failure):
 *   { op: 'verify', count }      real path against bulk path on `count` proposals
 *   { op: 'grow', to, spot }     bulk-load until the window holds `to` − `spot` proposals, then submit `spot`
 *                                more through the real `submit`, checking the bulk path's similar links
 *   { op: 'checkStats' }         the window's gramStats against a recompute from the stored texts
 *   { op: 'lookups', queries, warmup }   time `proposal.similar`; hit rate, recall against an exhaustive ranking
 *   { op: 'merge', rounds, sizes } clusters of each size: merge into one and undo it as jobs, compare counts
 *   { op: 'info' }               the corpus: topics, planted clusters
 *   { op: 'memory' } | { op: 'close' }
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addStatCounts } from '@shishi/cloudfunctions/proposal/similarity';
import { newSupportKey } from '@shishi/cloudfunctions/proposal/supportCounting';
import { functions } from '@shishi/cloudfunctions/registry';
import { createLocalCloud, newId, type LocalCloud, type WxDatabase } from '@shishi/local-cloud';
import {
  collections,
  DOC_COUNT_TERM,
  idf,
  lookupGrams,
  MERGE_INLINE_MAX,
  MAX_CANDIDATES,
  MAX_LOOKUP_DOCS,
  moderationFromCheck,
  moderationText,
  pickLookupGrams,
  SHOW_THRESHOLD,
  SIMILAR_THRESHOLD,
  statKey,
  statTerms,
  submitProposalInputSchema,
  termCounts,
  titleKey,
  type Reply,
} from '@shishi/shared-types';
import { seed, seedOrgs } from '../../devhost/src/seed';
import { createCorpus, prng, topicCount, type Draft, type GeneratedProposal } from './similar-corpus';

type Command =
  | { op: 'verify'; count: number }
  | { op: 'grow'; to: number; spot: number }
  | { op: 'checkStats' }
  | { op: 'lookups'; queries: number; warmup: number }
  | { op: 'merge'; rounds: number; sizes: number[] }
  | { op: 'info' }
  | { op: 'memory' }
  | { op: 'close' };

const START = Date.parse('2026-11-24T10:00:00+08:00');
const WINDOW_ID = 'win-dl-2026';
const SEED = Number(process.env.SIMILAR_SEED ?? 20261124);
const WORKERS = Number(process.env.SIMILAR_WORKERS ?? 5000);
/** Share of proposals supported right after they are submitted, by 1–6 other workers. */
const SUPPORTED_SHARE = 0.06;
/** Who merges (调查研究室: collection staff of the whole city). */
const STAFF = 'demo-research';
/** Proposals written to the database per flush of the bulk path. */
const FLUSH = 2500;

const SURNAMES = Array.from(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎',
);
const GIVEN = Array.from('秀梅建国丽洋明卫东静强海涛娜志晓帆华文军桂兰庆燕红伟芳敏杰磊超霞平刚勇艳玲鹏辉');

function ok<T>(reply: Reply<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface UserDoc {
  _id: string;
  openid: string;
  name: string;
  role: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
}

/** What the bulk path keeps of each proposal of the window, in the database's natural order. */
interface Held {
  id: string;
  backerCount: number;
}

type Doc = Record<string, unknown> & { _id: string };

/**
 * One data directory with its local cloud, workers and generated proposals. Everything random is drawn
 * from the seed in stream order, so two worlds fed the same way hold the same proposals.
 */
class World {
  readonly cloud: LocalCloud;
  readonly db: WxDatabase;
  clock = START;
  readonly corpus = createCorpus({ seed: SEED });
  private readonly rnd = prng(SEED ^ 0x5eed);
  readonly users: UserDoc[] = [];
  private readonly titlesOf = new Map<string, Set<string>>();
  window!: { _id: string; year: number };
  /** Stream position → proposal id. */
  readonly idAt: string[] = [];
  /** Proposals of the window in natural order, and lookup gram → their positions there. */
  readonly held: Held[] = [];
  private readonly posOf = new Map<string, number>();
  private readonly byGram = new Map<string, number[]>();
  /** Document frequencies of the window as submit counts them (statTerms), '#' the proposal count. */
  readonly df = new Map<string, number>();
  /** Compact term vectors of every proposal of the window (exhaustive ranking). */
  private readonly termIds = new Map<string, number>();
  private readonly vecTerms: Int32Array[] = [];
  private readonly vecLogTf: Float64Array[] = [];
  /** Scratch of `score`: which terms are the current query's, their idf and weight. */
  private gen = 0;
  private qGen = new Int32Array(1 << 16);
  private qIdf = new Float64Array(1 << 16);
  private qWeight = new Float64Array(1 << 16);
  /** Bulk-path lookups whose grams held more than MAX_CANDIDATES proposals (the cut to the best-sharing ones ran). */
  capped = 0;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.cloud = createLocalCloud({ dataDir, collections, now: () => this.clock });
    this.db = this.cloud.database();
  }

  get engine() {
    return this.cloud.local.engine;
  }

  get stored(): number {
    return this.held.length;
  }

  async init(workers: number): Promise<void> {
    await seed(this.db, new Date(this.clock));
    const grassroots = seedOrgs().filter((o) => o.type === 'grassroots');
    const r = prng(SEED ^ 0xface);
    for (let i = 0; i < workers; i++) {
      const org = grassroots[Math.floor(r() * grassroots.length)];
      const name =
        SURNAMES[Math.floor(r() * SURNAMES.length)] +
        GIVEN[Math.floor(r() * GIVEN.length)] +
        (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)] : '');
      const openid = `bench-w-${i}`;
      this.users.push({
        _id: openid,
        openid,
        name,
        role: 'worker',
        orgId: org._id,
        orgName: org.name,
        orgPath: org.path,
      });
    }
    const at = new Date(this.clock);
    const docs = this.users.map((u) => ({ ...u, createdAt: at, updatedAt: at }));
    for (let i = 0; i < docs.length; i += 500) await this.db.collection('users').add({ data: docs.slice(i, i + 500) });
    const w = await this.db.collection('collectWindows').where({ _id: WINDOW_ID }).limit(1).get();
    this.window = w.data[0];
    // The seeded proposals of the window (the dev host's dozen), as the bulk path must see them.
    const seeded = await this.db.collection('proposals').where({ windowId: WINDOW_ID }).limit(1000).get();
    for (const p of seeded.data as Array<
      Doc & { title: string; content: string; backerCount: number; grams: string[] }
    >) {
      this.hold(p._id, p, p.backerCount, p.grams);
      for (const t of statTerms(p)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.df.set(DOC_COUNT_TERM, seeded.data.length);
  }

  async call(openid: string, fn: string, action: string, data: unknown): Promise<Reply<unknown>> {
    this.clock += 1000;
    const now = () => this.clock;
    return this.cloud.local.runAs({ OPENID: openid }, () =>
      functions[fn].handle(this.cloud, { action, data }, { now }),
    );
  }

  /** A worker who has not written a proposal with this title (a repeat would be the same proposal). */
  authorFor(title: string, avoid?: ReadonlySet<string>): UserDoc {
    const key = titleKey(title);
    for (;;) {
      const u = this.users[Math.floor(this.rnd() * this.users.length)];
      let titles = this.titlesOf.get(u.openid);
      if (!titles) this.titlesOf.set(u.openid, (titles = new Set()));
      if (!titles.has(key) && !avoid?.has(u.openid)) {
        titles.add(key);
        return u;
      }
    }
  }

  /** Who supports proposal `at` of the stream right after it is submitted (the same in every world). */
  supportersOf(at: number, author: string): UserDoc[] {
    const r = prng(SEED ^ (at * 40503));
    if (r() >= SUPPORTED_SHARE) return [];
    const n = 1 + Math.floor(r() * 6);
    const out: UserDoc[] = [];
    const seen = new Set([author]);
    for (let k = 0; k < n; k++) {
      const u = this.users[Math.floor(r() * this.users.length)];
      if (seen.has(u.openid)) continue;
      seen.add(u.openid);
      out.push(u);
    }
    return out;
  }

  private hold(id: string, p: { title: string; content: string }, backerCount: number, grams: readonly string[]) {
    const pos = this.held.length;
    this.held.push({ id, backerCount });
    this.posOf.set(id, pos);
    for (const g of grams) {
      let list = this.byGram.get(g);
      if (!list) this.byGram.set(g, (list = []));
      list.push(pos);
    }
    const counts = termCounts(p);
    const ids = new Int32Array(counts.size);
    const logTf = new Float64Array(counts.size);
    let k = 0;
    for (const [t, tf] of counts) {
      let tid = this.termIds.get(t);
      if (tid === undefined) {
        this.termIds.set(t, (tid = this.termIds.size));
        if (tid >= this.qGen.length) this.growScratch();
      }
      ids[k] = tid;
      logTf[k] = 1 + Math.log(tf);
      k += 1;
    }
    this.vecTerms.push(ids);
    this.vecLogTf.push(logTf);
  }

  private growScratch(): void {
    const size = this.qGen.length * 2;
    const qGen = new Int32Array(size);
    qGen.set(this.qGen);
    this.qGen = qGen;
    const qIdf = new Float64Array(size);
    qIdf.set(this.qIdf);
    this.qIdf = qIdf;
    const qWeight = new Float64Array(size);
    qWeight.set(this.qWeight);
    this.qWeight = qWeight;
  }

  private countTerms(p: { title: string; content: string }, delta?: Map<string, number>): void {
    for (const term of [DOC_COUNT_TERM, ...statTerms(p)]) {
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
      if (delta) {
        const k = statKey(WINDOW_ID, term);
        delta.set(k, (delta.get(k) ?? 0) + 1);
      }
    }
  }

  // ---------------------------------------------------------------------------------------- real path

  /** Fills the window through the real `submit` and `support` actions, one call at a time. */
  async submitLoad(to: number) {
    this.engine.resetCounts();
    const t0 = performance.now();
    let submits = 0;
    let supports = 0;
    let submitRequests = 0;
    while (this.stored < to) {
      const at = this.corpus.position();
      const p = this.corpus.next();
      const author = this.authorFor(p.title);
      const before = this.engine.totalRequests();
      const out = ok<{ _id: string; grams?: string[] }>(
        await this.call(author.openid, 'proposal', 'submit', draftOf(p)),
        'submit',
      );
      submitRequests += this.engine.totalRequests() - before;
      submits += 1;
      this.idAt[at] = out._id;
      this.hold(out._id, p, 1, lookupGrams(submitProposalInputSchema.parse(draftOf(p))));
      this.countTerms(p);
      for (const u of this.supportersOf(at, author.openid)) {
        ok(await this.call(u.openid, 'proposal', 'support', { proposalId: out._id }), 'support');
        this.held[this.posOf.get(out._id)!].backerCount += 1;
        supports += 1;
      }
    }
    return {
      stored: this.stored,
      submits,
      supports,
      ms: performance.now() - t0,
      requestsPerSubmit: submitRequests / submits,
    };
  }

  /**
   * The next `count` proposals of the stream through the real `submit` (and `support`): each time, the
   * bulk path's prediction of the similar links is compared with what submit stored — at the window's
   * real size, where the candidate bound and its order by backerCount matter. Also times submit there.
   */
  async spotCheck(count: number) {
    const times: number[] = [];
    let requests = 0;
    let agree = 0;
    let capped = 0;
    const examples: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = this.corpus.position();
      const p = this.corpus.next();
      const author = this.authorFor(p.title);
      const input = submitProposalInputSchema.parse(draftOf(p));
      const before = this.capped;
      const predicted = this.similarAtSubmit(input);
      capped += this.capped - before;
      this.engine.resetCounts();
      const t0 = performance.now();
      const out = ok<{ _id: string }>(await this.call(author.openid, 'proposal', 'submit', draftOf(p)), 'submit');
      times.push(performance.now() - t0);
      requests += this.engine.totalRequests();
      const res = await this.db
        .collection('proposals')
        .where({ _id: out._id })
        .field({ similarIds: true })
        .limit(1)
        .get();
      const stored = (res.data[0] as { similarIds: string[] }).similarIds;
      if (JSON.stringify(stored) === JSON.stringify(predicted)) agree += 1;
      else if (examples.length < 3) examples.push(`${JSON.stringify(stored)} ≠ ${JSON.stringify(predicted)}`);
      this.idAt[at] = out._id;
      this.hold(out._id, input, 1, lookupGrams(input));
      this.countTerms(input);
      for (const u of this.supportersOf(at, author.openid)) {
        ok(await this.call(u.openid, 'proposal', 'support', { proposalId: out._id }), 'support');
        this.held[this.posOf.get(out._id)!].backerCount += 1;
      }
    }
    const sorted = [...times].sort((x, y) => x - y);
    return {
      submits: count,
      agree,
      capped,
      examples,
      submitP50: quantile(sorted, 0.5),
      submitMean: times.reduce((x, y) => x + y, 0) / Math.max(1, times.length),
      requestsPerSubmit: requests / Math.max(1, count),
    };
  }

  // ---------------------------------------------------------------------------------------- bulk path

  /**
   * Fills the window as the real path would, without the per-call cost: each proposal is built by the
   * rules submit uses (schema, content check, lookupGrams, the similar lookup of the window as it is at
   * that moment, statTerms), supports are counted as `support` counts them, and the writes are batched.
   */
  async bulkLoad(to: number) {
    const t0 = performance.now();
    let submits = 0;
    let supports = 0;
    while (this.stored < to) {
      const proposals: Doc[] = [];
      const pending = new Map<string, Doc>();
      const similarInc = new Map<string, number>();
      const stats = new Map<string, number>();
      const supportDocs: Doc[] = [];
      const audit: Array<Record<string, unknown>> = [];
      const end = Math.min(to, this.stored + FLUSH);
      while (this.stored < end) {
        const at = this.corpus.position();
        const p = this.corpus.next();
        const author = this.authorFor(p.title);
        this.clock += 1000;
        const now = new Date(this.clock);
        const input = submitProposalInputSchema.parse(draftOf(p));
        const check = await this.cloud.openapi.security.msgSecCheck({
          content: moderationText(input),
          version: 2,
          scene: 3,
          openid: author.openid,
        });
        const moderation = moderationFromCheck(check.result?.suggest);
        const similarIds = this.similarAtSubmit(input);
        const grams = lookupGrams(input);
        const id = newId();
        // Field order as submit stores it: the database adds `_id` last.
        const doc = {
          title: input.title,
          titleKey: titleKey(input.title),
          content: input.content,
          category: input.category,
          targetGroup: input.targetGroup,
          status: 'submitted',
          moderation,
          authorOpenid: author.openid,
          authorKey: author.openid,
          authorName: author.name,
          orgId: author.orgId,
          orgName: author.orgName,
          orgPath: author.orgPath,
          windowId: this.window._id,
          year: this.window.year,
          channel: 'online',
          supportCount: 0,
          backerCount: 1,
          similarCount: similarIds.length,
          similarIds,
          grams,
          attachments: [],
          needsReview: moderation === 'review',
          mergedInto: null,
          mergedFrom: [],
          decision: null,
          scores: null,
          offline: null,
          clientDraftId: null,
          createdAt: now,
          updatedAt: now,
          _id: id,
        } as Doc;
        proposals.push(doc);
        pending.set(id, doc);
        for (const sid of similarIds) {
          const mine = pending.get(sid);
          if (mine) mine.similarCount = (mine.similarCount as number) + 1;
          else similarInc.set(sid, (similarInc.get(sid) ?? 0) + 1);
        }
        this.countTerms(input, stats);
        audit.push(auditEntry(now, author, 'submit', id));
        this.idAt[at] = id;
        this.hold(id, input, 1, grams);
        submits += 1;
        for (const u of this.supportersOf(at, author.openid)) {
          this.clock += 1000;
          const when = new Date(this.clock);
          // As support stores and counts it: a key on the support, its mark `sm.<key>` on the proposal.
          const k = newSupportKey();
          supportDocs.push({
            _id: `${id}_${u.openid}`,
            proposalId: id,
            openid: u.openid,
            name: u.name,
            createdAt: when,
            k,
          });
          doc.sm = { ...((doc.sm as Record<string, number> | undefined) ?? {}), [k]: when.getTime() };
          doc.supportCount = (doc.supportCount as number) + 1;
          doc.backerCount = (doc.backerCount as number) + 1;
          doc.updatedAt = when;
          this.held[this.held.length - 1].backerCount += 1;
          audit.push(auditEntry(when, u, 'support', id));
          supports += 1;
        }
      }
      await this.flush(proposals, similarInc, stats, supportDocs, audit);
    }
    return { stored: this.stored, submits, supports, ms: performance.now() - t0, cappedLookups: this.capped };
  }

  /**
   * What `similarInWindow` finds at submit (limit 10, SIMILAR_THRESHOLD): the window's frequencies of
   * the query's terms, its rarest grams (pickLookupGrams), the proposals holding any of them in natural
   * order, the MAX_CANDIDATES of them sharing the most grams, then most backed, then by id, scored as
   * rankSimilar scores them (`score`).
   */
  private similarAtSubmit(input: { title: string; content: string }): string[] {
    const found = this.candidatesFor(input);
    if (!found) return [];
    if (found.matched.length > MAX_CANDIDATES) this.capped += 1;
    return this.score(input, found.candidates, SIMILAR_THRESHOLD, 10);
  }

  /** The lookup's candidates (findCandidates): positions holding a picked gram, most grams shared first. */
  candidatesFor(input: { title: string; content: string }) {
    const counts = termCounts(input);
    if (counts.size === 0) return null;
    const grams = pickLookupGrams(input, this.statsFor(counts.keys()));
    if (grams.length === 0) return null;
    // How many of the picked grams each proposal holds (findCandidates keeps those sharing the most).
    const shared = new Map<number, number>();
    for (const g of grams) for (const pos of this.byGram.get(g) ?? []) shared.set(pos, (shared.get(pos) ?? 0) + 1);
    const matched = [...shared.keys()].sort((a, b) => a - b);
    // findCandidates: by grams shared while the grams hold ≤ MAX_LOOKUP_DOCS together, else most backed
    // (a stable sort of the natural order, as the database's index-ordered read).
    const bySharing = grams.reduce((sum, g) => sum + (this.df.get(g) ?? 0), 0) <= MAX_LOOKUP_DOCS;
    const candidates = [...matched]
      .sort((a, b) =>
        bySharing
          ? shared.get(b)! - shared.get(a)! ||
            this.held[b].backerCount - this.held[a].backerCount ||
            (this.held[a].id < this.held[b].id ? -1 : this.held[a].id > this.held[b].id ? 1 : 0)
          : this.held[b].backerCount - this.held[a].backerCount,
      )
      .slice(0, MAX_CANDIDATES);
    return { grams, matched, candidates };
  }

  /** The frequencies `loadStats` reads: the window's count and the stored df of the given terms. */
  private statsFor(terms: Iterable<string>) {
    const df = new Map<string, number>();
    for (const t of terms) {
      const v = this.df.get(t);
      if (v !== undefined) df.set(t, v);
    }
    return { n: this.df.get(DOC_COUNT_TERM) ?? 0, df };
  }

  private async flush(
    proposals: Doc[],
    similarInc: Map<string, number>,
    stats: Map<string, number>,
    supportDocs: Doc[],
    audit: Array<Record<string, unknown>>,
  ): Promise<void> {
    const _ = this.db.command;
    for (let i = 0; i < proposals.length; i += 500) {
      await this.db.collection('proposals').add({ data: proposals.slice(i, i + 500) });
    }
    const increments = [...similarInc];
    for (let i = 0; i < increments.length; i += 200) {
      await Promise.all(
        increments.slice(i, i + 200).map(([id, n]) =>
          this.db
            .collection('proposals')
            .doc(id)
            .update({ data: { similarCount: _.inc(n) } }),
        ),
      );
    }
    // Term statistics: existing keys raised by how much this batch adds, new ones inserted in the order
    // submit would have inserted them (first occurrence).
    await addStatCounts(this.db, WINDOW_ID, stats);
    for (let i = 0; i < supportDocs.length; i += 500) {
      await this.db.collection('supports').add({ data: supportDocs.slice(i, i + 500) });
    }
    for (let i = 0; i < audit.length; i += 500)
      await this.db.collection('auditLog').add({ data: audit.slice(i, i + 500) });
  }

  // ---------------------------------------------------------------------------------------- checks

  /**
   * Scores proposals of the window (by natural position) for a query exactly as rankSimilar scores
   * candidates — the same weights ((1 + ln tf) · idf, idf from the frequencies of the query's terms, any
   * other term as one the lookup did not load), summed in the same order (termCounts order), the same
   * cut (`minScore`), order (score, then id) and `limit` — from the term vectors kept per proposal, so
   * no text is cut into terms again.
   */
  score(query: { title: string; content: string }, positions: Iterable<number>, minScore: number, limit: number) {
    const q = termCounts(query);
    if (q.size === 0) return [];
    const stats = this.statsFor(q.keys());
    const unknownIdf = idf('\u0000', stats);
    this.gen += 1;
    let qNorm = 0;
    for (const [t, tf] of q) {
      const w = (1 + Math.log(tf)) * idf(t, stats);
      qNorm += w * w;
      const tid = this.termIds.get(t);
      if (tid !== undefined) {
        this.qGen[tid] = this.gen;
        this.qIdf[tid] = idf(t, stats);
        this.qWeight[tid] = w;
      }
    }
    qNorm = Math.sqrt(qNorm);
    const scored: Array<{ id: string; score: number }> = [];
    for (const d of positions) {
      const ids = this.vecTerms[d];
      const logTf = this.vecLogTf[d];
      let dot = 0;
      let norm = 0;
      for (let k = 0; k < ids.length; k++) {
        const tid = ids[k];
        const inQuery = this.qGen[tid] === this.gen;
        const w = logTf[k] * (inQuery ? this.qIdf[tid] : unknownIdf);
        norm += w * w;
        if (inQuery) dot += w * this.qWeight[tid];
      }
      const score = norm === 0 ? 0 : Math.min(1, dot / (qNorm * Math.sqrt(norm)));
      if (score >= minScore) scored.push({ id: this.held[d].id, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return scored.slice(0, limit).map((x) => x.id);
  }

  /** The top `limit` of every proposal of the window: what `similar` would show with no bound on candidates. */
  exhaustive(query: Draft, limit: number): string[] {
    return this.score(query, this.held.keys(), SHOW_THRESHOLD, limit);
  }

  /** The window's gramStats as stored, against the frequencies recomputed from the stored texts. */
  async checkStats() {
    const _ = this.db.command;
    const keys = [...this.df.keys()].map((t) => statKey(WINDOW_ID, t));
    let mismatches = 0;
    const examples: string[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const res = await this.db
        .collection('gramStats')
        .where({ k: _.in(chunk) })
        .field({ k: true, df: true })
        .limit(1000)
        .get();
      const got = new Map((res.data as Array<{ k: string; df: number }>).map((r) => [r.k, r.df]));
      for (const k of chunk) {
        const want = this.df.get(k.slice(WINDOW_ID.length + 1));
        if (got.get(k) !== want) {
          mismatches += 1;
          if (examples.length < 5) examples.push(`${k}: stored ${got.get(k)}, recomputed ${want}`);
        }
      }
    }
    const stored = (await this.db.collection('gramStats').where({ w: WINDOW_ID }).count()).total as number;
    return { size: this.stored, terms: keys.length, mismatches, storedTerms: stored, examples };
  }

  /** Every document of the collections a submit or support writes, ids replaced by stream positions. */
  async dump(): Promise<Record<string, string[]>> {
    const name = new Map<string, string>();
    this.idAt.forEach((id, at) => name.set(id, `#${at}`));
    const rename = (v: unknown): unknown => (typeof v === 'string' && name.has(v) ? name.get(v) : v);
    const out: Record<string, string[]> = {};
    for (const collection of ['proposals', 'gramStats', 'supports', 'auditLog', 'credits', 'messages']) {
      const rows: string[] = [];
      for (let offset = 0; ; offset += 1000) {
        const res = await this.db.collection(collection).skip(offset).limit(1000).get();
        for (const d of res.data as Doc[]) {
          const copy: Record<string, unknown> = { ...d };
          if (collection === 'auditLog' || collection === 'messages') delete copy._id;
          else copy._id = rename(d._id);
          // Support keys are random: compared by whether they are there, marks by their instants.
          if (collection === 'supports') {
            copy._id = `${rename(d.proposalId)}_${String(d.openid)}`;
            copy.proposalId = rename(d.proposalId);
            copy.k = typeof d.k === 'string' ? 'key' : d.k;
          }
          if (collection === 'proposals') {
            copy.similarIds = (d.similarIds as string[]).map(rename);
            if (d.sm) copy.sm = Object.values(d.sm as Record<string, number>).sort((a, b) => a - b);
          }
          if (collection === 'auditLog') copy.targetId = rename(d.targetId);
          rows.push(JSON.stringify(copy));
        }
        if (res.data.length < 1000) break;
      }
      out[collection] = rows;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------- lookups

  async lookups(count: number, warmup: number, withAnswers = false) {
    const asker = this.users[0].openid;
    for (const q of this.corpus.queries(this.stored, warmup, 1)) {
      ok(await this.call(asker, 'proposal', 'similar', { title: q.draft.title, content: q.draft.content }), 'similar');
    }
    const queries = this.corpus.queries(this.stored, count);
    const times: number[] = [];
    const kinds: Record<
      string,
      { queries: number; hits: number; exhaustiveHits: number; recall: number; withBest: number }
    > = {};
    const answers: string[][] = [];
    /** Why a planted near-duplicate was not shown (duplicate queries that missed). */
    const misses = { noSharedGram: 0, cutByBound: 0, rankedLower: 0 };
    let requests = 0;
    const byAction = new Map<string, number>();
    for (const q of queries) {
      this.engine.resetCounts();
      const t0 = performance.now();
      const reply = await this.call(asker, 'proposal', 'similar', { title: q.draft.title, content: q.draft.content });
      times.push(performance.now() - t0);
      requests += this.engine.totalRequests();
      for (const [k, v] of this.engine.requestCounts) byAction.set(k, (byAction.get(k) ?? 0) + v);
      const got = ok<{ items: Array<{ _id: string }> }>(reply, 'similar').items.map((i) => i._id);
      answers.push(got);
      const best = this.exhaustive(q.draft, 5);
      const k = (kinds[q.kind] ??= { queries: 0, hits: 0, exhaustiveHits: 0, recall: 0, withBest: 0 });
      k.queries += 1;
      if (q.kind === 'dup') {
        const members = new Set(q.members.map((m) => this.idAt[m]));
        if (got.some((id) => members.has(id))) k.hits += 1;
        else misses[this.whyMissed(q.draft, members)] += 1;
        if (best.some((id) => members.has(id))) k.exhaustiveHits += 1;
      }
      if (best.length > 0) {
        k.withBest += 1;
        k.recall += best.filter((id) => got.includes(id)).length / best.length;
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const all = Object.values(kinds);
    const dup = kinds.dup;
    return {
      stored: this.stored,
      queries: queries.length,
      warmup,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      max: sorted[sorted.length - 1],
      requestsPerLookup: requests / queries.length,
      requestsByAction: Object.fromEntries([...byAction].map(([k, v]) => [k, v / queries.length])),
      hitRate: dup ? dup.hits / dup.queries : null,
      exhaustiveHitRate: dup ? dup.exhaustiveHits / dup.queries : null,
      recallAt5:
        all.reduce((a, k) => a + k.recall, 0) /
        Math.max(
          1,
          all.reduce((a, k) => a + k.withBest, 0),
        ),
      misses,
      kinds: Object.fromEntries(
        Object.entries(kinds).map(([kind, v]) => [
          kind,
          {
            queries: v.queries,
            hitRate: kind === 'dup' ? v.hits / v.queries : null,
            exhaustiveHitRate: kind === 'dup' ? v.exhaustiveHits / v.queries : null,
            recallAt5: v.withBest ? v.recall / v.withBest : null,
          },
        ]),
      ),
      /** The answers by stream position (the verify command compares two worlds with them). */
      answers: withAnswers ? answers.map((ids) => ids.map((id) => this.idAt.indexOf(id))) : [],
    };
  }

  /**
   * Why the lookup showed no member of a planted cluster: no member holds any of the grams it looked up
   * by (the rarest of the query's, MAX_LOOKUP_DOCS together); members hold one but the MAX_CANDIDATES
   * most backed of the matches left them out; or they were candidates and ranked below the fifth.
   */
  whyMissed(query: Draft, members: ReadonlySet<string>): 'noSharedGram' | 'cutByBound' | 'rankedLower' {
    const found = this.candidatesFor(query);
    const has = (positions: readonly number[]) => positions.some((p) => members.has(this.held[p].id));
    if (!found || !has(found.matched)) return 'noSharedGram';
    if (!has(found.candidates)) return 'cutByBound';
    return 'rankedLower';
  }

  // ---------------------------------------------------------------------------------------- merge

  async snapshot(ids: readonly string[]) {
    const _ = this.db.command;
    const res = await this.db
      .collection('proposals')
      .where({ _id: _.in([...ids]) })
      .field({ status: true, supportCount: true, backerCount: true, mergedFrom: true, mergedInto: true })
      .limit(1000)
      .get();
    const byId = new Map((res.data as Doc[]).map((d) => [d._id, d]));
    const credits = (await this.db.collection('credits').where({ rootId: ids[0] }).count()).total as number;
    const supports = (
      await this.db
        .collection('supports')
        .where({ proposalId: _.in([...ids]) })
        .count()
    ).total as number;
    return {
      docs: ids.map((id) => {
        const d = byId.get(id)!;
        return [id, d.status, d.supportCount, d.backerCount, (d.mergedFrom as unknown[]).length, d.mergedInto];
      }),
      credits,
      supports,
    };
  }

  /**
   * A cluster of `size` wordings of one need, by different workers (a few wrote two of them), supported
   * by a pool of 80 workers that includes 20 of the cluster's own authors: "counted once" matters.
   */
  async buildCluster(size: number, salt = 0xc1) {
    const wordings = this.corpus.wordings(size, salt);
    const ids: string[] = [];
    const authors: UserDoc[] = [];
    for (let i = 0; i < wordings.length; i++) {
      const d = wordings[i];
      const again = i >= 10 && i % 10 === 0 ? authors[i - 7] : undefined;
      const titles = again && this.titlesOf.get(again.openid);
      let author: UserDoc;
      if (again && titles && !titles.has(titleKey(d.title))) {
        titles.add(titleKey(d.title));
        author = again;
      } else {
        author = this.authorFor(d.title, new Set(authors.map((a) => a.openid)));
      }
      const out = ok<{ _id: string }>(await this.call(author.openid, 'proposal', 'submit', d), 'submit (cluster)');
      ids.push(out._id);
      authors.push(author);
    }
    const pool = [...new Set(authors.map((a) => a.openid))].slice(0, 20);
    const r = prng(SEED ^ 0xbeef);
    while (pool.length < 80) {
      const u = this.users[Math.floor(r() * this.users.length)].openid;
      if (!pool.includes(u)) pool.push(u);
    }
    let supports = 0;
    for (let i = 0; i < ids.length; i++) {
      const n = Math.floor(r() * 6);
      for (let k = 0; k < n; k++) {
        const who = pool[Math.floor(r() * pool.length)];
        if (who === authors[i].openid) continue;
        ok(await this.call(who, 'proposal', 'support', { proposalId: ids[i] }), 'support (cluster)');
        supports += 1;
      }
    }
    const supp: { data: Array<{ openid: string }> } = { data: [] };
    for (let offset = 0; ; offset += 1000) {
      const page = await this.db
        .collection('supports')
        .where({ proposalId: this.db.command.in(ids) })
        .orderBy('_id', 'asc')
        .field({ openid: true })
        .skip(offset)
        .limit(1000)
        .get();
      supp.data.push(...(page.data as Array<{ openid: string }>));
      if (page.data.length < 1000) break;
    }
    const people = new Set(authors.map((a) => a.openid));
    for (const s of supp.data) people.add(s.openid);
    return {
      ids,
      proposals: ids.length,
      distinctAuthors: new Set(authors.map((a) => a.openid)).size,
      supports: supp.data.length,
      supportCalls: supports,
      creditedPeople: people.size,
    };
  }

  async timed(openid: string, action: string, data: unknown) {
    this.engine.resetCounts();
    const t0 = performance.now();
    const reply = await this.call(openid, 'proposal', action, data);
    const ms = performance.now() - t0;
    return {
      reply,
      ms,
      requests: this.engine.totalRequests(),
      byAction: Object.fromEntries(this.engine.requestCounts),
    };
  }

  /**
   * A long action driven as the staff page drives it: the action, then its status poll until the job is
   * done. Each call is one invocation (the function's first slice, or one poll's slice).
   */
  async drive(action: string, status: string, data: unknown) {
    const calls = [await this.timed(STAFF, action, data)];
    let out = ok<{ job: { jobId: string; status: string } | null }>(calls[0].reply, action);
    while (out.job && out.job.status !== 'done') {
      if (out.job.status === 'failed') throw new Error(`${action} job failed: ${JSON.stringify(out.job)}`);
      calls.push(await this.timed(STAFF, status, { jobId: out.job.jobId }));
      out = ok<{ job: { jobId: string; status: string } | null }>(calls[calls.length - 1].reply, status);
    }
    const byAction = new Map<string, number>();
    for (const c of calls) for (const [k, v] of Object.entries(c.byAction)) byAction.set(k, (byAction.get(k) ?? 0) + v);
    return {
      job: out.job !== null,
      invocations: calls.length,
      longestMs: Math.max(...calls.map((c) => c.ms)),
      totalMs: calls.reduce((a, c) => a + c.ms, 0),
      requests: calls.reduce((a, c) => a + c.requests, 0),
      byAction: Object.fromEntries(byAction),
      callsMs: calls.map((c) => Math.round(c.ms)),
    };
  }

  /**
   * For each size, a cluster of `size` proposals (buildCluster): `merge` of the other size − 1 into the
   * first and `unmergeAll` of it, both driven as jobs (more than MERGE_INLINE_MAX); counts checked after
   * each. Before the first size's job rounds, the inline path at the threshold: MERGE_INLINE_MAX merged
   * in the call and undone in the call (the figure behind the threshold).
   */
  async merge(rounds: number, sizes: readonly number[]) {
    const out = [];
    for (const [n, size] of sizes.entries()) {
      const { ids, ...cluster } = await this.buildCluster(size, 0xc1 + n);
      const [keepId, ...mergeIds] = ids;
      const before = await this.snapshot(ids);
      const sumOfBackers = before.docs.reduce((a, d) => a + (d[3] as number), 0);
      let inline = null;
      if (n === 0) {
        const part = mergeIds.slice(0, MERGE_INLINE_MAX);
        const m = await this.drive('merge', 'mergeStatus', { keepId, mergeIds: part });
        const u = await this.drive('unmergeAll', 'unmergeAllStatus', { keepId });
        inline = {
          merged: part.length,
          merge: m,
          undo: u,
          restored: JSON.stringify(await this.snapshot(ids)) === JSON.stringify(before),
        };
      }
      const runs = [];
      for (let round = 0; round < (n === 0 ? rounds : 1); round++) {
        const m = await this.drive('merge', 'mergeStatus', { keepId, mergeIds, note: '同一件事，合并办理' });
        const afterMerge = await this.snapshot(ids);
        const mergedOk = afterMerge.docs.slice(1).every((d) => d[1] === 'merged' && d[3] === 0);
        const u = await this.drive('unmergeAll', 'unmergeAllStatus', { keepId, note: '合并错了' });
        const after = await this.snapshot(ids);
        runs.push({
          merge: m,
          undo: u,
          keptBackers: afterMerge.docs[0][3],
          expectedKeptBackers: cluster.creditedPeople,
          creditsAfterMerge: afterMerge.credits,
          mergedMarked: mergedOk,
          countsRestored: JSON.stringify(after) === JSON.stringify(before),
        });
      }
      out.push({ size, cluster: { ...cluster, sumOfBackers, creditsBefore: before.credits }, inline, runs });
    }
    return { sizes: out };
  }
}

function draftOf(p: GeneratedProposal): Draft {
  return { title: p.title, content: p.content, category: p.category, targetGroup: p.targetGroup };
}

function auditEntry(at: Date, who: UserDoc, action: 'submit' | 'support', targetId: string) {
  return {
    at,
    actor: who.openid,
    actorName: who.name,
    action,
    targetType: 'proposal',
    targetId,
    from: null,
    to: action === 'submit' ? 'submitted' : null,
    note: null,
  };
}

/** The real path against the bulk path on `count` proposals, in two fresh data directories. */
async function verify(base: string, count: number) {
  const real = new World(join(base, 'verify-real'));
  const bulk = new World(join(base, 'verify-bulk'));
  try {
    await real.init(Math.min(WORKERS, 500));
    await bulk.init(Math.min(WORKERS, 500));
    const submitted = await real.submitLoad(count);
    const loaded = await bulk.bulkLoad(count);
    const [a, b] = [await real.dump(), await bulk.dump()];
    const differences: string[] = [];
    let documents = 0;
    for (const collection of Object.keys(a)) {
      documents += a[collection].length;
      if (a[collection].length !== b[collection].length) {
        differences.push(`${collection}: ${a[collection].length} documents vs ${b[collection].length}`);
        continue;
      }
      a[collection].forEach((row, i) => {
        if (row !== b[collection][i] && differences.length < 5) {
          differences.push(`${collection}[${i}]: ${row.slice(0, 300)} ≠ ${b[collection][i].slice(0, 300)}`);
        }
      });
    }
    const qa = await real.lookups(40, 0, true);
    const qb = await bulk.lookups(40, 0, true);
    const sameAnswers = JSON.stringify(qa.answers) === JSON.stringify(qb.answers);
    const similarLinks = a.proposals.reduce((n, row) => n + (JSON.parse(row).similarIds as unknown[]).length, 0);
    return {
      proposals: count,
      documents,
      similarLinks,
      identical: differences.length === 0,
      differences,
      sameAnswers,
      queries: qa.queries,
      real: { ...submitted },
      bulk: { ...loaded },
    };
  } finally {
    await real.cloud.local.close();
    await bulk.cloud.local.close();
  }
}

// ------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  if (!process.send) throw new Error('run me from lib/similar-bench.mjs (needs an IPC channel)');
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('DATA_DIR is required');
  const world = new World(join(dataDir, 'main'));
  await world.init(WORKERS);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= world.cloud.local.close());
  const run = async (cmd: Command): Promise<unknown> => {
    switch (cmd.op) {
      case 'verify':
        return verify(dataDir, cmd.count);
      case 'grow': {
        const load = await world.bulkLoad(cmd.to - cmd.spot);
        const spot = await world.spotCheck(Math.max(0, cmd.to - world.stored));
        return { ...load, stored: world.stored, spot };
      }
      case 'checkStats':
        return world.checkStats();
      case 'lookups': {
        const { answers: _answers, ...rest } = await world.lookups(cmd.queries, cmd.warmup);
        return rest;
      }
      case 'merge':
        return world.merge(cmd.rounds, cmd.sizes);
      case 'info': {
        const clusters = world.corpus.clusters();
        const stored = world.corpus.position();
        return {
          topics: topicCount.stored,
          heldOutTopics: topicCount.heldOut,
          workers: world.users.length,
          streamed: stored,
          clusters: clusters.filter((c) => c.stored.length > 0).length,
          inClusters: clusters.reduce((n, c) => n + c.stored.length, 0),
        };
      }
      case 'memory':
        return { ...process.memoryUsage(), maxRssBytes: process.resourceUsage().maxRSS * 1024 };
      case 'close':
        await close();
        return null;
    }
  };
  process.on('message', (message: { id: number; cmd: Command }) => {
    run(message.cmd).then(
      (data) => {
        process.send?.({ id: message.id, data });
        if (message.cmd.op === 'close') process.disconnect();
      },
      (e: unknown) =>
        process.send?.({ id: message.id, data: { error: e instanceof Error ? (e.stack ?? e.message) : String(e) } }),
    );
  });
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
  process.send({ type: 'ready', url: null });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
