/** What the `survey` function stores. */
import type {
  AnswerItem,
  Counters,
  RespondentDims,
  SurveySection,
  SurveyStatus,
  WorkerGroup,
} from '@shishi/shared-types';

/** Counter shards per survey: concurrent answers update different documents, so transactions rarely meet. */
export const COUNTER_SHARDS = 16;

export function shardId(surveyId: string, k: number): string {
  return `${surveyId}_${k}`;
}

/** A survey as stored in `surveys`. */
export interface SurveyDoc {
  _id: string;
  title: string;
  intro: string;
  /** Root of the audience: a worker's `orgPath` must hold it. */
  audienceOrgId: string;
  audienceOrgName: string;
  /** The audience org's path: staff of any node on it manage the survey. */
  audiencePath: string[];
  industryOrgIds: string[];
  industryNames: string[];
  groups: WorkerGroup[];
  opensOn: string;
  closesOn: string;
  opensAt: Date;
  /** Exclusive; moved to the closing instant when closed early. */
  closesAt: Date;
  anonymous: boolean;
  resultsPublic: boolean;
  targetCount: number | null;
  sections: SurveySection[];
  questionCount: number;
  status: SurveyStatus;
  version: number;
  shards: number;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  closedAt: Date | null;
  copiedFrom: string | null;
}

/** One counter shard in `surveyCounters`. */
export interface CounterDoc {
  _id: string;
  surveyId: string;
  k: number;
  c: Counters;
  updatedAt?: Date;
}

export type TextModeration = 'none' | 'pass' | 'review' | 'rejected';

/** One answer in `surveyAnswers`. Anonymous surveys keep no OPENID and no name here. */
export interface AnswerDoc {
  _id: string;
  surveyId: string;
  /** OPENID (named), an HMAC of it (anonymous), or the offline worker's key: unique per survey. */
  respondentKey: string;
  /** The counter shard its counts went to (`${surveyId}_${k}`); exports page through answers shard by shard. */
  shard: string;
  channel: 'online' | 'offline';
  dims: RespondentDims;
  items: AnswerItem[];
  /** The content check of the answer's texts: only `pass` is shown to workers. */
  textModeration: TextModeration;
  /** Named surveys only. */
  respondent: { openid: string | null; name: string; orgId: string; orgName: string } | null;
  /** Offline entries: who entered it (a union cadre, not the respondent). */
  offline: { enteredBy: string; enteredByName: string; paperNo: string | null } | null;
  createdAt: Date;
}

/** A survey cited for a proposal or project in `surveyEvidence`. */
export type { EvidenceDoc } from '../common/evidence';
