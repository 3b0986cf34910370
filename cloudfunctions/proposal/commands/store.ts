/** What online submission and offline entry share: check, find similar, store once, count, trace. */
import { createHash } from 'node:crypto';
import {
  AppError,
  findOpenWindow,
  formatDateTime,
  isSameText,
  lookupGrams,
  moderationFromCheck,
  moderationText,
  nextOpening,
  SIMILAR_THRESHOLD,
  statTerms,
  titleKey,
  type ModerationState,
  type SubmitProposalInput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { startImageChecks, type AttachmentDoc } from '../../common/attachments';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import { withDefaults, type OfflineDoc, type ProposalDoc } from '../model';
import { applyEarlyVerdicts } from '../mediaCheck';
import { recordStats, similarInWindow, type SimilarResult } from '../similarity';

/** Similar proposals found at submit whose similarCount is raised (the cluster both belong to). */
const MAX_SIMILAR_LINKS = 10;

/**
 * The open window for a member of the org at `orgPath`, or WINDOW_CLOSED saying when the next scheduled
 * one opens — and no date when none is scheduled.
 */
export function requireOpenWindow(windows: readonly WindowDoc[], orgPath: readonly string[], now: Date): WindowDoc {
  const window = findOpenWindow(windows, orgPath, now);
  if (window) return window;
  const next = nextOpening(windows, orgPath, now);
  throw new AppError(
    'WINDOW_CLOSED',
    next
      ? `现在不在建议征集期内，下次征集从 ${formatDateTime(next).slice(0, 10)} 开始`
      : '现在不在建议征集期内，下一次征集的时间还没有排定；排定后首页会显示',
  );
}

export interface NewProposal {
  input: SubmitProposalInput;
  author: { openid: string | null; key: string; name: string };
  org: { _id: string; name: string; path: string[] };
  window: WindowDoc;
  channel: 'online' | 'offline';
  offline: OfflineDoc | null;
  attachments: AttachmentDoc[];
  action: 'submit' | 'submitOffline';
}

/**
 * The id of a proposal sent from a draft: the same author and draft give the same id, so a repeat of one
 * submission (double tap, retry, also concurrent) runs into the stored one; another draft is another id.
 */
export function draftProposalId(authorKey: string, clientDraftId: string): string {
  return createHash('sha256').update(`${authorKey}\n${clientDraftId}`).digest('hex').slice(0, 32);
}

/** A proposal stored, and whether it was there before this submit (an exact repeat from another draft). */
export interface Stored {
  doc: ProposalDoc;
  alreadySubmitted: boolean;
}

/**
 * Stores a proposal once. A repeat of one submission (same author and `clientDraftId`, also concurrent)
 * returns the stored one and changes nothing; so does a proposal that says exactly what one of the
 * author's open proposals of the window says (`alreadySubmitted`). Anything else is a new proposal, also
 * one with a title used before. Text is checked (msgSecCheck v2), images start their check, similar
 * proposals of the window are found and linked, the window's term counts are updated, and the
 * submission is audit-logged.
 */
export async function storeProposal(ctx: Ctx, p: NewProposal): Promise<Stored> {
  const draftId = p.input.clientDraftId ? draftProposalId(p.author.key, p.input.clientDraftId) : null;
  const { moderation, attachments, similar, sameOwn } = await checkProposal(ctx, {
    text: p.input,
    authorKey: p.author.key,
    windowId: p.window._id,
    attachments: p.attachments,
  });
  if (sameOwn) return { doc: sameOwn, alreadySubmitted: sameOwn._id !== draftId };
  const similarIds = similar.ranked.map((r) => r.candidate._id);
  const doc: Omit<ProposalDoc, '_id'> = {
    title: p.input.title,
    titleKey: titleKey(p.input.title),
    content: p.input.content,
    category: p.input.category,
    targetGroup: p.input.targetGroup,
    status: 'submitted',
    moderation,
    authorOpenid: p.author.openid,
    authorKey: p.author.key,
    authorName: p.author.name,
    orgId: p.org._id,
    orgName: p.org.name,
    orgPath: p.org.path,
    windowId: p.window._id,
    year: p.window.year,
    channel: p.channel,
    supportCount: 0,
    backerCount: 1,
    similarCount: similarIds.length,
    similarIds,
    grams: lookupGrams(p.input),
    attachments,
    needsReview: moderation === 'review' || attachments.some((a) => a.moderation === 'review'),
    mergedInto: null,
    mergedFrom: [],
    decision: null,
    scores: null,
    offline: p.offline,
    clientDraftId: p.input.clientDraftId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  let id: string;
  try {
    id = (await ctx.db.collection('proposals').add({ data: draftId ? { ...doc, _id: draftId } : doc }))._id as string;
  } catch (e) {
    if (!draftId || !isDuplicateKey(e)) throw e;
    // This draft was stored by an earlier (or concurrent) send of the same submission.
    const existing = await ctx.db.collection('proposals').where({ _id: draftId }).limit(1).get();
    const found = existing.data[0] as ProposalDoc | undefined;
    if (!found) throw new AppError('CONFLICT', '提交冲突，请稍后再试');
    return { doc: withDefaults(found), alreadySubmitted: false };
  }
  const _ = ctx.db.command;
  const terms = statTerms(p.input);
  const [stored] = await Promise.all([
    applyEarlyVerdicts(ctx.db, { ...doc, _id: id }, ctx.now),
    recordStats(ctx, p.window._id, terms, similar.stats.known),
    // The proposals it is similar to: one request for all of them (one `_.inc` each, whatever their number).
    similarIds.length > 0
      ? ctx.db
          .collection('proposals')
          .where({ _id: _.in(similarIds) })
          .update({ data: { similarCount: _.inc(1) } })
      : null,
    // Not in a transaction with the insert: a submission is measured at ≤ 7 requests (proposal.test.ts,
    // BENCHMARKS.md) and a transaction adds its start and commit. The insert is what a repeat runs into
    // (unique index), so the entry is written once, right after, in the same round of writes.
    audit(ctx, ctx.db, [
      {
        action: p.action,
        targetType: 'proposal',
        targetId: id,
        from: null,
        to: 'submitted',
        note: p.offline ? `线下代录：${p.offline.workerName}` : null,
      },
    ]),
  ]);
  return { doc: stored, alreadySubmitted: false };
}

/** What submitting (and editing) a proposal's text and images checks, before anything is written. */
export interface Checked {
  /** The text check's verdict (msgSecCheck v2). */
  moderation: ModerationState;
  /** The images given, with their check started. */
  attachments: AttachmentDoc[];
  /** The most similar proposals of the window (up to MAX_SIMILAR_LINKS) and its term frequencies. */
  similar: SimilarResult;
  /** One of the author's open proposals of the window that says exactly the same, if any. */
  sameOwn: ProposalDoc | null;
}

/**
 * The checks of 提交建议, shared by 修改建议: content check of the text, image checks, the similar
 * proposals of the window, and an exact repeat of one of the author's own proposals. An edit names its
 * proposal (`stored`): it is left out of the similar ones and of the repeats, and its own counts are
 * taken out of the frequencies.
 */
export async function checkProposal(
  ctx: Ctx,
  p: {
    text: { title: string; content: string };
    authorKey: string;
    windowId: string;
    attachments: AttachmentDoc[];
    stored?: { _id: string; title: string; content: string };
  },
): Promise<Checked> {
  const exclude = p.stored ? new Set([p.stored._id]) : undefined;
  const [moderation, attachments, similar] = await Promise.all([
    checkText(ctx, moderationText(p.text)),
    startImageChecks(ctx, p.attachments),
    similarInWindow(ctx, p.windowId, p.text, {
      limit: MAX_SIMILAR_LINKS,
      minScore: SIMILAR_THRESHOLD,
      exclude,
      stored: p.stored,
    }),
  ]);
  // The same text stored before: only then one more read, to see whether it is the author's own.
  const sameOwn = similar.ranked.some((r) => isSameText(r.candidate, p.text))
    ? await ownSameText(ctx, p.authorKey, p.windowId, p.text, p.stored?._id)
    : null;
  return { moderation, attachments, similar, sameOwn };
}

/** The author's open (not withdrawn or merged) proposal of the window with the same text, if any. */
async function ownSameText(
  ctx: Ctx,
  authorKey: string,
  windowId: string,
  text: { title: string; content: string },
  excludeId?: string,
): Promise<ProposalDoc | null> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('proposals')
    .where({
      authorKey,
      windowId,
      titleKey: titleKey(text.title),
      status: _.nin(['merged', 'withdrawn']),
    })
    .limit(20)
    .get();
  const found = (res.data as ProposalDoc[]).find((d) => d._id !== excludeId && isSameText(d, text));
  return found ? withDefaults(found) : null;
}

/** Content security (DESIGN.md §5): anything not clearly fine waits for a person. */
async function checkText(ctx: Ctx, content: string) {
  try {
    const res = await ctx.cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 3, openid: ctx.openid });
    return moderationFromCheck(res.result?.suggest);
  } catch (e) {
    console.warn('[proposal] msgSecCheck failed; the proposal waits for review', e);
    return moderationFromCheck(undefined);
  }
}
