import { findOpenWindow, type SubmitProposalInput, type SubmitProposalOutput } from '@shishi/shared-types';
import { verifyAttachments } from '../../common/attachments';
import type { Ctx, ProfileJoin } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import { withYearlyWindow } from '../../collectWindow/yearly';
import { present } from '../load';
import { requireOpenWindow, storeProposal } from './store';

/** The windows of every org above the caller, joined onto their profile: one round trip. */
export const submitJoins: readonly ProfileJoin[] = [
  { from: 'collectWindows', localField: 'orgPath', foreignField: 'orgId', as: 'windows' },
];

/**
 * 提交建议: in an open collection window, with images the caller uploaded, checked for content, stored
 * once. A repeat of the same draft (`clientDraftId`) returns the proposal stored the first time; the same
 * text as one of the author's stored proposals returns that one with `alreadySubmitted`.
 */
export async function submit(ctx: Ctx, input: SubmitProposalInput): Promise<SubmitProposalOutput> {
  const user = await ctx.profile();
  let windows = (user.joined?.windows ?? []) as WindowDoc[];
  // Outside every window: the city's yearly one is stored first if missing, so the refusal can name it.
  if (!findOpenWindow(windows, user.orgPath, ctx.now))
    windows = await withYearlyWindow(ctx.db, user.orgPath, windows, ctx.now);
  const window = requireOpenWindow(windows, user.orgPath, ctx.now);
  const attachments = await verifyAttachments(ctx, input.attachments, ctx.openid);
  const { doc, alreadySubmitted } = await storeProposal(ctx, {
    input,
    author: { openid: ctx.openid, key: ctx.openid, name: user.name },
    org: { _id: user.orgId, name: user.orgName, path: user.orgPath },
    window,
    channel: 'online',
    offline: null,
    attachments,
    action: 'submit',
  });
  return { ...(await present(ctx, [doc], { fresh: !alreadySubmitted }))[0], alreadySubmitted };
}
