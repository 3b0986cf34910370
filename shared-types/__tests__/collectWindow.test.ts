/** Collection windows (第五条（二）): every Q4, 10-01 … 12-31 in Asia/Shanghai. */
import {
  defaultWindowFor,
  findOpenWindow,
  isOpenAt,
  MAX_SIMILAR_WINDOWS,
  nextOpening,
  similarWindows,
  windowsFor,
  yearlyWindowDue,
  yearlyWindowId,
  type WindowFacts,
} from '../src';

const at = (iso: string) => new Date(iso);
const zhongshanSanitation = ['dl', 'dist-zhongshan', 'gr-zs-sanitation'];

function window(id: string, orgId: string, year = 2026, extra: Partial<WindowFacts> = {}): WindowFacts {
  const { opensAt, closesAt } = defaultWindowFor(year);
  return { _id: id, orgId, opensAt, closesAt, ...extra };
}

describe('defaultWindowFor', () => {
  it('opens at 10-01 00:00 Asia/Shanghai, which is 09-30 16:00 UTC', () => {
    const w = defaultWindowFor(2026);
    expect(w.opensAt.toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('closes when 01-01 of the next year starts in Shanghai, and collects for the next year', () => {
    const w = defaultWindowFor(2026);
    expect(w.closesAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(w.projectYear).toBe(2027);
  });

  it('does not depend on the year’s length or the process time zone', () => {
    expect(defaultWindowFor(2027).opensAt.toISOString()).toBe('2027-09-30T16:00:00.000Z');
    expect(defaultWindowFor(2028).closesAt.toISOString()).toBe('2028-12-31T16:00:00.000Z');
  });
});

describe('isOpenAt', () => {
  const w = window('w', 'dl');

  it('is closed just before 10-01 00:00 Shanghai and open from that instant', () => {
    expect(isOpenAt(w, at('2026-09-30T23:59:59.999+08:00'))).toBe(false);
    expect(isOpenAt(w, at('2026-10-01T00:00:00+08:00'))).toBe(true);
  });

  it('is still open at 12-31 23:59 Shanghai (15:59 UTC), when UTC is the same day', () => {
    expect(isOpenAt(w, at('2026-12-31T23:59:00+08:00'))).toBe(true);
    expect(isOpenAt(w, at('2026-12-31T23:59:59.999+08:00'))).toBe(true);
  });

  it('is closed at 01-01 00:00 Shanghai, although UTC is still 12-31', () => {
    expect(isOpenAt(w, at('2027-01-01T00:00:00+08:00'))).toBe(false);
    expect(isOpenAt(w, at('2026-12-31T16:00:00Z'))).toBe(false);
  });

  it('is closed when closed early', () => {
    expect(isOpenAt({ ...w, closedEarly: true }, at('2026-11-24T10:00:00+08:00'))).toBe(false);
  });
});

describe('windowsFor / findOpenWindow', () => {
  const now = at('2026-11-24T10:00:00+08:00');
  const city = window('city', 'dl');
  const district = window('district', 'dist-zhongshan');
  const otherDistrict = window('xigang', 'dist-xigang');

  it('applies only windows run by the member’s org or one above it', () => {
    expect(windowsFor([city, district, otherDistrict], zhongshanSanitation).map((w) => w._id)).toEqual([
      'city',
      'district',
    ]);
  });

  it('picks the nearest org’s window when several are open, whatever their order', () => {
    expect(findOpenWindow([city, district, otherDistrict], zhongshanSanitation, now)?._id).toBe('district');
    expect(findOpenWindow([district, city, otherDistrict], zhongshanSanitation, now)?._id).toBe('district');
    const own = window('own', 'gr-zs-sanitation');
    expect(findOpenWindow([city, own, district], zhongshanSanitation, now)?._id).toBe('own');
  });

  it('falls back to a farther org’s window when the nearer one is closed', () => {
    const closedEarly = { ...district, closedEarly: true };
    expect(findOpenWindow([city, closedEarly], zhongshanSanitation, now)?._id).toBe('city');
  });

  it('never picks another district’s window', () => {
    expect(findOpenWindow([otherDistrict], zhongshanSanitation, now)).toBeNull();
  });

  it('is null outside every window', () => {
    expect(findOpenWindow([city, district], zhongshanSanitation, at('2027-02-10T10:00:00+08:00'))).toBeNull();
  });
});

describe('nextOpening', () => {
  it('names no date when nothing is scheduled (a rule is not a schedule)', () => {
    const past = [window('last', 'dl', 2026)];
    expect(nextOpening(past, zhongshanSanitation, at('2027-02-10T10:00:00+08:00'))).toBeNull();
    expect(nextOpening([], zhongshanSanitation, at('2026-11-24T10:00:00+08:00'))).toBeNull();
    expect(nextOpening([], zhongshanSanitation, at('2026-09-30T23:59:00+08:00'))).toBeNull();
  });

  it('is the earliest scheduled window that applies, when there is one', () => {
    const spring = window('spring', 'dist-zhongshan', 2026, {
      opensAt: at('2027-03-01T00:00:00+08:00'),
      closesAt: at('2027-04-01T00:00:00+08:00'),
    });
    const summer = window('summer', 'dl', 2026, {
      opensAt: at('2027-06-01T00:00:00+08:00'),
      closesAt: at('2027-07-01T00:00:00+08:00'),
    });
    const now = at('2027-02-10T10:00:00+08:00');
    expect(nextOpening([summer, spring], zhongshanSanitation, now)?.toISOString()).toBe('2027-02-28T16:00:00.000Z');
  });

  it('ignores scheduled windows of other orgs and those closed early', () => {
    const now = at('2027-02-10T10:00:00+08:00');
    const elsewhere = window('xigang', 'dist-xigang', 2026, {
      opensAt: at('2027-03-01T00:00:00+08:00'),
      closesAt: at('2027-04-01T00:00:00+08:00'),
    });
    const cancelled = window('cancelled', 'dl', 2026, {
      opensAt: at('2027-05-01T00:00:00+08:00'),
      closesAt: at('2027-06-01T00:00:00+08:00'),
      closedEarly: true,
    });
    expect(nextOpening([elsewhere, cancelled], zhongshanSanitation, now)).toBeNull();
  });
});

describe('yearlyWindowDue', () => {
  const now = at('2027-02-10T10:00:00+08:00');
  it('is this Shanghai year when the city has no window for next year’s projects', () => {
    expect(yearlyWindowDue([{ orgId: 'dl', year: 2027 }], 'dl', now)).toBe(2027);
    expect(yearlyWindowDue([], 'dl', at('2027-01-01T00:30:00+08:00'))).toBe(2027);
    expect(yearlyWindowDue([], 'dl', at('2026-12-31T23:30:00+08:00'))).toBe(2026);
  });
  it('is null once the city has one, closed or moved by staff; a district’s does not count', () => {
    expect(yearlyWindowDue([{ orgId: 'dl', year: 2028 }], 'dl', now)).toBeNull();
    expect(yearlyWindowDue([{ orgId: 'dist-zhongshan', year: 2028 }], 'dl', now)).toBe(2027);
    expect(yearlyWindowId('dl', 2027)).toBe('win-dl-2027');
  });
});

describe('similarWindows (where similar proposals are looked for)', () => {
  const nov = at('2026-11-24T10:00:00+08:00');
  const y = (w: WindowFacts, year: number) => ({ ...w, year });
  const city = y(window('city', 'dl'), 2027);
  const cityLastYear = y(window('city-2025', 'dl', 2025), 2026);
  const districtOwn = y(window('zs', 'dist-zhongshan', 2026, { opensAt: at('2026-11-20T00:00:00+08:00') }), 2027);
  const otherDistrict = y(window('xg', 'dist-xigang'), 2027);
  const scheduled = y(window('zs-later', 'gr-zs-sanitation', 2026, { opensAt: at('2026-12-10T00:00:00+08:00') }), 2027);

  it('the window submitted to first, then the others of its year on the worker’s path, open or ended', () => {
    const cityClosed = { ...city, closedEarly: true };
    // Called off before it opened (its opening day has come since): nothing was ever sent to it.
    const calledOff = {
      ...y(
        window('zs-off', 'dist-zhongshan', 2026, { opensAt: at('2026-11-10T00:00:00+08:00'), closedEarly: true }),
        2027,
      ),
      closedAt: at('2026-11-05T09:00:00+08:00'),
    };
    const found = similarWindows(
      [cityLastYear, cityClosed, otherDistrict, districtOwn, scheduled, calledOff],
      zhongshanSanitation,
      nov,
    );
    expect(found.map((w) => w._id)).toEqual(['zs', 'city']);
  });

  it('open ones before ended ones, nearer orgs first, and at most MAX_SIMILAR_WINDOWS', () => {
    const closed = (id: string, orgId: string, opens: string) =>
      y(window(id, orgId, 2026, { opensAt: at(opens), closedEarly: true }), 2027);
    const many = [
      city,
      districtOwn,
      closed('dl-a', 'dl', '2026-10-02T00:00:00+08:00'),
      closed('zs-a', 'dist-zhongshan', '2026-10-03T00:00:00+08:00'),
      closed('gr-a', 'gr-zs-sanitation', '2026-10-04T00:00:00+08:00'),
    ];
    const found = similarWindows(many, zhongshanSanitation, nov).map((w) => w._id);
    expect(found).toEqual(['zs', 'city', 'gr-a', 'zs-a'].slice(0, MAX_SIMILAR_WINDOWS));
  });

  it('nothing when no window is open to the worker', () => {
    expect(similarWindows([{ ...city, closedEarly: true }], zhongshanSanitation, nov)).toEqual([]);
  });
});
