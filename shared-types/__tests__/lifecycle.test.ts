/** The lifecycles of proposals, surveys and collection windows: wrong state CONFLICT, wrong role or scope FORBIDDEN. */
import {
  collectWindowLifecycle,
  proposalLifecycle,
  proposalStatuses,
  proposalStatusMeta,
  surveyLifecycle,
  type Actor,
  type Role,
} from '../src';

const city = ['dl'];
const zhongshan = ['dl', 'dist-zhongshan'];
const xigang = ['dl', 'dist-xigang'];
const actor = (role: Role, orgPath: readonly string[]): Actor => ({
  openid: `${role}-${orgPath.at(-1)}`,
  bindings: [{ role, orgId: orgPath.at(-1)!, orgPath }],
});
const districtStaff = actor('unionStaff', zhongshan);
const inZhongshan = { orgPath: [...zhongshan, 'gr-zs-mall'] };

describe('proposal lifecycle', () => {
  it('a decided proposal cannot be decided again: CONFLICT with the decision already made', () => {
    const refusal = proposalLifecycle.refusal('adopt', { title: '甲', state: 'declined' }, districtStaff, inZhongshan);
    expect(refusal).toEqual({ code: 'CONFLICT', message: '《甲》已经作出决定（未采纳），不能重复决定' });
  });

  it('a merged proposal sends the staff member to the kept one', () => {
    expect(proposalLifecycle.stateRefusal('score', { title: '甲', state: 'merged' })?.message).toBe(
      '《甲》已合并到别的建议，请对保留的那条建议操作',
    );
  });

  it('scoring moves a proposal under review and is refused once decided', () => {
    expect(proposalLifecycle.transitions.score.to).toBe('reviewing');
    expect(proposalLifecycle.stateRefusal('score', { title: '甲', state: 'reviewing' })).toBeNull();
    expect(proposalLifecycle.stateRefusal('score', { title: '甲', state: 'adopted' })?.message).toBe(
      '《甲》已经作出决定（已采纳），不能再评分',
    );
  });

  it('a worker may not decide: FORBIDDEN naming who may', () => {
    const refusal = proposalLifecycle.refusal('adopt', { title: '甲', state: 'submitted' }, actor('worker', zhongshan));
    expect(refusal?.code).toBe('FORBIDDEN');
    expect(refusal?.message).toContain('区市县/产业工会工作人员');
    expect(refusal?.message).toContain('市总工会调查研究室');
  });

  it('staff of another district may not decide: FORBIDDEN for the scope, before any state check', () => {
    const refusal = proposalLifecycle.refusal(
      'adopt',
      { title: '甲', state: 'adopted' },
      actor('unionStaff', xigang),
      inZhongshan,
    );
    expect(refusal).toEqual({ code: 'FORBIDDEN', message: '这条建议不在您的管辖范围内' });
  });

  it('offers the decisions to staff in scope on an open proposal, and nothing on a closed one', () => {
    expect(proposalLifecycle.available('submitted', districtStaff, inZhongshan).sort()).toEqual(
      ['adopt', 'decline', 'defer', 'merge', 'score'].sort(),
    );
    expect(proposalLifecycle.available('adopted', districtStaff, inZhongshan)).toEqual([]);
    expect(proposalLifecycle.available('submitted', actor('research', city), inZhongshan)).toHaveLength(5);
    expect(proposalLifecycle.available('submitted', actor('unionStaff', xigang), inZhongshan)).toEqual([]);
  });

  it('its states are proposalStatusMeta: every status has a label, a tone and a progress', () => {
    for (const s of proposalStatuses) {
      expect(proposalLifecycle.meta(s)).toBe(proposalStatusMeta[s]);
      expect(proposalLifecycle.meta(s).progress).toBeGreaterThanOrEqual(0);
      expect(proposalLifecycle.meta(s).progress).toBeLessThanOrEqual(100);
    }
  });
});

describe('survey lifecycle', () => {
  const audience = { orgPath: zhongshan };
  it('a closed survey cannot be published or edited: CONFLICT with the wording staff see', () => {
    expect(surveyLifecycle.refusal('publish', { title: '调查', state: 'closed' }, districtStaff, audience)).toEqual({
      code: 'CONFLICT',
      message: '调查已结束，不能再发布；可以复制为新的草稿',
    });
    expect(surveyLifecycle.refusal('edit', { title: '调查', state: 'closed' }, districtStaff, audience)).toEqual({
      code: 'CONFLICT',
      message: '调查已结束，不能再修改；需要再次调查时可以复制为新的草稿',
    });
    expect(surveyLifecycle.refusal('edit', { title: '调查', state: 'published' }, districtStaff, audience)).toBeNull();
  });

  it('a draft is not closed: CONFLICT', () => {
    expect(surveyLifecycle.stateRefusal('close', { title: '调查', state: 'draft' })).toEqual({
      code: 'CONFLICT',
      message: '草稿还没有发布，不需要结束',
    });
    expect(surveyLifecycle.transitions.close.to).toBe('closed');
  });

  it('staff outside the audience may not publish; workers may not at all: FORBIDDEN', () => {
    expect(
      surveyLifecycle.refusal('publish', { title: '调查', state: 'draft' }, actor('unionStaff', xigang), audience)
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      surveyLifecycle.refusal('publish', { title: '调查', state: 'draft' }, actor('cadre', zhongshan), audience)?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('collection window lifecycle', () => {
  const window = { orgPath: zhongshan };
  it('closing a window that has ended is CONFLICT', () => {
    expect(
      collectWindowLifecycle.refusal('close', { title: '2027年度征集', state: 'closed' }, districtStaff, window),
    ).toEqual({ code: 'CONFLICT', message: '《2027年度征集》已经结束了' });
    expect(collectWindowLifecycle.refusal('close', { title: '征集', state: 'scheduled' }, districtStaff, window)).toBe(
      null,
    );
  });

  it('a window run above the staff member is not theirs to close: FORBIDDEN', () => {
    expect(
      collectWindowLifecycle.refusal('close', { title: '征集', state: 'open' }, districtStaff, { orgPath: city }),
    ).toEqual({ code: 'FORBIDDEN', message: '这个征集期不在您的管辖范围内' });
  });
});
