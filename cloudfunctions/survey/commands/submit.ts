/**
 * 提交答卷 and 线下代录. The answer is stored, then counted into its counter shard with `_.inc` (one
 * conditional update, counting.ts), so results never scan answers. One answer per person: the unique
 * index (surveyId, respondentKey) turns a repeat — even one racing the first — into "already
 * submitted", with nothing new stored.
 */
import {
  AppError,
  answerWindowRefusal,
  audienceRefusal,
  checkAnswers,
  inSubtree,
  offlineAuthorKey,
  respondentDims,
  textsOf,
  type Org,
  type PathOrg,
  type SubmitOfflineSurveyInput,
  type SubmitSurveyInput,
  type SubmitSurveyOutput,
  type WorkerGroup,
} from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../../common/context';
import { loadSurvey, surveyJoins } from '../load';
import { shardId, type AnswerDoc, type SurveyDoc } from '../model';
import { respondentKey, respondentSecret, shardOf } from '../secret';
import { countAnswer } from '../counting';
import { isDuplicateKey } from '../../common/app';
import { checkTexts } from '../support';
import { authorizeOrg } from '../../common/scope';
import { isManager } from '../view';

/** The survey and the orgs on the caller's path (district / industry), with the profile: one request. */
export const submitJoins = surveyJoins({ pathOrgs: true });
export const submitOfflineJoins = surveyJoins();

interface Respondent {
  /** OPENID or offline worker key (before hashing for an anonymous survey). */
  person: string;
  orgPath: readonly string[];
  pathOrgs: readonly PathOrg[];
  groups: WorkerGroup[];
  named: { openid: string | null; name: string; orgId: string; orgName: string };
  offline: AnswerDoc['offline'];
}

/** Checks and stores one answer; shared by online and offline submission. */
async function store(
  ctx: Ctx,
  survey: SurveyDoc,
  answers: SubmitSurveyInput['answers'],
  who: Respondent,
): Promise<{ status: 'submitted' | 'alreadySubmitted' }> {
  const closed = answerWindowRefusal(survey, ctx.now);
  if (closed) throw new AppError('WINDOW_CLOSED', closed);
  const outside = audienceRefusal(
    {
      orgId: survey.audienceOrgId,
      orgName: survey.audienceOrgName,
      industryOrgIds: survey.industryOrgIds,
      industryNames: survey.industryNames,
      groups: survey.groups,
    },
    { orgPath: who.orgPath, groups: who.groups },
  );
  if (outside) {
    const groupsMissing = survey.groups.length > 0 && inSubtree(who.orgPath, survey.audienceOrgId);
    throw new AppError(
      'FORBIDDEN',
      outside,
      groupsMissing ? [{ path: 'groups', message: '请选择您所属的群体' }] : undefined,
    );
  }
  const { fields, items } = checkAnswers(survey.sections, answers);
  if (fields.length > 0) {
    throw new AppError('INVALID_INPUT', `答卷还有 ${fields.length} 处需要修改，请查看标出的题目`, fields);
  }
  const textModeration = await checkTexts(ctx, textsOf(items));
  const secret = survey.anonymous ? await respondentSecret(ctx) : null;
  const key = respondentKey(secret, survey._id, who.person);
  const dims = respondentDims(who.pathOrgs, who.groups);
  const shard = shardId(survey._id, shardOf(key, survey.shards));
  const doc: Omit<AnswerDoc, '_id'> = {
    surveyId: survey._id,
    respondentKey: key,
    shard,
    channel: who.offline ? 'offline' : 'online',
    dims,
    items,
    textModeration,
    // Anonymous: no OPENID, no name, no union — only the district / industry / group facts.
    respondent: survey.anonymous ? null : who.named,
    offline: who.offline,
    createdAt: ctx.now,
  };
  let _id: string;
  try {
    _id = String((await ctx.db.collection('surveyAnswers').add({ data: doc }))._id);
  } catch (e) {
    if (isDuplicateKey(e)) return { status: 'alreadySubmitted' };
    throw e;
  }
  // Stored is submitted: if counting fails now, settling counts the answer within minutes.
  try {
    await countAnswer(ctx.db, survey, { ...doc, _id }, ctx.now);
  } catch (e) {
    console.error(`survey ${survey._id}: answer ${_id} stored, counting left to settling`, e);
  }
  return { status: 'submitted' };
}

/** 提交答卷 (online, as the caller). */
export async function submit(ctx: Ctx, input: SubmitSurveyInput): Promise<SubmitSurveyOutput> {
  const { user, survey, pathOrgs } = await loadSurvey(ctx);
  if (survey.status === 'draft' && !isManager(user, survey))
    throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
  const groups = input.groups.length > 0 ? input.groups : declaredGroups(user);
  const { status } = await store(ctx, survey, input.answers, {
    person: ctx.openid,
    orgPath: user.orgPath,
    pathOrgs,
    groups,
    named: { openid: ctx.openid, name: user.name, orgId: user.orgId, orgName: user.orgName },
    offline: null,
  });
  return {
    surveyId: survey._id,
    status,
    submittedAt: status === 'submitted' ? ctx.now.toISOString() : null,
    canSeeResults: survey.resultsPublic || isManager(user, survey),
    matchedMember: null,
  };
}

/** Groups kept on a profile, if a later profile field holds them. */
function declaredGroups(user: UserDoc): WorkerGroup[] {
  const groups = (user as UserDoc & { groups?: unknown }).groups;
  return Array.isArray(groups) ? (groups.filter((g) => typeof g === 'string') as WorkerGroup[]) : [];
}

/**
 * 线下代录: a cadre enters a paper or on-site answer for a worker of their own union (staff: of a union in
 * their subtree). When the worker is a bound member of that union the answer counts as theirs, so
 * their own online answer later is a repeat; otherwise the worker is keyed by union and name.
 */
export async function submitOffline(ctx: Ctx, input: SubmitOfflineSurveyInput): Promise<SubmitSurveyOutput> {
  const { user, survey } = await loadSurvey(ctx);
  if (survey.status === 'draft') throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
  const org = await workerUnion(ctx, user, input.orgId);
  const _ = ctx.db.command;
  const [pathRes, memberRes] = await Promise.all([
    ctx.db
      .collection('orgs')
      .where({ _id: _.in(org.path) })
      .limit(org.path.length)
      .get(),
    ctx.db
      .collection('users')
      .where({ orgId: org._id, name: input.workerName })
      .field({ _id: true, openid: true })
      .limit(2)
      .get(),
  ]);
  const members = memberRes.data as Array<{ openid: string }>;
  const member = members.length === 1 ? members[0] : null;
  const { status } = await store(ctx, survey, input.answers, {
    person: member ? member.openid : offlineAuthorKey(org._id, input.workerName),
    orgPath: org.path,
    pathOrgs: pathRes.data as PathOrg[],
    groups: input.groups,
    named: { openid: member?.openid ?? null, name: input.workerName, orgId: org._id, orgName: org.name },
    offline: { enteredBy: ctx.openid, enteredByName: user.name, paperNo: input.paperNo ?? null },
  });
  return {
    surveyId: survey._id,
    status,
    submittedAt: status === 'submitted' ? ctx.now.toISOString() : null,
    canSeeResults: isManager(user, survey),
    matchedMember: member !== null,
  };
}

/** The worker's grassroots union: a cadre's own; staff name one in their subtree. */
async function workerUnion(ctx: Ctx, user: UserDoc, orgId: string | undefined): Promise<Org> {
  if (user.role === 'cadre') {
    if (orgId && orgId !== user.orgId) {
      throw new AppError('FORBIDDEN', '基层工会干部只能为本会职工代录', [{ path: 'orgId', message: '只能选本会' }]);
    }
    orgId = user.orgId;
  }
  if (!orgId)
    throw new AppError('INVALID_INPUT', '请选择职工所在的基层工会', [{ path: 'orgId', message: '请选择基层工会' }]);
  const res = await ctx.db.collection('orgs').where({ _id: orgId }).limit(1).get();
  const org = res.data[0] as Org | undefined;
  if (!org)
    throw new AppError('INVALID_INPUT', '找不到这个组织，请重新选择', [{ path: 'orgId', message: '组织不存在' }]);
  await authorizeOrg(ctx, { orgPath: org.path }, { what: org.name });
  if (org.type !== 'grassroots') {
    throw new AppError('INVALID_INPUT', '请选择职工所在的基层工会', [{ path: 'orgId', message: '请选择基层工会' }]);
  }
  return org;
}
