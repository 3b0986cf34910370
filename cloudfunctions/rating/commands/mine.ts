/** 我的评价: the caller's own rating (found by their keyed hash), whether they may rate or change it. */
import type { RatingMineOutput, RatingProjectInput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { eligibilityRefusal, groupsOf, loadRating } from '../load';
import { settingsOut } from '../view';
import { ownRating } from './submit';

export async function mine(ctx: Ctx, input: RatingProjectInput): Promise<RatingMineOutput> {
  const l = await loadRating(ctx, input.projectId);
  const settings = settingsOut(ctx, l.project, l.settings);
  const refusal = eligibilityRefusal(l, groupsOf(l.user));
  const rating = l.rating ? ownRating(l.rating, ctx.now) : null;
  return {
    projectId: l.project._id,
    projectTitle: l.project.title,
    settings,
    eligible: refusal === null,
    ineligibleReason: refusal,
    rating,
    canSubmit: settings.open && refusal === null && (rating === null || rating.editable),
  };
}
