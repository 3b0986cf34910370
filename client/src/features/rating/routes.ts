/** Where the rating screens live. */

/** 评价项目 (workers): its own subpackage, opened from the project page or an invitation. */
export const ratingPagePath = 'packages/rating/pages/rate/index';
export const ratingUrl = (projectId: string) => `/${ratingPagePath}?id=${encodeURIComponent(projectId)}`;
