/**
 * Issue 10, defect 7: the city's Q4 window opens by itself every year (stored once per year, on demand
 * or by the daily timer; staff may close it), and no message names a date that is not scheduled.
 */
import type { CollectWindow, CurrentWindowOutput, ListWindowsOutput } from '@shishi/shared-types';
import { timerTriggers } from '../registry';
import { FEB, failure, ok, openWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  // Seeded in November 2026 (windows of Q4 2025 and Q4 2026), then the clock moves to February 2027.
  world = await openWorld();
  world.setNow(FEB);
});
afterEach(async () => {
  await world.close();
});

const proposal = {
  title: '职工食堂延长晚餐供应时间',
  content: '夜班职工下班时食堂已经关门，建议把晚餐供应延长到晚上八点。',
  category: 'labourEconomy',
  targetGroup: 'frontline',
};

describe('the city’s yearly Q4 window', () => {
  it('is stored once by the first collectWindow.current of the year, audit-logged as the system’s', async () => {
    expect(await world.doc('collectWindows', 'win-dl-2027')).toBeUndefined();
    const out = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(out.open).toBeNull();
    expect(out.nextOpensAt).toBe('2027-09-30T16:00:00.000Z');
    expect(await world.doc('collectWindows', 'win-dl-2027')).toMatchObject({
      orgId: 'dl',
      year: 2028,
      title: '2028年度为职工办实事项目征集',
    });
    ok(await world.call('demo-district', 'collectWindow', 'current'));
    ok(await world.call('demo-research', 'collectWindow', 'list', {}));
    expect(await world.count('collectWindows', { orgId: 'dl', year: 2028 })).toBe(1);
    expect(await world.count('auditLog', { targetId: 'win-dl-2027', action: 'createWindow', actor: 'system' })).toBe(1);
  });

  it('is stored once when many ask at the same moment', async () => {
    const replies = await Promise.all(
      ['demo-worker', 'demo-district', 'demo-research', 'demo-cadre', 'demo-worker'].map((who) =>
        world.call(who, 'collectWindow', 'current'),
      ),
    );
    for (const r of replies) expect(ok<CurrentWindowOutput>(r).nextOpensAt).toBe('2027-09-30T16:00:00.000Z');
    expect(await world.count('collectWindows', { orgId: 'dl', year: 2028 })).toBe(1);
    expect(await world.count('auditLog', { targetId: 'win-dl-2027' })).toBe(1);
  });

  it('is listed for staff, who can close it; then it is not stored again and no date is promised', async () => {
    const listed = ok<ListWindowsOutput>(await world.call('demo-research', 'collectWindow', 'list', {}));
    expect(listed.items[0]).toMatchObject({ _id: 'win-dl-2027', status: 'scheduled' });
    ok<CollectWindow>(
      await world.call('demo-research', 'collectWindow', 'close', {
        windowId: 'win-dl-2027',
        reason: '今年改为专项征集',
      }),
    );
    const out = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(out).toMatchObject({ open: null, nextOpensAt: null });
    expect(await world.count('collectWindows', { orgId: 'dl', year: 2028 })).toBe(1);
    const refused = failure(await world.call('demo-worker', 'proposal', 'submit', proposal));
    expect(refused.code).toBe('WINDOW_CLOSED');
    expect(refused.message).toBe('现在不在建议征集期内，下一次征集的时间还没有排定；排定后首页会显示');
  });

  it('a window staff set up for the year stands instead of it', async () => {
    ok(await world.call('demo-research', 'collectWindow', 'create', { opensOn: '2027-11-01', closesOn: '2027-12-15' }));
    const out = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(out.nextOpensAt).toBe('2027-10-31T16:00:00.000Z');
    expect(await world.doc('collectWindows', 'win-dl-2027')).toBeUndefined();
  });

  it('is stored by the daily timer too, once', async () => {
    const timer = timerTriggers.find((t) => t.function === 'collectWindow' && t.name === 'yearlyWindow')!;
    expect(await timer.run(world.cloud, new Date(world.now()))).toEqual({ created: ['win-dl-2027'] });
    expect(await timer.run(world.cloud, new Date(world.now()))).toEqual({ created: [] });
    expect(await world.count('collectWindows', { orgId: 'dl', year: 2028 })).toBe(1);
  });
});

describe('no date that is not scheduled', () => {
  it('a window closed early in Q4 leaves nothing scheduled: the refusal names no date', async () => {
    world.setNow(Date.parse('2026-11-24T10:00:00+08:00'));
    ok(await world.call('demo-research', 'collectWindow', 'close', { windowId: 'win-dl-2026' }));
    const out = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(out).toMatchObject({ open: null, nextOpensAt: null });
    const refused = failure(await world.call('demo-worker', 'proposal', 'submit', proposal));
    expect(refused.message).not.toMatch(/\d{4}-\d{2}-\d{2}|10月1日/);
  });
});
