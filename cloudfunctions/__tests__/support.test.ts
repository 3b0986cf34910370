/** proposal.similar / support / unsupport through wx-server-sdk on the local runtime. */
import type { Proposal, SimilarOutput, SupportOutput } from '@shishi/shared-types';
import type { ProposalDoc } from '../proposal/model';
import { FEB, failure, ok, validProposal, worldPerTest } from './world';

const world = worldPerTest();

const similar = (openid: string, data: unknown) => world.call(openid, 'proposal', 'similar', data);
const support = (openid: string, proposalId: string) => world.call(openid, 'proposal', 'support', { proposalId });
const unsupport = (openid: string, proposalId: string) => world.call(openid, 'proposal', 'unsupport', { proposalId });

/** supportCount and backerCount as a full recompute from the supports gives them. */
async function recomputed(id: string) {
  const supports = await world.count('supports', { proposalId: id });
  return { supportCount: supports, backerCount: 1 + supports };
}

describe('proposal.similar', () => {
  it('finds the near-duplicates of what is typed, best first, at most 5, in the open window', async () => {
    const out = ok<SimilarOutput>(
      await similar('demo-worker', {
        title: '环卫工人冬天休息的爱心驿站',
        content: '冬天环卫工人喝不上热水，希望设驿站',
      }),
    );
    expect(out.windowId).toBe('win-dl-2026');
    expect(out.items.length).toBeGreaterThan(0);
    expect(out.items.length).toBeLessThanOrEqual(5);
    expect(
      out.items
        .slice(0, 3)
        .map((i) => i._id)
        .sort(),
    ).toEqual(['seed-p1', 'seed-p8', 'seed-p9']);
    const scores = out.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const p1 = out.items.find((i) => i._id === 'seed-p1')!;
    expect(p1).toMatchObject({ mine: true, supportedByMe: false, title: '为户外环卫工人增设爱心驿站' });
    const p8 = out.items.find((i) => i._id === 'seed-p8')!;
    expect(p8).toMatchObject({ supportCount: 2, backerCount: 3, mine: false });
  });

  it('honours limit and excludeId, and returns nothing for text without terms', async () => {
    const two = ok<SimilarOutput>(await similar('demo-worker', { title: '环卫工人爱心驿站', limit: 2 }));
    expect(two.items).toHaveLength(2);
    const without = ok<SimilarOutput>(
      await similar('demo-worker', { title: '环卫工人爱心驿站', excludeId: 'seed-p1' }),
    );
    expect(without.items.map((i) => i._id)).not.toContain('seed-p1');
    expect(ok<SimilarOutput>(await similar('demo-worker', { title: '！！？' })).items).toEqual([]);
    expect(ok<SimilarOutput>(await similar('demo-worker', {})).items).toEqual([]);
  });

  it('does not show other workers what waits for review, nor merged proposals', async () => {
    const held = ok<Proposal>(
      await world.call('demo-cadre', 'proposal', 'submit', {
        ...validProposal,
        title: '公交司机终点站如厕',
        content: '终点站没有厕所，建议设置移动厕所，有意者加微信联系。',
      }),
    );
    expect(held.moderation).toBe('review');
    const worker = ok<SimilarOutput>(await similar('demo-worker', { title: '公交司机终点站如厕难' }));
    expect(worker.items.map((i) => i._id)).not.toContain(held._id);
    const author = ok<SimilarOutput>(await similar('demo-cadre', { title: '公交司机终点站如厕难' }));
    expect(author.items.map((i) => i._id)).toContain(held._id);
  });

  it('is empty outside a collection window', async () => {
    world.setNow(FEB);
    expect(ok<SimilarOutput>(await similar('demo-worker', { title: '环卫工人爱心驿站' }))).toEqual({
      items: [],
      windowId: null,
    });
  });

  it('refuses input that is too long', async () => {
    const error = failure(await similar('demo-worker', { title: '长'.repeat(41) }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'title', message: '建议标题最多 40 个字' }],
    });
  });
});

describe('proposal.support / unsupport', () => {
  it('counts a support once, shows it as mine, and agrees with a recompute', async () => {
    const out = ok<SupportOutput>(await support('demo-worker', 'seed-p2'));
    expect(out).toEqual({ proposalId: 'seed-p2', supportedByMe: true, supportCount: 1, backerCount: 2 });
    const again = ok<SupportOutput>(await support('demo-worker', 'seed-p2'));
    expect(again).toEqual(out);
    expect(await world.count('supports', { proposalId: 'seed-p2' })).toBe(1);
    const stored = await world.doc<ProposalDoc>('proposals', 'seed-p2');
    expect({ supportCount: stored!.supportCount, backerCount: stored!.backerCount }).toEqual(
      await recomputed('seed-p2'),
    );
    const got = ok<{ proposal: Proposal }>(
      await world.call('demo-worker', 'proposal', 'get', { proposalId: 'seed-p2' }),
    );
    expect(got.proposal).toMatchObject({ supportedByMe: true, supportCount: 1, backerCount: 2 });
    expect(await world.count('auditLog', { targetId: 'seed-p2', action: 'support' })).toBe(1);
  });

  it('stores one support for 10 concurrent repeats', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => support('demo-worker', 'seed-p3')));
    for (const r of replies) expect(ok<SupportOutput>(r).supportedByMe).toBe(true);
    expect(await world.count('supports', { proposalId: 'seed-p3' })).toBe(1);
    const stored = await world.doc<ProposalDoc>('proposals', 'seed-p3');
    expect(stored).toMatchObject({ supportCount: 1, backerCount: 2 });
  });

  it('counts concurrent supports of different people, each once', async () => {
    const people = ['demo-worker', 'demo-cadre', 'demo-district', 'demo-research', 'demo-admin', 'demo-leader'];
    await Promise.all(people.map((p) => support(p, 'seed-p6')));
    const stored = await world.doc<ProposalDoc>('proposals', 'seed-p6');
    expect(stored).toMatchObject({ supportCount: 6, backerCount: 7 });
    expect({ supportCount: stored!.supportCount, backerCount: stored!.backerCount }).toEqual(
      await recomputed('seed-p6'),
    );
  });

  it('withdraws once: repeats and concurrent withdrawals count down once', async () => {
    ok(await support('demo-worker', 'seed-p8'));
    expect((await world.doc<ProposalDoc>('proposals', 'seed-p8'))!.supportCount).toBe(3);
    const replies = await Promise.all(Array.from({ length: 5 }, () => unsupport('demo-worker', 'seed-p8')));
    // Each reply says the support is gone; the count went down once.
    for (const r of replies) expect(ok<SupportOutput>(r).supportedByMe).toBe(false);
    const stored = await world.doc<ProposalDoc>('proposals', 'seed-p8');
    expect(stored).toMatchObject({ supportCount: 2, backerCount: 3 });
    expect({ supportCount: stored!.supportCount, backerCount: stored!.backerCount }).toEqual(
      await recomputed('seed-p8'),
    );
    expect(ok<SupportOutput>(await unsupport('demo-cadre', 'seed-p8'))).toMatchObject({ supportedByMe: false });
  });

  it('refuses supporting one’s own proposal, an unknown one, one held for review, and outside the window', async () => {
    const own = failure(await support('demo-worker', 'seed-p1'));
    expect(own).toMatchObject({ code: 'INVALID_INPUT', message: '不能附议自己的建议' });
    expect(failure(await support('demo-worker', 'nope')).code).toBe('INVALID_INPUT');
    expect(failure(await world.call('demo-worker', 'proposal', 'support', {})).fields).toEqual([
      { path: 'proposalId', message: '缺少编号' },
    ]);
    const held = ok<Proposal>(
      await world.call('demo-cadre', 'proposal', 'submit', {
        ...validProposal,
        content: '建议在活动中心开设棋牌室，可以小赌博一下增加乐趣。',
      }),
    );
    expect(failure(await support('demo-worker', held._id))).toMatchObject({ code: 'CONFLICT' });
    world.setNow(FEB);
    const closed = failure(await support('demo-worker', 'seed-p2'));
    expect(closed.code).toBe('WINDOW_CLOSED');
    expect(await world.count('supports', { proposalId: 'seed-p2' })).toBe(0);
  });

  it('needs a profile', async () => {
    expect(failure(await support('demo-newcomer', 'seed-p2')).code).toBe('PROFILE_REQUIRED');
  });
});
