/** moderationFromCheck: only `pass` is shown to others; anything else waits for a person. */
import { moderationFromCheck, moderationText } from '../src';

describe('moderationFromCheck', () => {
  it('passes what the check passes', () => {
    expect(moderationFromCheck('pass')).toBe('pass');
  });

  it('sends review and risky to a person', () => {
    expect(moderationFromCheck('review')).toBe('review');
    expect(moderationFromCheck('risky')).toBe('review');
  });

  it('sends content to a person when the check could not run or answered oddly', () => {
    expect(moderationFromCheck(undefined)).toBe('review');
    expect(moderationFromCheck('')).toBe('review');
    expect(moderationFromCheck('PASS')).toBe('review');
  });
});

describe('moderationText', () => {
  it('checks the title and the content together', () => {
    const text = moderationText({ title: '标题', content: '内容' });
    expect(text).toContain('标题');
    expect(text).toContain('内容');
  });
});
