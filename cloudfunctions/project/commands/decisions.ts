/**
 * 项目确立 (第五条（四）): committee decisions are records — meeting, date, resolution, the projects it
 * covers. The city list goes 党组会 → 常委会 → 全委会; a county or industry project goes to the
 * 市总党组会. A project is established when its chain is complete. One transaction for the meeting
 * and every project it covers: all of them move, or none.
 */
import {
  AppError,
  decisionRefusal,
  meetingKindLabels,
  projectLifecycle,
  type ProjectPage,
  type RecordDecisionInput,
} from '@shishi/shared-types';
import { audit, type AuditInput } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { CommitteeDecisionDoc, ProjectDoc } from '../../common/projects';
import { findProject, readOrNull } from '../load';
import { tellBackers } from '../tell';
import { toListItem } from './read';

function refusalFor(p: ProjectDoc | null, id: string, input: RecordDecisionInput): string | null {
  if (!p) return `找不到项目 ${id}`;
  const state = projectLifecycle.stateRefusal('establish', { title: p.title, state: p.status });
  if (state) return state.message.replace(/不能确立.*$/, '要先提交审定，才能记录会议决议');
  return (
    decisionRefusal(
      p.meetings,
      p.decisions.map((d) => d.meetingKind),
      input.meetingKind,
    )?.replace(/^/, `《${p.title}》：`) ?? null
  );
}

export async function recordDecision(ctx: Ctx, input: RecordDecisionInput): Promise<ProjectPage> {
  const ids = [...new Set(input.projectIds)];
  const before = await Promise.all(ids.map((id) => findProject(ctx, id)));
  const missing = ids.flatMap((id, i) =>
    before[i] ? [] : [{ path: `projectIds.${input.projectIds.indexOf(id)}`, message: `找不到项目 ${id}` }],
  );
  if (missing.length) throw new AppError('INVALID_INPUT', '有的项目找不到，请刷新后重新选择', missing);
  const problems = ids.flatMap((id, i) => {
    const why = refusalFor(before[i], id, input);
    return why ? [{ path: `projectIds.${input.projectIds.indexOf(id)}`, message: why }] : [];
  });
  if (problems.length) {
    throw new AppError(
      'CONFLICT',
      `这次${meetingKindLabels[input.meetingKind]}决议不能记录：${problems.map((p) => p.message).join('；')}`,
      problems,
    );
  }
  const user = await ctx.profile();
  const established: ProjectDoc[] = [];
  const after: ProjectDoc[] = [];
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const decision: Omit<CommitteeDecisionDoc, '_id'> = {
      meetingKind: input.meetingKind,
      date: input.meetingDate,
      resolution: input.resolution,
      projectIds: ids,
      by: ctx.openid,
      byName: user.name,
      at: ctx.now,
    };
    const added = await t.collection('committeeDecisions').add({ data: decision });
    const decisionId = String(added._id ?? added.id);
    const entries: AuditInput[] = [];
    for (const id of ids) {
      const ref = t.collection('projects').doc(id);
      const p = await readOrNull<ProjectDoc>(ref);
      const why = refusalFor(p, id, input);
      if (why) throw new AppError('CONFLICT', why);
      const decisions = [
        ...p!.decisions,
        { _id: decisionId, meetingKind: input.meetingKind, date: input.meetingDate, resolution: input.resolution },
      ];
      const complete = p!.meetings.every((m) => decisions.some((d) => d.meetingKind === m));
      const data: Record<string, unknown> = { decisions, updatedAt: ctx.now };
      if (complete) {
        // Established: the record is no longer under review; later changes are 调整 with a reason.
        data.frozen = false;
        data.status = 'established';
        data['stepsAt.established'] = ctx.now;
      }
      await ref.update({ data });
      entries.push({
        action: 'recordDecision',
        targetType: 'project',
        targetId: id,
        from: p!.status,
        to: complete ? 'established' : p!.status,
        note: `${meetingKindLabels[input.meetingKind]} ${input.meetingDate}：${input.resolution}`,
      });
      const next = {
        ...p!,
        ...(data as Partial<ProjectDoc>),
        decisions,
        status: complete ? 'established' : p!.status,
      } as ProjectDoc;
      after.push(next);
      if (complete) established.push(next);
    }
    await audit(ctx, t, entries);
  });
  for (const p of established) await tellBackers(ctx, p, 'established');
  return {
    items: after.map((p) => toListItem(p, ctx.now)),
    total: after.length,
    page: 1,
    pageSize: Math.max(1, after.length),
  };
}
