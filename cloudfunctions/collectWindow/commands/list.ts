import { access, isStaff, staffRoles, type ListWindowsInput, type ListWindowsOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { getOrg } from '../../common/orgs';
import { authorizeOrg } from '../../common/scope';
import { toWindow, windowOrgPath, type WindowDoc } from '../../common/windows';
import { withYearlyWindow } from '../yearly';

/**
 * 征集期列表, newest first. Staff: the windows run by the orgs above them and by any org of their
 * subtree; others: the windows that apply to them.
 */
export async function list(ctx: Ctx, input: ListWindowsInput): Promise<ListWindowsOutput> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const staff = isStaff(user.role);
  if (input.orgId) {
    const org = await getOrg(ctx.db, input.orgId);
    // Anyone may name an org above them (its windows apply to them); staff also one of their subtree.
    if (!org || !user.orgPath.includes(org._id)) {
      await authorizeOrg(ctx, org && { orgPath: org.path }, { rule: access(staffRoles, 'subtree') });
    }
  }
  // This year's city window first (stored if missing), so that the list shows it.
  const mine = await ctx.db.collection('collectWindows').where({ orgId: user.orgPath[0] }).limit(1000).get();
  await withYearlyWindow(ctx.db, user.orgPath, mine.data as WindowDoc[], ctx.now);
  const conditions: unknown[] = [
    staff ? _.or([{ orgId: _.in(user.orgPath) }, { orgPath: user.orgId }]) : { orgId: _.in(user.orgPath) },
  ];
  if (input.year !== undefined) conditions.push({ year: input.year });
  const res = await ctx.db
    .collection('collectWindows')
    .where(conditions.length === 1 ? conditions[0] : _.and(conditions))
    .orderBy('opensAt', 'desc')
    .limit(1000)
    .get();
  let windows = res.data as WindowDoc[];
  if (input.orgId) {
    const paths = await Promise.all(windows.map((w) => windowOrgPath(ctx, w)));
    windows = windows.filter((_w, i) => paths[i].includes(input.orgId!));
  }
  return { items: windows.map((w) => toWindow(w, ctx.now)) };
}
