/** Surveys as people see them: the definition, the phase on the clock, what staff may still change. */
import {
  access,
  accessRefusal,
  answeringMinutes,
  audienceLabel,
  surveyPhase,
  surveyStaffRoles,
  type GetSurveyOutput,
  type Survey,
  type SurveyCard,
  type SurveyManage,
} from '@shishi/shared-types';
import { actorOf, type UserDoc } from '../common/context';
import { iso } from '../common/serialize';
import { toEvidence } from '../common/evidence';
import type { EvidenceDoc, SurveyDoc } from './model';

export function audienceOf(doc: SurveyDoc): Survey['audience'] {
  const facts = {
    orgId: doc.audienceOrgId,
    orgName: doc.audienceOrgName,
    industryOrgIds: doc.industryOrgIds,
    industryNames: doc.industryNames,
    groups: doc.groups,
  };
  return {
    orgId: doc.audienceOrgId,
    orgName: doc.audienceOrgName,
    industryOrgIds: doc.industryOrgIds,
    groups: doc.groups,
    label: audienceLabel(facts),
  };
}

export function toSurvey(doc: SurveyDoc, now: Date): Survey {
  return {
    _id: doc._id,
    title: doc.title,
    intro: doc.intro,
    audience: audienceOf(doc),
    opensOn: doc.opensOn,
    closesOn: doc.closesOn,
    opensAt: iso(doc.opensAt),
    closesAt: iso(doc.closesAt),
    anonymous: doc.anonymous,
    resultsPublic: doc.resultsPublic,
    textsPublic: doc.textsPublic ?? false,
    targetCount: doc.targetCount,
    sections: doc.sections,
    status: doc.status,
    phase: surveyPhase(doc, now),
    version: doc.version,
    questionCount: doc.questionCount,
    createdByName: doc.createdByName,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    publishedAt: doc.publishedAt ? iso(doc.publishedAt) : null,
    closedAt: doc.closedAt ? iso(doc.closedAt) : null,
    copiedFrom: doc.copiedFrom,
  };
}

export function toCard(
  doc: Omit<SurveyDoc, 'sections'>,
  now: Date,
  extra: { responses: number | null; submitted: boolean | null },
): SurveyCard {
  return {
    _id: doc._id,
    title: doc.title,
    intro: doc.intro,
    audienceLabel: audienceLabel({
      orgId: doc.audienceOrgId,
      orgName: doc.audienceOrgName,
      industryOrgIds: doc.industryOrgIds,
      industryNames: doc.industryNames,
      groups: doc.groups,
    }),
    status: doc.status,
    phase: surveyPhase(doc, now),
    opensAt: iso(doc.opensAt),
    closesAt: iso(doc.closesAt),
    opensOn: doc.opensOn,
    closesOn: doc.closesOn,
    anonymous: doc.anonymous,
    resultsPublic: doc.resultsPublic,
    textsPublic: doc.textsPublic ?? false,
    questionCount: doc.questionCount,
    startCount: doc.startCount ?? doc.questionCount,
    minutes: answeringMinutes(doc.questionCount),
    responses: extra.responses,
    submitted: extra.submitted,
    updatedAt: iso(doc.updatedAt),
  };
}

/** Who manages a survey, by the access policy: staff whose subtree holds its audience. */
const managers = access(surveyStaffRoles, 'subtree');

/** Whether the caller manages the survey (sees everything, may change it): the policy, not a check of its own. */
export function isManager(user: UserDoc, doc: Pick<SurveyDoc, 'audiencePath'>): boolean {
  return accessRefusal(actorOf(user), managers, { orgPath: doc.audiencePath }) === null;
}

/** What staff may still do, with the notice the editor shows when changes are limited. */
export function manageOf(doc: SurveyDoc, responses: number): SurveyManage {
  const answersExist = responses > 0;
  let editNotice: string | null = null;
  if (doc.status === 'closed') editNotice = '调查已结束，不能再修改；需要再次调查时可以复制为新的草稿';
  else if (answersExist)
    editNotice = `已有 ${responses} 份答卷：只能修改文字、在单选或多选题末尾添加选项、添加选答题；不能删除题目或选项、修改题型、显示条件、是否匿名和调查对象`;
  return {
    responses,
    answersExist,
    canEdit: doc.status !== 'closed',
    editNotice,
    canPublish: doc.status === 'draft',
    canClose: doc.status === 'published',
  };
}

export interface DetailFacts {
  submitted: boolean;
  /** Why the caller cannot answer, or null. */
  refusal: string | null;
  responses: number;
  evidence: readonly EvidenceDoc[];
}

/** The reply of get and of every edit. */
export function detailOf(doc: SurveyDoc, user: UserDoc, now: Date, facts: DetailFacts): GetSurveyOutput {
  const manager = isManager(user, doc);
  const phase = surveyPhase(doc, now);
  return {
    survey: toSurvey(doc, now),
    submitted: facts.submitted,
    canAnswer: facts.refusal === null,
    cannotAnswerReason: facts.refusal,
    canSeeResults: manager || (doc.resultsPublic && facts.submitted && phase !== 'draft'),
    manage: manager ? manageOf(doc, facts.responses) : null,
    evidence: facts.evidence.map(toEvidence),
  };
}
