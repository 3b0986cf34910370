/**
 * 资金 (第六条): spending lines (total and the subsidy part), kept as sums on the project with _.inc in
 * the same transaction as the line and its audit entry — equal to a recompute of the lines; 结项 with
 * the final accounts (决算).
 */
import {
  AppError,
  projectLifecycle,
  spendingStatuses,
  projectStatusMeta,
  yuan,
  type CloseProjectInput,
  type Project,
  type RecordSpendingInput,
} from '@shishi/shared-types';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { ProjectDoc, SpendingDoc } from '../../common/projects';
import { refuse, requireTransition } from '../../common/scope';
import { loadProject, readOrNull } from '../load';
import { presentById } from '../present';
import { tellBackers } from '../tell';
import { scopeOf } from '../view';

function spendingRefusal(p: ProjectDoc): string | null {
  return spendingStatuses.includes(p.status)
    ? null
    : `《${p.title}》现在是「${projectStatusMeta[p.status].label}」：项目确立后、结项前才能登记支出`;
}

export async function recordSpending(ctx: Ctx, input: RecordSpendingInput): Promise<Project> {
  if (input.cityAidFen > input.amountFen) {
    throw new AppError('INVALID_INPUT', '其中市总扶助资金不能超过这笔支出的金额', [
      { path: 'cityAidFen', message: '不能超过支出金额' },
    ]);
  }
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize(scopeOf(p), '这个项目');
  const refused = spendingRefusal(p);
  if (refused) throw new AppError('CONFLICT', refused);
  const user = await ctx.profile();
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectDoc>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    const again = spendingRefusal(current);
    if (again) throw new AppError('CONFLICT', again);
    const line: Omit<SpendingDoc, '_id'> = {
      projectId: p._id,
      date: input.date,
      item: input.item,
      amountFen: input.amountFen,
      cityAidFen: input.cityAidFen,
      note: input.note ?? null,
      by: ctx.openid,
      byName: user.name,
      at: ctx.now,
    };
    await t.collection('projectSpending').add({ data: line });
    await ref.update({
      data: {
        spentFen: _.inc(input.amountFen),
        spentAidFen: _.inc(input.cityAidFen),
        spendingCount: _.inc(1),
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      {
        action: 'recordSpending',
        targetType: 'project',
        targetId: p._id,
        from: null,
        to: yuan(input.amountFen),
        note: `${input.date} ${input.item}（其中市总扶助 ${yuan(input.cityAidFen)}）`,
      },
    ]);
  });
  return presentById(ctx, p._id);
}

/** 结项: after acceptance, with the final accounts (决算) and the report of what was done. */
export async function close(ctx: Ctx, input: CloseProjectInput): Promise<Project> {
  const p = await loadProject(ctx, input.projectId);
  await requireTransition(ctx, projectLifecycle, 'close', { title: p.title, state: p.status }, scopeOf(p));
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projects').doc(p._id);
    const current = await readOrNull<ProjectDoc>(ref);
    if (!current) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
    refuse(projectLifecycle.stateRefusal('close', { title: current.title, state: current.status }));
    await ref.update({
      data: {
        status: 'closed',
        'stepsAt.closed': ctx.now,
        finalAccountsFen: input.finalAccountsFen,
        closingSummary: input.summary,
        updatedAt: ctx.now,
      },
    });
    await audit(ctx, t, [
      {
        action: 'project.close',
        targetType: 'project',
        targetId: p._id,
        from: current.status,
        to: 'closed',
        note: `经费决算 ${yuan(input.finalAccountsFen)}（实际支出 ${yuan(current.spentFen)}）`,
      },
    ]);
  });
  await tellBackers(ctx, { ...p, status: 'closed' }, 'closed', input.summary.slice(0, 80));
  return presentById(ctx, p._id);
}
