/** pageInputSchema: page from 1, 1 to 50 per page, defaults 1 and 10; numbers from query strings too. */
import { listProposalsInputSchema, pageInputSchema } from '../src';

function messages(input: unknown): Record<string, string> {
  const result = pageInputSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('pageInputSchema', () => {
  it('defaults to the first page of 10', () => {
    expect(pageInputSchema.parse({})).toEqual({ page: 1, pageSize: 10 });
  });

  it('takes numbers sent as strings', () => {
    expect(pageInputSchema.parse({ page: '3', pageSize: '20' })).toEqual({ page: 3, pageSize: 20 });
  });

  it('accepts the limits themselves', () => {
    expect(pageInputSchema.parse({ page: 1, pageSize: 1 })).toEqual({ page: 1, pageSize: 1 });
    expect(pageInputSchema.parse({ page: 10000, pageSize: 50 })).toEqual({ page: 10000, pageSize: 50 });
  });

  it('refuses pages out of range with Chinese messages', () => {
    expect(messages({ page: 0 })).toEqual({ page: '页码从 1 开始' });
    expect(messages({ page: 10001 })).toEqual({ page: '页码太大' });
    expect(messages({ page: 1.5 })).toEqual({ page: '页码要填整数' });
    expect(messages({ page: 'abc' })).toEqual({ page: '页码要填数字' });
  });

  it('refuses page sizes out of range with Chinese messages', () => {
    expect(messages({ pageSize: 0 })).toEqual({ pageSize: '每页至少 1 条' });
    expect(messages({ pageSize: 51 })).toEqual({ pageSize: '每页最多 50 条' });
    expect(messages({ pageSize: 2.5 })).toEqual({ pageSize: '每页条数要填整数' });
  });

  it('carries its defaults and limits into the proposal list input', () => {
    expect(listProposalsInputSchema.parse({})).toEqual({ page: 1, pageSize: 10 });
    expect(listProposalsInputSchema.safeParse({ pageSize: 51 }).success).toBe(false);
    expect(listProposalsInputSchema.safeParse({ orgId: '../x' }).success).toBe(false);
  });
});
