import {
  businessDate,
  businessDayStart,
  proposalTimeline,
  timelineDay,
  type ProposalStatus,
  type TimelineFacts,
} from '../src';

const NOV = new Date('2026-11-24T10:00:00+08:00');
const window: NonNullable<TimelineFacts['window']> = {
  title: '2027年度为职工办实事项目征集',
  orgName: '大连市总工会',
  opensAt: businessDayStart('2026-10-01'),
  closesAt: businessDayStart('2027-01-01'),
  year: 2027,
};
const base: TimelineFacts = {
  status: 'submitted',
  moderation: 'pass',
  createdAt: new Date('2026-11-20T09:30:00+08:00'),
  decision: null,
  mergedInto: null,
  project: null,
  window,
};

const shape = (f: TimelineFacts, now = NOV) =>
  proposalTimeline(f, now).steps.map((s) => [s.key, s.state, s.date] as const);

describe('the author’s timeline of a proposal', () => {
  it('while the window is open: collecting until its last day, screening from the day after, no date for a decision', () => {
    const t = proposalTimeline(base, NOV);
    expect(shape(base)).toEqual([
      ['submitted', 'done', '2026-11-20'],
      ['collecting', 'current', '2026-12-31'],
      ['screening', 'upcoming', '2027-01-01'],
      ['decision', 'upcoming', null],
      ['project', 'upcoming', null],
    ]);
    expect(t.steps[1].text).toContain('征集期到12月31日结束');
    expect(t.steps[1].text).toContain('您可以修改或撤回');
    expect(t.steps[2].text).toContain('征集期结束后（2027年1月1日起）');
    expect(t.steps[3].text).toContain('没有规定作出决定的日期');
    expect(t.steps[4].text).toContain('2027 年度实事项目');
    expect(t.next).toBe(t.steps[2].text);
  });

  it('with the window’s 决定公布日期: the decision step names the day, and what comes next says it too', () => {
    const facts = { ...base, window: { ...window, decideBy: '2027-03-31' } };
    const t = proposalTimeline(facts, NOV);
    expect(t.steps[3]).toMatchObject({ key: 'decision', state: 'upcoming', date: '2027-03-31' });
    expect(t.steps[3].text).toBe(
      '大连市总工会将在2027年3月31日前公布是否采纳，结果（采纳、暂缓或不采纳）会发消息告诉您。',
    );
    expect(t.next).toBe(t.steps[2].text + t.steps[3].text);
    // After the window, in the same year as the day: no year written.
    const jan = proposalTimeline(facts, new Date('2027-01-05T10:00:00+08:00'));
    expect(jan.steps[3].text).toContain('3月31日前公布是否采纳');
    expect(jan.next).toBe(jan.steps[2].text + jan.steps[3].text);
  });

  it('once the 决定公布日期 has passed without a decision, says so instead of promising it', () => {
    const facts = { ...base, status: 'reviewing' as const, window: { ...window, decideBy: '2027-03-31' } };
    const t = proposalTimeline(facts, new Date('2027-04-02T10:00:00+08:00'));
    expect(t.steps[3]).toMatchObject({ key: 'decision', date: '2027-03-31' });
    expect(t.steps[3].text).toBe('大连市总工会原定3月31日前公布是否采纳，现在还没有作出决定；决定后会发消息告诉您。');
    // On the day itself it is still the promise.
    const onTheDay = proposalTimeline(facts, new Date('2027-03-31T20:00:00+08:00'));
    expect(onTheDay.steps[3].text).toContain('将在3月31日前公布是否采纳');
  });

  it('a decided proposal shows the day it was decided, not the 决定公布日期', () => {
    const t = proposalTimeline(
      {
        ...base,
        status: 'declined',
        window: { ...window, decideBy: '2027-03-31' },
        decision: { kind: 'decline', at: new Date('2027-01-10T11:00:00+08:00'), reason: null },
      },
      new Date('2027-01-12T10:00:00+08:00'),
    );
    expect(t.steps[3]).toMatchObject({ key: 'decision', state: 'done', date: '2027-01-10' });
  });

  it('after the window: screening is under way, with no date the record does not give', () => {
    const jan = new Date('2027-01-05T10:00:00+08:00');
    expect(shape(base, jan)).toEqual([
      ['submitted', 'done', '2026-11-20'],
      ['collecting', 'done', '2026-12-31'],
      ['screening', 'current', null],
      ['decision', 'upcoming', null],
      ['project', 'upcoming', null],
    ]);
    expect(proposalTimeline(base, jan).steps[1].text).toBe('征集期已在2026年12月31日结束。');
  });

  it('a window closed early ends on the day it was closed', () => {
    const closed = {
      ...base,
      window: { ...window, closedEarly: true, closedAt: new Date('2026-11-22T15:00:00+08:00') },
    };
    const t = proposalTimeline(closed, NOV);
    expect(t.steps[1]).toMatchObject({ key: 'collecting', state: 'done', date: '2026-11-22' });
    expect(t.steps[1].text).toBe('征集期已在11月22日提前结束。');
    expect(t.steps[2]).toMatchObject({ key: 'screening', state: 'current' });
  });

  it('scored (审核中): screening has started, the author can no longer change it', () => {
    const t = proposalTimeline({ ...base, status: 'reviewing' }, NOV);
    expect(t.steps[1].text).not.toContain('修改或撤回');
    expect(t.steps[2]).toMatchObject({ state: 'current', text: expect.stringContaining('已经开始评分') });
  });

  it('adopted: the decision with its date, then the project to open', () => {
    const adopted: TimelineFacts = {
      ...base,
      status: 'adopted',
      decision: { kind: 'adopt', at: new Date('2027-01-10T11:00:00+08:00'), reason: null },
      project: { _id: 'prj-1', title: '户外劳动者爱心驿站建设', statusLabel: '可研论证中' },
    };
    const t = proposalTimeline(adopted, new Date('2027-01-12T10:00:00+08:00'));
    expect(t.steps.map((s) => [s.key, s.state])).toEqual([
      ['submitted', 'done'],
      ['collecting', 'done'],
      ['screening', 'done'],
      ['decision', 'done'],
      ['project', 'current'],
    ]);
    expect(t.steps[3]).toMatchObject({ date: '2027-01-10', text: '结果：采纳。' });
    expect(t.steps[4]).toMatchObject({ projectId: 'prj-1' });
    expect(t.next).toBe('已列为项目《户外劳动者爱心驿站建设》，现在可研论证中。');
  });

  it('declined: the reason, and no project step', () => {
    const t = proposalTimeline(
      {
        ...base,
        status: 'declined',
        decision: { kind: 'decline', at: new Date('2027-01-10T11:00:00+08:00'), reason: '已有同类项目' },
      },
      new Date('2027-01-12T10:00:00+08:00'),
    );
    expect(t.steps.map((s) => s.key)).toEqual(['submitted', 'collecting', 'screening', 'decision']);
    expect(t.steps[3].text).toBe('结果：不采纳。说明：已有同类项目');
  });

  it('merged: follows the kept proposal, linked', () => {
    const t = proposalTimeline({ ...base, status: 'merged', mergedInto: { _id: 'p-keep', title: '爱心驿站' } }, NOV);
    const merged = t.steps.find((s) => s.key === 'merged');
    expect(merged).toMatchObject({ state: 'done', proposalId: 'p-keep' });
    expect(t.steps.some((s) => s.key === 'decision')).toBe(false);
  });

  it('withdrawn: the day it was withdrawn, and nothing after', () => {
    const t = proposalTimeline(
      { ...base, status: 'withdrawn', withdrawnAt: new Date('2026-11-23T08:00:00+08:00') },
      NOV,
    );
    expect(shape({ ...base, status: 'withdrawn', withdrawnAt: new Date('2026-11-23T08:00:00+08:00') })).toEqual([
      ['submitted', 'done', '2026-11-20'],
      ['withdrawn', 'done', '2026-11-23'],
    ]);
    expect(t.next).toContain('已撤回');
    expect(t.steps[1].text).not.toContain('附议');
    const supported = proposalTimeline(
      { ...base, status: 'withdrawn', withdrawnAt: new Date('2026-11-23T08:00:00+08:00'), supportCount: 2 },
      NOV,
    );
    expect(supported.steps[1].text).toContain('附议过的 2 位职工已收到通知');
  });

  it('held or rejected in content review: says so first, and how to go on', () => {
    const rejected = proposalTimeline({ ...base, moderation: 'rejected' }, NOV);
    expect(rejected.steps[1]).toMatchObject({ key: 'moderation', state: 'current' });
    expect(rejected.next).toContain('修改后会重新审核');
    const held = proposalTimeline({ ...base, moderation: 'review' }, NOV);
    expect(held.next).toContain('正在由工作人员审核');
  });

  it('without its window: no window dates at all', () => {
    expect(shape({ ...base, window: null })).toEqual([
      ['submitted', 'done', '2026-11-20'],
      ['screening', 'current', null],
      ['decision', 'upcoming', null],
      ['project', 'upcoming', null],
    ]);
  });

  it('every date shown is one the record or the window gives (its 决定公布日期 included)', () => {
    const decisionAt = new Date('2027-01-10T11:00:00+08:00');
    const withdrawnAt = new Date('2026-11-23T08:00:00+08:00');
    const closedAt = new Date('2026-11-22T15:00:00+08:00');
    const statuses: ProposalStatus[] = [
      'submitted',
      'reviewing',
      'adopted',
      'deferred',
      'declined',
      'merged',
      'withdrawn',
    ];
    const nows = [
      '2026-11-21T10:00:00+08:00',
      '2026-12-31T23:59:00+08:00',
      '2027-01-01T00:00:00+08:00',
      '2027-03-01T10:00:00+08:00',
    ];
    for (const status of statuses)
      for (const early of [false, true])
        for (const decideBy of [null, '2027-03-31'])
          for (const now of nows) {
            const w = { ...(early ? { ...window, closedEarly: true, closedAt } : window), decideBy };
            const facts: TimelineFacts = {
              ...base,
              status,
              window: w,
              withdrawnAt: status === 'withdrawn' ? withdrawnAt : null,
              decision: ['adopted', 'deferred', 'declined'].includes(status)
                ? {
                    kind: status === 'adopted' ? 'adopt' : status === 'deferred' ? 'defer' : 'decline',
                    at: decisionAt,
                    reason: null,
                  }
                : null,
              mergedInto: status === 'merged' ? { _id: 'k', title: '保留的建议' } : null,
            };
            const allowed = new Set(
              [
                base.createdAt,
                decisionAt,
                withdrawnAt,
                early ? closedAt : new Date(window.closesAt.getTime() - 1),
                early ? closedAt : window.closesAt,
              ]
                .map((d) => businessDate(d))
                .concat(decideBy ? [decideBy] : []),
            );
            for (const s of proposalTimeline(facts, new Date(now)).steps)
              if (s.date !== null) expect([status, s.key, allowed.has(s.date)]).toEqual([status, s.key, true]);
          }
  });

  it('writes the year only when it is not the reader’s', () => {
    expect(timelineDay(businessDayStart('2026-12-31'), NOV)).toBe('12月31日');
    expect(timelineDay(businessDayStart('2027-01-01'), NOV)).toBe('2027年1月1日');
  });
});
