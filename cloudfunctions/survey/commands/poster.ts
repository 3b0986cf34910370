/** 分享海报: the 小程序码 of a published survey's answering page (the weapp share page prints it). */
import { AppError, type SurveyIdInput, type SurveyPosterOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { posterMiniCode } from '../../common/miniCode';
import { loadSurvey, surveyJoins } from '../load';

export const posterJoins = surveyJoins();

/** The answering page (a subpackage root); it reads the survey id from `id`, or from the code's `scene`. */
export const SURVEY_ANSWER_PAGE = 'pages/survey-answer/index';

/**
 * The code (scene = the survey id) for staff of the survey's org, only while the survey takes answers:
 * a draft cannot be answered yet and an ended survey no longer can, so neither gets a poster (CONFLICT,
 * nothing made or stored). Made once per survey and reused (common/miniCode.ts).
 */
export async function poster(ctx: Ctx, _input: SurveyIdInput): Promise<SurveyPosterOutput> {
  const { survey } = await loadSurvey(ctx);
  await ctx.authorize({ orgPath: survey.audiencePath }, '这份调查');
  if (survey.status === 'draft') throw new AppError('CONFLICT', '这份调查还是草稿，发布后才能生成分享海报');
  if (survey.status !== 'published' || survey.closesAt.getTime() <= ctx.now.getTime())
    throw new AppError('CONFLICT', '这份调查已经结束，不再接受答卷，不用再生成分享海报');
  return { miniCodeUrl: await posterMiniCode(ctx, { page: SURVEY_ANSWER_PAGE, scene: survey._id, folder: 'survey' }) };
}
