/** maskName: other workers see the family name only (王小明 → 王**). */
import { maskName } from '../src';

describe('maskName', () => {
  it('keeps the first character and masks the rest', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王秀梅')).toBe('王**');
    expect(maskName('李四')).toBe('李*');
  });

  it('masks at least one character, even of a one-character name', () => {
    expect(maskName('王')).toBe('王*');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });

  it('ignores surrounding spaces', () => {
    expect(maskName('  张丽 ')).toBe('张*');
  });

  it('shows a neutral word for an empty name', () => {
    expect(maskName('')).toBe('职工');
    expect(maskName('   ')).toBe('职工');
  });

  it('never reveals more than the first character', () => {
    const masked = maskName('欧阳娜娜');
    expect(masked).toBe('欧***');
    expect(masked).not.toContain('阳');
  });
});
