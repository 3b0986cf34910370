/**
 * The access policy (shared-types `rules/access.ts`) where a request names an org rather than a loaded
 * record: a filter (list, screen, export) or the unit of a new record (a window, an offline entry, a
 * survey's audience). A loaded record goes through `ctx.authorize`; this is the one other door.
 */
import {
  AppError,
  accessRefusal,
  roleNames,
  type AccessRule,
  type Lifecycle,
  type Refusal,
  type ScopeFacts,
} from '@shishi/shared-types';
import { actorOf, type Ctx } from './context';
import { getOrg } from './orgs';

export interface OrgCheck {
  /** The request field naming the org (for the form). */
  field?: string;
  /** What is out of scope, in the message (所选单位, 这个征集期, …). */
  what?: string;
  /** Default: the action's rule from its contract. */
  rule?: AccessRule;
}

/** True when the policy lets the caller act on `target` under `rule` (default: the action's). */
export async function reaches(ctx: Ctx, target: ScopeFacts, rule: AccessRule = ctx.rule): Promise<boolean> {
  return accessRefusal(actorOf(await ctx.profile()), rule, target) === null;
}

/**
 * FORBIDDEN, naming what and with the field at fault, unless the policy lets the caller act on `target`.
 * An org that does not exist is out of scope too (a filter never tells which ids exist).
 */
export async function authorizeOrg(ctx: Ctx, target: ScopeFacts | null, check: OrgCheck = {}): Promise<void> {
  const { field = 'orgId', what = '所选单位', rule = ctx.rule } = check;
  const refusal = target
    ? accessRefusal(actorOf(await ctx.profile()), rule, target, what, roleNames)
    : { code: 'FORBIDDEN' as const, message: `${what}不在您的管辖范围内` };
  if (refusal) throw new AppError(refusal.code, refusal.message, [{ path: field, message: '不在您的管辖范围内' }]);
}

/** The org a staff filter names (by default the caller's own), once the policy allows it. */
export async function filterOrg(
  ctx: Ctx,
  orgId: string | undefined,
  check: OrgCheck = {},
): Promise<{ _id: string; path: readonly string[] }> {
  const user = await ctx.profile();
  if (!orgId) return { _id: user.orgId, path: user.orgPath };
  const org = await getOrg(ctx.db, orgId);
  await authorizeOrg(ctx, org && { orgPath: org.path }, check);
  return { _id: org!._id, path: org!.path };
}

/**
 * A lifecycle transition on a loaded record: FORBIDDEN for a wrong role or scope, then CONFLICT for a
 * wrong state, with the lifecycle's wording. Inside the transaction, re-check the state alone with
 * `lifecycle.stateRefusal` on the record as read there.
 */
export async function requireTransition<S extends string, T extends string>(
  ctx: Ctx,
  lifecycle: Lifecycle<S, T>,
  transition: T,
  subject: { title: string; state: S },
  target?: ScopeFacts,
): Promise<void> {
  const refusal = lifecycle.refusal(transition, subject, actorOf(await ctx.profile()), target);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** Throws a lifecycle's refusal (if any) as the error the caller sees. */
export function refuse(refusal: Refusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message);
}
