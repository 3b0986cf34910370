import {
  AppError,
  auditActionLabels,
  proposalTimeline,
  type AuditEntry,
  type GetProposalOutput,
  type ProposalIdInput,
} from '@shishi/shared-types';
import type { AuditDoc } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { evidenceFor } from '../../common/evidence';
import { iso } from '../../common/serialize';
import { findWindow } from '../../common/windows';
import { loadProposal, present, viewContext } from '../load';
import { isMine, staffInScope, viewerMaySee } from '../view';

/** One proposal; its trail (auditLog) for its author and staff in scope. */
export async function get(ctx: Ctx, input: ProposalIdInput): Promise<GetProposalOutput> {
  const doc = await loadProposal(ctx, input.proposalId);
  const view = await viewContext(ctx, [doc]);
  if (!viewerMaySee(doc, view)) throw new AppError('FORBIDDEN', '这条建议还在审核中，暂时不能查看');
  const [proposal] = await present(ctx, [doc], { windows: view.windows });
  const staff = staffInScope(doc, view.viewer);
  const traced = isMine(doc, view) || staff;
  const mine = isMine(doc, view);
  const [history, evidence, window] = await Promise.all([
    traced ? trail(ctx, doc._id) : [],
    staff ? evidenceFor(ctx, 'proposal', doc._id) : [],
    mine ? findWindow(ctx, doc.windowId) : null,
  ]);
  const timeline = mine
    ? proposalTimeline(
        {
          status: doc.status,
          moderation: doc.moderation,
          createdAt: doc.createdAt,
          withdrawnAt: doc.withdrawnAt ?? null,
          decision: doc.decision,
          mergedInto: doc.mergedInto,
          project: proposal.project,
          hasMergedFrom: doc.mergedFrom.length > 0,
          supportCount: doc.supportCount,
          window,
        },
        ctx.now,
      )
    : null;
  return { proposal, history, evidence, timeline };
}

/** The audit entries of a record, oldest first. */
export async function trail(ctx: Ctx, targetId: string): Promise<AuditEntry[]> {
  const res = await ctx.db.collection('auditLog').where({ targetId }).orderBy('at', 'asc').limit(1000).get();
  return (res.data as AuditDoc[]).map((a) => ({
    at: iso(a.at),
    actorName: a.actorName,
    action: auditActionLabels[a.action] ?? a.action,
    from: a.from,
    to: a.to,
    note: a.note,
  }));
}
