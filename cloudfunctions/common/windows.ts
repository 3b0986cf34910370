import {
  AppError,
  defaultWeights,
  windowStatus,
  type CollectWindow,
  type WindowFacts,
  type Weights,
} from '@shishi/shared-types';
import type { Ctx, UserDoc } from './context';
import { getOrg } from './orgs';
import { authorizeOrg } from './scope';
import { iso } from './serialize';

/** A collection window as stored. */
export interface WindowDoc extends WindowFacts {
  orgName: string;
  /** Root-first path of the org that runs it (older windows: looked up). */
  orgPath?: string[];
  title: string;
  year: number;
  weights?: Weights;
  closedAt?: Date | null;
  /** 决定公布日期 (yyyy-mm-dd); unset or null: none named. */
  decideBy?: string | null;
  createdAt: Date;
}

export function toWindow(w: WindowDoc, now: Date): CollectWindow {
  return {
    _id: w._id,
    orgId: w.orgId,
    orgName: w.orgName,
    title: w.title,
    year: w.year,
    opensAt: iso(w.opensAt),
    closesAt: iso(w.closesAt),
    status: windowStatus(w, now),
    closedAt: w.closedAt ? iso(w.closedAt) : null,
    weights: w.weights ?? defaultWeights,
    decideBy: w.decideBy ?? null,
  };
}

export async function findWindow(ctx: Ctx, id: string): Promise<WindowDoc | null> {
  const res = await ctx.db.collection('collectWindows').where({ _id: id }).limit(1).get();
  return (res.data[0] as WindowDoc | undefined) ?? null;
}

/** The path of the org running a window. */
export async function windowOrgPath(ctx: Ctx, w: WindowDoc): Promise<string[]> {
  if (w.orgPath) return w.orgPath;
  return (await getOrg(ctx.db, w.orgId))?.path ?? [w.orgId];
}

/**
 * The window staff screen or export: the one named (run by an org above them or in their subtree), or by
 * default the latest that has opened among those run above them (or by their own org).
 */
export async function staffWindow(ctx: Ctx, user: UserDoc, windowId: string | undefined): Promise<WindowDoc | null> {
  if (windowId) {
    const w = await findWindow(ctx, windowId);
    if (!w) throw new AppError('INVALID_INPUT', '找不到这个征集期', [{ path: 'windowId', message: '征集期不存在' }]);
    // A window run above the caller applies to their subtree; any other must lie in their scope.
    if (!user.orgPath.includes(w.orgId)) {
      await authorizeOrg(ctx, { orgPath: await windowOrgPath(ctx, w) }, { field: 'windowId', what: '这个征集期' });
    }
    return w;
  }
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('collectWindows')
    .where({ orgId: _.in(user.orgPath) })
    .orderBy('opensAt', 'desc')
    .limit(100)
    .get();
  const windows = res.data as WindowDoc[];
  return windows.find((w) => w.opensAt.getTime() <= ctx.now.getTime()) ?? windows[windows.length - 1] ?? null;
}
