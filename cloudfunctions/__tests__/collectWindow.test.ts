/** collectWindow.current through wx-server-sdk on the local runtime. */
import type { CurrentWindowOutput } from '@shishi/shared-types';
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
