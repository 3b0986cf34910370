/**
 * Who a survey is for and when it takes answers (第五条（一）: 分层级、分类别): the audience check, the
 * phase on the clock, who manages a survey, and the respondent facts results are broken down by.
 */
import { isStaff, type Role } from '../roles';
import type { OrgType } from '../schemas/org';
import {
  workerGroupLabels,
  type SurveyPhase,
  type SurveyStatus,
  type WorkerGroup,
  type SurveyDimension,
} from '../schemas/survey';
import { businessDate, businessDayStart, businessInstant, onBusinessDay } from '../time';
import { inSubtree } from './scope';

/** The segment of answers with no value in a dimension (no district: e.g. under an industry union). */
export const NO_SEGMENT = '_none';
export const noSegmentLabels: Record<SurveyDimension, string> = {
  district: '未归属区市县',
  industry: '未归属产业工会',
  group: '未选择群体',
};

export interface AudienceFacts {
  orgId: string;
  orgName: string;
  industryOrgIds: readonly string[];
  industryNames?: readonly string[];
  groups: readonly WorkerGroup[];
}

/** 中山区总工会 · 交通运输工会 · 女职工、农民工 */
export function audienceLabel(a: AudienceFacts): string {
  const parts = [a.orgName];
  if (a.industryNames && a.industryNames.length > 0) parts.push(a.industryNames.join('、'));
  if (a.groups.length > 0) parts.push(a.groups.map((g) => workerGroupLabels[g]).join('、'));
  return parts.join(' · ');
}

/**
 * Why this respondent is outside the survey's audience (Chinese, fit to show), or null when inside:
 * their union must lie under the audience org (and under one of its 产业工会 when narrowed), and when
 * the survey is aimed at groups they must say they belong to one.
 */
export function audienceRefusal(
  a: AudienceFacts,
  respondent: { orgPath: readonly string[]; groups: readonly WorkerGroup[] },
): string | null {
  if (!inSubtree(respondent.orgPath, a.orgId)) return `这份调查面向${a.orgName}的职工，您不在调查范围内`;
  if (a.industryOrgIds.length > 0 && !a.industryOrgIds.some((id) => respondent.orgPath.includes(id))) {
    const names = a.industryNames?.length ? a.industryNames.join('、') : '指定产业工会';
    return `这份调查面向${names}的职工，您不在调查范围内`;
  }
  if (a.groups.length > 0 && !a.groups.some((g) => respondent.groups.includes(g))) {
    return `这份调查面向${a.groups.map((g) => workerGroupLabels[g]).join('、')}，请先选择您所属的群体；不属于这些群体的职工不用填写`;
  }
  return null;
}

/** Whether the audience could include this respondent before groups are asked (lists of open surveys). */
export function inAudienceOrg(a: Pick<AudienceFacts, 'orgId' | 'industryOrgIds'>, orgPath: readonly string[]): boolean {
  return (
    inSubtree(orgPath, a.orgId) &&
    (a.industryOrgIds.length === 0 || a.industryOrgIds.some((id) => orgPath.includes(id)))
  );
}

/** Staff manage the surveys whose audience org lies in their own subtree. */
export function canManageSurvey(user: { role: Role; orgId: string }, audiencePath: readonly string[]): boolean {
  return isStaff(user.role) && inSubtree(audiencePath, user.orgId);
}

/** The instants of a survey's business dates: opensOn 00:00 to the day after closesOn 00:00, Shanghai. */
export function surveyWindow(opensOn: string, closesOn: string): { opensAt: Date; closesAt: Date } {
  const opensAt = businessDayStart(opensOn);
  const closesAt = businessInstant(onBusinessDay(closesOn).add(1, 'day'));
  return { opensAt, closesAt };
}

export interface PhaseFacts {
  status: SurveyStatus;
  opensAt: Date;
  closesAt: Date;
}

/** draft → (published: scheduled → open → closed by the clock) → closed. */
export function surveyPhase(s: PhaseFacts, now: Date): SurveyPhase {
  if (s.status === 'draft') return 'draft';
  if (s.status === 'closed') return 'closed';
  if (now.getTime() < s.opensAt.getTime()) return 'scheduled';
  if (now.getTime() >= s.closesAt.getTime()) return 'closed';
  return 'open';
}

/** Why the survey takes no answer now (Chinese), or null when it is open. */
export function answerWindowRefusal(s: PhaseFacts & { closedAt?: Date | null }, now: Date): string | null {
  switch (surveyPhase(s, now)) {
    case 'draft':
      return '这份调查还没有发布';
    case 'scheduled':
      return `这份调查 ${businessDate(s.opensAt)} 开始，请到时再来填写`;
    case 'closed': {
      // closesAt is exclusive: the last day is the one before it.
      const last = s.closedAt ? businessDate(s.closedAt) : businessDate(s.closesAt.getTime() - 1);
      return `这份调查已于 ${last} 结束，不能再提交`;
    }
    case 'open':
      return null;
  }
}

export interface PathOrg {
  _id: string;
  type: OrgType;
}

export interface RespondentDims {
  /** 区市县（开放先导区）总工会 above the respondent's union, or NO_SEGMENT. */
  d: string;
  /** 产业工会 above the respondent's union, or NO_SEGMENT. */
  i: string;
  /** Groups the respondent belongs to (empty: none said). */
  g: WorkerGroup[];
}

/** The respondent's breakdown facts from the orgs on their path. */
export function respondentDims(pathOrgs: readonly PathOrg[], groups: readonly WorkerGroup[]): RespondentDims {
  const district = pathOrgs.find((o) => o.type === 'district');
  const industry = pathOrgs.find((o) => o.type === 'industry');
  return {
    d: district?._id ?? NO_SEGMENT,
    i: industry?._id ?? NO_SEGMENT,
    g: [...new Set(groups)].sort(),
  };
}

/** Rough answering time: ~20 s a question, at least a minute. */
export function answeringMinutes(questionCount: number): number {
  return Math.max(1, Math.round(questionCount / 3));
}
