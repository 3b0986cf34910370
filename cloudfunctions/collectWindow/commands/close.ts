import {
  AppError,
  collectWindowLifecycle,
  decideByRefusal,
  windowStatus,
  type CloseWindowInput,
  type CollectWindow,
  type SetDecideByInput,
  type SetWeightsInput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { requireTransition } from '../../common/scope';
import { findWindow, toWindow, windowOrgPath, type WindowDoc } from '../../common/windows';

/** The window named, with the root-first path of the org running it. */
async function namedWindow(ctx: Ctx, windowId: string): Promise<WindowDoc & { orgPath: string[] }> {
  const w = await findWindow(ctx, windowId);
  if (!w) throw new AppError('INVALID_INPUT', '找不到这个征集期', [{ path: 'windowId', message: '征集期不存在' }]);
  return { ...w, orgPath: await windowOrgPath(ctx, w) };
}

/** 提前结束: submissions stop now; a window not yet open is called off. Closing twice is refused. */
export async function close(ctx: Ctx, input: CloseWindowInput): Promise<CollectWindow> {
  const w = await namedWindow(ctx, input.windowId);
  const from = windowStatus(w, ctx.now);
  await requireTransition(ctx, collectWindowLifecycle, 'close', { title: w.title, state: from }, w);
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t
      .collection('collectWindows')
      .doc(w._id)
      .update({ data: { closedEarly: true, closedAt: ctx.now } });
    await audit(ctx, t, [
      {
        action: 'closeWindow',
        targetType: 'collectWindow',
        targetId: w._id,
        from,
        to: collectWindowLifecycle.transitions.close.to,
        note: input.reason ?? null,
      },
    ]);
  });
  return toWindow({ ...w, closedEarly: true, closedAt: ctx.now }, ctx.now);
}

/** 评分权重: how much each screening criterion counts in the window's ranking. */
export async function setWeights(ctx: Ctx, input: SetWeightsInput): Promise<CollectWindow> {
  const w = await namedWindow(ctx, input.windowId);
  await ctx.authorize(w, '这个征集期');
  const _ = ctx.db.command;
  const fmt = (x: { concentration: number; urgency: number; feasibility: number } | undefined) =>
    x ? `意愿 ${x.concentration} / 迫切 ${x.urgency} / 办结 ${x.feasibility}` : '默认';
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t
      .collection('collectWindows')
      .doc(w._id)
      .update({ data: { weights: _.set(input.weights) } });
    await audit(ctx, t, [
      {
        action: 'setWeights',
        targetType: 'collectWindow',
        targetId: w._id,
        from: fmt(w.weights),
        to: fmt(input.weights),
      },
    ]);
  });
  return toWindow({ ...w, weights: input.weights }, ctx.now);
}

/**
 * 决定公布日期: the day by which the union says which of the window's proposals it adopts (shown on each
 * author's timeline), after the window's last day; null takes it away.
 */
export async function setDecideBy(ctx: Ctx, input: SetDecideByInput): Promise<CollectWindow> {
  const w = await namedWindow(ctx, input.windowId);
  await ctx.authorize(w, '这个征集期');
  if (input.decideBy) {
    const refusal = decideByRefusal(input.decideBy, w, ctx.now);
    if (refusal) throw new AppError('INVALID_INPUT', refusal, [{ path: 'decideBy', message: refusal }]);
  }
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t
      .collection('collectWindows')
      .doc(w._id)
      .update({ data: { decideBy: input.decideBy } });
    await audit(ctx, t, [
      {
        action: 'setDecideBy',
        targetType: 'collectWindow',
        targetId: w._id,
        from: w.decideBy ?? '未定',
        to: input.decideBy ?? '未定',
      },
    ]);
  });
  return toWindow({ ...w, decideBy: input.decideBy }, ctx.now);
}
