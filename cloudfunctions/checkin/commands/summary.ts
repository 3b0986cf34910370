/** 直接服务职工数: served against the target from 附件1, per service point and per day. */
import {
  AppError,
  access,
  projectOwnerRoles,
  publicStatuses,
  staffRoles,
  type CheckinSummary,
} from '@shishi/shared-types';
import type { z } from 'zod';
import type { summaryInputSchema } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { reaches } from '../../common/scope';
import { loadProject } from '../../project/load';
import { pointOut, type PointDoc } from '../load';
import { servedOf } from '../served';
import { miniCode } from './points';

const manage = access(projectOwnerRoles, 'subtree');
/** Before publication: staff of the applicant unit (and above) and of the routed departments. */
const see = access(staffRoles, 'department');

/** The project page (its mini-program code carries the project id as `scene`). */
const PROJECT_PAGE = 'packages/project/pages/detail/index';

export async function summary(ctx: Ctx, input: z.output<typeof summaryInputSchema>): Promise<CheckinSummary> {
  const p = await loadProject(ctx, input.projectId);
  const facts = { orgPath: p.orgPath, departmentIds: p.departmentIds };
  const canManage = await reaches(ctx, facts, manage);
  if (!canManage && !publicStatuses.includes(p.status) && !(await reaches(ctx, facts, see)))
    throw new AppError('FORBIDDEN', '这个项目还没有发布');
  const $ = ctx.db.command.aggregate;
  const [points, served, groups] = await Promise.all([
    ctx.db.collection('servicePoints').where({ projectId: p._id }).orderBy('createdAt', 'asc').limit(100).get(),
    servedOf(ctx.db, p._id),
    ctx.db
      .collection('checkins')
      .aggregate()
      .match({ projectId: p._id })
      .group({ _id: { day: '$day', pointId: '$pointId' }, n: $.sum(1) })
      .limit(10000)
      .end(),
  ]);
  const perPoint = new Map<string, number>();
  const perDay = new Map<string, number>();
  let imported = 0;
  for (const g of groups.list as Array<{ _id: { day: string; pointId: string | null }; n: number }>) {
    if (g._id.day === 'list') {
      imported += g.n;
      continue;
    }
    perDay.set(g._id.day, (perDay.get(g._id.day) ?? 0) + g.n);
    if (g._id.pointId) perPoint.set(g._id.pointId, (perPoint.get(g._id.pointId) ?? 0) + g.n);
  }
  return {
    projectId: p._id,
    projectTitle: p.title,
    startDate: p.record.startDate ?? null,
    endDate: p.record.endDate ?? null,
    served,
    target: p.record.targetServed ?? null,
    canManage,
    points: (points.data as PointDoc[]).map((pt) => pointOut(pt, perPoint.get(pt._id) ?? 0)),
    days: [...perDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count })),
    // The project poster's code opens the project page (its `scene` is the project id).
    miniCodeUrl: input.poster && canManage ? await miniCode(ctx, p._id, PROJECT_PAGE) : null,
    imported,
  };
}
