/**
 * Issue 12, "nothing typed is lost": a second proposal with a used title is stored, not thrown away
 * behind 提交成功; repeats of one submission are recognised by the client's draft id; an exact repeat of
 * a stored proposal says so and names it; a title that is one character repeated is refused.
 */
import type { DecideOutput, SubmitProposalOutput } from '@shishi/shared-types';
import { failure, ok, openWorld, validProposal, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(async () => {
  await world.close();
});

const submit = (openid: string, data: unknown) => world.call(openid, 'proposal', 'submit', data);

describe('proposal.submit keeps every new proposal', () => {
  it('stores a second proposal with the same title and new content', async () => {
    const first = ok<SubmitProposalOutput>(
      await submit('demo-worker', { ...validProposal, clientDraftId: 'draft-a-0001' }),
    );
    const second = ok<SubmitProposalOutput>(
      await submit('demo-worker', {
        ...validProposal,
        content: '早班职工五点上班时食堂还没有开门，建议早餐提前到四点半供应，并在车间放置热水。',
        clientDraftId: 'draft-b-0002',
      }),
    );
    expect(second._id).not.toBe(first._id);
    expect(second.alreadySubmitted).toBe(false);
    expect(second.content).toContain('早班职工');
    expect(await world.count('proposals', { authorOpenid: 'demo-worker', title: validProposal.title })).toBe(2);
  });

  it('stores the rewrite after 不采纳 asked for one, under the same title', async () => {
    const first = ok<SubmitProposalOutput>(
      await submit('demo-worker', { ...validProposal, clientDraftId: 'draft-c-0001' }),
    );
    ok<DecideOutput>(
      await world.call('demo-research', 'proposal', 'decide', {
        proposalId: first._id,
        kind: 'decline',
        reason: '请写明大概有多少职工需要、希望几点供应，再重新提交',
      }),
    );
    const rewrite = ok<SubmitProposalOutput>(
      await submit('demo-worker', {
        ...validProposal,
        content: '环卫一队约 120 名夜班职工晚上七点半下班，食堂六点半关门，建议晚餐供应延长到晚上八点。',
        clientDraftId: 'draft-c-0002',
      }),
    );
    expect(rewrite).toMatchObject({ alreadySubmitted: false, status: 'submitted' });
    expect(rewrite._id).not.toBe(first._id);
  });

  it('recognises a retry of one draft by its id: the same proposal, nothing stored twice, 提交成功 again', async () => {
    const draft = { ...validProposal, clientDraftId: 'draft-retry-01' };
    const first = ok<SubmitProposalOutput>(await submit('demo-worker', draft));
    const before = await world.count('proposals');
    const retry = ok<SubmitProposalOutput>(await submit('demo-worker', draft));
    expect(retry).toMatchObject({ _id: first._id, alreadySubmitted: false });
    expect(await world.count('proposals')).toBe(before);
    expect(await world.count('auditLog', { targetId: first._id, action: 'submit' })).toBe(1);
    // Another author's draft with the same id is theirs.
    const other = ok<SubmitProposalOutput>(await submit('demo-cadre', draft));
    expect(other._id).not.toBe(first._id);
  });

  it('says an exact repeat from another draft was submitted already, and names the stored one', async () => {
    const first = ok<SubmitProposalOutput>(
      await submit('demo-worker', { ...validProposal, clientDraftId: 'draft-x-0001' }),
    );
    const before = await world.count('proposals');
    const repeat = ok<SubmitProposalOutput>(
      await submit('demo-worker', {
        ...validProposal,
        content: `  ${validProposal.content} `,
        clientDraftId: 'draft-y-0002',
      }),
    );
    expect(repeat).toMatchObject({ _id: first._id, alreadySubmitted: true, mine: true });
    expect(await world.count('proposals')).toBe(before);
  });

  it('refuses a title that is one character repeated', async () => {
    for (const title of ['啊啊啊啊', '1111111', '好 好 好 好！']) {
      const error = failure(await submit('demo-worker', { ...validProposal, title }));
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        fields: [{ path: 'title', message: '标题不能只是同一个字重复，请写清想办的事' }],
      });
    }
    expect(failure(await submit('demo-worker', { ...validProposal, clientDraftId: 'x' })).fields).toEqual([
      { path: 'clientDraftId', message: '草稿编号不对' },
    ]);
  });
});
