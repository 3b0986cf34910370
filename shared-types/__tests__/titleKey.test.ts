/** titleKey: titles that differ only in spaces, punctuation or letter case are the same title. */
import { titleKey } from '../src';

describe('titleKey', () => {
  const base = titleKey('为户外环卫工人增设爱心驿站');

  it('ignores spaces, including full-width ones', () => {
    expect(titleKey('为户外 环卫工人 增设爱心驿站')).toBe(base);
    expect(titleKey('  为户外环卫工人增设爱心驿站  ')).toBe(base);
    expect(titleKey('为户外\u3000环卫工人增设爱心驿站')).toBe(base);
  });

  it('ignores Chinese and ASCII punctuation', () => {
    expect(titleKey('为户外环卫工人增设“爱心驿站”！')).toBe(base);
    expect(titleKey('为户外环卫工人，增设爱心驿站。')).toBe(base);
    expect(titleKey('为户外环卫工人增设爱心驿站!!!')).toBe(base);
  });

  it('ignores letter case and full-width letters', () => {
    expect(titleKey('车间WiFi覆盖')).toBe(titleKey('车间wifi覆盖'));
    expect(titleKey('车间 Wi-Fi 覆盖')).toBe(titleKey('车间wifi覆盖'));
    expect(titleKey('车间ＷＩＦＩ覆盖')).toBe(titleKey('车间wifi覆盖'));
  });

  it('keeps titles with different words apart', () => {
    expect(titleKey('为户外环卫工人增设爱心驿站')).not.toBe(titleKey('为外卖骑手增设爱心驿站'));
    expect(titleKey('职工体检 2025')).not.toBe(titleKey('职工体检 2026'));
  });
});
