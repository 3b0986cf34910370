/** Counters: what an answer adds, results read from them, the recompute fold, small-group suppression. */
import {
  describeCounterKey,
  answerIncrements,
  breakdownSegments,
  checkAnswers,
  counterDifferences,
  countersFromRows,
  questionStats,
  segmentPrefix,
  sumCounters,
  suppressedSegments,
  surveyDefinitionSchema,
  type AnswerItem,
  type Counters,
  type RecomputeRows,
  type RespondentDims,
} from '../src';
import { q, testSurvey } from '../src/fixtures/survey';

const def = surveyDefinitionSchema.parse(
  testSurvey([
    {
      id: 's',
      questions: [
        q.multiple('q1', '需求', { a: '托管', b: '培训' }),
        q.scale('q2', '满意度', { lowLabel: '很差', highLabel: '很好' }),
        q.ranking('q3', '排序', { x: '收入', y: '安全' }),
        q.matrix('q4', '评价', { r: '食堂' }, { columns: ['差', '好'] }),
        q.text('q5', '建议', { required: false }),
      ],
    },
  ]),
);
const questions = def.sections[0].questions;

const zs: RespondentDims = { d: 'dist-zs', i: '_none', g: ['women', 'migrant'] };
const bus: RespondentDims = { d: '_none', i: 'ind-tr', g: [] };

function items(k: number): AnswerItem[] {
  const { fields, items } = checkAnswers(def.sections, {
    q1: { choices: k % 2 ? ['a', 'b'] : ['b'] },
    q2: { value: 1 + (k % 5) },
    q3: { ranking: k % 2 ? ['x', 'y'] : ['y', 'x'] },
    q4: { rows: { r: 1 + (k % 2) } },
    ...(k % 3 === 0 ? { q5: { text: '多办实事' } } : {}),
  });
  expect(fields).toEqual([]);
  return items;
}

function add(into: Counters, inc: Counters) {
  for (const [k, v] of Object.entries(inc)) into[k] = (into[k] ?? 0) + v;
}

describe('counter increments', () => {
  it('one answer adds +1 for everyone, its district, its industry and each of its groups', () => {
    const inc = answerIncrements(def.sections, items(1), zs, 'online');
    expect(inc['n']).toBe(1);
    expect(inc['ch/online']).toBe(1);
    expect(inc['@district/dist-zs/n']).toBe(1);
    expect(inc['@industry/_none/n']).toBe(1);
    expect(inc['@group/women/n']).toBe(1);
    expect(inc['@group/migrant/n']).toBe(1);
    expect(inc['q1/o/a']).toBe(1);
    expect(inc['q1/o/b']).toBe(1);
    expect(inc['q2/v/2']).toBe(1);
    expect(inc['q3/r/x/1']).toBe(1);
    expect(inc['q3/r/y/2']).toBe(1);
    expect(inc['q4/m/r/2']).toBe(1);
    expect(inc['@group/women/q2/v/2']).toBe(1);
    expect(inc['q5/n']).toBeUndefined();
    expect(Object.values(inc).every((v) => v === 1)).toBe(true);
    // No key holds a dot: each is one field under `c`.
    expect(Object.keys(inc).some((k) => k.includes('.'))).toBe(false);
  });

  it('an answer with no group counts under the no-group segment', () => {
    expect(answerIncrements(def.sections, items(0), bus, 'offline')).toMatchObject({
      'ch/offline': 1,
      '@group/_none/n': 1,
      '@industry/ind-tr/n': 1,
    });
  });
});

describe('results from counters', () => {
  const c: Counters = {};
  for (let k = 0; k < 10; k += 1) add(c, answerIncrements(def.sections, items(k), k < 6 ? zs : bus, 'online'));

  it('choice: counts and percentages of those who answered', () => {
    expect(questionStats(questions[0], c)).toEqual({
      kind: 'choice',
      answered: 10,
      options: [
        { id: 'a', label: '托管', count: 5, percent: 50 },
        { id: 'b', label: '培训', count: 10, percent: 100 },
      ],
    });
  });

  it('scale: average and distribution with the end labels', () => {
    const s = questionStats(questions[1], c);
    expect(s).toMatchObject({ kind: 'numeric', answered: 10, average: 3 });
    if (s.kind !== 'numeric') throw new Error();
    expect(s.distribution.map((d) => [d.label, d.count, d.percent])).toEqual([
      ['1（很差）', 2, 20],
      ['2', 2, 20],
      ['3', 2, 20],
      ['4', 2, 20],
      ['5（很好）', 2, 20],
    ]);
  });

  it('ranking: average position and first places; matrix: row averages', () => {
    const r = questionStats(questions[2], c);
    if (r.kind !== 'ranking') throw new Error();
    expect(r.options.map((o) => [o.id, o.averageRank, o.firstCount, o.positions])).toEqual([
      ['x', 1.5, 5, [5, 5]],
      ['y', 1.5, 5, [5, 5]],
    ]);
    const m = questionStats(questions[3], c);
    if (m.kind !== 'matrix') throw new Error();
    expect(m.rows[0]).toMatchObject({ answered: 10, average: 1.5 });
  });

  it('segments read their own prefix', () => {
    expect(questionStats(questions[1], c, segmentPrefix('district', 'dist-zs'))).toMatchObject({ answered: 6 });
    expect(questionStats(questions[4], c)).toEqual({ kind: 'text', answered: 4 });
  });

  it('nobody answered: zero counts, no average', () => {
    expect(questionStats(questions[1], {})).toMatchObject({ answered: 0, average: null });
  });

  it('shards add up', () => {
    expect(sumCounters([{ c: { n: 2, 'q1/o/a': 1 } }, { c: { n: 3 } }, {}])).toEqual({ n: 5, 'q1/o/a': 1 });
  });
});

describe('recompute fold', () => {
  it('grouped rows fold into exactly the counters the increments wrote', () => {
    const answers = Array.from({ length: 12 }, (_, k) => ({ items: items(k), dims: k % 3 ? zs : bus }));
    const counters: Counters = {};
    for (const a of answers) add(counters, answerIncrements(def.sections, a.items, a.dims, 'online'));

    // What the four aggregations return, built here by hand: one row per answer, group and thing counted.
    const rows: RecomputeRows = { responses: [], items: [], choices: [], cells: [] };
    for (const a of answers) {
      const gs = a.dims.g.length ? a.dims.g.map((g, gi) => ({ g, gi })) : [{ g: null, gi: null }];
      for (const { g, gi } of gs) {
        const who = { d: a.dims.d, i: a.dims.i, g, gi, n: 1 };
        rows.responses.push({ ...who, ch: 'online' });
        for (const item of a.items) {
          rows.items.push({ ...who, q: item.q, v: item.v ?? null });
          item.c?.forEach((c, pos) => rows.choices.push({ ...who, q: item.q, c, pos }));
          item.m?.forEach((cell) => rows.cells.push({ ...who, q: item.q, r: cell.r, v: cell.v }));
        }
      }
    }
    const recomputed = countersFromRows(def.sections, rows);
    expect(counterDifferences(counters, recomputed)).toEqual([]);
    expect(recomputed).toEqual(counters);
  });

  it('differences name the key and both values; zero equals missing', () => {
    expect(counterDifferences({ n: 3, 'q1/o/a': 0 }, { n: 4 })).toEqual([{ key: 'n', counter: 3, recomputed: 4 }]);
  });
});

describe('small-group suppression (anonymous surveys)', () => {
  it('hides groups of fewer than 5 answers', () => {
    expect([
      ...suppressedSegments(
        [
          { id: 'a', responses: 12 },
          { id: 'b', responses: 9 },
          { id: 'c', responses: 3 },
          { id: 'd', responses: 2 },
        ],
        5,
      ),
    ]).toEqual(['c', 'd']);
  });

  it('hides the next smallest too when the hidden ones together could be worked out from the total', () => {
    expect(
      [
        ...suppressedSegments(
          [
            { id: 'a', responses: 12 },
            { id: 'b', responses: 6 },
            { id: 'c', responses: 3 },
          ],
          5,
        ),
      ].sort(),
    ).toEqual(['b', 'c']);
  });

  it('hides nothing when every group has at least 5', () => {
    expect(
      suppressedSegments(
        [
          { id: 'a', responses: 5 },
          { id: 'b', responses: 7 },
        ],
        5,
      ).size,
    ).toBe(0);
  });

  it('a breakdown marks hidden segments and gives them no count', () => {
    const c: Counters = { n: 8, '@district/a/n': 6, '@district/b/n': 1, '@district/_none/n': 1 };
    expect(
      breakdownSegments(c, {
        by: 'district',
        order: ['a', 'b'],
        labels: new Map([
          ['a', '中山区'],
          ['b', '西岗区'],
        ]),
        suppress: true,
        min: 5,
      }),
    ).toEqual([
      { id: 'a', label: '中山区', responses: null, suppressed: true },
      { id: 'b', label: '西岗区', responses: null, suppressed: true },
      { id: '_none', label: '_none', responses: null, suppressed: true },
    ]);
    expect(
      breakdownSegments(c, { by: 'district', order: ['a', 'b'], labels: new Map(), suppress: false, min: 5 }),
    ).toEqual([
      { id: 'a', label: 'a', responses: 6, suppressed: false },
      { id: 'b', label: 'b', responses: 1, suppressed: false },
      { id: '_none', label: '_none', responses: 1, suppressed: false },
    ]);
  });
});

describe('describeCounterKey: the differences 核对统计 lists, in words', () => {
  const orgs = new Map([['dist-zs', '中山区总工会']]);
  it.each([
    ['n', '答卷份数'],
    ['ch/offline', '线下录入的答卷份数'],
    ['q1/n', '第 1 题的作答人数'],
    ['q1/o/b', '第 1 题选“培训”的人数'],
    ['q2/v/4', '第 2 题选 4 分的人数'],
    ['q3/r/y/1', '第 3 题把“安全”排第 1 位的人数'],
    ['q4/m/r/2', '第 4 题“食堂”一行选“好”的人数'],
    ['@district/dist-zs/q1/o/a', '第 1 题选“托管”的人数（区市县：中山区总工会）'],
    ['@industry/_none/n', '答卷份数（产业工会：未分组）'],
    ['@group/women/q2/n', '第 2 题的作答人数（职工群体：女职工）'],
    ['@district/dist-unknown/n', '答卷份数（区市县：dist-unknown）'],
    ['zz/o/a', '题目 zz选“a”的人数'],
  ])('%s → %s', (key, words) => {
    expect(describeCounterKey(key, def.sections, orgs)).toBe(words);
  });
});
