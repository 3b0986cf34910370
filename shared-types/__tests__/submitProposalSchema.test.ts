/** The submit schema: Chinese messages a worker can act on, each at the field it belongs to. */
import { AppError, parseInput, submitProposalInputSchema } from '../src';

const valid = {
  title: '为户外环卫工人增设爱心驿站',
  content: '冬季清扫时间长，环卫工人没有地方喝热水、热饭和休息。',
  category: 'labourEconomy',
  targetGroup: 'frontline',
};

function issues(input: unknown): Record<string, string[]> {
  const result = submitProposalInputSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('submitProposalInputSchema', () => {
  it('accepts a complete proposal and trims its text', () => {
    const data = submitProposalInputSchema.parse({
      ...valid,
      title: `  ${valid.title}  `,
      content: `\n${valid.content} `,
    });
    expect(data).toEqual({ ...valid, attachments: [] });
  });

  it('names every missing field in Chinese', () => {
    expect(issues({})).toEqual({
      title: ['请填写建议标题'],
      content: ['请填写建议内容'],
      category: ['请选择建议类别'],
      targetGroup: ['请选择服务对象'],
    });
  });

  it('bounds the title: 4 to 40 characters after trimming', () => {
    expect(issues({ ...valid, title: '  短标题 ' })).toEqual({ title: ['建议标题至少 4 个字'] });
    expect(issues({ ...valid, title: '爱心驿站' })).toEqual({});
    expect(issues({ ...valid, title: '职工字'.repeat(13) + '字' })).toEqual({});
    expect(issues({ ...valid, title: '职工字'.repeat(13) + '字字' })).toEqual({ title: ['建议标题最多 40 个字'] });
  });

  it('refuses a title that is one character repeated (spaces and punctuation aside)', () => {
    const refused = { title: ['标题不能只是同一个字重复，请写清想办的事'] };
    expect(issues({ ...valid, title: '啊啊啊啊' })).toEqual(refused);
    expect(issues({ ...valid, title: '1 1 1 1！' })).toEqual(refused);
    expect(issues({ ...valid, title: '好好学习' })).toEqual({});
  });

  it('asks to fill in a field left empty or blank, rather than naming its minimum length', () => {
    expect(issues({ ...valid, title: '   ', content: '' })).toEqual({
      title: ['请填写建议标题'],
      content: ['请填写建议内容'],
    });
  });

  it('bounds the content: 10 to 1000 characters', () => {
    expect(issues({ ...valid, content: '太短了' })).toEqual({ content: ['建议内容至少 10 个字'] });
    expect(issues({ ...valid, content: '字'.repeat(1001) })).toEqual({ content: ['建议内容最多 1000 个字'] });
  });

  it('refuses unknown categories and target groups', () => {
    expect(issues({ ...valid, category: 'sports', targetGroup: 'aliens' })).toEqual({
      category: ['请选择建议类别'],
      targetGroup: ['请选择服务对象'],
    });
  });

  it('refuses text of the wrong type with the missing-field message', () => {
    expect(issues({ ...valid, title: 12345 })).toEqual({ title: ['请填写建议标题'] });
  });

  it('becomes INVALID_INPUT with field paths through parseInput', () => {
    let error: unknown;
    try {
      parseInput(submitProposalInputSchema, { ...valid, title: 'ab', category: undefined });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const body = (error as AppError).toBody();
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.fields).toEqual([
      { path: 'title', message: '建议标题至少 4 个字' },
      { path: 'category', message: '请选择建议类别' },
    ]);
    expect(body.message).toContain('建议标题至少 4 个字');
    expect(body.message).toContain('请选择建议类别');
  });
});
