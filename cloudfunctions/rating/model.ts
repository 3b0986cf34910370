/**
 * What the `rating` function stores. A rating holds no OPENID, no name and no union: only the project,
 * the rater's keyed hash (unique per project), the scores, the comment and the breakdown facts
 * (district, industry, groups). Counters: 8 shards per project (common/ratings.ts RATING_SHARDS).
 */
import type { RatingCommentState, RatingEligibility, RatingScores, RespondentDims } from '@shishi/shared-types';
import { RATING_SHARDS } from '../common/ratings';

export { RATING_SHARDS };

export function shardId(projectId: string, k: number): string {
  return `${projectId}_${k}`;
}

/** A version of a rating as it was counted. */
export interface RatingVersion {
  /** When this version was written (ms are the version's identity in the counter marks). */
  at: Date;
  scores: RatingScores;
  hasComment: boolean;
}

export interface RatingDoc {
  _id: string;
  projectId: string;
  /** HMAC of the rater under the respondent secret (survey/secret.ts respondentKey): never the OPENID. */
  key: string;
  /** Counter shard `${projectId}_${k}`. */
  shard: string;
  scores: RatingScores;
  comment: string | null;
  commentState: RatingCommentState;
  dims: RespondentDims;
  /** First submission (the 7-day edit window runs from it). */
  createdAt: Date;
  /** The current version's instant. */
  at: Date;
  /** The version before the last edit, until the edit is counted (null for a first version). */
  prev: RatingVersion | null;
}

export interface SettingsDoc {
  _id: string;
  projectId: string;
  opensOn: string;
  eligibility: RatingEligibility;
  /** The project's path (staff of any node on it manage its ratings). */
  orgPath: string[];
  by: string;
  /**
   * The day the invitations went out for these settings; null until rating opens (configure sends them
   * at once when it opens today, else the settling timer on the opening day, inviteOnOpening).
   */
  invitedOn?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CounterDoc {
  _id: string;
  projectId: string;
  k: number;
  c: Record<string, number>;
  /** Every rating of the shard whose current version is older than `vt` and has no mark is counted. */
  vt: Date;
  /** `m.<ratingId>`: the ms of the version counted, for versions newer than `vt`. */
  m: Record<string, number>;
  updatedAt: Date;
}

export function versionOf(r: Pick<RatingDoc, 'at' | 'scores' | 'comment'>): RatingVersion {
  return { at: r.at, scores: r.scores, hasComment: Boolean(r.comment) };
}
