/** Who hears about a project: the workers behind it, and the staff who must act. */
import { formatDateTime, projectStatusMeta, subscribeTopics } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import { clip, notify } from '../common/notify';
import type { ProjectDoc } from '../common/projects';
import { autoFollow } from './commands/follow';
import { backersOf } from './present';

/** Authors and supporters of the origin proposals get an in-app message at the steps workers follow. */
export async function tellBackers(
  ctx: Ctx,
  p: ProjectDoc,
  step: 'established' | 'published' | 'closed',
  extra = '',
): Promise<number> {
  const recipients = await backersOf(ctx, p);
  // 关注: the people behind the project follow it from its establishment on (its news reaches them).
  if (step === 'established') await autoFollow(ctx, p._id, recipients);
  const what: Record<typeof step, string> = {
    established: '已经审定确立，列入年度为职工办实事项目',
    published: '已经发布实施方案，您可以在项目页看到服务对象、服务内容和工作流程',
    closed: '已经办结',
  };
  // 建议办理进展通知 (projectMoved): queued for those who subscribed; the in-app message reaches everyone.
  const f = subscribeTopics.projectMoved.fields;
  return notify(
    ctx,
    recipients,
    {
      kind: 'projectProgress',
      title: `项目${projectStatusMeta[step].label}：${p.title}`,
      body: `您提出或附议的建议所形成的项目《${p.title}》${what[step]}。${extra}`,
      proposalId: p.origin[0] ?? null,
      projectId: p._id,
    },
    {
      topic: 'projectMoved',
      data: {
        [f.title]: { value: clip(p.title, 20) },
        [f.progress]: { value: clip(projectStatusMeta[step].label, 5) },
        [f.time]: { value: formatDateTime(ctx.now) },
      },
    },
  );
}

/** People holding one of `roles` at `orgId` (multikey index on bindings.orgId). */
export async function holdersAt(ctx: Ctx, orgId: string, roles: readonly string[]): Promise<string[]> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('users')
    .where(_.or([{ 'bindings.orgId': orgId }, { orgId }]))
    .field({ openid: true, role: true, orgId: true, bindings: true })
    .limit(100)
    .get();
  return (
    res.data as Array<{
      openid?: string;
      _id: string;
      role: string;
      orgId: string;
      bindings?: Array<{ role: string; orgId: string }>;
    }>
  )
    .filter((u) =>
      (u.bindings?.length ? u.bindings : [{ role: u.role, orgId: u.orgId }]).some(
        (b) => b.orgId === orgId && roles.includes(b.role),
      ),
    )
    .map((u) => u.openid ?? u._id);
}

/** A task message to the people who must act (a form to sign, a returned form, a deadline). */
export async function tellStaff(
  ctx: Ctx,
  openids: readonly string[],
  p: Pick<ProjectDoc, '_id' | 'title'>,
  title: string,
  body: string,
): Promise<number> {
  return notify(ctx, openids, { kind: 'projectTask', title, body, proposalId: null, projectId: p._id });
}
