/** 调查依据: a survey's results cited for a proposal or a project (later work reads `surveyEvidence`). */
import { AppError, inSubtree, questionsInOrder, type LinkEvidenceInput, type EvidenceLink } from '@shishi/shared-types';
import { audit } from '../../common/audit';
import { authorizeOrg } from '../../common/scope';
import type { Ctx } from '../../common/context';
import { loadSurvey, surveyJoins } from '../load';
import type { EvidenceDoc } from '../model';
import { toEvidence } from '../../common/evidence';
import { isManager } from '../view';

export const evidenceJoins = surveyJoins();

const targetLabels = { proposal: '建议', project: '项目' } as const;
const targetCollections = { proposal: 'proposals', project: 'projects' } as const;

/**
 * Links a published survey to a proposal or project in the caller's subtree. The survey must be one
 * they manage, or one whose audience covers the target (a city-wide survey backs a district's project).
 * Linking again updates the note and questions.
 */
export async function linkEvidence(ctx: Ctx, input: LinkEvidenceInput): Promise<{ link: EvidenceLink }> {
  const { user, survey } = await loadSurvey(ctx);
  if (survey.status === 'draft') throw new AppError('CONFLICT', '草稿调查还没有结果，不能作为依据');
  const ids = new Set(questionsInOrder(survey.sections).map((x) => x.question.id));
  const unknown = input.questionIds
    .map((id, k) => ({ id, k }))
    .filter((x) => !ids.has(x.id))
    .map((x) => ({ path: `questionIds.${x.k}`, message: '问卷里没有这道题' }));
  if (unknown.length > 0) throw new AppError('INVALID_INPUT', '引用的题目不在这份问卷里', unknown);

  const label = targetLabels[input.targetType];
  const res = await ctx.db
    .collection(targetCollections[input.targetType])
    .where({ _id: input.targetId })
    .field({ title: true, orgPath: true })
    .limit(1)
    .get();
  const target = res.data[0] as { _id: string; title: string; orgPath: string[] } | undefined;
  if (!target) {
    throw new AppError('INVALID_INPUT', `找不到这个${label}`, [{ path: 'targetId', message: `${label}不存在` }]);
  }
  await authorizeOrg(ctx, { orgPath: target.orgPath ?? [] }, { field: 'targetId', what: `这个${label}` });
  // A survey the caller does not manage still backs a record its audience covers.
  if (!isManager(user, survey) && !inSubtree(target.orgPath ?? [], survey.audienceOrgId))
    throw new AppError('FORBIDDEN', `这份调查不在您的管辖范围内，也没有覆盖这个${label}`);

  const doc: EvidenceDoc = {
    _id: `${survey._id}_${input.targetType}_${target._id}`,
    surveyId: survey._id,
    surveyTitle: survey.title,
    targetType: input.targetType,
    targetId: target._id,
    targetTitle: target.title,
    note: input.note,
    questionIds: [...new Set(input.questionIds)],
    linkedBy: ctx.openid,
    linkedByName: user.name,
    linkedAt: ctx.now,
  };
  const { _id, ...data } = doc;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    await t.collection('surveyEvidence').doc(_id).set({ data });
    await audit(ctx, t, [
      {
        action: 'linkEvidence',
        targetType: 'survey',
        targetId: survey._id,
        from: null,
        to: `${input.targetType}:${target._id}`,
      },
    ]);
  });
  return { link: toEvidence(doc) };
}
