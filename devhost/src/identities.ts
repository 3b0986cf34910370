/**
 * Seeded demo identities (local mode only): one per role, each with its profile already bound,
 * plus a newcomer who has not bound a profile yet. The id doubles as the OPENID.
 */
import type { Role } from '@shishi/shared-types';

export interface DemoIdentity {
  id: string;
  role: Role;
  name: string;
  orgId: string;
  unit?: string;
  /** false: no profile yet (the binding page shows first). */
  bound: boolean;
}

export const demoIdentities: readonly DemoIdentity[] = [
  { id: 'demo-worker', role: 'worker', name: '王秀梅', orgId: 'gr-zs-sanitation', unit: '环卫一队', bound: true },
  { id: 'demo-cadre', role: 'cadre', name: '李建国', orgId: 'gr-zs-sanitation', unit: '工会办公室', bound: true },
  { id: 'demo-district', role: 'unionStaff', name: '张丽', orgId: 'dist-zhongshan', unit: '中山区总工会', bound: true },
  { id: 'demo-reviewer', role: 'reviewer', name: '刘洋', orgId: 'dl', unit: '组织和基层工作部', bound: true },
  { id: 'demo-depthead', role: 'deptHead', name: '陈明', orgId: 'dl', unit: '组织和基层工作部', bound: true },
  { id: 'demo-leader', role: 'leader', name: '赵卫东', orgId: 'dl', unit: '市总工会', bound: true },
  { id: 'demo-research', role: 'research', name: '孙静', orgId: 'dl', unit: '调查研究室', bound: true },
  { id: 'demo-admin', role: 'admin', name: '周强', orgId: 'dl', unit: '信息中心', bound: true },
  { id: 'demo-newcomer', role: 'worker', name: '新职工', orgId: '', bound: false },
];
