/**
 * What a person may do on a staff view, decided by the same rules as 首页's menu (pages/home/menu.ts):
 * the view's menu entry, the contracts' access rules and every role the person holds (all bindings,
 * not only the first). A view the menu marks （只读） says so at its top and shows no buttons the person
 * may not use. Pure (no Taro), so a unit test checks it; subpackage pages import it (not the main
 * package's features/profile index), and menu.ts is already in the main package.
 */
import type { Profile, Role } from '@shishi/shared-types';
import { contractAccess, mayCall, menuDefinitions, menuFor, type AccessOf, type Ability } from '../../pages/home/menu';

/** Every role the person holds: one per binding (the first is `profile.role`). */
export function rolesOf(profile: Pick<Profile, 'role' | 'bindings'>): Role[] {
  return (profile.bindings ?? [profile]).map((b) => b.role);
}

export interface ViewAccess {
  /** True when the person may look but change nothing there: the menu says （只读）. */
  readOnly: boolean;
  /** What the view offers that the person may not do, in the menu's words (合并、评分、作出决定). */
  cannot: string[];
  /** Whether the person may export what the view shows (导出 Excel). */
  canExport: boolean;
}

const allDefinitions = [...menuDefinitions.staff, ...menuDefinitions.cadre, ...menuDefinitions.everyone];

/**
 * The access of `roles` to the view 首页's entry `entryId` opens. A person the menu does not show the
 * entry to may change nothing there either.
 */
export function viewAccess(entryId: string, roles: readonly Role[], accessOf: AccessOf = contractAccess): ViewAccess {
  const def = allDefinitions.find((d) => d.id === entryId);
  if (!def) throw new Error(`viewAccess: no menu entry ${entryId}`);
  const entry = menuFor(roles, accessOf)
    .flatMap((g) => g.entries)
    .find((e) => e.id === entryId);
  const may = (a: Ability) => mayCall(roles, a.action, accessOf);
  const cannot = def.abilities.filter((a) => a.write && !may(a)).map((a) => a.label);
  const canExport = def.abilities.some((a) => !a.write && a.label.includes('导出') && may(a));
  return { readOnly: entry ? entry.readOnly : true, cannot, canExport };
}

/** The notice at the top of a read-only view: what the person may not do there. */
export function readOnlyText(access: ViewAccess): string {
  const may = access.canExport ? '查看和导出' : '查看';
  return `只读：您可以${may}，不能${access.cannot.length > 0 ? access.cannot.join('、') : '修改'}。`;
}
