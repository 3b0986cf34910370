/** Screening (第五条（二）): 意愿最集中, 需求最迫切, 最具备办结条件, weighted by the org. */
import { concentrationScore, rankByScore, ratingScore, weightedScore, defaultWeights } from '../src';

describe('screening score', () => {
  it('意愿最集中 is measured against the most-backed proposal, 0–100', () => {
    expect(concentrationScore(10, 10)).toBe(100);
    expect(concentrationScore(5, 10)).toBe(50);
    expect(concentrationScore(1, 3)).toBe(33.3);
    expect(concentrationScore(0, 10)).toBe(0);
    expect(concentrationScore(3, 0)).toBe(0);
  });

  it('a staff rating of 1–5 becomes 0–100', () => {
    expect([1, 2, 3, 4, 5].map(ratingScore)).toEqual([0, 25, 50, 75, 100]);
  });

  it('is the weighted mean of the three criteria with the org’s weights', () => {
    const facts = { backers: 5, urgency: 5, feasibility: 4 };
    expect(weightedScore(facts, 5, defaultWeights)).toBe(92.5);
    expect(weightedScore(facts, 5, { concentration: 1, urgency: 1, feasibility: 1 })).toBe(91.7);
    expect(weightedScore(facts, 10, { concentration: 100, urgency: 0, feasibility: 0 })).toBe(50);
  });

  it('is not given until both staff ratings are in', () => {
    expect(weightedScore({ backers: 5, urgency: 5, feasibility: null }, 5, defaultWeights)).toBeNull();
    expect(weightedScore({ backers: 5, urgency: null, feasibility: 3 }, 5, defaultWeights)).toBeNull();
  });

  it('ranks scored proposals first by score, then the unscored by backers, stably', () => {
    const ranked = rankByScore(
      [
        { _id: 'a', backers: 9, urgency: null, feasibility: null },
        { _id: 'b', backers: 2, urgency: 5, feasibility: 5 },
        { _id: 'c', backers: 9, urgency: 1, feasibility: 1 },
        { _id: 'd', backers: 3, urgency: null, feasibility: null },
        { _id: 'e', backers: 9, urgency: 1, feasibility: 1 },
      ],
      9,
      defaultWeights,
    );
    expect(ranked.map((r) => [r._id, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['e', 3],
      ['a', 4],
      ['d', 5],
    ]);
    expect(ranked[0].total).toBe(68.9);
  });
});
