/** Reading what check-in needs: the project (staff-side checks) and its points. */
import { AppError, checkinStatuses, projectStatusMeta, type ServicePoint } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import type { ProjectDoc } from '../common/projects';
import { iso } from '../common/serialize';
import { loadProject } from '../project/load';

export interface PointDoc {
  _id: string;
  projectId: string;
  name: string;
  address: string;
  startDate: string;
  endDate: string;
  hours: string;
  contact: string;
  createdAt: Date;
  createdBy: string;
}

/** A check-in or registration (one per person, project and day) or an imported list row. */
export interface CheckinDoc {
  _id: string;
  projectId: string;
  pointId: string | null;
  /** Business day (YYYY-MM-DD); `list` for an imported row. */
  day: string;
  /** personHash of the union and name (served.ts). */
  person: string;
  source: 'scan' | 'register' | 'list';
  openid: string | null;
  name: string;
  unitId: string;
  unitName: string;
  phoneTail: string | null;
  at: Date;
  /** Who entered it (staff) or the worker themselves. */
  by: string;
}

/** The project, for staff of it (FORBIDDEN otherwise). */
export async function staffProject(ctx: Ctx, projectId: string): Promise<ProjectDoc> {
  const p = await loadProject(ctx, projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  return p;
}

/** CONFLICT unless the project takes service points and check-ins now. */
export function requireOpen(p: Pick<ProjectDoc, 'title' | 'status'>): void {
  if (!checkinStatuses.includes(p.status))
    throw new AppError(
      'CONFLICT',
      `项目「${p.title}」现在是“${projectStatusMeta[p.status].label}”，发布后、验收申报前才能设服务点和登记服务对象`,
    );
}

export function pointOut(p: PointDoc, checkins = 0): ServicePoint {
  return {
    _id: p._id,
    projectId: p.projectId,
    name: p.name,
    address: p.address,
    startDate: p.startDate,
    endDate: p.endDate,
    hours: p.hours,
    contact: p.contact,
    checkins,
    createdAt: iso(p.createdAt),
  };
}

/** The check-in page (subpackage): mini-program path with the code as `c`. */
export const checkinPagePath = (code: string) => `pages/checkin/index?c=${encodeURIComponent(code)}`;
