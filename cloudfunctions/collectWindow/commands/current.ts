import { findOpenWindow, nextOpening, type CurrentWindowOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { toWindow, type WindowDoc } from '../../common/windows';

/** 征集期: the window open to the caller, or when the next one opens (home page countdown). */
export async function current(ctx: Ctx): Promise<CurrentWindowOutput> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('collectWindows')
    .where({ orgId: _.in(user.orgPath) })
    .limit(100)
    .get();
  const windows = res.data as WindowDoc[];
  const open = findOpenWindow(windows, user.orgPath, ctx.now);
  return {
    open: open ? toWindow(open, ctx.now) : null,
    nextOpensAt: open ? null : nextOpening(windows, user.orgPath, ctx.now).toISOString(),
    now: ctx.now.toISOString(),
  };
}
