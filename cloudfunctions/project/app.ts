/** 项目: what adopted proposals become. So far: the draft an adoption creates, and its origin. */
import {
  AppError,
  inSubtree,
  isStaff,
  projectStatusMeta,
  type GetProjectInput,
  type Project,
} from '@shishi/shared-types';
import { defineFunction } from '../common/app';
import type { Ctx } from '../common/context';
import type { ProjectDoc } from '../common/projects';
import { iso } from '../common/serialize';
import { loadMany, offlineKeyOf } from '../proposal/load';

/**
 * A project with its progress and the proposals it came from. A draft is shown to staff of its org's
 * subtree and to the authors of its proposals; later stages (published) to everyone.
 */
async function get(ctx: Ctx, input: GetProjectInput): Promise<Project> {
  const user = await ctx.profile();
  const res = await ctx.db.collection('projects').where({ _id: input.projectId }).limit(1).get();
  const p = res.data[0] as ProjectDoc | undefined;
  if (!p) throw new AppError('INVALID_INPUT', '找不到这个项目', [{ path: 'projectId', message: '项目不存在' }]);
  const origin = await loadMany(ctx, p.origin);
  const keys = new Set([ctx.openid, offlineKeyOf(user)]);
  const published = ['published', 'inProgress', 'closed'].includes(p.status);
  const staff = isStaff(user.role) && (inSubtree(p.orgPath, user.orgId) || user.orgPath.includes(p.orgId));
  const author = [...origin.values()].some((d) => keys.has(d.authorKey));
  if (!published && !staff && !author) throw new AppError('FORBIDDEN', '这个项目还在筹备中，暂时不能查看');
  const meta = projectStatusMeta[p.status];
  return {
    _id: p._id,
    title: p.title,
    status: p.status,
    statusLabel: meta.label,
    progress: meta.progress,
    orgId: p.orgId,
    orgName: p.orgName,
    year: p.year,
    origin: p.origin.flatMap((id) => {
      const d = origin.get(id);
      return d ? [{ _id: d._id, title: d.title, status: d.status }] : [];
    }),
    createdAt: iso(p.createdAt),
  };
}

export const projectFunction = defineFunction('project', { get });
