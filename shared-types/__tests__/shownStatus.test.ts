import { shownStatus } from '../src';

describe('shownStatus', () => {
  it('a proposal rejected in content review shows 未通过审核, not 已提交', () => {
    expect(shownStatus({ status: 'submitted', moderation: 'rejected' })).toEqual({
      label: '未通过审核',
      tone: 'danger',
    });
    expect(shownStatus({ status: 'reviewing', moderation: 'rejected' }).label).toBe('未通过审核');
  });
  it('otherwise the status as proposalStatusMeta says', () => {
    expect(shownStatus({ status: 'submitted', moderation: 'pass' })).toEqual({ label: '已提交', tone: 'neutral' });
    expect(shownStatus({ status: 'adopted', moderation: 'rejected' }).label).toBe('已采纳');
  });
});
