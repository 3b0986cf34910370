/**
 * 人员与角色 (admin): who holds which role where, find a person, give and withdraw roles. Imported only
 * by the admin subpackage, so workers never download it.
 */
import {
  assignableRoles,
  roleLabels,
  roleNodeRefusal,
  roleOrgTypesInWords,
  type AssignableRole,
  type AssignRoleInput,
  type AssignRoleOutput,
  type FindPeopleOutput,
  type Org,
  type RevokeRoleInput,
  type RevokeRoleOutput,
  type Role,
  type StaffOutput,
} from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function fetchStaff(page: number, pageSize: number, role?: Role): Promise<StaffOutput> {
  return invoke('org', 'staff', { page, pageSize, ...(role ? { role } : {}) });
}

export function findPeople(name: string): Promise<FindPeopleOutput> {
  return invoke('org', 'findPeople', { name });
}

export function assignRole(input: AssignRoleInput): Promise<AssignRoleOutput> {
  return invoke('org', 'assignRole', input);
}

export function revokeRole(input: RevokeRoleInput): Promise<RevokeRoleOutput> {
  return invoke('org', 'revokeRole', input);
}

/** What each role does, in plain words, for the role chooser. */
export const roleDuties: Record<AssignableRole, string> = {
  cadre: '替本单位职工线下录入建议和问卷',
  unionStaff: '组织征集、写可研报告、填报各类申报表',
  unitHead: '在申报表上签“申报单位意见”（盖单位公章）',
  reviewer: '审核归口到本部门的项目',
  deptHead: '签“归口管理部门意见”',
  leader: '签“分管领导意见”',
  research: '全市征集、组织论证、报送年度项目清单',
  admin: '管理组织和人员角色',
};

/** Short names for the list's filter chips (the full names are long and would fill the screen). */
export const roleShortLabels: Record<AssignableRole, string> = {
  unionStaff: '工作人员',
  unitHead: '申报单位负责人',
  reviewer: '审核人员',
  deptHead: '部门负责人',
  leader: '分管领导',
  research: '调查研究室',
  cadre: '基层干部',
  admin: '管理员',
};

export const roleChoices = assignableRoles.map((value) => ({ value, label: roleLabels[value] }));

/** The nodes (inside the admin's subtree) where `role` may be given, with where it may go in words. */
export function nodesFor(role: AssignableRole, orgs: readonly Org[], withinOrgIds: readonly string[]) {
  const nodes = orgs.filter(
    (o) => roleNodeRefusal(role, o) === null && withinOrgIds.some((root) => o.path.includes(root)),
  );
  return { nodes, where: roleOrgTypesInWords(role) };
}
