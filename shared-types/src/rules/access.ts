/**
 * The access policy, decided in one place: who may call an action (role) and on which records (scope).
 * Every action's rule is declared in its contract (`contracts/<fn>.ts`); a lifecycle transition declares
 * the same kind of rule. Handlers never test roles or org paths by hand: they ask `accessRefusal`
 * (through `ctx.authorize` / `lifecycle.refusal`).
 */
import type { Role } from '../roles';
import { inSubtree } from './scope';

/**
 * On which records an allowed role may act:
 * - `any`: the action names no record, or every bound user may see the record (it checks itself).
 * - `subtree`: the record's org lies in the caller's org subtree (DESIGN.md §1).
 * - `department`: the record is routed to the caller's department (归口管理部门), or lies in their subtree.
 */
export const scopes = ['any', 'subtree', 'department'] as const;
export type Scope = (typeof scopes)[number];

export interface AccessRule {
  /** `anyone`: no profile needed (an OPENID still is); otherwise the roles allowed. */
  roles: 'anyone' | readonly Role[];
  scope: Scope;
}

/** A role a person holds at one org node (a person may hold one role per node). */
export interface RoleBinding {
  role: Role;
  orgId: string;
  orgPath: readonly string[];
}

/** The caller as the policy sees them: their bindings (the first is the one the profile shows). */
export interface Actor {
  openid: string;
  bindings: readonly RoleBinding[];
}

/** What a record tells the policy about itself. */
export interface ScopeFacts {
  /** Root-first org path of the record's owner unit. */
  orgPath: readonly string[];
  /** Department nodes the record is routed to (归口管理部门), if any. */
  departmentIds?: readonly string[];
}

export interface Refusal {
  code: 'FORBIDDEN' | 'CONFLICT';
  message: string;
}

export function access(roles: AccessRule['roles'], scope: Scope = 'any'): AccessRule {
  return { roles, scope };
}

/** The bindings of the actor whose role the rule allows. */
export function allowedBindings(actor: Actor, roles: AccessRule['roles']): RoleBinding[] {
  if (roles === 'anyone') return [...actor.bindings];
  return actor.bindings.filter((b) => roles.includes(b.role));
}

/** True when one binding of the actor both has an allowed role and reaches the record. */
export function bindingReaches(b: RoleBinding, scope: Scope, target: ScopeFacts | undefined): boolean {
  if (scope === 'any' || !target) return true;
  if (inSubtree(target.orgPath, b.orgId)) return true;
  return scope === 'department' && (target.departmentIds ?? []).includes(b.orgId);
}

/**
 * Why the actor may not do this (FORBIDDEN, Chinese, naming who may), or null when they may. Without a
 * target only the role is checked; call again with the record once it is loaded.
 */
export function accessRefusal(
  actor: Actor,
  rule: AccessRule,
  target?: ScopeFacts,
  what = '这条记录',
  roleNames?: (roles: readonly Role[]) => string,
): Refusal | null {
  const allowed = allowedBindings(actor, rule.roles);
  if (allowed.length === 0) {
    const who = rule.roles === 'anyone' ? '' : roleNames ? `（只有${roleNames(rule.roles)}可以）` : '';
    return { code: 'FORBIDDEN', message: `您没有权限进行这个操作${who}` };
  }
  if (allowed.some((b) => bindingReaches(b, rule.scope, target))) return null;
  return {
    code: 'FORBIDDEN',
    message:
      rule.scope === 'department' ? `${what}不在您的管辖范围内，也没有归口到您的部门` : `${what}不在您的管辖范围内`,
  };
}
