/**
 * Merging duplicates (合并): the kept proposal carries every author and supporter of the proposals merged
 * into it, each person counted once. Who counts is a set of people; why they count (authored or
 * supported which proposal) is kept per person so an undo removes exactly what the merge added.
 */
import type { ProposalStatus } from '../schemas/proposal';
import { proposalStatusMeta } from '../schemas/proposal';

/** The most proposals one merge takes (the input schema's bound). */
export const MERGE_MAX = 2000;
/**
 * A merge (or an undo of a whole merge) of more proposals than this runs as a job in batches
 * (cloudfunctions/proposal/merging.ts); up to this many it is done in the call. See BENCHMARKS.md
 * "Merge of large clusters as jobs" for the measurement behind the figure.
 */
export const MERGE_INLINE_MAX = 50;

/** What staff are told when a proposal is part of a merge job still running. */
export const MERGE_BUSY_MESSAGE = '正在合并，请稍候';

/** Why a person is credited to a kept proposal: `a:<id>` wrote it, `s:<id>` supported it. */
export type CreditReason = `a:${string}` | `s:${string}`;

export const authored = (proposalId: string): CreditReason => `a:${proposalId}`;
export const supported = (proposalId: string): CreditReason => `s:${proposalId}`;

/** The proposal a reason comes from. */
export function reasonSource(reason: string): string {
  return reason.slice(2);
}

export interface ClusterMember {
  _id: string;
  /** The author as a person key (openid, or `offline:<org>:<name>` for an offline entry). */
  author: string;
  supporters: readonly string[];
}

/**
 * Everyone credited to a cluster (the kept proposal and those merged into it) with their reasons.
 * 意愿集中度 is the size of this map: a person who wrote one and supported another counts once.
 */
export function creditedPeople(members: readonly ClusterMember[]): Map<string, Set<CreditReason>> {
  const people = new Map<string, Set<CreditReason>>();
  const add = (person: string, reason: CreditReason) => {
    let reasons = people.get(person);
    if (!reasons) people.set(person, (reasons = new Set()));
    reasons.add(reason);
  };
  for (const m of members) {
    add(m.author, authored(m._id));
    for (const s of m.supporters) add(s, supported(m._id));
  }
  return people;
}

/** 意愿集中度 of a cluster. */
export function backerCount(members: readonly ClusterMember[]): number {
  return creditedPeople(members).size;
}

export interface MergeFacts {
  _id: string;
  title: string;
  status: ProposalStatus;
  orgPath: readonly string[];
  windowId: string;
  /** Ids of proposals merged into this one. */
  mergedFrom: readonly string[];
}

/** Why a merge cannot happen, in words fit for the staff member, or null when it can. */
export function mergeRefusal(keep: MergeFacts, merge: MergeFacts, scopeOrgId: string): string | null {
  if (merge._id === keep._id) return `不能把《${keep.title}》合并到它自己`;
  if (!keep.orgPath.includes(scopeOrgId) || !merge.orgPath.includes(scopeOrgId)) {
    return `《${keep.orgPath.includes(scopeOrgId) ? merge.title : keep.title}》不在您的管辖范围内，不能合并`;
  }
  if (keep.status === 'merged') return `《${keep.title}》已经合并到别的建议，不能作为保留的建议`;
  if (!proposalStatusMeta[keep.status].open) return `《${keep.title}》已经作出决定，不能再合并`;
  if (merge.status === 'merged') return `《${merge.title}》已经合并过了`;
  if (!proposalStatusMeta[merge.status].open) return `《${merge.title}》已经作出决定，不能合并`;
  if (merge.windowId !== keep.windowId) return `《${merge.title}》和保留的建议不在同一个征集期，不能合并`;
  if (merge.mergedFrom.length > 0) {
    return `《${merge.title}》已经合并了其他建议，请把其他建议都合并到一条保留的建议里（可以先撤销它的合并）`;
  }
  return null;
}

/** Why an undo cannot happen, or null. */
export function unmergeRefusal(merged: MergeFacts, keep: MergeFacts | null, scopeOrgId: string): string | null {
  if (!merged.orgPath.includes(scopeOrgId)) return `《${merged.title}》不在您的管辖范围内`;
  if (merged.status !== 'merged' || !keep) return `《${merged.title}》没有被合并，无需撤销`;
  if (!proposalStatusMeta[keep.status].open) return `保留的建议《${keep.title}》已经作出决定，不能再撤销合并`;
  return null;
}
