/** Reading surveys: one survey, staff lists of their scope, the surveys open to a worker. */
import {
  AppError,
  answerWindowRefusal,
  audienceRefusal,
  inAudienceOrg,
  surveyPhase,
  type GetSurveyOutput,
  type ListMySurveysInput,
  type ListOpenSurveysOutput,
  type SurveyIdInput,
  type SurveyPage,
} from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../../common/context';
import { pageOf } from '../../common/paging';
import { loadSurvey, responsesOf, surveyJoins } from '../load';
import type { CounterDoc, SurveyDoc } from '../model';
import { respondentKey, respondentSecret } from '../secret';
import { escapeRegExp } from '../support';
import { detailOf, isManager, toCard } from '../view';

/** The caller's respondent key for a survey (their OPENID, or its keyed hash for an anonymous survey). */
export async function callerKey(ctx: Ctx, survey: Pick<SurveyDoc, '_id' | 'anonymous'>): Promise<string> {
  const secret = survey.anonymous ? await respondentSecret(ctx) : null;
  return respondentKey(secret, survey._id, ctx.openid);
}

/** Whether the caller already answered. */
export async function hasAnswered(ctx: Ctx, survey: Pick<SurveyDoc, '_id' | 'anonymous'>): Promise<boolean> {
  const key = await callerKey(ctx, survey);
  const res = await ctx.db
    .collection('surveyAnswers')
    .where({ surveyId: survey._id, respondentKey: key })
    .field({ _id: true })
    .limit(1)
    .get();
  return res.data.length > 0;
}

/** The survey's audience as the shared rules read it; worker groups are not known before answering. */
function audienceOf(survey: SurveyDoc) {
  return {
    orgId: survey.audienceOrgId,
    orgName: survey.audienceOrgName,
    industryOrgIds: survey.industryOrgIds,
    industryNames: survey.industryNames,
    groups: [],
  };
}

/** Why the caller cannot answer now, or null. */
export function answerRefusal(user: UserDoc, survey: SurveyDoc, now: Date, submitted: boolean): string | null {
  const closed = answerWindowRefusal(survey, now);
  if (closed) return closed;
  if (submitted) return '您已经提交过这份调查，感谢参与';
  if (!inAudienceOrg(audienceOf(survey), user.orgPath)) {
    return audienceRefusal(audienceOf(survey), { orgPath: user.orgPath, groups: [] });
  }
  return null;
}

/**
 * Who may open a survey: staff who manage it always; anyone else only once published and only when
 * their union lies in its audience (a draft is not found for them).
 */
export function requireViewer(user: UserDoc, survey: SurveyDoc): void {
  if (isManager(user, survey)) return;
  if (survey.status === 'draft') throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
  if (!inAudienceOrg(audienceOf(survey), user.orgPath)) {
    throw new AppError(
      'FORBIDDEN',
      audienceRefusal(audienceOf(survey), { orgPath: user.orgPath, groups: [] }) ?? '您不在这份调查的范围内',
    );
  }
}

export const getJoins = surveyJoins({ counters: 'count', evidence: true });

export async function get(ctx: Ctx, _input: SurveyIdInput): Promise<GetSurveyOutput> {
  const { user, survey, counters, evidence } = await loadSurvey(ctx);
  requireViewer(user, survey);
  const submitted = survey.status === 'draft' ? false : await hasAnswered(ctx, survey);
  return detailOf(survey, user, ctx.now, {
    submitted,
    refusal: answerRefusal(user, survey, ctx.now, submitted),
    responses: responsesOf(counters),
    evidence,
  });
}

const withoutSections = { sections: false } as const;

/** 本辖区的调查: surveys whose audience lies in the caller's subtree, latest change first. */
export async function listMine(ctx: Ctx, input: ListMySurveysInput): Promise<SurveyPage> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const status = input.status ?? (input.citable ? _.in(['published', 'closed']) : undefined);
  const scope = input.citable
    ? _.or([{ audiencePath: user.orgId }, { audienceOrgId: _.in(user.orgPath) }])
    : { audiencePath: user.orgId };
  const conditions: unknown[] = [scope];
  if (status) conditions.push({ status });
  if (input.keyword) conditions.push({ title: ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' }) });
  const where = conditions.length === 1 ? conditions[0] : _.and(conditions);
  const { docs, total } = await pageOf<SurveyDoc>(
    ctx,
    { collection: 'surveys', where, orderBy: 'updatedAt', order: 'desc', fields: withoutSections },
    input,
  );
  const responses = new Map<string, number>();
  if (docs.length > 0) {
    const res = await ctx.db
      .collection('surveyCounters')
      .where({ surveyId: _.in(docs.map((d) => d._id)) })
      .field({ surveyId: true, 'c.n': true })
      .limit(1000)
      .get();
    for (const shard of res.data as CounterDoc[])
      responses.set(shard.surveyId, (responses.get(shard.surveyId) ?? 0) + (shard.c?.n ?? 0));
  }
  return {
    items: docs.map((d) => toCard(d, ctx.now, { responses: responses.get(d._id) ?? 0, submitted: null })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Recently closed surveys stay listed this long (their public results). */
const RECENT_MS = 30 * 86_400_000;

/**
 * 面向我的调查: published surveys whose audience holds the caller's union, open now (unanswered first,
 * closing soonest first), then recently closed ones with public results that the caller answered.
 */
export async function listOpen(ctx: Ctx): Promise<ListOpenSurveysOutput> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('surveys')
    .where({
      audienceOrgId: _.in(user.orgPath),
      status: _.in(['published', 'closed']),
      closesAt: _.gt(new Date(ctx.now.getTime() - RECENT_MS)),
    })
    // Latest closing first, so open surveys come before the recently closed ones within the limit.
    .orderBy('closesAt', 'desc')
    .limit(100)
    .field(withoutSections)
    .get();
  const surveys = (res.data as SurveyDoc[]).filter(
    (s) =>
      surveyPhase(s, ctx.now) !== 'scheduled' &&
      inAudienceOrg({ orgId: s.audienceOrgId, industryOrgIds: s.industryOrgIds }, user.orgPath),
  );
  const answered = new Set<string>();
  if (surveys.length > 0) {
    const keys = await Promise.all(surveys.map((s) => callerKey(ctx, s)));
    const found = await ctx.db
      .collection('surveyAnswers')
      .where({ surveyId: _.in(surveys.map((s) => s._id)), respondentKey: _.in([...new Set(keys)]) })
      .field({ surveyId: true, respondentKey: true })
      .limit(1000)
      .get();
    const mine = new Set(surveys.map((s, k) => `${s._id}\n${keys[k]}`));
    for (const a of found.data as Array<{ surveyId: string; respondentKey: string }>) {
      if (mine.has(`${a.surveyId}\n${a.respondentKey}`)) answered.add(a.surveyId);
    }
  }
  const open = surveys
    .filter((s) => surveyPhase(s, ctx.now) === 'open')
    .sort(
      (a, b) =>
        Number(answered.has(a._id)) - Number(answered.has(b._id)) || a.closesAt.getTime() - b.closesAt.getTime(),
    );
  const recent = surveys.filter((s) => surveyPhase(s, ctx.now) === 'closed' && s.resultsPublic && answered.has(s._id));
  return {
    items: [...open, ...recent].map((s) => toCard(s, ctx.now, { responses: null, submitted: answered.has(s._id) })),
    now: ctx.now.toISOString(),
  };
}
