import type {
  DecisionKind,
  ModerationState,
  ProposalCategory,
  ProposalStatus,
  TargetGroup,
} from '@shishi/shared-types';
import type { AttachmentDoc } from '../common/attachments';

export interface DecisionDoc {
  kind: DecisionKind;
  reason: string | null;
  projectId: string | null;
  at: Date;
  by: string;
  byName: string;
}

export interface ScoresDoc {
  urgency: number;
  urgencyEvidence: string | null;
  feasibility: number;
  feasibilityNote: string;
  scoredAt: Date;
  scoredBy: string;
  scoredByName: string;
}

export interface OfflineDoc {
  workerName: string;
  unit: string | null;
  phone: string | null;
  enteredBy: string;
  enteredByName: string;
  enteredByOrgName: string;
  enteredAt: Date;
}

/** A proposal as stored in `proposals`. */
export interface ProposalDoc {
  _id: string;
  title: string;
  /** Normalised title: with author and window, finds an exact repeat of a stored proposal (isSameText). */
  titleKey: string;
  content: string;
  category: ProposalCategory;
  targetGroup: TargetGroup;
  status: ProposalStatus;
  moderation: ModerationState;
  /** The author's OPENID; null for an offline entry (the worker may have no account). */
  authorOpenid: string | null;
  /** The author as a person: the OPENID, or `offline:<org>:<name>` (offlineAuthorKey). */
  authorKey: string;
  authorName: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  windowId: string;
  year: number;
  channel: 'online' | 'offline';
  /** Direct 附议 (= supports with this proposalId). */
  supportCount: number;
  /** 意愿集中度: distinct people credited (merged proposals included); 0 once merged. */
  backerCount: number;
  /** Other proposals of the window at or above SIMILAR_THRESHOLD. */
  similarCount: number;
  /** Those found when this one was submitted (up to 10). */
  similarIds: string[];
  /** Lookup grams (rules/similarity lookupGrams). */
  grams: string[];
  attachments: AttachmentDoc[];
  /** In the content-review queue: held text or a held image. */
  needsReview: boolean;
  mergedInto: { _id: string; title: string } | null;
  /** Status before the merge, restored by an undo. */
  statusBeforeMerge?: ProposalStatus | null;
  /** Proposals merged into this one (each of them has status `merged`). */
  mergedFrom: Array<{ _id: string; title: string }>;
  /** The merge job (merging.ts) that holds this proposal while it runs; absent when none does. */
  mergeJob?: string;
  decision: DecisionDoc | null;
  scores: ScoresDoc | null;
  offline: OfflineDoc | null;
  /** When its author withdrew it (status `withdrawn`, proposal.withdraw). */
  withdrawnAt?: Date | null;
  /** The draft it was sent from (proposal.submit `clientDraftId`); null for older clients and entries. */
  clientDraftId?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields added after the first release: documents stored before them read with these defaults. */
export function withDefaults(doc: Partial<ProposalDoc> & Pick<ProposalDoc, '_id'>): ProposalDoc {
  const d = doc as ProposalDoc;
  return {
    ...d,
    authorKey: d.authorKey ?? d.authorOpenid ?? '',
    supportCount: d.supportCount ?? 0,
    backerCount: d.backerCount ?? (d.status === 'merged' ? 0 : 1 + (d.supportCount ?? 0)),
    similarCount: d.similarCount ?? 0,
    similarIds: d.similarIds ?? [],
    grams: d.grams ?? [],
    attachments: d.attachments ?? [],
    needsReview: d.needsReview ?? d.moderation === 'review',
    mergedInto: d.mergedInto ?? null,
    mergedFrom: d.mergedFrom ?? [],
    decision: d.decision ?? null,
    scores: d.scores ?? null,
    offline: d.offline ?? null,
  };
}

/** A support (附议): one per person and proposal, by its id. */
export interface SupportDoc {
  _id: string;
  proposalId: string;
  openid: string;
  name: string;
  createdAt: Date;
}

export function supportId(proposalId: string, openid: string): string {
  return `${proposalId}_${openid}`;
}

/** A person credited to a kept proposal that has proposals merged into it, with why. */
export interface CreditDoc {
  _id: string;
  rootId: string;
  person: string;
  reasons: string[];
}

export function creditId(rootId: string, person: string): string {
  return `${rootId}_${person}`;
}
