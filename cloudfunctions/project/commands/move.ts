/**
 * Moves of the project itself through its lifecycle (rules/project.ts `projectLifecycle`): 提交可研论证,
 * 记录论证会, 提交审定, 退回修改, 发布, 开始实施, 终止. Each is one transaction: the state is read again
 * inside it, the move and its audit entry are written together.
 */
import {
  AppError,
  recordGaps,
  reviewMeetingLabels,
  type MoveProjectInput,
  type Project,
  type ProjectTransition,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { ProjectDoc, ReviewDoc } from '../../common/projects';
import { refuse, requireTransition } from '../../common/scope';
import { projectLifecycle } from '@shishi/shared-types';
import { loadProject, readOrNull } from '../load';
import { presentById } from '../present';
import { tellBackers } from '../tell';
import { scopeOf } from '../view';
import { freezeVersion } from './draft';
import { requireSoundRecord } from './edit';

function requireNote(input: MoveProjectInput, what: string): string {
  if (!input.note) throw new AppError('INVALID_INPUT', `请写明${what}`, [{ path: 'note', message: `请填写${what}` }]);
  return input.note;
}

/** What a move needs besides the state, checked before and again inside the transaction. */
function preconditions(input: MoveProjectInput, p: ProjectDoc): void {
  switch (input.move) {
    case 'submitFeasibility': {
      const gaps = recordGaps(p.record);
      if (gaps.length) {
        throw new AppError(
          'INVALID_INPUT',
          `可行性研究报告还没写完：${gaps.map((g) => g.message.replace(/^请填写/, '')).join('、')}`,
          gaps,
        );
      }
      requireSoundRecord(p.record);
      return;
    }
    case 'recordReview':
      if (!input.review) {
        throw new AppError('INVALID_INPUT', '请填写论证会记录：形式、日期、参加人员、结论和意见', [
          { path: 'review', message: '请填写论证会记录' },
        ]);
      }
      return;
    case 'submitForDecision': {
      const last = p.reviews.at(-1);
      if (!last || last.conclusion !== 'pass') {
        throw new AppError(
          'CONFLICT',
          last ? '最近一次论证的结论不是“通过”，请退回修改或再次论证' : '还没有论证记录：请先组织论证会并记录结论',
        );
      }
      return;
    }
    case 'returnForRevision':
      requireNote(input, '退回的原因和修改意见');
      return;
    case 'terminate':
      requireNote(input, '终止的原因');
      return;
    case 'publish':
      if (p.forms.start?.status !== 'approved') {
        throw new AppError('CONFLICT', '启动申报表审核通过后才能发布实施方案');
      }
      if (!p.record.serviceTargets || !(p.record.serviceMethod || p.record.goals)) {
        throw new AppError('INVALID_INPUT', '发布前请在报告中写明服务对象和服务内容', [
          { path: 'record.serviceTargets', message: '请填写服务对象' },
        ]);
      }
      return;
    case 'start':
      return;
  }
}

export async function move(ctx: Ctx, input: MoveProjectInput): Promise<Project> {
  const p = await loadProject(ctx, input.projectId);
  const transition: ProjectTransition = input.move;
  await requireTransition(ctx, projectLifecycle, transition, { title: p.title, state: p.status }, scopeOf(p));
  preconditions(input, p);
  const user = await ctx.profile();
  const to = projectLifecycle.transitions[transition].to;
  let from = p.status;
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectDoc>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    refuse(projectLifecycle.stateRefusal(transition, { title: current.title, state: current.status }));
    preconditions(input, current);
    from = current.status;
    const data: Record<string, unknown> = { status: to, [`stepsAt.${to}`]: ctx.now, updatedAt: ctx.now };
    let note = input.note ?? null;
    if (input.move === 'submitFeasibility') {
      await freezeVersion(ctx, t, current, '提交可研论证');
      data.frozen = true;
      data.versions = [...current.versions, { version: current.version, frozenAt: ctx.now, reason: '提交可研论证' }];
      note = `第 ${current.version} 版`;
    }
    if (input.move === 'returnForRevision') {
      // The frozen version stays readable; the next one opens for the revision.
      data.frozen = false;
      data.version = current.version + 1;
    }
    if (input.move === 'recordReview' && input.review) {
      const review: ReviewDoc = { ...input.review, by: ctx.openid, byName: user.name, at: ctx.now };
      data.reviews = [...current.reviews, review];
      delete data[`stepsAt.${to}`];
      note = `${reviewMeetingLabels[review.kind]} ${review.date}：${review.conclusionText}`;
    }
    if (input.move === 'terminate') data.terminatedReason = input.note;
    await ref.update({ data });
    await audit(ctx, t, [{ action: `project.${input.move}`, targetType: 'project', targetId: p._id, from, to, note }]);
  });
  if (input.move === 'publish') await tellBackers(ctx, { ...p, status: 'published' }, 'published');
  return presentById(ctx, p._id);
}
