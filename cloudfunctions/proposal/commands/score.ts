import { AppError, proposalLifecycle, type Proposal, type ScoreInput } from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { refuse, requireTransition } from '../../common/scope';
import { loadProposal, present } from '../load';
import type { ProposalDoc, ScoresDoc } from '../model';

/**
 * 评分: staff rate 需求最迫切 and 最具备办结条件 (1–5); 意愿最集中 is counted, never typed. Scoring puts a
 * submitted proposal under review (审核中); a decided one is not scored again.
 */
export async function score(ctx: Ctx, input: ScoreInput): Promise<Proposal> {
  const user = await ctx.profile();
  const p = await loadProposal(ctx, input.proposalId);
  await requireTransition(ctx, proposalLifecycle, 'score', { title: p.title, state: p.status }, p);
  const scores: ScoresDoc = {
    urgency: input.urgency,
    urgencyEvidence: input.urgencyEvidence || null,
    feasibility: input.feasibility,
    feasibilityNote: input.feasibilityNote,
    scoredAt: ctx.now,
    scoredBy: ctx.openid,
    scoredByName: user.name,
  };
  const to = proposalLifecycle.transitions.score.to;
  let from = p.status;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const ref = t.collection('proposals').doc(p._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current) throw new AppError('CONFLICT', '这条建议不存在了');
    refuse(proposalLifecycle.stateRefusal('score', { title: current.title, state: current.status }));
    from = current!.status;
    await ref.update({
      data: {
        scores: _.set(scores),
        status: to,
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      {
        action: 'score',
        targetType: 'proposal',
        targetId: p._id,
        from,
        to,
        note: `需求迫切度 ${input.urgency} 分${input.urgencyEvidence ? `（依据：${input.urgencyEvidence}）` : ''}；办结条件 ${input.feasibility} 分：${input.feasibilityNote}`,
      },
    ]);
  });
  return (await present(ctx, [await loadProposal(ctx, p._id)]))[0];
}
