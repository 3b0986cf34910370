/**
 * Every route (第四条) has a seeded person for each of its signers, so every path can be tried in the
 * browser: the applicant unit's staff and head (申报单位意见), the routed department's reviewer, head
 * (归口管理部门意见) and leader (分管领导意见). Routed departments are found by their stable code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud } from '@shishi/local-cloud';
import { collections, departmentByCode, roleNodeRefusal, type Org, type Role } from '@shishi/shared-types';
import { demoIdentities } from '../src/identities';
import { seed, seedOrgs } from '../src/seed';

const orgs = seedOrgs();
const byId = new Map(orgs.map((o) => [o._id, o]));
const research = departmentByCode(orgs, 'research')!;
const organisation = departmentByCode(orgs, 'organisation')!;

interface Route {
  name: string;
  /** 申报单位 and who files and signs for it. */
  applicant: Org;
  applicantRoles: Role[];
  /** 归口管理部门. */
  routedTo: Org;
  routedRoles: Role[];
}

const routes: Route[] = [
  {
    name: '区市县总工会项目 → 组织和基层工作部',
    applicant: byId.get('dist-zhongshan')!,
    applicantRoles: ['unionStaff', 'unitHead'],
    routedTo: organisation,
    routedRoles: ['reviewer', 'deptHead', 'leader'],
  },
  {
    name: '产业工会所属企业项目 → 该产业工会',
    applicant: byId.get('ind-transport')!,
    applicantRoles: ['unionStaff', 'unitHead'],
    routedTo: byId.get('ind-transport')!,
    routedRoles: ['reviewer', 'deptHead', 'leader'],
  },
  {
    name: '市级项目 → 调查研究室和责任部门',
    applicant: byId.get('dept-rights')!,
    applicantRoles: ['unitHead'],
    routedTo: research,
    routedRoles: ['research', 'deptHead', 'leader'],
  },
];

function holders(role: Role, org: Org) {
  return demoIdentities.filter((i) => i.bound && i.role === role && i.orgId === org._id);
}

describe('seeded departments', () => {
  it('gives 调查研究室 and 组织和基层工作部 their stable codes, and every department a code', () => {
    expect(research).toMatchObject({ _id: 'dept-research', name: '调查研究室', parentId: 'dl' });
    expect(organisation).toMatchObject({ _id: 'dept-org', name: '组织和基层工作部', parentId: 'dl' });
    const departments = orgs.filter((o) => o.type === 'department');
    expect(departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(['办公室', '宣传教育部', '权益保障部', '女职工部', '劳动和经济工作部', '财务部']),
    );
    for (const d of departments) expect(d.code).toBeTruthy();
    expect(new Set(departments.map((d) => d.code)).size).toBe(departments.length);
    expect(orgs.filter((o) => o.type !== 'department' && o.code !== undefined)).toEqual([]);
  });
});

describe.each(routes)('route $name', (route) => {
  it.each(route.applicantRoles)('has a %s of the applicant unit', (role) => {
    expect(holders(role, route.applicant).map((i) => i.id)).not.toEqual([]);
  });
  it.each(route.routedRoles)('has a %s of the routed department', (role) => {
    expect(holders(role, route.routedTo).map((i) => i.id)).not.toEqual([]);
  });
});

describe('seeded identities', () => {
  it('has an admin at the city node, and ids that are unique', () => {
    expect(holders('admin', byId.get('dl')!).map((i) => i.id)).toContain('demo-admin');
    expect(new Set(demoIdentities.map((i) => i.id)).size).toBe(demoIdentities.length);
  });

  it('binds every signer added for the routes where org.assignRole would allow it, with a label naming role and unit', () => {
    for (const who of demoIdentities.filter((i) => i.bound && i.orgId !== 'dl' && i.role !== 'worker')) {
      const org = byId.get(who.orgId)!;
      expect(`${who.id}: ${roleNodeRefusal(who.role, org) ?? 'ok'}`).toBe(`${who.id}: ok`);
      expect(who.label).toBeTruthy();
    }
  });

  it('seeds each bound identity with its binding, readable on the local runtime', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shishi-signers-'));
    const cloud = createLocalCloud({ dataDir, collections, now: () => Date.parse('2026-11-24T10:00:00+08:00') });
    try {
      const db = cloud.database();
      await seed(db, new Date('2026-11-24T02:00:00Z'));
      const head = (await db.collection('users').where({ _id: 'demo-org-head' }).get()).data[0];
      expect(head).toMatchObject({
        name: '刘强',
        role: 'deptHead',
        orgId: 'dept-org',
        bindings: [{ role: 'deptHead', orgId: 'dept-org', orgName: '组织和基层工作部', orgPath: ['dl', 'dept-org'] }],
      });
      const stored = (await db.collection('orgs').where({ _id: 'dept-research' }).get()).data[0];
      expect(stored).toMatchObject({ code: 'research' });
      const bound = demoIdentities.filter((i) => i.bound).length;
      expect((await db.collection('users').count()).total).toBeGreaterThanOrEqual(bound);
    } finally {
      await cloud.local.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
