/**
 * Survey counters (结果计数): what one answer adds, how results are read from the sums (no answer is
 * scanned to show results), how the grouped rows of a full recompute fold back into the same counters,
 * and which breakdown segments an anonymous survey must hide.
 *
 * Counter keys, flat (no dots, so each is one field under `c`):
 *   n                       answers
 *   ch/<channel>            answers by channel (online / offline)
 *   <q>/n                   answers to question q
 *   <q>/o/<option>          single / multiple choice picks
 *   <q>/r/<option>/<pos>    ranking: option put at position pos (1 = first)
 *   <q>/v/<value>           scale / score values
 *   <q>/m/<row>/<value>     matrix: column chosen in a row
 * and the same (but ch/) under a segment prefix `@<dimension>/<segment>/` for district, industry, group.
 * Question, option and row ids never hold `/` or `@`, so keys cannot collide.
 */
import {
  workerGroupLabels,
  type AnswerItem,
  type QuestionStats,
  type Segment,
  type SurveyDimension,
  type SurveyQuestion,
  type SurveySection,
  type WorkerGroup,
} from '../schemas/survey';
import { questionsInOrder } from './surveyDefinition';
import { NO_SEGMENT, type RespondentDims } from './surveyScope';

export type Counters = Record<string, number>;
export type Channel = 'online' | 'offline';

export function segmentPrefix(dim: SurveyDimension, segment: string): string {
  return `@${dim}/${segment}/`;
}

/** The prefixes one answer counts under: everyone, its district, its industry, each of its groups. */
export function prefixesOf(dims: RespondentDims): string[] {
  const groups = dims.g.length > 0 ? dims.g : [NO_SEGMENT];
  return [
    '',
    segmentPrefix('district', dims.d),
    segmentPrefix('industry', dims.i),
    ...groups.map((g) => segmentPrefix('group', g)),
  ];
}

function add(c: Counters, key: string, by = 1): void {
  c[key] = (c[key] ?? 0) + by;
}

/** The keys one question's answer adds (without prefix). */
function itemKeys(item: AnswerItem, type: SurveyQuestion['type'] | undefined): string[] {
  const keys = [`${item.q}/n`];
  if (item.c) {
    if (type === 'ranking') item.c.forEach((id, pos) => keys.push(`${item.q}/r/${id}/${pos + 1}`));
    else for (const id of item.c) keys.push(`${item.q}/o/${id}`);
  }
  if (item.v !== undefined) keys.push(`${item.q}/v/${item.v}`);
  if (item.m) for (const cell of item.m) keys.push(`${item.q}/m/${cell.r}/${cell.v}`);
  return keys;
}

function typesById(sections: readonly SurveySection[]): Map<string, SurveyQuestion['type']> {
  return new Map(questionsInOrder(sections).map((x) => [x.question.id, x.question.type]));
}

/**
 * What one answer adds to the counters (each +1), applied with `_.inc` right after the answer is stored
 * (cloudfunctions/survey/counting.ts).
 */
export function answerIncrements(
  sections: readonly SurveySection[],
  items: readonly AnswerItem[],
  dims: RespondentDims,
  channel: Channel,
): Counters {
  const types = typesById(sections);
  const out: Counters = {};
  add(out, `ch/${channel}`);
  const keys = ['n', ...items.flatMap((item) => itemKeys(item, types.get(item.q)))];
  for (const prefix of prefixesOf(dims)) for (const key of keys) add(out, prefix + key);
  return out;
}

/** The sum of the counter shards of a survey (each shard holds its own `c`). */
export function sumCounters(shards: ReadonlyArray<{ c?: Counters }>): Counters {
  const out: Counters = {};
  for (const shard of shards) for (const [k, v] of Object.entries(shard.c ?? {})) if (v) add(out, k, v);
  return out;
}

/** Keys whose values differ (zero and missing are the same), at most `limit`. */
export function counterDifferences(
  counters: Counters,
  recomputed: Counters,
  limit = 50,
): Array<{ key: string; counter: number; recomputed: number }> {
  const out: Array<{ key: string; counter: number; recomputed: number }> = [];
  const keys = [...new Set([...Object.keys(counters), ...Object.keys(recomputed)])].sort();
  for (const key of keys) {
    const a = counters[key] ?? 0;
    const b = recomputed[key] ?? 0;
    if (a !== b) out.push({ key, counter: a, recomputed: b });
    if (out.length >= limit) break;
  }
  return out;
}

// ---------------------------------------------------------------- recompute (fold of grouped rows)

/**
 * Grouped rows of the recompute aggregation. Every row carries the respondent's district `d`, industry
 * `i`, one group `g` with its index `gi` (answers with no group come once with `g` and `gi` null), and `n`
 * answers. Rows with `gi` null or 0 count once for everyone, district and industry; every row counts for
 * its group.
 */
export interface RowBase {
  d: string | null;
  i: string | null;
  g: string | null;
  gi: number | null;
  n: number;
}
export interface RecomputeRows {
  /** By channel `ch`. */
  responses: Array<RowBase & { ch: string }>;
  /** By question `q` and value `v` (null for a question without a value). */
  items: Array<RowBase & { q: string; v: number | null }>;
  /** By question `q`, option `c` and its index `pos` in the answer (0-based). */
  choices: Array<RowBase & { q: string; c: string; pos: number }>;
  /** By question `q`, row `r` and column `v`. */
  cells: Array<RowBase & { q: string; r: string; v: number }>;
}

function rowPrefixes(row: RowBase): string[] {
  const out: string[] = [];
  if (row.gi === null || row.gi === 0) {
    out.push('', segmentPrefix('district', row.d ?? NO_SEGMENT), segmentPrefix('industry', row.i ?? NO_SEGMENT));
  }
  out.push(segmentPrefix('group', row.g ?? NO_SEGMENT));
  return out;
}

/** Folds the recompute rows into counters with exactly the keys `answerIncrements` writes. */
export function countersFromRows(sections: readonly SurveySection[], rows: RecomputeRows): Counters {
  const types = typesById(sections);
  const out: Counters = {};
  for (const row of rows.responses) {
    if (row.gi === null || row.gi === 0) add(out, `ch/${row.ch}`, row.n);
    for (const p of rowPrefixes(row)) add(out, `${p}n`, row.n);
  }
  for (const row of rows.items) {
    for (const p of rowPrefixes(row)) {
      add(out, `${p}${row.q}/n`, row.n);
      if (row.v !== null && row.v !== undefined) add(out, `${p}${row.q}/v/${row.v}`, row.n);
    }
  }
  for (const row of rows.choices) {
    const key = types.get(row.q) === 'ranking' ? `${row.q}/r/${row.c}/${row.pos + 1}` : `${row.q}/o/${row.c}`;
    for (const p of rowPrefixes(row)) add(out, p + key, row.n);
  }
  for (const row of rows.cells) for (const p of rowPrefixes(row)) add(out, `${p}${row.q}/m/${row.r}/${row.v}`, row.n);
  return out;
}

// ---------------------------------------------------------------- reading results

const pct = (count: number, of: number) => (of > 0 ? Math.round((count * 1000) / of) / 10 : 0);
const mean = (sum: number, of: number) => (of > 0 ? Math.round((sum * 100) / of) / 100 : null);

/** The numbers of one question under a prefix ('' for everyone). */
export function questionStats(q: SurveyQuestion, c: Counters, prefix = ''): QuestionStats {
  const get = (key: string) => c[`${prefix}${q.id}/${key}`] ?? 0;
  const answered = get('n');
  switch (q.type) {
    case 'single':
    case 'multiple':
      return {
        kind: 'choice',
        answered,
        options: q.options.map((o) => {
          const count = get(`o/${o.id}`);
          return { id: o.id, label: o.label, count, percent: pct(count, answered) };
        }),
      };
    case 'scale':
    case 'score': {
      const [lo, hi] = q.type === 'scale' ? [1, 5] : [0, 10];
      let sum = 0;
      const distribution = [];
      for (let v = lo; v <= hi; v += 1) {
        const count = get(`v/${v}`);
        sum += v * count;
        const label =
          v === lo && q.lowLabel
            ? `${v}（${q.lowLabel}）`
            : v === hi && q.highLabel
              ? `${v}（${q.highLabel}）`
              : String(v);
        distribution.push({ value: v, label, count, percent: pct(count, answered) });
      }
      return { kind: 'numeric', answered, average: mean(sum, answered), distribution };
    }
    case 'ranking': {
      const positions = q.rankCount ?? q.options.length;
      return {
        kind: 'ranking',
        answered,
        options: q.options.map((o) => {
          const counts = Array.from({ length: positions }, (_, k) => get(`r/${o.id}/${k + 1}`));
          const timesRanked = counts.reduce((a, b) => a + b, 0);
          const sum = counts.reduce((a, b, k) => a + b * (k + 1), 0);
          return {
            id: o.id,
            label: o.label,
            averageRank: mean(sum, timesRanked),
            firstCount: counts[0] ?? 0,
            timesRanked,
            positions: counts,
          };
        }),
      };
    }
    case 'matrix':
      return {
        kind: 'matrix',
        answered,
        rows: q.rows.map((r) => {
          const counts = q.columns.map((_, k) => get(`m/${r.id}/${k + 1}`));
          const rowAnswered = counts.reduce((a, b) => a + b, 0);
          const sum = counts.reduce((a, b, k) => a + b * (k + 1), 0);
          return {
            id: r.id,
            label: r.label,
            answered: rowAnswered,
            average: mean(sum, rowAnswered),
            distribution: q.columns.map((label, k) => ({
              value: k + 1,
              label,
              count: counts[k],
              percent: pct(counts[k], rowAnswered),
            })),
          };
        }),
      };
    case 'text':
    case 'longText':
      return { kind: 'text', answered };
  }
}

/** Segments of a dimension that have answers, with their answer counts, in the order of `order`. */
export function segmentsOf(
  c: Counters,
  dim: SurveyDimension,
  order: readonly string[] = [],
): Array<{ id: string; responses: number }> {
  const re = new RegExp(`^@${dim}/([^/]+)/n$`);
  const found: Array<{ id: string; responses: number }> = [];
  for (const [key, value] of Object.entries(c)) {
    const m = re.exec(key);
    if (m && value > 0) found.push({ id: m[1], responses: value });
  }
  const rank = (id: string) => {
    if (id === NO_SEGMENT) return Number.MAX_SAFE_INTEGER;
    const k = order.indexOf(id);
    return k < 0 ? order.length : k;
  };
  return found.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/**
 * Small-group suppression for anonymous surveys: a segment with fewer than `min` answers is hidden, and
 * while the hidden segments together hold fewer than `min` (so the total minus the shown ones would
 * reveal them), the smallest shown segment is hidden too. Returns the ids to hide.
 */
export function suppressedSegments(
  segments: ReadonlyArray<{ id: string; responses: number }>,
  min: number,
): Set<string> {
  const hidden = new Set(segments.filter((s) => s.responses < min).map((s) => s.id));
  let hiddenTotal = segments.filter((s) => hidden.has(s.id)).reduce((n, s) => n + s.responses, 0);
  const shown = segments.filter((s) => !hidden.has(s.id)).sort((a, b) => a.responses - b.responses);
  while (hiddenTotal > 0 && hiddenTotal < min && shown.length > 0) {
    const next = shown.shift()!;
    hidden.add(next.id);
    hiddenTotal += next.responses;
  }
  return hidden;
}

export interface BreakdownInput {
  by: SurveyDimension;
  /** Segment ids in display order (org tree order, or the groups' order). */
  order: readonly string[];
  labels: ReadonlyMap<string, string>;
  /** Anonymous: hide small segments. */
  suppress: boolean;
  min: number;
}

/** The segments to show for a breakdown, each marked when suppressed. */
export function breakdownSegments(c: Counters, input: BreakdownInput): Segment[] {
  const segments = segmentsOf(c, input.by, input.order);
  const hidden = input.suppress ? suppressedSegments(segments, input.min) : new Set<string>();
  return segments.map((s) => ({
    id: s.id,
    label: input.labels.get(s.id) ?? s.id,
    responses: hidden.has(s.id) ? null : s.responses,
    suppressed: hidden.has(s.id),
  }));
}

// ---------------------------------------------------------------- a counter key in words

const dimensionWords: Record<SurveyDimension, string> = {
  district: '区市县',
  industry: '产业工会',
  group: '职工群体',
};

/**
 * A counter key in words: `n` → 答卷份数, `q1/o/o2` → 第 1 题选“没有”的人数, with the group for keys under
 * a segment prefix (`@district/<segment>/…`). Unknown parts are shown as they are.
 */
export function describeCounterKey(
  key: string,
  sections: readonly SurveySection[] = [],
  orgNames: ReadonlyMap<string, string> = new Map(),
): string {
  let rest = key;
  let group = '';
  const seg = /^@(district|industry|group)\/([^/]+)\/(.*)$/.exec(key);
  if (seg) {
    const dim = seg[1] as SurveyDimension;
    const id = seg[2];
    const name =
      id === NO_SEGMENT
        ? '未分组'
        : dim === 'group'
          ? (workerGroupLabels[id as WorkerGroup] ?? id)
          : (orgNames.get(id) ?? id);
    group = `（${dimensionWords[dim]}：${name}）`;
    rest = seg[3];
  }
  const parts = rest.split('/');
  if (rest === 'n') return `答卷份数${group}`;
  if (parts[0] === 'ch') {
    const channel = parts[1] === 'online' ? '线上填写' : parts[1] === 'offline' ? '线下录入' : parts[1];
    return `${channel}的答卷份数${group}`;
  }
  const all = questionsInOrder(sections);
  const at = all.findIndex((x) => x.question.id === parts[0]);
  const question = at >= 0 ? all[at].question : null;
  const name = question ? `第 ${at + 1} 题` : `题目 ${parts[0]}`;
  const option = (id: string) => {
    const options = question && 'options' in question ? question.options : [];
    return options.find((o) => o.id === id)?.label ?? id;
  };
  switch (parts[1]) {
    case 'n':
      return `${name}的作答人数${group}`;
    case 'o':
      return `${name}选“${option(parts[2])}”的人数${group}`;
    case 'r':
      return `${name}把“${option(parts[2])}”排第 ${parts[3]} 位的人数${group}`;
    case 'v':
      return `${name}选 ${parts[2]} 分的人数${group}`;
    case 'm': {
      const row =
        question?.type === 'matrix' ? (question.rows.find((r) => r.id === parts[2])?.label ?? parts[2]) : parts[2];
      const column = question?.type === 'matrix' ? (question.columns[Number(parts[3]) - 1] ?? parts[3]) : parts[3];
      return `${name}“${row}”一行选“${column}”的人数${group}`;
    }
    default:
      return key;
  }
}
