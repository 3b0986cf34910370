/** Status transitions of screening and who may support (附议). */
import { proposalLifecycle, supportRefusal, type ProposalStatus, type ProposalTransition } from '../src';

/** The CONFLICT wording of a transition from a state, or null when it may happen. */
const transitionRefusal = (transition: ProposalTransition, p: { title: string; status: ProposalStatus }) =>
  proposalLifecycle.stateRefusal(transition, { title: p.title, state: p.status })?.message ?? null;

describe('status transitions', () => {
  it('decides only open proposals: deciding twice is refused with the decision already made', () => {
    for (const kind of ['adopt', 'defer', 'decline'] as const) {
      expect(transitionRefusal(kind, { title: '甲', status: 'submitted' })).toBeNull();
      expect(transitionRefusal(kind, { title: '甲', status: 'reviewing' })).toBeNull();
      expect(transitionRefusal(kind, { title: '甲', status: 'adopted' })).toBe(
        '《甲》已经作出决定（已采纳），不能重复决定',
      );
      expect(transitionRefusal(kind, { title: '甲', status: 'deferred' })).toContain('暂缓');
    }
  });
  it('sends the decision of a merged proposal to the kept one', () => {
    expect(transitionRefusal('adopt', { title: '甲', status: 'merged' })).toContain('保留的那条');
  });
  it('scoring moves a proposal under review and is refused once decided', () => {
    expect(proposalLifecycle.transitions.score.to).toBe('reviewing');
    expect(transitionRefusal('score', { title: '甲', status: 'declined' })).toContain('不能再评分');
  });
});

describe('support refusal', () => {
  const open = { title: '甲', status: 'submitted' as const, moderation: 'pass' as const, author: 'alice' };
  it('refuses one’s own proposal', () => {
    expect(supportRefusal(open, 'alice', true)?.code).toBe('INVALID_INPUT');
  });
  it('refuses merged, decided and held proposals, and a closed window', () => {
    expect(supportRefusal({ ...open, status: 'merged' }, 'bob', true)?.code).toBe('CONFLICT');
    expect(supportRefusal({ ...open, status: 'adopted' }, 'bob', true)?.code).toBe('CONFLICT');
    expect(supportRefusal({ ...open, moderation: 'review' }, 'bob', true)?.code).toBe('CONFLICT');
    expect(supportRefusal(open, 'bob', false)?.code).toBe('WINDOW_CLOSED');
    expect(supportRefusal(open, 'bob', true)).toBeNull();
  });
});
