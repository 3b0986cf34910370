/**
 * 评价意见 for the project's staff: the comments that passed the content check, or those waiting for a
 * person (`moderateComment` passes or rejects them; only passed ones are in the export). A comment comes
 * with its scores, never with who wrote it.
 */
import {
  AppError,
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

export async function comments(ctx: Ctx, input: RatingCommentsInput): Promise<RatingCommentsOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  const _ = ctx.db.command;
  // Waiting ones: any state a person must look at (the check said review, or could not run).
  const states = input.state === 'pass' ? ['pass'] : ['review'];
  const res = await ctx.db
    .collection('ratings')
    .where({ projectId: p._id, commentState: _.in(states), _id: _.gt(input.after ?? '') })
    .orderBy('_id', 'asc')
    .field({ _id: true, comment: true, commentState: true, scores: true })
    .limit(PAGE + 1)
    .get();
  const rows = res.data as Array<Pick<RatingDoc, '_id' | 'comment' | 'commentState' | 'scores'>>;
  const page = rows.slice(0, PAGE);
  return {
    items: page.map((r) => ({
      ratingId: r._id,
      comment: r.comment ?? '',
      commentState: r.commentState,
      scores: r.scores,
    })),
    next: rows.length > PAGE ? page[page.length - 1]._id : null,
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
