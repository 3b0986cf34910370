import {
  AppError,
  inSubtree,
  windowStatus,
  type CloseWindowInput,
  type CollectWindow,
  type SetWeightsInput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { findWindow, toWindow, windowOrgPath, type WindowDoc } from '../../common/windows';

async function ownWindow(ctx: Ctx, windowId: string): Promise<WindowDoc> {
  const user = await ctx.profile();
  const w = await findWindow(ctx, windowId);
  if (!w) throw new AppError('INVALID_INPUT', '找不到这个征集期', [{ path: 'windowId', message: '征集期不存在' }]);
  if (!inSubtree(await windowOrgPath(ctx, w), user.orgId)) {
    throw new AppError('FORBIDDEN', '只能管理本单位或下级单位的征集期');
  }
  return w;
}

/** 提前结束: submissions stop now; a window not yet open is called off. Closing twice is refused. */
export async function close(ctx: Ctx, input: CloseWindowInput): Promise<CollectWindow> {
  const w = await ownWindow(ctx, input.windowId);
  const from = windowStatus(w, ctx.now);
  if (from === 'closed') throw new AppError('CONFLICT', `《${w.title}》已经结束了`);
  await ctx.db
    .collection('collectWindows')
    .doc(w._id)
    .update({ data: { closedEarly: true, closedAt: ctx.now } });
  await audit(ctx, [
    {
      action: 'closeWindow',
      targetType: 'collectWindow',
      targetId: w._id,
      from,
      to: 'closed',
      note: input.reason ?? null,
    },
  ]);
  return toWindow({ ...w, closedEarly: true, closedAt: ctx.now }, ctx.now);
}

/** 评分权重: how much each screening criterion counts in the window's ranking. */
export async function setWeights(ctx: Ctx, input: SetWeightsInput): Promise<CollectWindow> {
  const w = await ownWindow(ctx, input.windowId);
  const _ = ctx.db.command;
  const fmt = (x: { concentration: number; urgency: number; feasibility: number } | undefined) =>
    x ? `意愿 ${x.concentration} / 迫切 ${x.urgency} / 办结 ${x.feasibility}` : '默认';
  await ctx.db
    .collection('collectWindows')
    .doc(w._id)
    .update({ data: { weights: _.set(input.weights) } });
  await audit(ctx, [
    {
      action: 'setWeights',
      targetType: 'collectWindow',
      targetId: w._id,
      from: fmt(w.weights),
      to: fmt(input.weights),
    },
  ]);
  return toWindow({ ...w, weights: input.weights }, ctx.now);
}
