import {
  AppError,
  proposalAuthorLifecycle,
  statTerms,
  type Proposal,
  type ProposalIdInput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { notify } from '../../common/notify';
import { refuse } from '../../common/scope';
import { refuseWhileMerging } from '../merging';
import { authorStateCheck, linkedTo, oldLinks, relink, requireAuthorChange } from '../authorChanges';
import { loadProposal, present } from '../load';
import type { ProposalDoc } from '../model';
import { forgetStats } from '../similarity';

/**
 * 撤回建议: the author takes back their proposal while it is 已提交. The record stays (已撤回, with
 * its trail); it leaves the public list, screening, the review queue and similar lookups; the window's
 * term frequencies and the similar links no longer count it; its supporters are told.
 */
export async function withdraw(ctx: Ctx, input: ProposalIdInput): Promise<Proposal> {
  const p = await loadProposal(ctx, input.proposalId);
  await requireAuthorChange(ctx, p, 'withdraw');
  const incoming = await linkedTo(ctx, p._id);
  let before: ProposalDoc = p;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('proposals').doc(p._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current) throw new AppError('CONFLICT', '这条建议不存在了');
    refuse(proposalAuthorLifecycle.stateRefusal('withdraw', { title: current.title, state: current.status }));
    authorStateCheck({ ...current, mergedFrom: current.mergedFrom ?? [] }, '撤回');
    // A merge job holding it (claimed by screening) finishes first: 正在合并，请稍候.
    await refuseWhileMerging(ctx.db, [current]);
    before = current;
    await ref.update({
      data: {
        status: 'withdrawn',
        withdrawnAt: ctx.now,
        needsReview: false,
        similarIds: [],
        similarCount: 0,
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      { action: 'withdraw', targetType: 'proposal', targetId: p._id, from: current.status, to: 'withdrawn' },
    ]);
  });
  const [supports] = await Promise.all([
    ctx.db.collection('supports').where({ proposalId: p._id }).field({ openid: true }).limit(1000).get() as Promise<{
      data: Array<{ openid: string }>;
    }>,
    forgetStats(ctx, p.windowId, statTerms(before), { countDoc: true }),
    relink(ctx, p._id, oldLinks(before.similarIds ?? [], incoming, p._id), incoming, []),
  ]);
  await notify(
    ctx,
    supports.data.map((s) => s.openid).filter((o) => o !== ctx.openid),
    {
      kind: 'proposalWithdrawn',
      title: '您附议的建议已撤回',
      body: `您附议的建议《${before.title}》已由提建议的职工撤回，不再参加筛选。征集期内您可以附议相似的建议，或者自己提建议。`,
      proposalId: p._id,
      projectId: null,
    },
  );
  return (await present(ctx, [await loadProposal(ctx, p._id)]))[0];
}
