import { AppError, isStaff, offlineAuthorKey, type Proposal, type SubmitOfflineInput } from '@shishi/shared-types';
import { verifyAttachments } from '../../common/attachments';
import type { Ctx } from '../../common/context';
import { requireOrg } from '../../common/orgs';
import { authorizeOrg } from '../../common/scope';
import type { WindowDoc } from '../../common/windows';
import { present } from '../load';
import { requireOpenWindow, storeProposal } from './store';

/**
 * 线下代录: a cadre enters a worker's paper or on-site proposal for their own union (staff: for a
 * grassroots union of their subtree), with a photo of the paper form. The record says who entered it and
 * that it was offline; the worker sees it in 我的建议 once their profile (name and union) matches.
 */
export async function submitOffline(ctx: Ctx, input: SubmitOfflineInput): Promise<Proposal> {
  const user = await ctx.profile();
  const orgId = input.orgId ?? user.orgId;
  if (!isStaff(user.role) && orgId !== user.orgId) {
    throw new AppError('FORBIDDEN', '只能为本基层工会的职工代录建议', [{ path: 'orgId', message: '只能选本基层工会' }]);
  }
  const org = await requireOrg(ctx.db, orgId);
  await authorizeOrg(ctx, { orgPath: org.path }, { what: org.name });
  if (org.type !== 'grassroots') {
    throw new AppError('INVALID_INPUT', '请选择职工所在的基层工会', [{ path: 'orgId', message: '请选择基层工会' }]);
  }
  const _ = ctx.db.command;
  const windows = await ctx.db
    .collection('collectWindows')
    .where({ orgId: _.in(org.path) })
    .limit(100)
    .get();
  const window = requireOpenWindow(windows.data as WindowDoc[], org.path, ctx.now);
  const attachments = await verifyAttachments(ctx, input.attachments, ctx.openid);
  const { doc, alreadySubmitted } = await storeProposal(ctx, {
    input,
    author: { openid: null, key: offlineAuthorKey(org._id, input.workerName), name: input.workerName },
    org: { _id: org._id, name: org.name, path: org.path },
    window,
    channel: 'offline',
    offline: {
      workerName: input.workerName,
      unit: input.unit || null,
      phone: input.phone || null,
      enteredBy: ctx.openid,
      enteredByName: user.name,
      enteredByOrgName: user.orgName,
      enteredAt: ctx.now,
    },
    attachments,
    action: 'submitOffline',
  });
  return (await present(ctx, [doc], { fresh: !alreadySubmitted }))[0];
}
