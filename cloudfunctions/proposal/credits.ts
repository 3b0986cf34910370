/**
 * 意愿集中度 (backerCount) of a kept proposal. Without merges it is the author plus the direct supporters
 * (kept with `_.inc` beside supportCount). Once proposals are merged into it, every credited person has
 * a `credits` document with why they count (rules/merge: authored or supported which proposal), so a
 * person counts once however many reasons they have, and an undo removes exactly those reasons. Merge
 * and undo recount the cluster from the supports and authors: the stored counters are always what a
 * full recompute gives.
 */
import { creditedPeople, type ClusterMember, type CreditReason } from '@shishi/shared-types';
import { isDuplicateKey } from '../common/app';
import type { Ctx } from '../common/context';
import { loadMany, loadProposal } from './load';
import { isCounted, type SupportMarks } from './supportCounting';
import { creditId, type CreditDoc, type ProposalDoc, type SupportDoc } from './model';

/**
 * Adds or removes a person's reasons on a kept proposal through a transaction's `t` (the caller moves
 * backerCount in the same transaction, so a credit and its count change together); returns the change
 * of backerCount (−1, 0, +1).
 */
export async function creditChange(
  t: Ctx['db'],
  rootId: string,
  person: string,
  add: readonly CreditReason[],
  remove: readonly CreditReason[],
): Promise<number> {
  const ref = t.collection('credits').doc(creditId(rootId, person));
  const current = await getOrNull<CreditDoc>(ref);
  const before = new Set(current?.reasons ?? []);
  const after = new Set(before);
  for (const r of add) after.add(r);
  for (const r of remove) after.delete(r);
  if (after.size === before.size && [...after].every((r) => before.has(r))) return 0;
  if (after.size === 0) {
    if (current) await ref.remove();
    return current ? -1 : 0;
  }
  if (!current) {
    await ref.set({ data: { rootId, person, reasons: [...after] } });
    return 1;
  }
  await ref.update({ data: { reasons: [...after] } });
  return 0;
}

/** A document read in a transaction, or null when missing (wx-server-sdk throws for a missing doc). */
export async function getOrNull<T>(ref: { get(): Promise<{ data: unknown }> }): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (e) {
    if (e instanceof Error && /does not exist/.test(e.message)) return null;
    throw e;
  }
}

/** Every support of the given proposals (paged past the 1000-a-read limit). */
export async function supportsOf(ctx: Ctx, proposalIds: readonly string[]): Promise<SupportDoc[]> {
  const _ = ctx.db.command;
  const out: SupportDoc[] = [];
  for (let i = 0; i < proposalIds.length; i += 100) {
    const ids = proposalIds.slice(i, i + 100);
    for (let offset = 0; ; offset += 1000) {
      const res = await ctx.db
        .collection('supports')
        .where({ proposalId: _.in(ids) })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(offset)
        .limit(1000)
        .get();
      out.push(...(res.data as SupportDoc[]));
      if (res.data.length < 1000) break;
    }
  }
  return out;
}

/** The cluster of a kept proposal as rules/merge sees it: authors and supporters of each member. */
export async function clusterOf(
  ctx: Ctx,
  root: ProposalDoc,
): Promise<{ members: ClusterMember[]; docs: ProposalDoc[] }> {
  const merged = await loadMany(
    ctx,
    root.mergedFrom.map((m) => m._id),
  );
  const docs = [root, ...root.mergedFrom.flatMap((m) => merged.get(m._id) ?? [])];
  const supports = await supportsOf(
    ctx,
    docs.map((d) => d._id),
  );
  const byProposal = new Map<string, string[]>();
  const member = new Map(docs.map((d) => [d._id, d as ProposalDoc & SupportMarks]));
  // Only what the counters hold: a support stored and not yet counted is credited when it is counted.
  for (const s of supports) {
    if (isCounted(member.get(s.proposalId)!, s)) {
      byProposal.set(s.proposalId, [...(byProposal.get(s.proposalId) ?? []), s.openid]);
    }
  }
  return {
    docs,
    members: docs.map((d) => ({ _id: d._id, author: d.authorKey, supporters: byProposal.get(d._id) ?? [] })),
  };
}

/**
 * Recounts a proposal's credits from its cluster and stores backerCount (0 for a merged proposal, whose
 * people count in the kept one). Credits documents exist only while proposals are merged into it.
 */
export async function recount(ctx: Ctx, proposalId: string): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const root = await loadProposal(ctx, proposalId);
    await ctx.db.collection('credits').where({ rootId: root._id }).remove();
    if (root.status === 'merged') {
      await ctx.db
        .collection('proposals')
        .doc(root._id)
        .update({ data: { backerCount: 0 } });
      return 0;
    }
    const { members } = await clusterOf(ctx, root);
    const people = creditedPeople(members);
    try {
      if (root.mergedFrom.length > 0 && people.size > 0) {
        const docs = [...people].map(([person, reasons]) => ({
          _id: creditId(root._id, person),
          rootId: root._id,
          person,
          reasons: [...reasons].sort(),
        }));
        for (let i = 0; i < docs.length; i += 500) {
          await ctx.db.collection('credits').add({ data: docs.slice(i, i + 500) });
        }
      }
    } catch (e) {
      // A support credited meanwhile: start over from what is stored now.
      if (isDuplicateKey(e) && attempt < 3) continue;
      throw e;
    }
    await ctx.db
      .collection('proposals')
      .doc(root._id)
      .update({ data: { backerCount: people.size } });
    return people.size;
  }
}
