/** What the `survey` function stores. */
import {
  answerProgress,
  questionCount,
  surveyWindow,
  type AnswerItem,
  type Counters,
  type RespondentDims,
  type SurveyDefinition,
  type SurveySection,
  type SurveyStatus,
  type WorkerGroup,
} from '@shishi/shared-types';

/** Counter shards per survey: concurrent answers `_.inc` different documents. */
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
  /** Workers who see the results also read the text answers; absent on surveys stored before it existed (false). */
  textsPublic?: boolean;
  targetCount: number | null;
  sections: SurveySection[];
  questionCount: number;
  /** Questions asked before any answer (display logic); absent on older surveys (then questionCount). */
  startCount?: number;
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

/** Who a survey is for, as stored: the audience org and the 产业工会 it is narrowed to. */
export interface StoredAudience {
  audienceOrgId: string;
  audienceOrgName: string;
  audiencePath: string[];
  industryOrgIds: string[];
  industryNames: string[];
}

/** What an editor sets, as stored: the definition with its audience resolved and the window instants. */
export function definitionFields(def: SurveyDefinition, audience: StoredAudience) {
  const { opensAt, closesAt } = surveyWindow(def.opensOn, def.closesOn);
  return {
    title: def.title,
    intro: def.intro,
    ...audience,
    groups: [...new Set(def.audience.groups)],
    opensOn: def.opensOn,
    closesOn: def.closesOn,
    opensAt,
    closesAt,
    anonymous: def.anonymous,
    resultsPublic: def.resultsPublic,
    textsPublic: def.textsPublic,
    targetCount: def.targetCount,
    sections: def.sections,
    questionCount: questionCount(def.sections),
    startCount: answerProgress(def.sections, {}).shown,
  };
}

export type DefinitionFields = ReturnType<typeof definitionFields>;

/** A new draft (新建调查, 复制为新草稿, or a demo seed's) by `creator`, at version 1. */
export function newDraft(
  fields: DefinitionFields,
  creator: { openid: string; name: string },
  now: Date,
  copiedFrom: string | null,
): Omit<SurveyDoc, '_id'> {
  return {
    ...fields,
    status: 'draft',
    version: 1,
    shards: COUNTER_SHARDS,
    createdBy: creator.openid,
    createdByName: creator.name,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    closedAt: null,
    copiedFrom,
  };
}

/**
 * One counter shard in `surveyCounters`. Which of the shard's answers its counters hold (counting.ts):
 * every answer created before `vt`, and the answers marked in `m` (answer _id → createdAt in ms).
 */
export interface CounterDoc {
  _id: string;
  surveyId: string;
  k: number;
  c: Counters;
  vt: Date;
  m: Record<string, number>;
  updatedAt?: Date;
}

/**
 * The empty shards of a survey. Nothing is settled yet (`vt` at the epoch, not at publication: another
 * instance's clock may run a little behind, and an answer stamped before `vt` would never count).
 */
export function newShards(surveyId: string, shards: number): CounterDoc[] {
  return Array.from({ length: shards }, (_, k) => ({
    _id: shardId(surveyId, k),
    surveyId,
    k,
    c: {},
    vt: new Date(0),
    m: {},
  }));
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
