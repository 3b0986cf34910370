/**
 * Issue 12, "a worker can follow what happens": supporters are told of an adoption as authors are; a
 * rejection in content review needs a reason, which the author is told.
 */
import type { DecideOutput, Proposal, SubmitProposalOutput } from '@shishi/shared-types';
import { failure, ok, openWorld, validProposal, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(async () => {
  await world.close();
});

describe('supporters follow an adoption', () => {
  it('tells each supporter once, not the author twice', async () => {
    ok(await world.call('demo-cadre', 'proposal', 'support', { proposalId: 'seed-p1' }));
    ok(await world.call('demo-newcomer', 'profile', 'bind', { name: '马晓燕', orgId: 'gr-zs-sanitation' }));
    ok(await world.call('demo-newcomer', 'proposal', 'support', { proposalId: 'seed-p1' }));
    ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p1',
        kind: 'adopt',
        confirmUnscored: true,
      }),
    );
    for (const who of ['demo-cadre', 'demo-newcomer']) {
      expect(await world.count('messages', { openid: who, proposalId: 'seed-p1', title: '您附议的建议已被采纳' })).toBe(
        1,
      );
    }
    expect(await world.count('messages', { openid: 'demo-worker', title: '您附议的建议已被采纳' })).toBe(0);
  });
});

describe('content review', () => {
  it('refuses a rejection without a reason; the author is told the reason given', async () => {
    const flagged = ok<SubmitProposalOutput>(
      await world.call('demo-worker', 'proposal', 'submit', {
        ...validProposal,
        title: '建议组织职工活动',
        content: '建议在活动中心开设棋牌室，可以小赌博一下增加乐趣。',
      }),
    );
    expect(flagged.moderation).toBe('review');
    const bare = failure(
      await world.call('demo-district', 'proposal', 'moderate', { proposalId: flagged._id, verdict: 'reject' }),
    );
    expect(bare).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'note', message: '不通过要写明原因（至少 4 个字），会告诉提建议的职工' }],
    });
    const rejected = ok<Proposal>(
      await world.call('demo-district', 'proposal', 'moderate', {
        proposalId: flagged._id,
        verdict: 'reject',
        note: '涉及赌博，请改写',
      }),
    );
    expect(rejected.moderation).toBe('rejected');
    expect(
      await world.count('messages', { openid: 'demo-worker', proposalId: flagged._id, kind: 'proposalModerated' }),
    ).toBe(1);
  });
});
