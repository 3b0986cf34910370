/** 第五条（六）: a milestone is late once its planned day is over and it is not done, while the project is carried out. */
import {
  isMilestoneLate,
  lateMilestoneCount,
  milestoneKey,
  milestoneViews,
  progressReportRefusal,
  projectStatuses,
} from '../src';

const plan = [
  { date: '2027-06-30', task: '建成 10 处驿站' },
  { date: '2027-03-31', task: '完成选址和改造方案' },
  { date: '2027-10-31', task: '建成 20 处驿站并验收' },
];

describe('late milestones', () => {
  it('the planned day itself is not late; the day after is', () => {
    expect(isMilestoneLate(plan[1], false, '2027-03-31', 'inProgress')).toBe(false);
    expect(isMilestoneLate(plan[1], false, '2027-04-01', 'inProgress')).toBe(true);
  });

  it('a done milestone is never late', () => {
    expect(isMilestoneLate(plan[1], true, '2027-12-31', 'inProgress')).toBe(false);
  });

  it('only while the project is carried out (established to mid-term filed)', () => {
    const late = projectStatuses.filter((s) => isMilestoneLate(plan[1], false, '2027-12-31', s));
    expect(late).toEqual(['established', 'published', 'inProgress', 'midtermFiled']);
  });

  it('lists the plan by date with each tick and flag, and counts the late ones', () => {
    const ticks = [{ key: milestoneKey(plan[1]), doneOn: '2027-04-02' }];
    const views = milestoneViews(plan, ticks, '2027-07-15', 'inProgress');
    expect(views.map((m) => [m.date, m.done, m.doneOn, m.late])).toEqual([
      ['2027-03-31', true, '2027-04-02', false],
      ['2027-06-30', false, null, true],
      ['2027-10-31', false, null, false],
    ]);
    expect(lateMilestoneCount(plan, ticks, '2027-07-15', 'inProgress')).toBe(1);
    expect(lateMilestoneCount(plan, [], '2027-11-01', 'inProgress')).toBe(3);
    expect(lateMilestoneCount(plan, [], '2027-11-01', 'accepted')).toBe(0);
  });

  it('a milestone changed by an 调整 (date or task) is a new one and starts open', () => {
    const key = milestoneKey(plan[1]);
    expect(key).toMatch(/^m[0-9a-f]{8}$/);
    expect(milestoneKey({ ...plan[1] })).toBe(key);
    expect(milestoneKey({ ...plan[1], date: '2027-04-30' })).not.toBe(key);
    expect(milestoneKey({ ...plan[1], task: '完成选址' })).not.toBe(key);
  });
});

describe('progress reports are filed from publication until acceptance is asked for', () => {
  it('refuses before publication and after the acceptance form', () => {
    const open = projectStatuses.filter((s) => progressReportRefusal({ title: '驿站', status: s }) === null);
    expect(open).toEqual(['published', 'inProgress', 'midtermFiled']);
    expect(progressReportRefusal({ title: '驿站', status: 'established' })).toContain('项目发布后');
  });
});
