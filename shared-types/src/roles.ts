/** Roles (DESIGN.md §1). Each staff role is bound to one org node and sees only its subtree. */
export const roles = [
  'worker',
  'cadre',
  'unionStaff',
  'unitHead',
  'reviewer',
  'deptHead',
  'leader',
  'research',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  worker: '职工会员',
  cadre: '基层工会干部',
  unionStaff: '区市县/产业工会工作人员',
  /** Head of the applicant unit (district/county union, industry union or city department): signs 申报单位意见. */
  unitHead: '申报单位负责人',
  reviewer: '归口管理部门工作人员',
  deptHead: '归口管理部门负责人',
  leader: '归口管理部门分管领导',
  research: '市总工会调查研究室',
  admin: '系统管理员',
};

/** Roles that manage the programme and may see every proposal of their org subtree. */
export const staffRoles: readonly Role[] = [
  'unionStaff',
  'unitHead',
  'reviewer',
  'deptHead',
  'leader',
  'research',
  'admin',
];

/** Staff who run collection and screening (项目征集): district / industry union staff, 调查研究室, admin. */
export const collectionStaffRoles: readonly Role[] = ['unionStaff', 'research', 'admin'];

/** Who may enter a worker's paper or on-site proposal (线下代录). */
export const offlineEntryRoles: readonly Role[] = ['cadre', ...collectionStaffRoles];

export function isStaff(role: Role): boolean {
  return staffRoles.includes(role);
}
