/**
 * Seeded demo identities (local mode only): one per role, each with its profile already bound, a
 * person for every signer of every route (第四条: a district project → 组织和基层工作部; an industry
 * enterprise's project → its 产业工会; a city project → 调查研究室 and the responsible department), plus
 * a newcomer who has not bound a profile yet. The id doubles as the OPENID; ids never change (e2e).
 */
import type { Role } from '@shishi/shared-types';

export interface DemoIdentity {
  id: string;
  role: Role;
  name: string;
  orgId: string;
  unit?: string;
  /** What the dev login shows: the role and the unit (“组织和基层工作部负责人”); default the role's label. */
  label?: string;
  /** false: no profile yet (the binding page shows first). */
  bound: boolean;
}

export const demoIdentities: readonly DemoIdentity[] = [
  { id: 'demo-worker', role: 'worker', name: '王秀梅', orgId: 'gr-zs-sanitation', unit: '环卫一队', bound: true },
  {
    id: 'demo-cadre',
    role: 'cadre',
    name: '李建国',
    orgId: 'gr-zs-sanitation',
    unit: '工会办公室',
    label: '基层工会干部 · 环卫服务中心',
    bound: true,
  },
  {
    id: 'demo-district',
    role: 'unionStaff',
    name: '张丽',
    orgId: 'dist-zhongshan',
    unit: '中山区总工会',
    label: '中山区总工会工作人员',
    bound: true,
  },
  {
    id: 'demo-reviewer',
    role: 'reviewer',
    name: '刘洋',
    orgId: 'dl',
    unit: '组织和基层工作部',
    label: '归口管理部门工作人员（全市）',
    bound: true,
  },
  {
    id: 'demo-depthead',
    role: 'deptHead',
    name: '陈明',
    orgId: 'dl',
    unit: '组织和基层工作部',
    label: '归口管理部门负责人（全市）',
    bound: true,
  },
  {
    id: 'demo-leader',
    role: 'leader',
    name: '赵卫东',
    orgId: 'dl',
    unit: '市总工会',
    label: '归口管理部门分管领导（全市）',
    bound: true,
  },
  {
    id: 'demo-research',
    role: 'research',
    name: '孙静',
    orgId: 'dl',
    unit: '调查研究室',
    label: '调查研究室（全市征集）',
    bound: true,
  },
  {
    id: 'demo-admin',
    role: 'admin',
    name: '周强',
    orgId: 'dl',
    unit: '信息中心',
    label: '系统管理员 · 市总工会',
    bound: true,
  },
  // Signers of every route, bound to their department or union (org.assignRole gives the same bindings).
  {
    id: 'demo-district-head',
    role: 'unitHead',
    name: '王建军',
    orgId: 'dist-zhongshan',
    unit: '中山区总工会',
    label: '中山区总工会负责人（申报单位）',
    bound: true,
  },
  {
    id: 'demo-org-reviewer',
    role: 'reviewer',
    name: '李娜',
    orgId: 'dept-org',
    unit: '组织和基层工作部',
    label: '组织和基层工作部工作人员',
    bound: true,
  },
  {
    id: 'demo-org-head',
    role: 'deptHead',
    name: '刘强',
    orgId: 'dept-org',
    unit: '组织和基层工作部',
    label: '组织和基层工作部负责人',
    bound: true,
  },
  {
    id: 'demo-org-leader',
    role: 'leader',
    name: '高志远',
    orgId: 'dept-org',
    unit: '市总工会',
    label: '组织和基层工作部分管领导',
    bound: true,
  },
  {
    id: 'demo-research-staff',
    role: 'research',
    name: '吴敏',
    orgId: 'dept-research',
    unit: '调查研究室',
    label: '调查研究室工作人员',
    bound: true,
  },
  {
    id: 'demo-research-head',
    role: 'deptHead',
    name: '郑海燕',
    orgId: 'dept-research',
    unit: '调查研究室',
    label: '调查研究室负责人',
    bound: true,
  },
  {
    id: 'demo-research-leader',
    role: 'leader',
    name: '马立新',
    orgId: 'dept-research',
    unit: '市总工会',
    label: '调查研究室分管领导',
    bound: true,
  },
  {
    id: 'demo-industry-staff',
    role: 'unionStaff',
    name: '何春梅',
    orgId: 'ind-transport',
    unit: '大连市交通运输工会',
    label: '交通运输工会工作人员',
    bound: true,
  },
  {
    id: 'demo-industry-head',
    role: 'unitHead',
    name: '许国栋',
    orgId: 'ind-transport',
    unit: '大连市交通运输工会',
    label: '交通运输工会负责人（申报单位）',
    bound: true,
  },
  {
    id: 'demo-industry-reviewer',
    role: 'reviewer',
    name: '冯雪',
    orgId: 'ind-transport',
    unit: '大连市交通运输工会',
    label: '交通运输工会审核人员（归口）',
    bound: true,
  },
  {
    id: 'demo-industry-depthead',
    role: 'deptHead',
    name: '邓宏伟',
    orgId: 'ind-transport',
    unit: '大连市交通运输工会',
    label: '交通运输工会归口负责人',
    bound: true,
  },
  {
    id: 'demo-industry-leader',
    role: 'leader',
    name: '曹文斌',
    orgId: 'ind-transport',
    unit: '大连市交通运输工会',
    label: '交通运输工会分管领导',
    bound: true,
  },
  {
    id: 'demo-rights-head',
    role: 'unitHead',
    name: '田丽华',
    orgId: 'dept-rights',
    unit: '权益保障部',
    label: '权益保障部负责人（申报单位）',
    bound: true,
  },
  { id: 'demo-newcomer', role: 'worker', name: '新职工', orgId: '', bound: false },
];
