import { AppError, type ModerateInput, type PageInput, type Proposal, type ProposalPage } from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { loadProposal, present } from '../load';
import { withDefaults, type ProposalDoc } from '../model';
import { proposalPage } from './list';
import { notifyAuthors } from './merge';

/**
 * 内容审核队列: proposals of the staff member's subtree whose text or images the content check held
 * (or could not check), oldest first.
 */
export async function reviewQueue(ctx: Ctx, input: PageInput): Promise<ProposalPage> {
  const user = await ctx.profile();
  return proposalPage(ctx, { needsReview: true, orgPath: user.orgId }, input, 'asc');
}

/**
 * 人工审核: `pass` lets everyone see what was held (text and images); `reject` keeps it to the author
 * and staff. Only what was held changes; the author is told of a rejection.
 */
export async function moderate(ctx: Ctx, input: ModerateInput): Promise<Proposal> {
  const p = await loadProposal(ctx, input.proposalId);
  await ctx.authorize(p, '这条建议');
  let before = p.moderation;
  let after = p.moderation;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('proposals').doc(p._id);
    const current = withDefaults((await ref.get()).data as ProposalDoc);
    if (!current.needsReview) throw new AppError('CONFLICT', `《${p.title}》已经审核过了，不需要再审核`);
    const verdict = input.verdict === 'pass' ? 'pass' : 'rejected';
    before = current.moderation;
    after = current.moderation === 'review' ? verdict : current.moderation;
    await ref.update({
      data: {
        moderation: after,
        attachments: current.attachments.map((a) =>
          a.moderation === 'review' || a.moderation === 'pending' ? { ...a, moderation: verdict } : a,
        ),
        needsReview: false,
        updatedAt: ctx.now,
      },
    });
    const held = p.attachments.filter((a) => a.moderation !== 'pass').length;
    await audit(ctx, t, [
      {
        action: 'moderate',
        targetType: 'proposal',
        targetId: p._id,
        from: before,
        to: after,
        note: [
          input.verdict === 'pass' ? '审核通过' : '审核不通过',
          held ? `（含 ${held} 张图片）` : '',
          input.note ? `：${input.note}` : '',
        ].join(''),
      },
    ]);
  });
  if (input.verdict === 'reject') {
    await notifyAuthors(ctx, [p], (d) => ({
      kind: 'proposalModerated',
      title: '您的建议未通过内容审核',
      body: `您的建议《${d.title}》${before === 'review' ? '' : '中的图片'}未通过内容审核，只有您和工会工作人员能看到。${input.note ? `说明：${input.note}` : ''}`,
      proposalId: d._id,
      projectId: null,
    }));
  }
  return (await present(ctx, [await loadProposal(ctx, p._id)]))[0];
}
