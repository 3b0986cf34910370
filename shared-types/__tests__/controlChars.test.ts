/** Invisible control characters are cleaned from every string of a request before any schema sees it. */
import { z } from 'zod';
import { cleanInput, parseInput, text, withoutControlChars } from '../src';

describe('withoutControlChars', () => {
  it('removes NUL, escape, DEL and C1 controls; keeps tab and line feed; makes every line break \\n', () => {
    expect(withoutControlChars('驿\u0000站')).toBe('驿站');
    expect(withoutControlChars('\u001b[31m红\u007f\u0085字\u009f')).toBe('[31m红字');
    expect(withoutControlChars('一\t二\r\n三\r四\n五')).toBe('一\t二\n三\n四\n五');
  });

  it('cleans every string and key of a request, however deep', () => {
    expect(cleanInput({ 'a\u0000': ['x\u0001', { b: 'y\u0000', n: 1, t: true, z: null }] })).toEqual({
      a: ['x', { b: 'y', n: 1, t: true, z: null }],
    });
  });

  it('parseInput cleans before validating: a field that is only control characters is missing', () => {
    const schema = z.object({ title: text('标题', 2, 10), keyword: z.string().optional() });
    expect(parseInput(schema, { title: '驿\u0000站', keyword: '\u0000驿站' })).toEqual({
      title: '驿站',
      keyword: '驿站',
    });
    expect(() => parseInput(schema, { title: '\u0000\u0000' })).toThrow('请填写标题');
  });
});
