/** 职工评价 rules: the words of each score, the rating period, the 7-day change, counter keys and moves. */
import {
  RATING_EDIT_MS,
  ratingDimensions,
  ratingEditable,
  ratingFiguresFrom,
  ratingIncrements,
  ratingMean,
  ratingMove,
  ratingPeriodRefusal,
  ratingScoreWord,
  ratingScoreWords,
  ratingSegments,
  ratingSubmitInputSchema,
  ratingSummaryVisible,
  type Counters,
  type RatingScores,
} from '../src';

const all = (v: number): RatingScores => ({ awareness: v, participation: v, benefit: v, satisfaction: v });
const dims = { d: 'dist-zhongshan', i: '_none', g: ['women' as const] };

function add(c: Counters, more: Counters): Counters {
  const out = { ...c };
  for (const [k, v] of Object.entries(more)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

describe('score words', () => {
  it('has five words for every dimension, from the lowest to the highest', () => {
    for (const d of ratingDimensions) expect(new Set(ratingScoreWords[d]).size).toBe(5);
    expect(ratingScoreWord('satisfaction', 1)).toBe('很不满意');
    expect(ratingScoreWord('satisfaction', 5)).toBe('非常满意');
    expect(ratingScoreWord('awareness', 5)).toBe('非常了解');
    expect(ratingScoreWord('satisfaction', 6)).toBe('');
  });
});

describe('the submit schema', () => {
  it('takes whole scores 1–5 and refuses others with the dimension named', () => {
    expect(ratingSubmitInputSchema.safeParse({ projectId: 'pj1', scores: all(5) }).success).toBe(true);
    for (const [bad, word] of [
      [0, '最低 1 分'],
      [6, '最高 5 分'],
      [2.5, '整数'],
    ] as const) {
      const res = ratingSubmitInputSchema.safeParse({ projectId: 'pj1', scores: { ...all(3), benefit: bad } });
      expect(res.success).toBe(false);
      expect(res.error?.issues[0].path).toEqual(['scores', 'benefit']);
      expect(res.error?.issues[0].message).toContain('受益度');
      expect(res.error?.issues[0].message).toContain(word);
    }
    const long = ratingSubmitInputSchema.safeParse({ projectId: 'pj1', scores: all(3), comment: '好'.repeat(301) });
    expect(long.success).toBe(false);
  });
});

describe('the rating period', () => {
  it('opens on the day staff set once the project is in progress, and closes at closing', () => {
    expect(ratingPeriodRefusal({ status: 'inProgress', opensOn: null }, '2026-11-24')).toMatch(/还没有开放/);
    expect(ratingPeriodRefusal({ status: 'published', opensOn: '2026-11-24' }, '2026-11-24')).toMatch(/还没开始实施/);
    expect(ratingPeriodRefusal({ status: 'inProgress', opensOn: '2026-11-25' }, '2026-11-24')).toMatch(/2026-11-25/);
    expect(ratingPeriodRefusal({ status: 'inProgress', opensOn: '2026-11-24' }, '2026-11-24')).toBeNull();
    expect(ratingPeriodRefusal({ status: 'accepted', opensOn: '2026-11-24' }, '2027-06-30')).toBeNull();
    expect(ratingPeriodRefusal({ status: 'closed', opensOn: '2026-11-24' }, '2027-07-01')).toMatch(/结项/);
    expect(ratingPeriodRefusal({ status: 'terminated', opensOn: '2026-11-24' }, '2027-07-01')).toMatch(/终止/);
  });

  it('a rating may be changed for exactly 7 days after its first submission', () => {
    const first = new Date('2026-11-24T02:00:00Z');
    expect(ratingEditable(first, new Date(first.getTime() + RATING_EDIT_MS - 1))).toBe(true);
    expect(ratingEditable(first, new Date(first.getTime() + RATING_EDIT_MS))).toBe(false);
  });
});

describe('counters', () => {
  it('a rating adds one to everyone, its district, industry and groups, on each dimension', () => {
    const c = ratingIncrements({ awareness: 4, participation: 3, benefit: 5, satisfaction: 5 }, dims, true);
    expect(c).toMatchObject({
      n: 1,
      t: 1,
      'awareness/4': 1,
      'satisfaction/5': 1,
      '@district/dist-zhongshan/n': 1,
      '@industry/_none/benefit/5': 1,
      '@group/women/participation/3': 1,
    });
    const f = ratingFiguresFrom(c);
    expect(f.count).toBe(1);
    expect(f.sums).toEqual({ awareness: 4, participation: 3, benefit: 5, satisfaction: 5 });
    expect(f.distribution.awareness).toEqual([0, 0, 0, 1, 0]);
  });

  it('a change moves the counts from the old scores to the new: kept = recompute of the new version', () => {
    const before = { scores: all(5), dims, hasComment: true };
    const after = { scores: { ...all(5), satisfaction: 2 }, dims, hasComment: false };
    const kept = add(ratingIncrements(before.scores, dims, true), ratingMove(before, after));
    expect(kept).toEqual(ratingIncrements(after.scores, dims, false));
    // Unchanged dimensions do not move at all.
    expect(Object.keys(ratingMove(before, after)).some((k) => k.includes('awareness'))).toBe(false);
  });

  it('means to one decimal; segments with their counts; workers see the summary from 5 ratings', () => {
    expect(ratingMean(18, 5)).toBe(3.6);
    expect(ratingMean(0, 0)).toBeNull();
    let c: Counters = {};
    for (let k = 0; k < 5; k += 1) c = add(c, ratingIncrements(all(4), dims, false));
    c = add(c, ratingIncrements(all(2), { d: 'dist-xigang', i: '_none', g: [] }, false));
    expect(ratingSegments(c, 'district')).toEqual([
      { key: 'dist-zhongshan', count: 5 },
      { key: 'dist-xigang', count: 1 },
    ]);
    expect(ratingSegments(c, 'group')).toEqual([
      { key: 'women', count: 5 },
      { key: '_none', count: 1 },
    ]);
    expect(ratingSummaryVisible(4, false)).toBe(false);
    expect(ratingSummaryVisible(5, false)).toBe(true);
    expect(ratingSummaryVisible(0, true)).toBe(true);
  });
});
