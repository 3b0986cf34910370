/**
 * 职工评价: the `rating` contracts are registered here, so their schemas ship only with the pages that
 * import this module (the rating subpackage and the project subpackage), never with the main package.
 */
import {
  ratingContracts,
  type RatingCommentsOutput,
  type RatingConfigureInput,
  type RatingConfigureOutput,
  type RatingExportOutput,
  type RatingMineOutput,
  type RatingModerateInput,
  type RatingModerateOutput,
  type RatingSubmitInput,
  type RatingSubmitOutput,
  type RatingSummaryOutput,
} from '@shishi/shared-types/src/contracts/rating';
import { invoke, registerContracts } from '../../services/call';

registerContracts('rating', ratingContracts);

/** The caller's own rating of a project, whether they may rate it and why not. */
export function fetchMyRating(projectId: string): Promise<RatingMineOutput> {
  return invoke('rating', 'mine', { projectId });
}

/** Submits a rating, or changes it within 7 days of the first submission. */
export function submitRating(input: RatingSubmitInput): Promise<RatingSubmitOutput> {
  return invoke('rating', 'submit', input);
}

/** Counts, means and distributions (workers: from 5 ratings; the project's staff: at any count). */
export function fetchRatingSummary(projectId: string): Promise<RatingSummaryOutput> {
  return invoke('rating', 'summary', { projectId });
}

/** 开放评价 (staff): the opening day and who may rate. */
export function configureRating(input: RatingConfigureInput): Promise<RatingConfigureOutput> {
  return invoke('rating', 'configure', input);
}

/** 导出评价 (staff): every rating of the project as .xlsx, no names. */
export function exportRatings(projectId: string): Promise<RatingExportOutput> {
  return invoke('rating', 'export', { projectId });
}

/**
 * 评价意见 (staff), newest day first, 50 a page (`after`: the previous page's `next`): those that passed the
 * content check (`pass`), or those waiting for a person's review (`review`).
 */
export function fetchRatingComments(
  projectId: string,
  after: string | null,
  state: 'pass' | 'review' = 'pass',
): Promise<RatingCommentsOutput> {
  return invoke('rating', 'comments', after ? { projectId, state, after } : { projectId, state });
}

/** 审核评价意见 (staff): pass or reject a comment waiting for review. */
export function moderateComment(input: RatingModerateInput): Promise<RatingModerateOutput> {
  return invoke('rating', 'moderateComment', input);
}
