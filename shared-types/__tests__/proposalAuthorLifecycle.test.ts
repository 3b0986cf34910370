import { proposalAuthorLifecycle, type Actor } from '../src';

const worker: Actor = {
  openid: 'w1',
  bindings: [{ role: 'worker', orgId: 'gr-zs-sanitation', orgPath: ['dl', 'zs', 'gr-zs-sanitation'] }],
};
const title = '职工食堂延长晚餐供应时间';

describe('the author’s edit and withdrawal', () => {
  it('are open only while the proposal is 已提交', () => {
    expect(proposalAuthorLifecycle.available('submitted', worker).sort()).toEqual(['edit', 'withdraw']);
    for (const state of ['reviewing', 'adopted', 'deferred', 'declined', 'merged', 'withdrawn'] as const)
      expect([state, proposalAuthorLifecycle.available(state, worker)]).toEqual([state, []]);
  });

  it('say why not, as CONFLICT', () => {
    expect(proposalAuthorLifecycle.refusal('edit', { title, state: 'reviewing' }, worker)).toEqual({
      code: 'CONFLICT',
      message: `《${title}》现在是「审核中」，工作人员已经开始处理，不能再修改（只有「已提交」时可以）`,
    });
    expect(proposalAuthorLifecycle.refusal('withdraw', { title, state: 'withdrawn' }, worker)?.message).toBe(
      `《${title}》已经撤回了，不能再撤回`,
    );
    expect(proposalAuthorLifecycle.refusal('edit', { title, state: 'merged' }, worker)?.message).toBe(
      `《${title}》已合并到别的建议，不能再修改`,
    );
  });

  it('need a signed-up person (FORBIDDEN without a role)', () => {
    expect(
      proposalAuthorLifecycle.refusal('edit', { title, state: 'submitted' }, { openid: 'x', bindings: [] })?.code,
    ).toBe('FORBIDDEN');
  });
});
