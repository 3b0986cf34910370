/**
 * Issue 12: 首页's greeting follows the Shanghai clock, not the zone the phone or the machine is set to.
 * The process runs in Los Angeles here, 15 or 16 hours behind Shanghai.
 */
process.env.TZ = 'America/Los_Angeles';
import { partOfDay } from '../../client/src/features/profile/greeting';

describe('greeting', () => {
  it.each([
    ['2026-11-24T02:00:00Z', '上午好'], // 10:00 Shanghai, 18:00 the day before in Los Angeles
    ['2026-11-24T04:30:00Z', '中午好'], // 12:30 Shanghai
    ['2026-11-24T07:00:00Z', '下午好'], // 15:00 Shanghai
    ['2026-11-24T12:00:00Z', '晚上好'], // 20:00 Shanghai, 04:00 in Los Angeles
    ['2026-11-23T19:30:00Z', '您好'], // 03:30 Shanghai
  ])('%s → %s', (instant, said) => {
    expect(partOfDay(instant)).toBe(said);
    expect(partOfDay(new Date(instant))).toBe(said);
  });
});
