/** Where a project is routed (第四条), from the org tree: its level, 归口管理部门 and committee chain. */
import { AppError, routeProject, type Org, type ProjectLevel, type Route } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import { allOrgs } from '../common/orgs';

export interface Routing extends Route {
  level: ProjectLevel;
  departmentName: string;
  /** Every reviewer node, with 调查研究室 (it organises 论证 and the annual list for every project). */
  viewerIds: string[];
}

/** The level an applicant org files at: 市级 for 市总工会 and its departments, else its district or industry union. */
export function levelOf(org: Org, byId: Map<string, Org>): { level: ProjectLevel; industryUnionId: string | null } {
  if (org.type === 'city' || org.type === 'department') return { level: 'city', industryUnionId: null };
  const chain = org.path.map((id) => byId.get(id)).filter((o): o is Org => !!o);
  const industry = chain.find((o) => o.type === 'industry');
  if (industry) return { level: 'industry', industryUnionId: industry._id };
  return { level: 'district', industryUnionId: null };
}

export async function routeFor(ctx: Ctx, applicant: Org, responsibleDeptId?: string | null): Promise<Routing> {
  const orgs = await allOrgs(ctx.db);
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const research = orgs.find((o) => o.type === 'department' && o.code === 'research');
  const organisation = orgs.find((o) => o.type === 'department' && o.code === 'organisation');
  if (!research || !organisation) {
    throw new AppError('INTERNAL', '组织树缺少调查研究室或组织和基层工作部，请联系系统管理员');
  }
  if (responsibleDeptId && byId.get(responsibleDeptId)?.type !== 'department') {
    throw new AppError('INVALID_INPUT', '责任部门要选市总工会的一个部门', [
      { path: 'responsibleDeptId', message: '请选择市总工会的部门' },
    ]);
  }
  const { level, industryUnionId } = levelOf(applicant, byId);
  const route = routeProject({
    level,
    applicantOrgId: applicant._id,
    industryUnionId,
    researchDeptId: research._id,
    organisationDeptId: organisation._id,
    responsibleDeptId: responsibleDeptId ?? null,
  });
  return {
    ...route,
    level,
    departmentName: byId.get(route.departmentId)?.name ?? '',
    viewerIds: [...new Set([...route.departmentIds, research._id])],
  };
}
