/**
 * 评价意见 for the project's staff: the comments that passed the content check, or those waiting for a
 * person (`moderateComment` passes or rejects them; only passed ones are in the export). A comment comes
 * with its scores, never with who wrote it.
 */
import {
  AppError,
  businessDate,
  type RatingCommentsInput,
  type RatingCommentsOutput,
  type RatingModerateInput,
  type RatingModerateOutput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { loadProject, readOrNull } from '../../project/load';
import type { RatingDoc } from '../model';

const PAGE = 50;

type CommentRow = Pick<RatingDoc, '_id' | 'comment' | 'commentState' | 'scores' | 'at'>;

/**
 * Newest first by the comment's instant (`at`, index project_comments), keyset-paged: `after` is the
 * last ratingId of the previous page, whose `at` is read back here, so the reply never carries a time.
 * Each comment shows its day only, and a page lists one day's comments by ratingId (random), not in
 * the order they were written — nothing in the reply orders raters within a day beyond the page cut.
 */
export async function comments(ctx: Ctx, input: RatingCommentsInput): Promise<RatingCommentsOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  const _ = ctx.db.command;
  const ratings = ctx.db.collection('ratings');
  const base = { projectId: p._id, commentState: input.state };
  let where: object = base;
  if (input.after) {
    const cursor = (await ratings
      .doc(input.after)
      .field({ projectId: true, commentState: true, at: true })
      .get()
      .then(
        (res: { data: unknown }) => res.data,
        () => null,
      )) as Pick<RatingDoc, 'projectId' | 'commentState' | 'at'> | null;
    if (!cursor || cursor.projectId !== p._id) {
      throw new AppError('INVALID_INPUT', '分页位置不对，请从头再看', [{ path: 'after', message: '分页位置不对' }]);
    }
    // The comment was moderated or changed since the page was read: its place is its instant all the same.
    where = _.or([
      { ...base, at: _.lt(cursor.at) },
      { ...base, at: cursor.at, _id: _.lt(input.after) },
    ]);
  }
  const [res, held] = await Promise.all([
    ratings
      .where(where)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .field({ _id: true, comment: true, commentState: true, scores: true, at: true })
      .limit(PAGE + 1)
      .get(),
    ratings.where({ projectId: p._id, commentState: 'review' }).count(),
  ]);
  const rows = res.data as CommentRow[];
  const page = rows.slice(0, PAGE);
  const items = page
    .map((r) => ({
      ratingId: r._id,
      comment: r.comment ?? '',
      commentState: r.commentState,
      scores: r.scores,
      day: businessDate(r.at),
    }))
    .sort((a, b) => (a.day === b.day ? (a.ratingId < b.ratingId ? -1 : 1) : a.day < b.day ? 1 : -1));
  return {
    items,
    // The cursor is the oldest row of the page (by instant), whatever order the page is shown in.
    next: rows.length > PAGE ? page[page.length - 1]._id : null,
    held: held.total as number,
  };
}

export async function moderateComment(ctx: Ctx, input: RatingModerateInput): Promise<RatingModerateOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  const to = input.verdict === 'pass' ? 'pass' : 'rejected';
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const r = await readOrNull<RatingDoc>(t.collection('ratings').doc(input.ratingId));
    if (!r || r.projectId !== p._id || !r.comment) {
      throw new AppError('INVALID_INPUT', '找不到这条评价意见，请刷新后再试', [
        { path: 'ratingId', message: '评价意见不存在' },
      ]);
    }
    if (r.commentState !== 'review') {
      throw new AppError('CONFLICT', '这条意见已经审核过了，请刷新后再看', [
        { path: 'ratingId', message: '已经审核过了' },
      ]);
    }
    await t
      .collection('ratings')
      .doc(r._id)
      .update({ data: { commentState: to } });
    await audit(ctx, t, [
      {
        action: 'rating.moderateComment',
        targetType: 'project',
        targetId: p._id,
        from: 'review',
        to,
        note: to === 'pass' ? '评价意见审核通过' : '评价意见审核不通过',
      },
    ]);
  });
  return { ratingId: input.ratingId, commentState: to };
}
