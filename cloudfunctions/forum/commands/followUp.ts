/**
 * 标记完成 / 撤销: a forum's follow-up is marked done on a day (not after today, not before the forum),
 * or the mark is taken back. Allowed in any status of the project: what was promised to workers at a
 * forum is still kept after the project closes. One transaction with its audit entry.
 */
import {
  AppError,
  businessDate,
  followUpDoneProblem,
  type CompleteFollowUpInput,
  type Forum,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import { actorOf, type Ctx } from '../../common/context';
import type { FollowUpDoc, ForumDoc } from '../../common/forums';
import { loadProject, readOrNull } from '../../project/load';
import { scopeOf } from '../../project/view';
import { loadForum, presentForums, rightsOf } from '../present';

export async function completeFollowUp(ctx: Ctx, input: CompleteFollowUpInput): Promise<Forum> {
  const forum = await loadForum(ctx, input.forumId);
  const p = await loadProject(ctx, forum.projectId, 'forumId');
  await ctx.authorize(scopeOf(p), '这个项目');
  const item = forum.followUps.find((f) => f.key === input.key);
  if (!item) {
    throw new AppError('INVALID_INPUT', '这次座谈没有这个跟进事项，可能已被修改，请刷新后再试', [
      { path: 'key', message: '没有这个跟进事项' },
    ]);
  }
  const today = businessDate(ctx.now);
  const doneOn = input.doneOn ?? today;
  if (!input.undo) {
    const problem = followUpDoneProblem(doneOn, forum.date, today);
    if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'doneOn', message: problem }]);
  }
  const user = await ctx.profile();
  let saved: ForumDoc = forum;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projectForums').doc(forum._id);
    const current = await readOrNull<ForumDoc>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这次座谈', [{ path: 'forumId', message: '座谈不存在' }]);
    const had = current.followUps.find((f) => f.key === input.key);
    if (!had) {
      throw new AppError('INVALID_INPUT', '这次座谈没有这个跟进事项，可能已被修改，请刷新后再试', [
        { path: 'key', message: '没有这个跟进事项' },
      ]);
    }
    if (input.undo && !had.done) throw new AppError('CONFLICT', `「${had.what}」还没有标记完成，无需撤销`);
    if (!input.undo && had.done) {
      throw new AppError('CONFLICT', `「${had.what}」已在 ${had.doneOn} 标记完成；日期不对可以先撤销再标记`);
    }
    const followUps: FollowUpDoc[] = current.followUps.map((f) =>
      f.key !== input.key
        ? f
        : input.undo
          ? { ...f, done: false, doneOn: null, doneBy: null }
          : { ...f, done: true, doneOn, doneBy: ctx.openid },
    );
    await ref.update({ data: { followUps: ctx.db.command.set(followUps), updatedAt: ctx.now } });
    await audit(ctx, t, [
      {
        action: input.undo ? 'reopenFollowUp' : 'completeFollowUp',
        targetType: 'project',
        targetId: p._id,
        from: input.undo ? `已完成（${had.doneOn}）` : '未完成',
        to: input.undo ? '未完成' : `已完成（${doneOn}）`,
        note: `座谈 ${current.date} 的跟进事项：${had.what}（${had.owner}，期限 ${had.dueDate}）`,
      },
    ]);
    saved = { ...current, _id: forum._id, followUps, updatedAt: ctx.now };
  });
  return (await presentForums(ctx, [saved], rightsOf(actorOf(user), p)))[0];
}
