/** Building a survey: create, update (safe edits only once answered), publish, close, duplicate. */
import {
  answerProgress,
  AppError,
  businessDate,
  onBusinessDay,
  inSubtree,
  publishProblems,
  surveyLifecycle,
  surveyWindow,
  unsafeEditProblems,
  type CreateSurveyInput,
  type FieldError,
  type GetSurveyOutput,
  type Org,
  type SurveyDefinition,
  type SurveyIdInput,
  type UpdateSurveyInput,
} from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../../common/context';
import { loadSurvey, responsesOf, surveyJoins } from '../load';
import {
  definitionFields,
  newDraft,
  newShards,
  type DefinitionFields,
  type StoredAudience,
  type SurveyDoc,
} from '../model';
import { isDuplicateKey } from '../../common/app';
import { audit } from '../../common/audit';
import { authorizeOrg, refuse, requireTransition } from '../../common/scope';
import { detailOf } from '../view';

const pathOf = (p: Array<string | number>) => p.map(String).join('.');

/** A survey as its lifecycle and the access policy see it. */
const subjectOf = (s: SurveyDoc) => ({ title: s.title, state: s.status });
const targetOf = (s: SurveyDoc) => ({ orgPath: s.audiencePath });

/**
 * Moves a survey along its lifecycle in one transaction with its audit entry; the state is checked again
 * on the record as read there (a concurrent publish or close is refused, not repeated).
 */
async function moveSurvey(
  ctx: Ctx,
  survey: SurveyDoc,
  transition: 'publish' | 'close',
  data: Partial<SurveyDoc>,
): Promise<void> {
  const rule = surveyLifecycle.transitions[transition];
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('surveys').doc(survey._id);
    const current = (await ref.get()).data as SurveyDoc | null;
    if (!current) throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
    if (current.status === rule.to) return; // done meanwhile by someone else: nothing to repeat
    refuse(surveyLifecycle.stateRefusal(transition, subjectOf(current)));
    await ref.update({ data });
    await audit(ctx, t, [
      { action: `${transition}Survey`, targetType: 'survey', targetId: survey._id, from: current.status, to: rule.to },
    ]);
  });
}

function invalid(fields: FieldError[]): AppError {
  return new AppError('INVALID_INPUT', `填写有误：${fields.map((f) => f.message).join('；')}`, fields);
}

/** The audience org (in the caller's subtree) and its 产业工会 filter (industry unions inside it). */
async function resolveAudience(
  ctx: Ctx,
  user: UserDoc,
  audience: SurveyDefinition['audience'],
  fallbackOrgId: string,
): Promise<StoredAudience> {
  const orgId = audience.orgId ?? fallbackOrgId;
  const industryIds = [...new Set(audience.industryOrgIds)];
  const ids = [...new Set([orgId, ...industryIds])];
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('orgs')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  const byId = new Map((res.data as Org[]).map((o) => [o._id, o]));
  const org = byId.get(orgId);
  if (!org) throw invalid([{ path: 'audience.orgId', message: '组织不存在' }]);
  await authorizeOrg(ctx, { orgPath: org.path }, { field: 'audience.orgId', what: `调查对象${org.name}` });
  const fields: FieldError[] = [];
  const industries: Org[] = [];
  industryIds.forEach((id, k) => {
    const ind = byId.get(id);
    const path = `audience.industryOrgIds.${k}`;
    if (!ind) fields.push({ path, message: '组织不存在' });
    else if (ind.type !== 'industry') fields.push({ path, message: '请选择产业工会' });
    else if (!inSubtree(ind.path, org._id)) fields.push({ path, message: `不在${org.name}的范围内` });
    else industries.push(ind);
  });
  if (fields.length > 0) throw invalid(fields);
  return {
    audienceOrgId: org._id,
    audienceOrgName: org.name,
    audiencePath: org.path,
    industryOrgIds: industries.map((o) => o._id),
    industryNames: industries.map((o) => o.name),
  };
}

/** The definition fields as stored; the closing date may not be past. */
function checkedFields(ctx: Ctx, def: SurveyDefinition, audience: StoredAudience): DefinitionFields {
  if (def.closesOn < businessDate(ctx.now)) throw invalid([{ path: 'closesOn', message: '结束日期不能早于今天' }]);
  return definitionFields(def, audience);
}

/** Stores a new draft by the caller (新建 or 复制, from `copiedFrom`) and answers with it. */
async function addDraft(
  ctx: Ctx,
  user: UserDoc,
  fields: DefinitionFields,
  copiedFrom: string | null,
  action: 'createSurvey' | 'duplicateSurvey',
): Promise<GetSurveyOutput> {
  const doc = newDraft(fields, { openid: ctx.openid, name: user.name }, ctx.now, copiedFrom);
  let id = '';
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    id = (await t.collection('surveys').add({ data: doc }))._id as string;
    await audit(ctx, t, [{ action, targetType: 'survey', targetId: id, from: copiedFrom, to: 'draft' }]);
  });
  const saved = { ...doc, _id: id };
  return detailOf(saved, user, ctx.now, {
    submitted: false,
    refusal: '这份调查还没有发布',
    responses: 0,
    evidence: [],
  });
}

function definitionOf(input: UpdateSurveyInput): SurveyDefinition {
  const { surveyId: _surveyId, version: _version, ...def } = input;
  return def;
}

/** 新建调查: a draft for the caller's scope. */
export async function create(ctx: Ctx, input: CreateSurveyInput): Promise<GetSurveyOutput> {
  const user = await ctx.profile();
  const audience = await resolveAudience(ctx, user, input.audience, user.orgId);
  return addDraft(ctx, user, checkedFields(ctx, input, audience), null, 'createSurvey');
}

export const updateJoins = surveyJoins({ counters: 'count', evidence: true });

/**
 * 修改调查. Drafts and published surveys without answers take any coherent change; once answers
 * exist only changes that keep them valid (rules/surveyDefinition `unsafeEditProblems`). An edit made on
 * an older version than the stored one is refused, so two editors never overwrite each other.
 */
export async function update(ctx: Ctx, input: UpdateSurveyInput): Promise<GetSurveyOutput> {
  const { user, survey, counters, evidence } = await loadSurvey(ctx);
  await requireTransition(ctx, surveyLifecycle, 'edit', subjectOf(survey), targetOf(survey));
  if (input.version !== survey.version)
    throw new AppError('CONFLICT', '这份调查刚被别人修改过，请刷新后再修改', [
      { path: 'version', message: '版本已过期' },
    ]);
  const def = definitionOf(input);
  const audience = await resolveAudience(ctx, user, def.audience, survey.audienceOrgId);
  const responses = responsesOf(counters);
  if (responses > 0) {
    const problems = unsafeEditProblems(
      {
        sections: survey.sections,
        anonymous: survey.anonymous,
        textsPublic: survey.textsPublic ?? false,
        opensOn: survey.opensOn,
        audience: { orgId: survey.audienceOrgId, industryOrgIds: survey.industryOrgIds, groups: survey.groups },
      },
      {
        sections: def.sections,
        anonymous: def.anonymous,
        textsPublic: def.textsPublic,
        opensOn: def.opensOn,
        audience: {
          orgId: audience.audienceOrgId,
          industryOrgIds: audience.industryOrgIds,
          groups: def.audience.groups,
        },
      },
    );
    if (problems.length > 0) {
      const fields = problems.map((p) => ({ path: pathOf(p.path), message: p.message }));
      throw new AppError(
        'INVALID_INPUT',
        `已有 ${responses} 份答卷，这些修改会影响已有答卷：${fields.map((f) => f.message).join('；')}`,
        fields,
      );
    }
  }
  const fields = checkedFields(ctx, def, audience);
  const _ = ctx.db.command;
  const saved: SurveyDoc = { ...survey, ...fields, version: survey.version + 1, updatedAt: ctx.now };
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('surveys').doc(survey._id);
    const current = (await ref.get()).data as SurveyDoc | null;
    if (!current || current.version !== input.version)
      throw new AppError('CONFLICT', '这份调查刚被别人修改过，请刷新后再修改');
    refuse(surveyLifecycle.stateRefusal('edit', subjectOf(current)));
    await ref.update({ data: { ...fields, sections: _.set(fields.sections), version: _.inc(1), updatedAt: ctx.now } });
    await audit(ctx, t, [
      {
        action: 'updateSurvey',
        targetType: 'survey',
        targetId: survey._id,
        from: String(survey.version),
        to: String(saved.version),
      },
    ]);
  });
  return detailOf(saved, user, ctx.now, { submitted: false, refusal: null, responses, evidence });
}

export const lifecycleJoins = surveyJoins({ counters: 'count', evidence: true });

/** 发布: the counter shards are created first (idempotent), then the status moves draft → published. */
export async function publish(ctx: Ctx, _input: SurveyIdInput): Promise<GetSurveyOutput> {
  const { user, survey, counters, evidence } = await loadSurvey(ctx);
  await ctx.authorize(targetOf(survey), '这份调查');
  const facts = { submitted: false, refusal: null, responses: responsesOf(counters), evidence };
  if (survey.status === 'published') return detailOf(survey, user, ctx.now, facts);
  await requireTransition(ctx, surveyLifecycle, 'publish', subjectOf(survey), targetOf(survey));
  const problems = publishProblems(survey);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: pathOf(p.path), message: p.message })));
  if (survey.closesAt.getTime() <= ctx.now.getTime())
    throw invalid([{ path: 'closesOn', message: '结束日期已过，请先修改结束日期' }]);
  try {
    await ctx.db.collection('surveyCounters').add({ data: newShards(survey._id, survey.shards) });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  const to = surveyLifecycle.transitions.publish.to;
  await moveSurvey(ctx, survey, 'publish', { status: to, publishedAt: ctx.now, updatedAt: ctx.now });
  const saved: SurveyDoc = { ...survey, status: to, publishedAt: ctx.now, updatedAt: ctx.now };
  return detailOf(saved, user, ctx.now, facts);
}

/** 提前结束: no answer is taken after this instant. */
export async function close(ctx: Ctx, _input: SurveyIdInput): Promise<GetSurveyOutput> {
  const { user, survey, counters, evidence } = await loadSurvey(ctx);
  await ctx.authorize(targetOf(survey), '这份调查');
  const facts = { submitted: false, refusal: '这份调查已结束', responses: responsesOf(counters), evidence };
  if (survey.status === 'closed') return detailOf(survey, user, ctx.now, facts);
  await requireTransition(ctx, surveyLifecycle, 'close', subjectOf(survey), targetOf(survey));
  const closesAt = new Date(Math.min(survey.closesAt.getTime(), ctx.now.getTime()));
  const to = surveyLifecycle.transitions.close.to;
  await moveSurvey(ctx, survey, 'close', { status: to, closedAt: ctx.now, closesAt, updatedAt: ctx.now });
  const saved: SurveyDoc = { ...survey, status: to, closedAt: ctx.now, closesAt, updatedAt: ctx.now };
  return detailOf(saved, user, ctx.now, facts);
}

export const duplicateJoins = surveyJoins();

/** 复制为新草稿: same questions and audience; dates moved to start today when the old ones are past. */
export async function duplicate(ctx: Ctx, _input: SurveyIdInput): Promise<GetSurveyOutput> {
  const { user, survey } = await loadSurvey(ctx);
  await ctx.authorize(targetOf(survey), '这份调查');
  const today = businessDate(ctx.now);
  let { opensOn, closesOn } = survey;
  if (closesOn < today) {
    const days = onBusinessDay(closesOn).diff(onBusinessDay(opensOn), 'day');
    opensOn = today;
    closesOn = onBusinessDay(today).add(days, 'day').format('YYYY-MM-DD');
  }
  const { opensAt, closesAt } = surveyWindow(opensOn, closesOn);
  const title = Array.from(`${survey.title}（副本）`).slice(0, 60).join('');
  const {
    _id: sourceId,
    status: _status,
    version: _version,
    publishedAt: _publishedAt,
    closedAt: _closedAt,
    createdAt: _createdAt,
    createdBy: _createdBy,
    createdByName: _createdByName,
    copiedFrom: _copiedFrom,
    ...rest
  } = survey;
  const fields = {
    ...rest,
    textsPublic: rest.textsPublic ?? false,
    startCount: answerProgress(rest.sections, {}).shown,
  };
  return addDraft(ctx, user, { ...fields, title, opensOn, closesOn, opensAt, closesAt }, sourceId, 'duplicateSurvey');
}
