/**
 * Issue 12, "own proposal: a timeline with … decisions by …": the policy names no day for decisions, so
 * the union that runs a window names one (决定公布日期, `decideBy`) when it sets the window up or later;
 * the author's timeline says "X月X日前公布是否采纳" when there is one, and keeps saying no day is fixed
 * when there is none.
 */
import type { CollectWindow, GetProposalOutput, SubmitProposalOutput } from '@shishi/shared-types';
import { failure, ok, openWorld, validProposal, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(async () => {
  await world.close();
});

const decisionOf = async (openid: string, proposalId: string) => {
  const got = ok<GetProposalOutput>(await world.call(openid, 'proposal', 'get', { proposalId }));
  return { step: got.timeline!.steps.find((s) => s.key === 'decision')!, next: got.timeline!.next };
};

describe('collectWindow.create with a 决定公布日期', () => {
  const scheduled = { projectYear: 2028, opensOn: '2027-10-01', closesOn: '2027-12-31', title: '中山区2028年度征集' };

  it('stores a day after the last day, and refuses one on or before it, naming the field; nothing is stored', async () => {
    const onLastDay = failure(
      await world.call('demo-district', 'collectWindow', 'create', { ...scheduled, decideBy: '2027-12-31' }),
    );
    expect(onLastDay).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'decideBy', message: '公布日期要晚于征集期的截止日期' }],
    });
    // Without closesOn the default last day (12-31) is checked by the function, which names it.
    const beforeDefault = failure(
      await world.call('demo-district', 'collectWindow', 'create', { projectYear: 2028, decideBy: '2027-11-30' }),
    );
    expect(beforeDefault.fields).toEqual([
      { path: 'decideBy', message: '公布日期要晚于征集期的截止日期（2027年12月31日）' },
    ]);
    const nextYear = failure(
      await world.call('demo-district', 'collectWindow', 'create', { ...scheduled, decideBy: '2029-01-10' }),
    );
    expect(nextYear.fields).toEqual([{ path: 'decideBy', message: '公布日期要在 2028 年内（当年的项目当年办结）' }]);
    const notADay = failure(
      await world.call('demo-district', 'collectWindow', 'create', { ...scheduled, decideBy: '2028-02-30' }),
    );
    expect(notADay.fields).toEqual([{ path: 'decideBy', message: '没有这一天' }]);
    expect(await world.count('collectWindows', { orgId: 'dist-zhongshan' })).toBe(0);

    const w = ok<CollectWindow>(
      await world.call('demo-district', 'collectWindow', 'create', { ...scheduled, decideBy: '2028-03-15' }),
    );
    expect(w.decideBy).toBe('2028-03-15');
    expect((await world.doc<{ decideBy: string }>('collectWindows', w._id))?.decideBy).toBe('2028-03-15');
    // Without one, none.
    const plain = ok<CollectWindow>(
      await world.call('demo-district', 'collectWindow', 'create', {
        projectYear: 2029,
        opensOn: '2028-10-01',
        closesOn: '2028-12-31',
      }),
    );
    expect(plain.decideBy).toBeNull();
  });
});

describe('collectWindow.setDecideBy and the author’s timeline', () => {
  it('the timeline names the day the city set, and says no day is fixed once it is taken away', async () => {
    const mine = ok<SubmitProposalOutput>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, clientDraftId: 'draft-decide-01' }),
    );
    // The seeded city window has one (2027-03-31).
    let { step, next } = await decisionOf('demo-worker', mine._id);
    expect(step).toMatchObject({ state: 'upcoming', date: '2027-03-31' });
    expect(step.text).toBe('大连市总工会将在2027年3月31日前公布是否采纳，结果（采纳、暂缓或不采纳）会发消息告诉您。');
    expect(next).toContain('2027年3月31日前公布是否采纳');

    const moved = ok<CollectWindow>(
      await world.call('demo-research', 'collectWindow', 'setDecideBy', {
        windowId: 'win-dl-2026',
        decideBy: '2027-02-28',
      }),
    );
    expect(moved.decideBy).toBe('2027-02-28');
    ({ step } = await decisionOf('demo-worker', mine._id));
    expect(step).toMatchObject({ date: '2027-02-28', text: expect.stringContaining('2027年2月28日前公布是否采纳') });
    expect(await world.count('auditLog', { targetId: 'win-dl-2026', action: 'setDecideBy' })).toBe(1);

    ok(await world.call('demo-research', 'collectWindow', 'setDecideBy', { windowId: 'win-dl-2026', decideBy: null }));
    ({ step, next } = await decisionOf('demo-worker', mine._id));
    expect(step.date).toBeNull();
    expect(step.text).toContain('实施办法没有规定作出决定的日期');
    expect(next).not.toContain('公布是否采纳');
  });

  it('refuses a day in the window, a past day, and anyone but the staff running the window; nothing changes', async () => {
    const set = (openid: string, decideBy: string | null) =>
      world.call(openid, 'collectWindow', 'setDecideBy', { windowId: 'win-dl-2026', decideBy });
    expect(failure(await set('demo-research', '2026-12-15'))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'decideBy', message: '公布日期要晚于征集期的截止日期（2026年12月31日）' }],
    });
    expect(failure(await set('demo-research', '2027-13-01')).fields).toEqual([
      { path: 'decideBy', message: '没有这一天' },
    ]);
    expect(failure(await set('demo-worker', '2027-02-28')).code).toBe('FORBIDDEN');
    // A district's staff may not change the city's window above them.
    expect(failure(await set('demo-district', '2027-02-28')).code).toBe('FORBIDDEN');
    // Last year's window has ended long ago: a day already past is refused.
    expect(
      failure(
        await world.call('demo-research', 'collectWindow', 'setDecideBy', {
          windowId: 'win-dl-2025',
          decideBy: '2026-03-01',
        }),
      ).fields,
    ).toEqual([{ path: 'decideBy', message: '公布日期已经过去了' }]);
    expect((await world.doc<{ decideBy: string }>('collectWindows', 'win-dl-2026'))?.decideBy).toBe('2027-03-31');
    expect(await world.count('auditLog', { action: 'setDecideBy' })).toBe(0);
  });
});
