/**
 * What the author's 修改 and 撤回 share: who may (the author of an online proposal, while it is
 * 已提交 and nothing is merged into it), and keeping what submit counted equal to a recompute — the
 * window's term frequencies (`gramStats`) and the similar links (`similarIds` / `similarCount`).
 *
 * Similar links are made at submit: the new proposal lists up to 10 similar ones in `similarIds` and each
 * of them gets `similarCount + 1`, so a proposal's `similarCount` is the length of its own list plus the
 * lists it appears in. An edit or a withdrawal takes every link of the proposal out (its own and those
 * of proposals that found it), and an edit links it again from its new text, as a submit would.
 */
import { AppError, proposalAuthorLifecycle, type ProposalAuthorTransition } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import { requireTransition } from '../common/scope';
import type { ProposalDoc } from './model';

/** FORBIDDEN for anyone but the author, then CONFLICT for a wrong state or a proposal others joined. */
export async function requireAuthorChange(
  ctx: Ctx,
  p: ProposalDoc,
  transition: ProposalAuthorTransition,
): Promise<void> {
  const label = proposalAuthorLifecycle.transitions[transition].label;
  if (p.authorOpenid !== ctx.openid) {
    throw new AppError(
      'FORBIDDEN',
      p.channel === 'offline'
        ? `这条建议是工会干部线下代录的，需要${label}请联系代录的工会干部`
        : `只有提这条建议的职工本人可以${label}`,
    );
  }
  await requireTransition(ctx, proposalAuthorLifecycle, transition, { title: p.title, state: p.status });
  authorStateCheck(p, label);
}

/** Checked again on the proposal as read inside the transaction. */
export function authorStateCheck(p: ProposalDoc, label: string): void {
  if (p.mergedFrom.length > 0) {
    throw new AppError('CONFLICT', `已有 ${p.mergedFrom.length} 条相似的建议合并到这条建议，不能再${label}`);
  }
}

/** Proposals whose own similar list holds `id` (they found it when they were sent). */
export async function linkedTo(ctx: Ctx, id: string): Promise<string[]> {
  const res = await ctx.db.collection('proposals').where({ similarIds: id }).field({ _id: true }).limit(1000).get();
  return (res.data as Array<{ _id: string }>).map((d) => d._id).filter((other) => other !== id);
}

/**
 * Every proposal the links of `id` touched: those it listed (`own`) and those that listed it
 * (`incoming`), each once (a pair listed both ways is one link).
 */
export function oldLinks(own: readonly string[], incoming: readonly string[], id: string): Set<string> {
  return new Set([...own, ...incoming].filter((other) => other !== id));
}

/**
 * The other proposals' side of a change of links: `similarCount` down by one for each old link, up by
 * one for each new one, and `id` taken out of the lists that held it.
 */
export async function relink(
  ctx: Ctx,
  id: string,
  old: ReadonlySet<string>,
  incoming: readonly string[],
  fresh: readonly string[],
): Promise<void> {
  const _ = ctx.db.command;
  const delta = new Map<string, number>();
  for (const o of old) delta.set(o, (delta.get(o) ?? 0) - 1);
  for (const n of fresh) delta.set(n, (delta.get(n) ?? 0) + 1);
  const pull = new Set(incoming);
  const ids = new Set([...delta.keys(), ...pull]);
  await Promise.all(
    [...ids].map((other) => {
      const d = delta.get(other) ?? 0;
      const data: Record<string, unknown> = {};
      if (d !== 0) data.similarCount = _.inc(d);
      if (pull.has(other)) data.similarIds = _.pull(id);
      if (Object.keys(data).length === 0) return Promise.resolve();
      return ctx.db.collection('proposals').doc(other).update({ data });
    }),
  );
}
