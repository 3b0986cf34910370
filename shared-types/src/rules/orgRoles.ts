/**
 * Departments of 市总工会 and which org nodes each role may be bound to (org.assignRole). Pure: the
 * routing rule (第四条) finds 调查研究室 and 组织和基层工作部 by their stable `code`, never by name or id.
 */
import type { Role } from '../roles';
import type { Org, OrgType } from '../schemas/org';

/** Stable keys of 市总工会's departments (org nodes of type `department`), with their names. */
export const departmentNames = {
  research: '调查研究室',
  organisation: '组织和基层工作部',
  office: '办公室',
  publicity: '宣传教育部',
  rights: '权益保障部',
  women: '女职工部',
  labourEconomy: '劳动和经济工作部',
  finance: '财务部',
} as const;
export type DepartmentCode = keyof typeof departmentNames;
export const departmentCodes = Object.keys(departmentNames) as DepartmentCode[];

/** The department node with this code (调查研究室: 'research', 组织和基层工作部: 'organisation'), if any. */
export function departmentByCode(orgs: readonly Org[], code: DepartmentCode): Org | undefined {
  return orgs.find((o) => o.type === 'department' && o.code === code);
}

/** Roles an admin assigns (a worker is whoever binds a profile; that is the person's own doing). */
export const assignableRoles = [
  'cadre',
  'unionStaff',
  'unitHead',
  'reviewer',
  'deptHead',
  'leader',
  'research',
  'admin',
] as const satisfies readonly Role[];
export type AssignableRole = (typeof assignableRoles)[number];

/**
 * Node types each role is bound to: the routed department's signers sit in a department, or in an
 * industry union (which reviews its enterprises' projects, 第四条); applicant units are district,
 * industry or department nodes; 调查研究室 is one department; cadres a grassroots union; admin the city.
 */
export const roleOrgTypes: Record<Role, readonly OrgType[]> = {
  worker: ['grassroots'],
  cadre: ['grassroots'],
  unionStaff: ['district', 'industry', 'department'],
  unitHead: ['district', 'industry', 'department'],
  reviewer: ['department', 'industry'],
  deptHead: ['department', 'industry'],
  leader: ['department', 'industry'],
  research: ['department'],
  admin: ['city'],
};

const typeNames: Record<OrgType, string> = {
  city: '市总工会',
  department: '市总工会的部门',
  district: '区市县（开放先导区）总工会',
  industry: '产业工会',
  grassroots: '基层工会',
};

/** Where a role may be bound, in words (“市总工会的部门或产业工会”). */
export function roleOrgTypesInWords(role: Role): string {
  if (role === 'research') return departmentNames.research;
  return roleOrgTypes[role].map((t) => typeNames[t]).join('或');
}

/** Why `role` cannot be bound at `org` (Chinese, naming where it can), or null when it fits. */
export function roleNodeRefusal(role: Role, org: Org): string | null {
  const fits = roleOrgTypes[role].includes(org.type) && (role !== 'research' || org.code === 'research');
  return fits ? null : `这个角色只能设在${roleOrgTypesInWords(role)}，不能设在“${org.name}”`;
}
