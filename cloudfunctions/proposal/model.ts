import type { ModerationState, ProposalCategory, ProposalStatus, TargetGroup } from '@shishi/shared-types';

/** One entry of a proposal's own trail: who changed what, when and why. */
export interface HistoryEntry {
  at: Date;
  actor: string;
  action: string;
  from: ProposalStatus | null;
  to: ProposalStatus;
  note?: string;
}

/** A proposal as stored in `proposals`. */
export interface ProposalDoc {
  _id: string;
  title: string;
  /** Normalised title: with author and window, the unique key that makes a repeated submit idempotent. */
  titleKey: string;
  content: string;
  category: ProposalCategory;
  targetGroup: TargetGroup;
  status: ProposalStatus;
  moderation: ModerationState;
  authorOpenid: string | null;
  authorName: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  windowId: string;
  year: number;
  channel: 'online' | 'offline';
  supportCount: number;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}
