/** 职工评价: workers rate projects anonymously; staff open rating, read the summary, export. */
import { defineFunction } from '../common/app';
import { comments, moderateComment } from './commands/comments';
import { configure } from './commands/configure';
import { exportRatings } from './commands/export';
import { mine } from './commands/mine';
import { recompute } from './commands/recompute';
import { submit } from './commands/submit';
import { summary } from './commands/summary';

export const ratingFunction = defineFunction('rating', {
  configure,
  submit,
  mine,
  summary,
  export: exportRatings,
  comments,
  moderateComment,
  recompute,
});
