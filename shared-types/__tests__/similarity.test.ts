/** Similar proposals (附议 instead of a duplicate): Chinese-aware TF-IDF ranking on real-looking proposals. */
import {
  cosine,
  idf,
  isLookupGram,
  lookupGrams,
  MAX_STORED_GRAMS,
  pickLookupGrams,
  rankSimilar,
  SHOW_THRESHOLD,
  SIMILAR_THRESHOLD,
  statTerms,
  termCounts,
  textTerms,
  weigh,
  type DocFrequencies,
} from '../src';
import { fixtureProposals as F } from './fixtures/proposals';

/** Document frequencies of the fixture window, as gramStats holds them. */
function statsOf(docs: ReadonlyArray<{ title: string; content: string }>): DocFrequencies {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of statTerms(d)) df.set(t, (df.get(t) ?? 0) + 1);
  return { n: docs.length, df };
}
const stats = statsOf(F);
const clusterOf = new Map(F.map((p) => [p._id, p.cluster]));

describe('similarity: terms', () => {
  it('cuts Chinese into topic unigrams and bigrams, and letters/digits into words, after NFKC', () => {
    // 的 is no topic on its own (no unigram), but stays inside the bigram 堂的.
    expect(textTerms('食堂的WiFi，２４小时')).toEqual(['食', '食堂', '堂', '堂的', 'wifi', '24', '小', '小时', '时']);
  });

  it('counts title terms twice', () => {
    const counts = termCounts({ title: '驿站', content: '驿站' });
    expect(counts.get('驿站')).toBe(3);
  });

  it('stores distinct lookup grams without generic ones or particles, title first, capped', () => {
    const grams = lookupGrams(F[0]);
    expect(grams.slice(0, 3)).toEqual(['户外', '外环', '环卫']);
    expect(grams).toContain('驿站');
    for (const generic of ['建议', '职工', '工会']) expect(grams).not.toContain(generic);
    expect(grams.some((g) => g.includes('的'))).toBe(false);
    expect(new Set(grams).size).toBe(grams.length);
    const long = lookupGrams({
      title: '长',
      content: Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i)).join(''),
    });
    expect(long).toHaveLength(MAX_STORED_GRAMS);
    expect(isLookupGram('驿站')).toBe(true);
    expect(isLookupGram('驿')).toBe(false);
    expect(isLookupGram('wifi')).toBe(true);
  });
});

describe('similarity: ranking', () => {
  it('ranks every proposal’s known near-duplicates above everything else', () => {
    for (const p of F) {
      const mates = F.filter((q) => q.cluster === p.cluster && q._id !== p._id).map((q) => q._id);
      const ranked = rankSimilar(p, F, stats, { limit: mates.length, minScore: 0, excludeIds: new Set([p._id]) });
      expect(
        `${p._id}: ${ranked
          .map((r) => r.candidate._id)
          .sort()
          .join(',')}`,
      ).toBe(`${p._id}: ${[...mates].sort().join(',')}`);
    }
  });

  it('finds the proposal from a few words of a title being typed', () => {
    const top = (title: string) => rankSimilar({ title, content: '' }, F, stats, { limit: 1 })[0]?.candidate._id;
    expect(clusterOf.get(top('环卫工人爱心驿站')!)).toBe('rest-stop');
    expect(clusterOf.get(top('骑手充电')!)).toBe('riders');
    expect(clusterOf.get(top('暑假托管')!)).toBe('summer-care');
    expect(clusterOf.get(top('食堂晚餐')!)).toBe('canteen');
    expect(clusterOf.get(top('司机上厕所')!)).toBe('bus-toilet');
  });

  it('puts near-duplicates at or above the cluster threshold and unrelated proposals below it', () => {
    let within = 0;
    let across = 0;
    for (const a of F)
      for (const b of F) {
        if (a._id >= b._id) continue;
        const score = cosine(weigh(termCounts(a), stats), weigh(termCounts(b), stats));
        if (a.cluster === b.cluster && score >= SIMILAR_THRESHOLD) within += 1;
        if (a.cluster !== b.cluster && score >= SIMILAR_THRESHOLD) across += 1;
      }
    expect(across).toBe(0);
    expect(within).toBeGreaterThanOrEqual(8); // of the 10 near-duplicate pairs
  });

  it('returns best first, at most the limit, nothing under the minimum, nothing for empty text', () => {
    const ranked = rankSimilar(F[0], F, stats, { limit: 5 });
    expect(ranked.length).toBeLessThanOrEqual(5);
    expect(ranked[0].candidate._id).toBe('a1');
    expect(ranked[0].score).toBeCloseTo(1, 5);
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rankSimilar({ title: '。，！', content: '' }, F, stats, { limit: 5 })).toEqual([]);
  });

  it('looks candidates up by the rarest grams of the query, within a bound on the proposals they hold', () => {
    const big: DocFrequencies = {
      n: 50000,
      df: new Map([
        ['环卫', 4000],
        ['驿站', 30],
        ['爱心', 1200],
        ['户外', 300],
        ['外环', 700],
      ]),
    };
    // 驿站 (30) + 户外 (300) + 外环 (700) would hold 1030 > 1000: the last is left out.
    expect(pickLookupGrams({ title: '户外环卫爱心驿站', content: '' }, big)).toEqual(['驿站', '户外']);
    // Only common grams: the rarest one still.
    expect(pickLookupGrams({ title: '环卫爱心', content: '' }, big)).toEqual(['爱心']);
    // Grams the window has never seen find nothing and are not asked for.
    expect(pickLookupGrams({ title: '从未见过', content: '' }, big)).toEqual([]);
  });
});

describe('similarity: rankSimilar counts terms without strings, with the same results', () => {
  /** rankSimilar as written over termCounts (string terms): the reference the keyed counting must match. */
  function reference(
    query: { title: string; content: string },
    candidates: ReadonlyArray<{ _id: string; title: string; content: string }>,
    st: DocFrequencies,
    limit: number,
    minScore = SHOW_THRESHOLD,
  ) {
    const q = new Map<string, number>();
    let qNorm = 0;
    for (const [t, tf] of termCounts(query)) {
      const w = (1 + Math.log(tf)) * idf(t, st);
      q.set(t, w);
      qNorm += w * w;
    }
    if (qNorm === 0) return [];
    qNorm = Math.sqrt(qNorm);
    const out: Array<{ id: string; score: number }> = [];
    for (const c of candidates) {
      let dot = 0;
      let norm = 0;
      for (const [t, tf] of termCounts(c)) {
        const w = (1 + Math.log(tf)) * idf(t, st);
        norm += w * w;
        dot += w * (q.get(t) ?? 0);
      }
      const score = norm === 0 ? 0 : Math.min(1, dot / (qNorm * Math.sqrt(norm)));
      if (score >= minScore) out.push({ id: c._id, score });
    }
    out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return out.slice(0, limit);
  }

  // Every kind of character the cutting treats differently: the three Han blocks (the last one changes
  // under NFKC), stop characters, full-width letters and digits, upper case, punctuation, an astral Han
  // character (a separator here), letters/digits next to Han.
  const pool = Array.from(
    '驿站环卫工人食堂晚餐托管的了和是在为我们建议职工\u3400\u3401\u4db5\uf900\uf902\ufa0e\ufa30' +
      'ＷｉＦｉ２４ABCdef0123，。！、 \n\u{20000}·—',
  );
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const text = (n: number) => Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]).join('');
  const synthetic = Array.from({ length: 120 }, (_, i) => ({
    _id: `x${i}`,
    title: text(2 + Math.floor(random() * 12)),
    content: text(Math.floor(random() * 80)),
  }));
  const docs = [...F, ...synthetic];
  const full = statsOf(docs);

  it('gives bit-for-bit the scores termCounts gives, with full or partial frequencies', () => {
    for (const query of [...docs.slice(0, 60), { title: '食堂WiFi', content: '２４小时 豈 㐀 𠀀' }]) {
      const partial: DocFrequencies = {
        n: full.n,
        df: new Map([...termCounts(query).keys()].flatMap((t) => (full.df.has(t) ? [[t, full.df.get(t)!]] : []))),
      };
      for (const st of [full, partial]) {
        const got = rankSimilar(query, docs, st, { limit: 20, minScore: 0 }).map((r) => ({
          id: r.candidate._id,
          score: r.score,
        }));
        expect(got).toEqual(reference(query, docs, st, 20, 0));
      }
    }
  });
});
