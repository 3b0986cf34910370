/** collectWindow.current through wx-server-sdk on the local runtime. */
import type { CollectWindow, CurrentWindowOutput, ListWindowsOutput } from '@shishi/shared-types';
import { defaultWindowFor } from '@shishi/shared-types';
import { FEB, failure, NOV, ok, openWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld(NOV);
});
afterEach(async () => {
  await world.close();
});

describe('collectWindow.current', () => {
  it('is open in November: this year’s Q4 window, for next year’s projects', async () => {
    const out = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(out.open).toEqual({
      _id: 'win-dl-2026',
      orgId: 'dl',
      orgName: '大连市总工会',
      title: '2027年度为职工办实事项目征集',
      year: 2027,
      opensAt: '2026-09-30T16:00:00.000Z',
      closesAt: '2026-12-31T16:00:00.000Z',
      status: 'open',
      closedAt: null,
      weights: { concentration: 40, urgency: 30, feasibility: 30 },
      decideBy: '2027-03-31',
    });
    expect(out.nextOpensAt).toBeNull();
    expect(Date.parse(out.now)).toBe(world.now());
  });

  it('is closed in February, and tells when the next one opens: 10-01 00:00 Shanghai', async () => {
    world.setNow(FEB);
    const out = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(out.open).toBeNull();
    expect(out.nextOpensAt).toBe('2027-09-30T16:00:00.000Z');
    expect(out.nextOpensAt).toBe(defaultWindowFor(2027).opensAt.toISOString());
  });

  it('is closed at 01-01 00:00 Shanghai although UTC is still 12-31', async () => {
    world.setNow(Date.parse('2026-12-31T23:59:58+08:00'));
    expect(ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current')).open?._id).toBe(
      'win-dl-2026',
    );
    world.setNow(Date.parse('2027-01-01T00:00:00+08:00'));
    expect(ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current')).open).toBeNull();
  });

  it('prefers the window of the nearest org', async () => {
    await world.cloud
      .database()
      .collection('collectWindows')
      .add({
        data: {
          _id: 'win-zs-2026',
          orgId: 'dist-zhongshan',
          orgName: '中山区总工会',
          title: '中山区2027年度项目征集',
          year: 2027,
          opensAt: new Date('2026-11-01T00:00:00+08:00'),
          closesAt: new Date('2026-12-01T00:00:00+08:00'),
          createdAt: new Date(NOV),
        },
      });
    const zhongshan = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(zhongshan.open?._id).toBe('win-zs-2026');
    const elsewhere = ok<CurrentWindowOutput>(await world.call('demo-research', 'collectWindow', 'current'));
    expect(elsewhere.open?._id).toBe('win-dl-2026');
  });

  it('needs a bound profile', async () => {
    expect(failure(await world.call('demo-newcomer', 'collectWindow', 'current')).code).toBe('PROFILE_REQUIRED');
    expect(failure(await world.call(null, 'collectWindow', 'current')).code).toBe('UNAUTHENTICATED');
  });
});

describe('collectWindow.create / list / close / setWeights', () => {
  const create = (openid: string, data: unknown) => world.call(openid, 'collectWindow', 'create', data);

  it('creates the default window: 10-01 … 12-31 Shanghai of this year for next year, audit-logged', async () => {
    world.setNow(FEB);
    const w = ok<CollectWindow>(await create('demo-district', {}));
    expect(w).toMatchObject({
      orgId: 'dist-zhongshan',
      orgName: '中山区总工会',
      title: '2028年度为职工办实事项目征集',
      year: 2028,
      opensAt: '2027-09-30T16:00:00.000Z',
      closesAt: '2027-12-31T16:00:00.000Z',
      status: 'scheduled',
      closedAt: null,
      weights: { concentration: 40, urgency: 30, feasibility: 30 },
    });
    expect(await world.count('auditLog', { targetId: w._id, action: 'createWindow' })).toBe(1);
    // The worker's next opening is the scheduled district window.
    const current = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(current.nextOpensAt).toBe('2027-09-30T16:00:00.000Z');
    const listed = ok<ListWindowsOutput>(await world.call('demo-district', 'collectWindow', 'list', {}));
    // With the city's yearly window of 2027, stored by the first call of the year.
    expect(listed.items.map((i) => i._id).sort()).toEqual([w._id, 'win-dl-2025', 'win-dl-2026', 'win-dl-2027'].sort());
    expect(
      ok<ListWindowsOutput>(await world.call('demo-worker', 'collectWindow', 'list', { year: 2027 })).items.map(
        (i) => i._id,
      ),
    ).toEqual(['win-dl-2026']);
  });

  it('opens a custom window at 00:00 of the first day and closes after the last day, Asia/Shanghai', async () => {
    const w = ok<CollectWindow>(
      await create('demo-district', {
        opensOn: '2026-11-25',
        closesOn: '2026-11-30',
        title: '中山区专项征集',
        weights: { concentration: 50, urgency: 25, feasibility: 25 },
        // It overlaps the city's Q4 window (collectWindowOverlap.test.ts).
        confirmOverlap: true,
      }),
    );
    expect(w).toMatchObject({ opensAt: '2026-11-24T16:00:00.000Z', closesAt: '2026-11-30T16:00:00.000Z', year: 2027 });
    world.setNow(Date.parse('2026-11-25T00:00:00+08:00'));
    expect(ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current')).open?._id).toBe(w._id);
  });

  it('refuses an end before the start, a past window, an overlap in the same org, and other orgs’ subtrees', async () => {
    const backwards = failure(await create('demo-district', { opensOn: '2026-12-10', closesOn: '2026-12-01' }));
    expect(backwards).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'closesOn', message: '结束日期要晚于开始日期' }],
    });
    const past = failure(await create('demo-district', { opensOn: '2026-01-01', closesOn: '2026-02-01' }));
    expect(past.fields).toEqual([{ path: 'closesOn', message: '结束日期已经过去了' }]);
    ok(await create('demo-district', { opensOn: '2026-12-01', closesOn: '2026-12-10', confirmOverlap: true }));
    const overlap = failure(
      await create('demo-district', { opensOn: '2026-12-05', closesOn: '2026-12-20', confirmOverlap: true }),
    );
    expect(overlap.fields?.[0].path).toBe('opensOn');
    expect(overlap.message).toContain('重叠');
    expect(failure(await create('demo-district', { orgId: 'dist-xigang' })).code).toBe('FORBIDDEN');
    expect(failure(await create('demo-worker', {})).code).toBe('FORBIDDEN');
    expect(failure(await create('demo-district', { opensOn: '2026-02-30' })).fields).toEqual([
      { path: 'opensOn', message: '没有这一天' },
    ]);
  });

  it('closes early: submission is refused with the next opening, and closing twice is refused', async () => {
    const closed = ok<CollectWindow>(
      await world.call('demo-research', 'collectWindow', 'close', { windowId: 'win-dl-2026', reason: '提前完成征集' }),
    );
    expect(closed).toMatchObject({ status: 'closed', closedAt: new Date(world.now()).toISOString() });
    const submit = failure(
      await world.call('demo-worker', 'proposal', 'submit', {
        title: '职工食堂延长晚餐供应时间',
        content: '夜班职工下班时食堂已经关门，建议把晚餐供应延长到晚上八点。',
        category: 'labourEconomy',
        targetGroup: 'frontline',
      }),
    );
    expect(submit.code).toBe('WINDOW_CLOSED');
    // Next year's window is not stored before next year: no date is promised.
    expect(submit.message).not.toContain('2027-10-01');
    expect(failure(await world.call('demo-research', 'collectWindow', 'close', { windowId: 'win-dl-2026' })).code).toBe(
      'CONFLICT',
    );
    expect(failure(await world.call('demo-district', 'collectWindow', 'close', { windowId: 'win-dl-2025' })).code).toBe(
      'FORBIDDEN',
    );
    expect(await world.count('auditLog', { action: 'closeWindow' })).toBe(1);
  });

  it('sets the screening weights of a window', async () => {
    const w = ok<CollectWindow>(
      await world.call('demo-research', 'collectWindow', 'setWeights', {
        windowId: 'win-dl-2026',
        weights: { concentration: 60, urgency: 20, feasibility: 20 },
      }),
    );
    expect(w.weights).toEqual({ concentration: 60, urgency: 20, feasibility: 20 });
    const zero = failure(
      await world.call('demo-research', 'collectWindow', 'setWeights', {
        windowId: 'win-dl-2026',
        weights: { concentration: 0, urgency: 0, feasibility: 0 },
      }),
    );
    expect(zero.fields).toEqual([{ path: 'weights', message: '三项权重加起来要等于 100（现在是 0）' }]);
    const over = failure(
      await world.call('demo-research', 'collectWindow', 'setWeights', {
        windowId: 'win-dl-2026',
        weights: { concentration: 50, urgency: 30, feasibility: 30 },
      }),
    );
    expect(over.fields).toEqual([{ path: 'weights', message: '三项权重加起来要等于 100（现在是 110）' }]);
  });
});
