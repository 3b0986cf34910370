import {
  AppError,
  findOpenWindow,
  moderationFromCheck,
  moderationText,
  nextOpening,
  titleKey,
  formatDateTime,
  type Proposal,
  type SubmitProposalInput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import type { Ctx, ProfileJoin } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import type { ProposalDoc } from '../model';
import { toProposal } from '../view';

/** The windows of every org above the caller, joined onto their profile: one round trip. */
export const submitJoins: readonly ProfileJoin[] = [
  { from: 'collectWindows', localField: 'orgPath', foreignField: 'orgId', as: 'windows' },
];

/**
 * 提交建议: in an open collection window, checked for content, stored once. A repeat of the same title
 * by the same author in the same window returns the proposal already stored (unique index).
 */
export async function submit(ctx: Ctx, input: SubmitProposalInput): Promise<Proposal> {
  const user = await ctx.profile();
  const windows = (user.joined?.windows ?? []) as WindowDoc[];
  const window = findOpenWindow(windows, user.orgPath, ctx.now);
  if (!window) {
    const next = nextOpening(windows, user.orgPath, ctx.now);
    throw new AppError('WINDOW_CLOSED', `现在不在建议征集期内，下次征集从 ${formatDateTime(next).slice(0, 10)} 开始`);
  }
  const moderation = await checkContent(ctx, moderationText(input));
  const doc: Omit<ProposalDoc, '_id'> = {
    title: input.title,
    titleKey: titleKey(input.title),
    content: input.content,
    category: input.category,
    targetGroup: input.targetGroup,
    status: 'submitted',
    moderation,
    authorOpenid: ctx.openid,
    authorName: user.name,
    orgId: user.orgId,
    orgName: user.orgName,
    orgPath: user.orgPath,
    windowId: window._id,
    year: window.year,
    channel: 'online',
    supportCount: 0,
    history: [{ at: ctx.now, actor: ctx.openid, action: 'submit', from: null, to: 'submitted' }],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const viewer = { openid: ctx.openid, role: user.role, orgId: user.orgId };
  try {
    const res = await ctx.db.collection('proposals').add({ data: doc });
    return toProposal({ ...doc, _id: res._id as string }, viewer);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const existing = await ctx.db
      .collection('proposals')
      .where({ authorOpenid: ctx.openid, windowId: window._id, titleKey: doc.titleKey })
      .limit(1)
      .get();
    const found = existing.data[0] as ProposalDoc | undefined;
    if (!found) throw new AppError('CONFLICT', '提交冲突，请稍后再试');
    return toProposal(found, viewer);
  }
}

/** Content security (DESIGN.md §5): anything not clearly fine waits for a person. */
async function checkContent(ctx: Ctx, content: string) {
  try {
    const res = await ctx.cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 3, openid: ctx.openid });
    return moderationFromCheck(res.result?.suggest);
  } catch (e) {
    console.warn('[proposal] msgSecCheck failed; the proposal waits for review', e);
    return moderationFromCheck(undefined);
  }
}
