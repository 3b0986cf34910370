import type { Proposal, SubmitProposalInput } from '@shishi/shared-types';
import { verifyAttachments } from '../../common/attachments';
import type { Ctx, ProfileJoin } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import { present } from '../load';
import { requireOpenWindow, storeProposal } from './store';

/** The windows of every org above the caller, joined onto their profile: one round trip. */
export const submitJoins: readonly ProfileJoin[] = [
  { from: 'collectWindows', localField: 'orgPath', foreignField: 'orgId', as: 'windows' },
];

/**
 * 提交建议: in an open collection window, with images the caller uploaded, checked for content, stored
 * once. A repeat of the same title by the same author in the same window returns the stored proposal.
 */
export async function submit(ctx: Ctx, input: SubmitProposalInput): Promise<Proposal> {
  const user = await ctx.profile();
  const window = requireOpenWindow((user.joined?.windows ?? []) as WindowDoc[], user.orgPath, ctx.now);
  const attachments = await verifyAttachments(ctx, input.attachments, ctx.openid);
  const doc = await storeProposal(ctx, {
    input,
    author: { openid: ctx.openid, key: ctx.openid, name: user.name },
    org: { _id: user.orgId, name: user.orgName, path: user.orgPath },
    window,
    channel: 'online',
    offline: null,
    attachments,
    action: 'submit',
  });
  return (await present(ctx, [doc], { fresh: true }))[0];
}
