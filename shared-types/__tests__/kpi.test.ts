/**
 * 绩效评估 rules: the signal at and around every threshold, enough data, satisfaction from the 1–5
 * distribution, KPI arithmetic in fen and counts, the acceptance form's pre-filled sentence, and the
 * inputs staff type (thresholds, signal decisions).
 */
import {
  DEFAULT_KPI_THRESHOLDS,
  acceptanceText,
  costPerServedFen,
  decideSignalInputSchema,
  forumsText,
  kpiFilterSchema,
  percentOf,
  satisfactionOf,
  setThresholdsInputSchema,
  signalOf,
  yuanText,
  type SignalFacts,
} from '../src';

const t = DEFAULT_KPI_THRESHOLDS;
/** 100 ratings with the given satisfied percent, and served out of a target of 1,000. */
const facts = (satisfiedPercent: number | null, served: number, over: Partial<SignalFacts> = {}): SignalFacts => ({
  ratings: 100,
  satisfiedPercent,
  served,
  targetServed: 1000,
  ...over,
});

describe('signalOf with the default thresholds', () => {
  it('uses the documented defaults', () => {
    expect(t).toEqual({
      minRatings: 5,
      expandSatisfaction: 90,
      expandServed: 100,
      scaleBackSatisfaction: 60,
      scaleBackServed: 50,
    });
  });

  it('needs enough ratings: 4 → 数据不足, 5 → a signal', () => {
    expect(signalOf(facts(95, 2000, { ratings: 4 }), t).signal).toBe('insufficient');
    expect(signalOf(facts(95, 2000, { ratings: 4 }), t).reasons[0]).toContain('少于 5 人');
    expect(signalOf(facts(95, 2000, { ratings: 5 }), t).signal).toBe('expand');
    expect(signalOf(facts(null, 2000, { ratings: 0 }), t).signal).toBe('insufficient');
  });

  it('expands at 90% satisfied and 100% served, not just below either', () => {
    expect(signalOf(facts(90, 1000), t).signal).toBe('expand');
    expect(signalOf(facts(89.9, 1000), t).signal).toBe('maintain');
    expect(signalOf(facts(90, 999), t).signal).toBe('maintain');
    expect(signalOf(facts(100, 5000), t).signal).toBe('expand');
  });

  it('scales back below 60% satisfied or below 50% served, not at them', () => {
    expect(signalOf(facts(60, 1000), t).signal).toBe('maintain');
    expect(signalOf(facts(59.9, 1000), t).signal).toBe('scaleBack');
    expect(signalOf(facts(95, 500), t).signal).toBe('maintain');
    expect(signalOf(facts(95, 499), t).signal).toBe('scaleBack');
    // Either low figure is enough, even with the other high.
    expect(signalOf(facts(100, 100), t).signal).toBe('scaleBack');
    expect(signalOf(facts(10, 5000), t).signal).toBe('scaleBack');
  });

  it('says why, with the figures', () => {
    const low = signalOf(facts(55, 400), t);
    expect(low.servedPercent).toBe(40);
    expect(low.reasons).toEqual([
      '满意率 55%（100 人评价），低于 60%',
      '直接服务 400 人，目标 1000 人，完成 40%，低于 50%',
    ]);
  });

  it('rests on satisfaction alone when there is no served target', () => {
    const none = { targetServed: null };
    expect(signalOf(facts(90, 0, none), t).signal).toBe('expand');
    expect(signalOf(facts(89, 0, none), t).signal).toBe('maintain');
    expect(signalOf(facts(59, 0, none), t).signal).toBe('scaleBack');
    expect(signalOf(facts(90, 0, none), t).servedPercent).toBeNull();
    expect(signalOf(facts(90, 0, { targetServed: 0 }), t).servedPercent).toBeNull();
  });

  it('follows an org’s own thresholds', () => {
    const strict = {
      minRatings: 20,
      expandSatisfaction: 95,
      expandServed: 120,
      scaleBackSatisfaction: 80,
      scaleBackServed: 90,
    };
    expect(signalOf(facts(95, 1200, { ratings: 19 }), strict).signal).toBe('insufficient');
    expect(signalOf(facts(95, 1200, { ratings: 20 }), strict).signal).toBe('expand');
    expect(signalOf(facts(95, 1199), strict).signal).toBe('maintain');
    expect(signalOf(facts(80, 900), strict).signal).toBe('maintain');
    expect(signalOf(facts(79.9, 900), strict).signal).toBe('scaleBack');
    expect(signalOf(facts(95, 899), strict).signal).toBe('scaleBack');
  });
});

describe('KPI arithmetic', () => {
  it('percent with one decimal; none without a whole', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(1500, 1000)).toBe(150);
  });

  it('cost per served worker in whole fen, rounded half up; none while nobody is served', () => {
    expect(costPerServedFen(3_000_000, 3000)).toBe(1000);
    expect(costPerServedFen(10, 3)).toBe(3); // 3.33 → 3
    expect(costPerServedFen(5, 2)).toBe(3); // 2.5 → 3
    expect(costPerServedFen(12_000_001, 7)).toBe(1_714_286); // 1,714,285.857 → 1,714,286
    expect(costPerServedFen(100, 0)).toBeNull();
    expect(Number.isInteger(costPerServedFen(999_999_999_99, 7))).toBe(true);
  });

  it('元 from fen exactly, for sentences', () => {
    expect(yuanText(12_000_001)).toBe('120000.01');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(0)).toBe('0.00');
  });

  it('satisfaction: share of 满意度 4–5 and the mean, from the 1–5 counts', () => {
    expect(satisfactionOf([1, 0, 1, 3, 5])).toEqual({ ratings: 10, satisfied: 8, satisfiedPercent: 80, mean: 4.1 });
    expect(satisfactionOf([0, 0, 0, 0, 0])).toEqual({ ratings: 0, satisfied: 0, satisfiedPercent: null, mean: null });
    expect(satisfactionOf([0, 0, 1, 1, 1]).mean).toBe(4);
    expect(satisfactionOf([1, 1, 1, 0, 0]).satisfiedPercent).toBe(0);
  });
});

describe('the acceptance form pre-fill', () => {
  it('states covered, served, money and satisfaction against the targets', () => {
    expect(
      acceptanceText({
        viewers: 18000,
        targetCovered: 20000,
        served: 4000,
        targetServed: 5000,
        spentFen: 10_000_000,
        totalBudgetFen: 12_000_001,
        ratings: 40,
        satisfiedPercent: 92.5,
      }),
    ).toBe(
      '覆盖职工 18000 人（目标 20000）；直接服务 4000 人（签到与登记，目标 5000）；资金使用 100000.00 元 / 预算 120000.01 元，人均 25.00 元；满意度 92.5%（40 人评价）。',
    );
  });

  it('leaves out what is not known yet, and is long enough for the form (≥ 10 characters)', () => {
    const s = acceptanceText({
      viewers: 0,
      targetCovered: null,
      served: 0,
      targetServed: null,
      spentFen: 0,
      totalBudgetFen: 0,
      ratings: 0,
      satisfiedPercent: null,
    });
    expect(s).toBe(
      '覆盖职工 0 人；直接服务 0 人（签到与登记）；资金使用 0.00 元 / 预算 0.00 元；满意度暂无（尚无职工评价）。',
    );
    expect(s.length).toBeGreaterThanOrEqual(10);
  });
});

describe('the forum line', () => {
  it('says forums, attendance and the open follow-ups with the overdue ones', () => {
    expect(forumsText({ forums: 3, attendance: 85, openFollowUps: 2, overdueFollowUps: 1 })).toBe(
      '现场座谈 3 场、参加 85 人次、待办事项 2 项（逾期 1 项）',
    );
    expect(forumsText({ forums: 1, attendance: 20, openFollowUps: 2, overdueFollowUps: 0 })).toBe(
      '现场座谈 1 场、参加 20 人次、待办事项 2 项',
    );
    expect(forumsText({ forums: 2, attendance: 40, openFollowUps: 0, overdueFollowUps: 0 })).toBe(
      '现场座谈 2 场、参加 40 人次，待办事项已全部办结',
    );
    expect(forumsText({ forums: 0, attendance: 0, openFollowUps: 0, overdueFollowUps: 0 })).toBe('尚未开展现场座谈');
  });

  it('takes the follow-ups filter in kpi.list', () => {
    expect(kpiFilterSchema.safeParse({ year: 2027, overdue: 'followUps' }).success).toBe(true);
    expect(kpiFilterSchema.safeParse({ year: 2027, overdue: 'forums' }).success).toBe(false);
  });
});

describe('inputs', () => {
  const good = {
    year: 2027,
    minRatings: 5,
    expandSatisfaction: 90,
    expandServed: 100,
    scaleBackSatisfaction: 60,
    scaleBackServed: 50,
  };

  it('thresholds: whole numbers in range, scale-back lines not above the expand lines', () => {
    expect(setThresholdsInputSchema.safeParse(good).success).toBe(true);
    const paths = (v: unknown) => {
      const r = setThresholdsInputSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ ...good, expandSatisfaction: 101 })).toEqual(['expandSatisfaction']);
    expect(paths({ ...good, minRatings: 0 })).toEqual(['minRatings']);
    expect(paths({ ...good, expandServed: 99.5 })).toEqual(['expandServed']);
    expect(paths({ ...good, scaleBackSatisfaction: 95 })).toEqual(['scaleBackSatisfaction']);
    expect(paths({ ...good, scaleBackServed: 120 })).toEqual(['scaleBackServed']);
    expect(paths({ ...good, year: 2019 })).toEqual(['year']);
  });

  it('a decision: override names a signal, accept does not; a reason is required', () => {
    expect(decideSignalInputSchema.safeParse({ projectId: 'pj1', decision: 'accept', reason: '同意' }).success).toBe(
      true,
    );
    expect(
      decideSignalInputSchema.safeParse({
        projectId: 'pj1',
        decision: 'override',
        signal: 'maintain',
        reason: '座谈反映良好',
      }).success,
    ).toBe(true);
    const r = decideSignalInputSchema.safeParse({ projectId: 'pj1', decision: 'override', reason: '座谈反映良好' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['signal']);
    const noReason = decideSignalInputSchema.safeParse({ projectId: 'pj1', decision: 'accept', reason: '' });
    expect(noReason.success ? [] : noReason.error.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
  });

  it('a list filter takes what the dashboard hands out, and nothing else', () => {
    expect(kpiFilterSchema.safeParse({ year: 2027, signal: 'expand', overdue: 'midterm', paid: 1 }).success).toBe(true);
    expect(kpiFilterSchema.safeParse({ year: 2027, colour: 'red' }).success).toBe(false);
  });
});
