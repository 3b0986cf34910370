import {
  AppError,
  lookupGrams,
  proposalAuthorLifecycle,
  statTerms,
  titleKey,
  type EditProposalInput,
  type Proposal,
} from '@shishi/shared-types';
import { startImageChecks, verifyAttachments, type AttachmentDoc } from '../../common/attachments';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { refuse } from '../../common/scope';
import { refuseWhileMerging } from '../merging';
import { authorStateCheck, linkedTo, oldLinks, relink, requireAuthorChange } from '../authorChanges';
import { loadProposal, present } from '../load';
import type { ProposalDoc } from '../model';
import { forgetStats, recordStats } from '../similarity';
import { checkProposal } from './store';

/**
 * 修改建议: the author changes their proposal while it is 已提交. The same checks as 提交建议 (the
 * schema's limits, the content check of changed text, images the author uploaded, an exact repeat of
 * another of their proposals), then the change and its audit entry in one transaction that checks the
 * state again. Changed text is counted again: the old terms leave the window's frequencies and the new
 * ones enter, and the similar links are made again from the new text.
 */
export async function edit(ctx: Ctx, input: EditProposalInput): Promise<Proposal> {
  const p = await loadProposal(ctx, input.proposalId);
  await requireAuthorChange(ctx, p, 'edit');
  const textChanged = p.title !== input.title || p.content !== input.content;
  if (!textChanged && changes(p, input, input.attachments.length) === null) {
    return (await present(ctx, [p]))[0];
  }
  const kept = new Map(p.attachments.map((a) => [a.fileID, a]));
  // Every image is checked as submit checks it (field messages name its place in the list); those already
  // on the proposal then keep their content check, the new ones start theirs.
  const verified = (await verifyAttachments(ctx, input.attachments, ctx.openid)).filter((a) => !kept.has(a.fileID));
  const checked = textChanged
    ? await checkProposal(ctx, {
        text: input,
        authorKey: p.authorKey,
        windowId: p.windowId,
        attachments: verified,
        stored: { _id: p._id, title: p.title, content: p.content },
      })
    : null;
  if (checked?.sameOwn) {
    throw new AppError('CONFLICT', `您已经提交过内容完全相同的建议《${checked.sameOwn.title}》，不用再改成一样的`);
  }
  const fresh = checked ? checked.attachments : await startChecksOf(ctx, verified);
  const byFile = new Map(fresh.map((a) => [a.fileID, a]));
  const attachments: AttachmentDoc[] = input.attachments.map((f) => kept.get(f) ?? byFile.get(f)!);
  const incoming = checked ? await linkedTo(ctx, p._id) : [];
  const newLinks = checked ? checked.similar.ranked.map((r) => r.candidate._id) : [];

  let before: ProposalDoc = p;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('proposals').doc(p._id);
    const current = (await ref.get()).data as ProposalDoc | null;
    if (!current) throw new AppError('CONFLICT', '这条建议不存在了');
    refuse(proposalAuthorLifecycle.stateRefusal('edit', { title: current.title, state: current.status }));
    authorStateCheck({ ...current, mergedFrom: current.mergedFrom ?? [] }, '修改');
    // A merge job holding it (claimed by screening) finishes first: 正在合并，请稍候.
    await refuseWhileMerging(ctx.db, [current]);
    if (current.title !== p.title || current.content !== p.content) {
      throw new AppError('CONFLICT', '这条建议刚刚被修改过，请重新打开再改');
    }
    before = current;
    const moderation = checked ? checked.moderation : current.moderation;
    const data: Record<string, unknown> = {
      title: input.title,
      titleKey: titleKey(input.title),
      content: input.content,
      category: input.category,
      targetGroup: input.targetGroup,
      attachments,
      moderation,
      needsReview: moderation === 'review' || attachments.some((a) => a.moderation === 'review'),
      updatedAt: ctx.now,
    };
    if (checked) {
      const old = oldLinks(current.similarIds ?? [], incoming, p._id);
      data.grams = lookupGrams(input);
      data.similarIds = newLinks;
      data.similarCount = Math.max(0, (current.similarCount ?? 0) - old.size + newLinks.length);
    }
    await ref.update({ data });
    await audit(ctx, t, [
      {
        action: 'edit',
        targetType: 'proposal',
        targetId: p._id,
        from: current.status,
        to: current.status,
        note: changes(current, input, attachments.length) ?? '没有改动',
      },
    ]);
  });
  if (checked) {
    // Counted as submit counts (outside the transaction: CloudBase transactions take single documents).
    const oldTerms = new Set(statTerms(before));
    const newTerms = new Set(statTerms(input));
    await Promise.all([
      forgetStats(
        ctx,
        p.windowId,
        [...oldTerms].filter((t) => !newTerms.has(t)),
      ),
      recordStats(
        ctx,
        p.windowId,
        [...newTerms].filter((t) => !oldTerms.has(t)),
        checked.similar.stats.known,
        { countDoc: false },
      ),
      relink(ctx, p._id, oldLinks(before.similarIds ?? [], incoming, p._id), incoming, newLinks),
    ]);
  }
  return (await present(ctx, [await loadProposal(ctx, p._id)]))[0];
}

async function startChecksOf(ctx: Ctx, docs: AttachmentDoc[]): Promise<AttachmentDoc[]> {
  return docs.length === 0 ? [] : startImageChecks(ctx, docs);
}

/** What the entry says changed (修改了标题、内容…), or null when nothing did. */
function changes(before: ProposalDoc, after: EditProposalInput, images: number): string | null {
  const what: string[] = [];
  if (before.title !== after.title) what.push('标题');
  if (before.content !== after.content) what.push('内容');
  if (before.category !== after.category) what.push('类别');
  if (before.targetGroup !== after.targetGroup) what.push('服务对象');
  const had = (before.attachments ?? []).map((a) => a.fileID).join('\n');
  if (had !== after.attachments.join('\n')) what.push(`图片（现在 ${images} 张）`);
  return what.length > 0 ? `修改了${what.join('、')}` : null;
}
