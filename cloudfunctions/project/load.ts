/** Reading a project and the documents around it. */
import { AppError } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import type { CommitteeDecisionDoc, FormDoc, ProjectDoc, SpendingDoc, TrancheDoc } from '../common/projects';

export async function findProject(ctx: Ctx, id: string): Promise<ProjectDoc | null> {
  const res = await ctx.db.collection('projects').where({ _id: id }).limit(1).get();
  return (res.data[0] as ProjectDoc | undefined) ?? null;
}

/** One project, or INVALID_INPUT on `projectId` (an unknown id, as for every record in this API). */
export async function loadProject(ctx: Ctx, id: string, field = 'projectId'): Promise<ProjectDoc> {
  const p = await findProject(ctx, id);
  if (!p)
    throw new AppError('INVALID_INPUT', '找不到这个项目，可能已被删除或链接有误', [
      { path: field, message: '项目不存在' },
    ]);
  return p;
}

export async function loadForm(ctx: Ctx, id: string): Promise<FormDoc> {
  const res = await ctx.db.collection('projectForms').where({ _id: id }).limit(1).get();
  const f = res.data[0] as FormDoc | undefined;
  if (!f) throw new AppError('INVALID_INPUT', '找不到这张表，请刷新后再试', [{ path: 'formId', message: '表不存在' }]);
  return f;
}

/** A document read inside a transaction, or null when missing (wx-server-sdk throws for a missing doc). */
export async function readOrNull<T>(ref: { get(): Promise<{ data: unknown }> }): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (e) {
    if (e instanceof Error && /does not exist|not exist/i.test(e.message)) return null;
    throw e;
  }
}

export interface ProjectExtras {
  forms: FormDoc[];
  tranches: TrancheDoc[];
  spending: SpendingDoc[];
  decisions: CommitteeDecisionDoc[];
}

/** Forms, tranches, spending lines and committee decisions of a project: four indexed reads side by side. */
export async function loadExtras(ctx: Ctx, p: ProjectDoc): Promise<ProjectExtras> {
  const [forms, tranches, spending] = await Promise.all([
    ctx.db.collection('projectForms').where({ projectId: p._id }).orderBy('submittedAt', 'asc').limit(100).get(),
    ctx.db.collection('tranches').where({ projectId: p._id }).limit(10).get(),
    ctx.db.collection('projectSpending').where({ projectId: p._id }).orderBy('date', 'asc').limit(1000).get(),
  ]);
  return {
    forms: forms.data as FormDoc[],
    tranches: (tranches.data as TrancheDoc[]).sort((a, b) => a.n - b.n),
    spending: spending.data as SpendingDoc[],
    decisions: p.decisions.map((d) => ({ ...d, projectIds: [p._id], by: '', byName: '', at: new Date(0) })),
  };
}
