/**
 * Similar proposals (项目征集: 附议 instead of a duplicate). Chinese-aware: text is cut into runs of Han
 * characters and runs of letters/digits; Han runs give character unigrams and bigrams (Chinese words are
 * mostly one or two characters, and bigrams need no dictionary), letter/digit runs give whole words.
 * Terms are weighted TF-IDF (sublinear tf, title counted twice) and compared by cosine.
 *
 * Lookup (docs/architecture.md, "Similar proposals"): each proposal stores its distinct bigrams and words
 * (`grams`, capped, generic ones left out); document frequencies per window are kept in `gramStats` at
 * submit time; a query picks its rarest grams, fetches the proposals holding any of them, and ranks
 * them here.
 */

/** The title says what a proposal is about: its terms count twice. */
export const TITLE_WEIGHT = 2;
/** Distinct grams stored per proposal for candidate lookup. */
export const MAX_STORED_GRAMS = 64;
/** Terms whose document frequency is kept per window (a 1000-character proposal has ~600). */
export const MAX_STAT_TERMS = 800;
/** Grams a lookup asks the database for (the rarest of the query's). */
export const MAX_LOOKUP_GRAMS = 12;
/**
 * Grams a lookup for a stored proposal asks for (staff finding what to merge): all its stored grams. Its
 * rarest ones are often shared with one other proposal each; twelve of those can miss a near-duplicate
 * that shares many commoner ones, and the ranking by grams held in common needs them all.
 */
export const MAX_STORED_LOOKUP_GRAMS = MAX_STORED_GRAMS;
/** Proposals the chosen lookup grams may hold together (document frequencies summed). */
export const MAX_LOOKUP_DOCS = 1000;
/** Candidates a lookup ranks. */
export const MAX_CANDIDATES = 300;
/** Cosine at or above which two proposals of a window count as similar (their similar cluster). */
export const SIMILAR_THRESHOLD = 0.25;
/** Below this a match is not worth showing while typing. */
export const SHOW_THRESHOLD = 0.12;

/** Characters that carry no topic: particles, pronouns, copulas, generic verbs. Unigrams of these are dropped. */
const STOP_CHARS = new Set(
  Array.from(
    '的了和与及或是在为对把被有也就都而等这那我你他她它们之其以于上下中不个每些很更还再又并且如若所着过吗呢吧啊',
  ),
);

/**
 * Bigrams that nearly every proposal has (the programme's own vocabulary and generic phrasing): useless
 * for finding the similar ones, so they are not stored as lookup grams. They still count in the cosine.
 */
const STOP_BIGRAMS = new Set([
  '建议',
  '希望',
  '职工',
  '工会',
  '我们',
  '没有',
  '可以',
  '能够',
  '进行',
  '开展',
  '提供',
  '解决',
  '问题',
  '组织',
  '工作',
  '单位',
  '一些',
  '很多',
  '目前',
  '现在',
  '需要',
  '增加',
  '加强',
  '相关',
  '有关',
  '方面',
  '情况',
  '同时',
  '以及',
  '通过',
  '为了',
  '由于',
  '因为',
  '所以',
  '但是',
  '如果',
  '这个',
  '那个',
  '他们',
  '大家',
  '一个',
  '每年',
  '今年',
  '明年',
  '服务',
  '活动',
  '设立',
  '设置',
  '建立',
  '实施',
  '落实',
  '推进',
]);

/** A term and how often it occurs, title occurrences weighted. */
export type TermCounts = Map<string, number>;

/** NFKC (full-width → half-width), lower case. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Han ideographs (CJK Unified Ideographs, Extension A, Compatibility): a code-point test, cheaper than a regex. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Runs of Han characters and runs of letters/digits, in order; everything else separates runs. */
function runs(text: string): Array<{ han: boolean; text: string }> {
  const out: Array<{ han: boolean; text: string }> = [];
  const s = normaliseText(text);
  let start = -1;
  let han = false;
  for (let i = 0; i <= s.length; i += 1) {
    const code = i < s.length ? s.charCodeAt(i) : -1;
    const h = code >= 0 && isHan(code);
    const w = code >= 0 && !h && isWordChar(code);
    if (start >= 0 && (!(h || w) || h !== han)) {
      out.push({ han, text: s.slice(start, i) });
      start = -1;
    }
    if ((h || w) && start < 0) {
      start = i;
      han = h;
    }
  }
  return out;
}

/** Terms of a text: Han unigrams (topic characters only) and bigrams, and letter/digit words. */
export function textTerms(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) {
    if (!run.han) {
      out.push(run.text);
      continue;
    }
    const chars = run.text;
    for (let i = 0; i < chars.length; i += 1) {
      const ch = chars[i];
      if (!STOP_CHARS.has(ch)) out.push(ch);
      if (i + 1 < chars.length) out.push(ch + chars[i + 1]);
    }
  }
  return out;
}

/** Particles: a bigram with one of these straddles two words, so it is no lookup gram. */
const PARTICLES = new Set(Array.from('的了和与及或是在为对把被也就都而等这那我你他她它们之其以于着过吗呢吧啊'));

/** Whether a term is a lookup gram: a bigram within words, or a word of two or more letters/digits; not generic. */
export function isLookupGram(term: string): boolean {
  if (term.length < 2 || STOP_BIGRAMS.has(term)) return false;
  return !(isHan(term.charCodeAt(0)) && (PARTICLES.has(term[0]) || PARTICLES.has(term[1])));
}

/** Term counts of a proposal (or of what is typed so far): title terms count TITLE_WEIGHT times. */
export function termCounts(p: { title: string; content: string }): TermCounts {
  const counts: TermCounts = new Map();
  for (const t of textTerms(p.title)) counts.set(t, (counts.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of textTerms(p.content)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * The grams stored with a proposal for candidate lookup: its distinct bigrams and words, generic ones
 * left out, title first, then by frequency; at most MAX_STORED_GRAMS.
 */
export function lookupGrams(p: { title: string; content: string }): string[] {
  const title = new Set(textTerms(p.title).filter(isLookupGram));
  const counts = termCounts(p);
  const rest = [...counts.entries()]
    .filter(([t]) => !title.has(t) && isLookupGram(t))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([t]) => t);
  return [...title, ...rest].slice(0, MAX_STORED_GRAMS);
}

/** Distinct terms whose document frequency is counted for a proposal (all of its terms, capped). */
export function statTerms(p: { title: string; content: string }): string[] {
  return [...termCounts(p).keys()].slice(0, MAX_STAT_TERMS);
}

/** Document frequencies of a window: `n` proposals, `df(term)` of them hold the term. */
export interface DocFrequencies {
  n: number;
  df: ReadonlyMap<string, number>;
}

/**
 * Smoothed inverse document frequency. A term the statistics do not know (not counted yet, or left out
 * of a long proposal's counts) is treated as rare.
 */
export function idf(term: string, stats: DocFrequencies): number {
  const df = Math.min(stats.df.get(term) ?? 1, stats.n + 1);
  return Math.log((stats.n + 2) / (df + 1)) + 1;
}

export type Vector = Map<string, number>;

/** TF-IDF vector: (1 + ln tf) · idf. */
export function weigh(counts: TermCounts, stats: DocFrequencies): Vector {
  const v: Vector = new Map();
  for (const [t, tf] of counts) v.set(t, (1 + Math.log(tf)) * idf(t, stats));
  return v;
}

function norm(v: Vector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : Math.min(1, dot / n);
}

/**
 * The grams to look candidates up by: the query's lookup grams from the rarest up, as long as together
 * they hold at most MAX_LOOKUP_DOCS proposals of the window (at least the rarest one). Rare grams say
 * most about similarity; the bound keeps a lookup's cost the same at 5,000 or 50,000 proposals.
 */
export function pickLookupGrams(
  query: { title: string; content: string },
  stats: DocFrequencies,
  maxGrams: number = MAX_LOOKUP_GRAMS,
): string[] {
  const dfOf = (g: string) => stats.df.get(g) ?? 0;
  const sorted = lookupGrams(query)
    .filter((g) => dfOf(g) > 0)
    .sort((a, b) => dfOf(a) - dfOf(b) || (a < b ? -1 : 1));
  const out: string[] = [];
  let total = 0;
  for (const g of sorted) {
    if (out.length >= maxGrams || (out.length > 0 && total + dfOf(g) > MAX_LOOKUP_DOCS)) break;
    out.push(g);
    total += dfOf(g);
  }
  return out;
}

/**
 * The window's frequencies as if `stored` (a proposal of the window, counted at its submit) were not
 * there: when the query is a stored proposal, its own terms would otherwise look one proposal commoner,
 * and the grams only it holds (df 1, the rarest) would be picked for the lookup and find only itself.
 */
export function withoutStored(stats: DocFrequencies, stored: { title: string; content: string }): DocFrequencies {
  const df = new Map(stats.df);
  for (const t of statTerms(stored)) {
    const d = df.get(t);
    if (d !== undefined) df.set(t, Math.max(0, d - 1));
  }
  return { n: Math.max(0, stats.n - 1), df };
}

export interface SimilarCandidate {
  _id: string;
  title: string;
  content: string;
}

export interface RankedCandidate<C> {
  candidate: C;
  score: number;
}

/** Candidates ranked by cosine with the query, best first, ties by id; those under `minScore` left out. */
export function rankSimilar<C extends SimilarCandidate>(
  query: { title: string; content: string },
  candidates: readonly C[],
  stats: DocFrequencies,
  options: { limit: number; minScore?: number; excludeIds?: ReadonlySet<string> },
): Array<RankedCandidate<C>> {
  // One pass per candidate (dot product and norm together), idf computed once per term. Terms are
  // counted by keyedTermCounts (termCounts without building a string per term): the same terms, counts
  // and order, so every score is bit-for-bit what termCounts would give.
  const idfs = new Map<TermKey, number>();
  const idfOf = (key: TermKey) => {
    let v = idfs.get(key);
    if (v === undefined) idfs.set(key, (v = idf(termOfKey(key), stats)));
    return v;
  };
  const q = new Map<TermKey, number>();
  let qNorm = 0;
  for (const [key, tf] of keyedTermCounts(query, new Map())) {
    const w = (1 + Math.log(tf)) * idfOf(key);
    q.set(key, w);
    qNorm += w * w;
  }
  if (q.size === 0 || qNorm === 0) return [];
  qNorm = Math.sqrt(qNorm);
  const minScore = options.minScore ?? SHOW_THRESHOLD;
  const ranked: Array<RankedCandidate<C>> = [];
  const counts = new Map<TermKey, number>();
  for (const c of candidates) {
    if (options.excludeIds?.has(c._id)) continue;
    let dot = 0;
    let norm = 0;
    for (const [key, tf] of keyedTermCounts(c, counts)) {
      const w = (1 + Math.log(tf)) * idfOf(key);
      norm += w * w;
      const qw = q.get(key);
      if (qw !== undefined) dot += w * qw;
    }
    const score = norm === 0 ? 0 : Math.min(1, dot / (qNorm * Math.sqrt(norm)));
    if (score >= minScore) ranked.push({ candidate: c, score });
  }
  ranked.sort((a, b) => b.score - a.score || (a.candidate._id < b.candidate._id ? -1 : 1));
  return ranked.slice(0, options.limit);
}

/**
 * A term as a map key that needs no string of its own: a Han unigram is its UTF-16 code (< 0x10000), a
 * Han bigram 0x10000 + first × HAN_COUNT + second (Han indexes; under 2^30, so V8 keeps it a small
 * integer), a letter/digit word the word itself. rankSimilar spends most of its time counting the
 * candidates' terms; without a string per bigram that is about 1.6 times faster.
 */
type TermKey = number | string;

/** Han code units (isHan's three blocks) numbered 0…HAN_COUNT-1. */
const HAN_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0xf900, 0xfaff],
];
const HAN_COUNT = HAN_BLOCKS.reduce((n, [from, to]) => n + to - from + 1, 0);

function hanIndex(code: number): number {
  let base = 0;
  for (const [from, to] of HAN_BLOCKS) {
    if (code >= from && code <= to) return base + code - from;
    base += to - from + 1;
  }
  return -1;
}

function hanCode(index: number): number {
  let base = 0;
  for (const [from, to] of HAN_BLOCKS) {
    if (index < base + to - from + 1) return from + index - base;
    base += to - from + 1;
  }
  return -1;
}

/** The term a key stands for (as textTerms writes it). */
function termOfKey(key: TermKey): string {
  if (typeof key === 'string') return key;
  if (key < 0x10000) return String.fromCharCode(key);
  const k = key - 0x10000;
  return String.fromCharCode(hanCode(Math.floor(k / HAN_COUNT)), hanCode(k % HAN_COUNT));
}

const STOP_CODES = new Set([...STOP_CHARS].map((ch) => ch.charCodeAt(0)));

/**
 * termCounts by key (TermKey) into `out` (cleared first): the same terms as textTerms in the same
 * order — runs of Han characters give unigrams (stop characters left out) and bigrams, runs of
 * letters/digits give words — title terms counted TITLE_WEIGHT times.
 */
function keyedTermCounts(p: { title: string; content: string }, out: Map<TermKey, number>): Map<TermKey, number> {
  out.clear();
  addKeyedTerms(p.title, TITLE_WEIGHT, out);
  addKeyedTerms(p.content, 1, out);
  return out;
}

function addKeyedTerms(text: string, weight: number, out: Map<TermKey, number>): void {
  const s = normaliseText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    const code = s.charCodeAt(i);
    if (isHan(code)) {
      let prev = -1;
      for (; i < n; i += 1) {
        const c = s.charCodeAt(i);
        if (!isHan(c)) break;
        const index = hanIndex(c);
        if (prev >= 0) {
          const bigram = 0x10000 + prev * HAN_COUNT + index;
          out.set(bigram, (out.get(bigram) ?? 0) + weight);
        }
        if (!STOP_CODES.has(c)) out.set(c, (out.get(c) ?? 0) + weight);
        prev = index;
      }
    } else if (isWordChar(code)) {
      const start = i;
      while (i < n && isWordChar(s.charCodeAt(i))) i += 1;
      const word = s.slice(start, i);
      out.set(word, (out.get(word) ?? 0) + weight);
    } else {
      i += 1;
    }
  }
}

/** `gramStats` key of a term in a window; the document count of the window has the term `#`. */
export function statKey(windowId: string, term: string): string {
  return `${windowId}|${term}`;
}
export const DOC_COUNT_TERM = '#';
