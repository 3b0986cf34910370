/**
 * The I/O of similar-proposal lookup (the ranking itself is rules/similarity): document frequencies per
 * window in `gramStats`, candidates through the multikey `grams` index.
 */
import {
  DOC_COUNT_TERM,
  MAX_CANDIDATES,
  MAX_LOOKUP_DOCS,
  MAX_STORED_LOOKUP_GRAMS,
  pickLookupGrams,
  rankSimilar,
  statKey,
  termCounts,
  withoutStored,
  type DocFrequencies,
  type RankedCandidate,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../common/app';
import type { Db } from '../common/cloud';
import type { Ctx } from '../common/context';
import type { ProposalDoc } from './model';

const CHUNK = 500;

/** What ranking needs of a candidate (the fewer fields, the cheaper the read). */
export type Candidate = Pick<ProposalDoc, '_id' | 'title' | 'content'>;

export interface LoadedStats extends DocFrequencies {
  /** Stat keys that exist (the rest are new terms of the window). */
  known: Set<string>;
}

/** Document frequencies of `terms` in the window, and the window's proposal count. */
export async function loadStats(ctx: Ctx, windowId: string, terms: readonly string[]): Promise<LoadedStats> {
  const _ = ctx.db.command;
  const keys = [statKey(windowId, DOC_COUNT_TERM), ...terms.map((t) => statKey(windowId, t))];
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += CHUNK) chunks.push(keys.slice(i, i + CHUNK));
  const replies = await Promise.all(
    chunks.map((chunk) =>
      ctx.db
        .collection('gramStats')
        .where({ k: _.in(chunk) })
        .field({ k: true, df: true })
        .limit(1000)
        .get(),
    ),
  );
  const prefix = `${windowId}|`;
  const df = new Map<string, number>();
  const known = new Set<string>();
  let n = 0;
  for (const reply of replies) {
    for (const row of reply.data as Array<{ k: string; df: number }>) {
      known.add(row.k);
      const term = row.k.slice(prefix.length);
      if (term === DOC_COUNT_TERM) n = row.df;
      else df.set(term, row.df);
    }
  }
  return { n, df, known };
}

/**
 * Counts a new proposal in its window's document frequencies: existing terms with one `_.inc` update,
 * new ones inserted in one batch (a term inserted meanwhile by a concurrent submit is counted with `_.inc`).
 */
export async function recordStats(
  ctx: Ctx,
  windowId: string,
  terms: readonly string[],
  known: ReadonlySet<string>,
  options: { countDoc?: boolean } = {},
): Promise<void> {
  const _ = ctx.db.command;
  const keys = [
    ...(options.countDoc === false ? [] : [statKey(windowId, DOC_COUNT_TERM)]),
    ...terms.map((t) => statKey(windowId, t)),
  ];
  const existing = keys.filter((k) => known.has(k));
  const fresh = keys.filter((k) => !known.has(k));
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < existing.length; i += CHUNK) {
    writes.push(
      ctx.db
        .collection('gramStats')
        .where({ k: _.in(existing.slice(i, i + CHUNK)) })
        .update({ data: { df: _.inc(1) } }),
    );
  }
  if (fresh.length > 0) writes.push(insertStats(ctx, windowId, fresh));
  await Promise.all(writes);
}

/**
 * Takes a proposal's terms out of its window's document frequencies (an edit's old terms, a
 * withdrawal's all of them, with `countDoc` the window's proposal count too): one `_.inc(-1)` per 500 keys.
 */
export async function forgetStats(
  ctx: Ctx,
  windowId: string,
  terms: readonly string[],
  options: { countDoc?: boolean } = {},
): Promise<void> {
  const _ = ctx.db.command;
  const keys = [
    ...(options.countDoc ? [statKey(windowId, DOC_COUNT_TERM)] : []),
    ...terms.map((t) => statKey(windowId, t)),
  ];
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    writes.push(
      ctx.db
        .collection('gramStats')
        .where({ k: _.in(keys.slice(i, i + CHUNK)) })
        .update({ data: { df: _.inc(-1) } }),
    );
  }
  await Promise.all(writes);
}

async function insertStats(ctx: Ctx, windowId: string, keys: readonly string[]): Promise<void> {
  const _ = ctx.db.command;
  try {
    await ctx.db.collection('gramStats').add({ data: keys.map((k) => ({ _id: k, k, w: windowId, df: 1 })) });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // Another submit added some of them first: one at a time, counting the ones that exist.
    for (const k of keys) {
      try {
        await ctx.db.collection('gramStats').add({ data: { _id: k, k, w: windowId, df: 1 } });
      } catch (e2) {
        if (!isDuplicateKey(e2)) throw e2;
        await ctx.db
          .collection('gramStats')
          .where({ k })
          .update({ data: { df: _.inc(1) } });
      }
    }
  }
}

/**
 * Adds many proposals' counts at once (seeding, bulk loads): `counts` maps stat keys to how much to add.
 * Existing keys get one `_.inc` per distinct amount (500 keys a request); new ones are inserted in the
 * order of `counts`, as submits would have inserted them.
 */
export async function addStatCounts(db: Db, windowId: string, counts: ReadonlyMap<string, number>): Promise<void> {
  const _ = db.command;
  const keys = [...counts.keys()];
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const res = await db
      .collection('gramStats')
      .where({ k: _.in(keys.slice(i, i + CHUNK)) })
      .field({ k: true })
      .limit(1000)
      .get();
    for (const row of res.data as Array<{ k: string }>) known.add(row.k);
  }
  const byAmount = new Map<number, string[]>();
  for (const k of known) {
    const n = counts.get(k)!;
    byAmount.set(n, [...(byAmount.get(n) ?? []), k]);
  }
  for (const [n, ks] of byAmount) {
    for (let i = 0; i < ks.length; i += CHUNK) {
      await db
        .collection('gramStats')
        .where({ k: _.in(ks.slice(i, i + CHUNK)) })
        .update({ data: { df: _.inc(n) } });
    }
  }
  const fresh = keys.filter((k) => !known.has(k)).map((k) => ({ _id: k, k, w: windowId, df: counts.get(k)! }));
  for (let i = 0; i < fresh.length; i += CHUNK)
    await db.collection('gramStats').add({ data: fresh.slice(i, i + CHUNK) });
}

/**
 * Proposals of the window holding any of the grams, merged ones left out, and — when given — only those
 * `visibleTo` allows (a condition, so what the caller may not see never leaves the database). When more
 * than MAX_CANDIDATES hold them, those sharing the most of the grams are kept (then the most backed):
 * a near-duplicate shares many, a proposal that merely mentions one common word shares one. Counting
 * what each holds costs a pass over every match, so it is done only while the grams hold at most
 * MAX_LOOKUP_DOCS proposals together (`matches`, from the window's frequencies); past that (even the
 * rarest gram is common) the most backed are kept, which an index-ordered read gives cheaply.
 */
export async function findCandidates(
  ctx: Ctx,
  windowId: string,
  grams: readonly string[],
  matches: number,
  visibleTo?: unknown,
): Promise<Candidate[]> {
  if (grams.length === 0) return [];
  const _ = ctx.db.command;
  const conditions: unknown[] = [{ grams: _.in([...grams]), windowId, status: _.nin(['merged', 'withdrawn']) }];
  if (visibleTo) conditions.push(visibleTo);
  const where = conditions.length === 1 ? conditions[0] : _.and(conditions);
  if (matches > MAX_LOOKUP_DOCS) {
    const res = await ctx.db
      .collection('proposals')
      .where(where)
      .field({ title: true, content: true })
      .orderBy('backerCount', 'desc')
      .limit(MAX_CANDIDATES)
      .get();
    return res.data as Candidate[];
  }
  const $ = _.aggregate;
  const res = await ctx.db
    .collection('proposals')
    .aggregate()
    .match(where)
    .project({ title: 1, content: 1, backerCount: 1, shared: $.size($.setIntersection(['$grams', [...grams]])) })
    .sort({ shared: -1, backerCount: -1, _id: 1 })
    .limit(MAX_CANDIDATES)
    .project({ title: 1, content: 1 })
    .end();
  return res.list as Candidate[];
}

export interface SimilarResult {
  ranked: Array<RankedCandidate<Candidate>>;
  stats: LoadedStats;
  /** The grams candidates were looked up by (a later read of the winners can use the same index). */
  grams: string[];
}

/**
 * The proposals of a window most similar to `query`. `stored`: a proposal of the window left out of the
 * result whose own counts are taken out of the frequencies (staff looking at a stored proposal: its
 * rarest grams are its own, and would find only itself).
 */
export async function similarInWindow(
  ctx: Ctx,
  windowId: string,
  query: { title: string; content: string },
  options: {
    limit: number;
    minScore?: number;
    exclude?: ReadonlySet<string>;
    visibleTo?: unknown;
    stored?: { title: string; content: string };
  },
): Promise<SimilarResult> {
  const terms = [...termCounts(query).keys()];
  if (terms.length === 0) return { ranked: [], stats: { n: 0, df: new Map(), known: new Set() }, grams: [] };
  const loaded = await loadStats(ctx, windowId, terms);
  const stats = options.stored ? { ...withoutStored(loaded, options.stored), known: loaded.known } : loaded;
  const grams = pickLookupGrams(query, stats, options.stored ? MAX_STORED_LOOKUP_GRAMS : undefined);
  const matches = grams.reduce((sum, g) => sum + (stats.df.get(g) ?? 0), 0);
  const candidates = await findCandidates(ctx, windowId, grams, matches, options.visibleTo);
  const ranked = rankSimilar(query, candidates, stats, {
    limit: options.limit,
    minScore: options.minScore,
    excludeIds: options.exclude,
  });
  return { ranked, stats, grams };
}
