/** Collection window rules: creation, overlap, early close, status. */
import { createWindowInputSchema, decideByRefusal, effectiveEnd, newWindowRefusal, windowStatus } from '../src';

const d = (iso: string) => new Date(iso);
const q4 = { title: '2027年度征集', opensAt: d('2026-09-30T16:00:00Z'), closesAt: d('2026-12-31T16:00:00Z') };

describe('collection window rules', () => {
  it('needs its end after its start, and an end not past', () => {
    const now = d('2026-11-24T02:00:00Z');
    expect(
      newWindowRefusal({ opensAt: d('2026-12-10T00:00:00Z'), closesAt: d('2026-12-01T00:00:00Z') }, [], now)?.field,
    ).toBe('closesOn');
    expect(
      newWindowRefusal({ opensAt: d('2026-01-01T00:00:00Z'), closesAt: d('2026-02-01T00:00:00Z') }, [], now)?.message,
    ).toBe('结束日期已经过去了');
  });

  it('may not overlap another window of the same org; one closed early counts until it was closed', () => {
    const now = d('2026-11-24T02:00:00Z');
    const dec = { opensAt: d('2026-12-01T00:00:00Z'), closesAt: d('2026-12-20T00:00:00Z') };
    expect(newWindowRefusal(dec, [q4], now)?.message).toContain('重叠');
    expect(newWindowRefusal(dec, [{ ...q4, closedAt: d('2026-11-30T00:00:00Z') }], now)).toBeNull();
    expect(newWindowRefusal({ opensAt: q4.closesAt, closesAt: d('2027-01-10T00:00:00Z') }, [q4], now)).toBeNull();
  });

  it('is scheduled, open, then closed — or closed as soon as it is closed early', () => {
    expect(windowStatus(q4, d('2026-09-01T00:00:00Z'))).toBe('scheduled');
    expect(windowStatus(q4, d('2026-11-24T00:00:00Z'))).toBe('open');
    expect(windowStatus(q4, d('2026-12-31T16:00:00Z'))).toBe('closed');
    expect(
      windowStatus({ ...q4, closedEarly: true, closedAt: d('2026-11-01T00:00:00Z') }, d('2026-11-24T00:00:00Z')),
    ).toBe('closed');
    expect(effectiveEnd({ ...q4, closedAt: d('2026-11-01T00:00:00Z') })).toEqual(d('2026-11-01T00:00:00Z'));
  });
});

describe('决定公布日期 (decideBy)', () => {
  const now = d('2026-11-24T02:00:00Z');
  const w = { ...q4, year: 2027 };

  it('comes after the window’s last day, not on it', () => {
    expect(decideByRefusal('2026-12-31', w, now)).toBe('公布日期要晚于征集期的截止日期（2026年12月31日）');
    expect(decideByRefusal('2027-01-01', w, now)).toBeNull();
    expect(decideByRefusal('2027-03-31', w, now)).toBeNull();
  });

  it('a window closed early ends on the day it was closed', () => {
    const early = { ...w, closedAt: d('2026-11-20T07:00:00Z') };
    expect(decideByRefusal('2026-11-20', early, now)).toBe('公布日期要晚于征集期的截止日期（2026年11月20日）');
    expect(decideByRefusal('2026-11-25', early, now)).toBeNull();
  });

  it('is not past, and falls in the project year', () => {
    expect(decideByRefusal('2027-01-10', w, d('2027-02-01T02:00:00Z'))).toBe('公布日期已经过去了');
    expect(decideByRefusal('2028-01-05', w, now)).toBe('公布日期要在 2027 年内（当年的项目当年办结）');
  });

  it('the form says so on the field before anything is sent', () => {
    const parsed = createWindowInputSchema.safeParse({
      opensOn: '2026-12-01',
      closesOn: '2026-12-20',
      decideBy: '2026-12-20',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['decideBy', '公布日期要晚于征集期的截止日期'],
    ]);
    expect(createWindowInputSchema.safeParse({ closesOn: '2026-12-20', decideBy: '2027-01-15' }).success).toBe(true);
  });
});
