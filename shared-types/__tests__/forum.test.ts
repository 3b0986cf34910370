/** 现场座谈 rules: the record's date rules, open and overdue follow-ups, a project's figures, the schema. */
import {
  followUpCounts,
  followUpDoneProblem,
  forumFiguresOf,
  forumInputProblems,
  forumRecordRefusal,
  recordForumInputSchema,
} from '../src';

const base = {
  projectId: 'pj1',
  date: '2026-11-20',
  place: '环卫一队会议室',
  attendance: 10,
  summary: '职工对体检项目总体满意，提了两条建议。',
};

describe('forum rules', () => {
  it('a forum is not after today and no follow-up is due before it', () => {
    expect(forumInputProblems({ date: '2026-11-24', followUps: [] }, '2026-11-24')).toEqual([]);
    expect(forumInputProblems({ date: '2026-11-25', followUps: [] }, '2026-11-24')).toEqual([
      { path: 'date', message: '座谈日期不能晚于今天' },
    ]);
    expect(
      forumInputProblems(
        { date: '2026-11-20', followUps: [{ dueDate: '2026-11-20' }, { dueDate: '2026-11-19' }] },
        '2026-11-24',
      ),
    ).toEqual([{ path: 'followUps.1.dueDate', message: '完成期限不能早于座谈日期' }]);
  });

  it('a follow-up is done on a day between the forum and today', () => {
    expect(followUpDoneProblem('2026-11-24', '2026-11-20', '2026-11-24')).toBeNull();
    expect(followUpDoneProblem('2026-11-25', '2026-11-20', '2026-11-24')).toBe('完成日期不能晚于今天');
    expect(followUpDoneProblem('2026-11-19', '2026-11-20', '2026-11-24')).toBe('完成日期不能早于座谈日期');
  });

  it('overdue: open and due before today (due today is not overdue)', () => {
    const items = [
      { dueDate: '2026-11-23', done: false },
      { dueDate: '2026-11-24', done: false },
      { dueDate: '2026-11-01', done: true },
    ];
    expect(followUpCounts(items, '2026-11-24')).toEqual({ openFollowUps: 2, overdueFollowUps: 1 });
    expect(
      forumFiguresOf(
        [
          { attendance: 30, followUps: items },
          { attendance: 12, followUps: [] },
        ],
        '2026-11-25',
      ),
    ).toEqual({ forums: 2, attendance: 42, openFollowUps: 2, overdueFollowUps: 2 });
    expect(forumFiguresOf([], '2026-11-25')).toEqual({
      forums: 0,
      attendance: 0,
      openFollowUps: 0,
      overdueFollowUps: 0,
    });
  });

  it('forums are recorded from publication until acceptance', () => {
    expect(forumRecordRefusal({ title: '体检', status: 'inProgress' })).toBeNull();
    expect(forumRecordRefusal({ title: '体检', status: 'accepted' })).toBeNull();
    expect(forumRecordRefusal({ title: '体检', status: 'established' })).toContain('项目发布后、结项前');
    expect(forumRecordRefusal({ title: '体检', status: 'closed' })).toContain('项目发布后、结项前');
  });

  it('the schema names the row at fault', () => {
    const paths = (v: unknown) => recordForumInputSchema.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths(base)).toEqual([]);
    expect(paths({ ...base, participants: [{ unit: '', count: 2 }] })).toEqual(['participants.0.unit']);
    expect(paths({ ...base, participants: [{ unit: '一队', count: 11 }] })).toEqual(['attendance']);
    expect(
      paths({
        ...base,
        participants: [
          { unit: '一队', count: 2 },
          { unit: '一队', count: 2 },
        ],
      }),
    ).toEqual(['participants.1.unit']);
    expect(paths({ ...base, attendance: 0 })).toEqual(['attendance']);
    expect(paths({ ...base, followUps: [{ what: '回访', owner: '张丽', dueDate: '2026-02-30' }] })).toEqual([
      'followUps.0.dueDate',
    ]);
  });
});
