/**
 * Shanghai instants are built at a fixed +08:00 (DESIGN.md §4): the same instants on a host in Berlin or
 * Sydney (daylight saving) as in UTC. The host's zone is the process's: `npm test` runs this file and the
 * other date tests again under TZ=Europe/Berlin and TZ=Australia/Sydney (scripts/test-all.mjs, `jest-tz`).
 */
import {
  businessDate,
  businessInstant,
  businessDayStart,
  defaultWindowFor,
  inBusinessTz,
  midtermDueAt,
  nextOpening,
  onBusinessDay,
  surveyWindow,
} from '../src';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const DAY = 86_400_000;

/** Every business date from 2026-01-01 to 2028-12-31 with its +08:00 midnight. */
const days: Array<[string, number]> = [];
for (let t = Date.parse('2026-01-01T00:00:00+08:00'); t < Date.parse('2029-01-01T00:00:00+08:00'); t += DAY) {
  days.push([new Date(t + 8 * 3_600_000).toISOString().slice(0, 10), t]);
}

describe(`on a host in ${zone}`, () => {
  it('starts every business day at its +08:00 midnight, and names the date back', () => {
    const wrong = days.filter(([d, t]) => businessDayStart(d).getTime() !== t || businessDate(t) !== d);
    expect(wrong.map(([d]) => d)).toEqual([]);
  });

  it('a survey open from opensOn to closesOn ends at the next +08:00 midnight, every day of the year', () => {
    const wrong = days.filter(([d, t]) => {
      const w = surveyWindow(d, d);
      return w.opensAt.getTime() !== t || w.closesAt.getTime() !== t + DAY;
    });
    expect(wrong.map(([d]) => d)).toEqual([]);
  });

  it('the Q4 window opens 10-01 00:00 and closes 01-01 00:00, +08:00', () => {
    for (const year of [2026, 2027, 2028]) {
      const w = defaultWindowFor(year);
      expect(w.opensAt.toISOString()).toBe(new Date(`${year}-10-01T00:00:00+08:00`).toISOString());
      expect(w.closesAt.toISOString()).toBe(new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString());
    }
    const scheduled = { _id: 'w', orgId: 'dl', ...defaultWindowFor(2026) };
    const next = nextOpening([scheduled], ['dl'], new Date('2026-09-30T23:59:00+08:00'));
    expect(next?.toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('the mid-term form is due at the end of 08-15, +08:00', () => {
    expect(midtermDueAt(2027).toISOString()).toBe('2027-08-15T15:59:59.999Z');
  });

  it('business arithmetic stays in +08:00 across the host’s clock changes', () => {
    expect(businessInstant(onBusinessDay('2026-10-03').add(1, 'day')).toISOString()).toBe('2026-10-03T16:00:00.000Z');
    expect(businessInstant(onBusinessDay('2026-03-28').endOf('day')).toISOString()).toBe('2026-03-28T15:59:59.999Z');
    expect(inBusinessTz(Date.parse('2026-10-24T17:30:00Z')).format('YYYY-MM-DD HH:mm')).toBe('2026-10-25 01:30');
    expect(() => onBusinessDay('2026-13-45')).toThrow('not a business date: 2026-13-45');
  });
});
