import { findOpenWindow, nextOpening, type CurrentWindowOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { toWindow, type WindowDoc } from '../../common/windows';
import { withYearlyWindow } from '../yearly';

/**
 * 征集期: the window open to the caller, or when the next scheduled one opens (home page countdown); null
 * when none is scheduled. The city's yearly Q4 window is stored first if this year's is missing.
 */
export async function current(ctx: Ctx): Promise<CurrentWindowOutput> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('collectWindows')
    .where({ orgId: _.in(user.orgPath) })
    .limit(100)
    .get();
  const windows = await withYearlyWindow(ctx.db, user.orgPath, res.data as WindowDoc[], ctx.now);
  const open = findOpenWindow(windows, user.orgPath, ctx.now);
  return {
    open: open ? toWindow(open, ctx.now) : null,
    nextOpensAt: open ? null : (nextOpening(windows, user.orgPath, ctx.now)?.toISOString() ?? null),
    now: ctx.now.toISOString(),
  };
}
