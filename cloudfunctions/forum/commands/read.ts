/** 座谈记录: a project's forums, newest first, paged; one forum's details. */
import { AppError, type Forum, type ForumPage, type GetForumInput, type ListForumsInput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { forumFigures, type ForumDoc } from '../../common/forums';
import { loadProject } from '../../project/load';
import { loadForum, presentForums, rightsFor, shownToWorkers } from '../present';

export async function listForums(ctx: Ctx, input: ListForumsInput): Promise<ForumPage> {
  const p = await loadProject(ctx, input.projectId);
  const rights = await rightsFor(ctx, p);
  // Workers page through the forums shown to them only (the same index: projectId, then the date).
  const where = rights.staff ? { projectId: p._id } : { projectId: p._id, textModeration: 'pass' };
  const matching = ctx.db.collection('projectForums').where(where);
  // Newest first; the same day: the one recorded last first.
  const [res, count, figures] = await Promise.all([
    matching
      .orderBy('date', 'desc')
      .orderBy('createdAt', 'desc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .get(),
    matching.count(),
    rights.staff ? forumFigures(ctx.db, [p._id], ctx.now) : Promise.resolve(null),
  ]);
  return {
    items: await presentForums(ctx, res.data as ForumDoc[], rights),
    total: count.total as number,
    page: input.page,
    pageSize: input.pageSize,
    staff: rights.staff,
    canRecord: rights.record,
    figures: figures?.get(p._id) ?? null,
  };
}

export async function getForum(ctx: Ctx, input: GetForumInput): Promise<Forum> {
  const doc = await loadForum(ctx, input.forumId);
  const p = await loadProject(ctx, doc.projectId, 'forumId');
  const rights = await rightsFor(ctx, p);
  if (!rights.staff && !shownToWorkers(doc)) {
    throw new AppError('INVALID_INPUT', '找不到这次座谈，请刷新后再试', [{ path: 'forumId', message: '座谈不存在' }]);
  }
  return (await presentForums(ctx, [doc], rights))[0];
}
