/** org.assignRole / revokeRole / staff / findPeople through wx-server-sdk on the local runtime. */
import type { AssignRoleOutput, FindPeopleOutput, MeOutput, RevokeRoleOutput, StaffOutput } from '@shishi/shared-types';
import { failure, ok, worldPerTest } from './world';

const world = worldPerTest();
const ADMIN = 'demo-admin';

async function auditOf(userId: string) {
  const db = world.cloud.database();
  const res = await db
    .collection('auditLog')
    .where({ targetType: 'user', targetId: userId })
    .orderBy('at', 'asc')
    .get();
  return res.data as Array<{ action: string; actor: string; from: string | null; to: string | null; note: string }>;
}

async function bindingsSeenBy(userId: string) {
  const me = ok<MeOutput>(await world.call(userId, 'profile', 'me'));
  return me.bound ? me.profile.bindings : null;
}

/**
 * An admin bound at 西岗区总工会. org.assignRole binds admins to the city node only, so this one is
 * stored directly (a profile from before that rule) to hold the subtree rule.
 */
async function withDistrictAdmin(): Promise<string> {
  const db = world.cloud.database();
  await db.collection('users').add({
    data: {
      _id: 'test-district-admin',
      openid: 'test-district-admin',
      name: '钱多多',
      role: 'admin',
      orgId: 'dist-xigang',
      orgName: '西岗区总工会',
      orgPath: ['dl', 'dist-xigang'],
      createdAt: new Date(world.now()),
      updatedAt: new Date(world.now()),
    },
  });
  return 'test-district-admin';
}

describe('org.assignRole', () => {
  it('an admin gives a worker a role at a node of the subtree: bindings, primary role and an audit entry in one go', async () => {
    const reply = ok<AssignRoleOutput>(
      await world.call(ADMIN, 'org', 'assignRole', {
        userId: 'demo-worker',
        role: 'unionStaff',
        orgId: 'dist-zhongshan',
      }),
    );
    expect(reply.person.bindings.map((b) => [b.role, b.orgId])).toEqual([
      ['unionStaff', 'dist-zhongshan'],
      ['worker', 'gr-zs-sanitation'],
    ]);
    const user = await world.doc<{ role: string; orgId: string; orgPath: string[] }>('users', 'demo-worker');
    expect(user).toMatchObject({ role: 'unionStaff', orgId: 'dist-zhongshan', orgPath: ['dl', 'dist-zhongshan'] });
    const entries = await auditOf('demo-worker');
    expect(entries).toEqual([
      expect.objectContaining({ action: 'assignRole', actor: ADMIN, from: null, to: 'unionStaff' }),
    ]);
    expect(entries[0].note).toContain('中山区总工会');
  });

  it('bindings are visible in profile.me', async () => {
    ok(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-org-head', role: 'unitHead', orgId: 'dept-rights' }),
    );
    expect(await bindingsSeenBy('demo-org-head')).toEqual([
      { role: 'deptHead', orgId: 'dept-org', orgName: '组织和基层工作部', orgPath: ['dl', 'dept-org'] },
      { role: 'unitHead', orgId: 'dept-rights', orgName: '权益保障部', orgPath: ['dl', 'dept-rights'] },
    ]);
    // A seeded worker without any assignment shows their one membership.
    expect(await bindingsSeenBy('demo-cadre')).toEqual([
      {
        role: 'cadre',
        orgId: 'gr-zs-sanitation',
        orgName: '中山区环卫服务中心工会',
        orgPath: ['dl', 'dist-zhongshan', 'gr-zs-sanitation'],
      },
    ]);
  });

  it('the new role works at once: a worker made unionStaff may call a staff action', async () => {
    // proposal.screen is for staff (staffRoles, subtree).
    expect(failure(await world.call('demo-worker', 'proposal', 'screen', {})).code).toBe('FORBIDDEN');
    ok(
      await world.call(ADMIN, 'org', 'assignRole', {
        userId: 'demo-worker',
        role: 'unionStaff',
        orgId: 'dist-zhongshan',
      }),
    );
    ok(await world.call('demo-worker', 'proposal', 'screen', {}));
    const staff = ok<StaffOutput>(await world.call(ADMIN, 'org', 'staff', { orgId: 'dist-zhongshan' }));
    expect(staff.items.map((p) => p.userId)).toEqual(expect.arrayContaining(['demo-worker', 'demo-district']));
  });

  it('a second role at the same node is CONFLICT naming the current role', async () => {
    const error = failure(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-org-head', role: 'leader', orgId: 'dept-org' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('归口管理部门负责人');
    expect(error.message).toContain('撤销');
    expect(await auditOf('demo-org-head')).toEqual([]);
  });

  it('a cadre role at the worker’s own union takes the place of the membership, and revoking gives it back', async () => {
    const made = ok<AssignRoleOutput>(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-worker', role: 'cadre', orgId: 'gr-zs-sanitation' }),
    );
    expect(made.person.bindings.map((b) => b.role)).toEqual(['cadre']);
    const back = ok<RevokeRoleOutput>(
      await world.call(ADMIN, 'org', 'revokeRole', { userId: 'demo-worker', orgId: 'gr-zs-sanitation' }),
    );
    expect(back.person?.bindings.map((b) => [b.role, b.orgId])).toEqual([['worker', 'gr-zs-sanitation']]);
    expect((await auditOf('demo-worker')).map((e) => [e.action, e.from, e.to])).toEqual([
      ['assignRole', 'worker', 'cadre'],
      ['revokeRole', 'cadre', 'worker'],
    ]);
  });

  it.each([
    ['reviewer', 'dist-zhongshan', '市总工会的部门或产业工会'],
    ['deptHead', 'gr-zs-mall', '市总工会的部门或产业工会'],
    ['unitHead', 'gr-zs-mall', '区市县（开放先导区）总工会或产业工会或市总工会的部门'],
    ['research', 'dept-org', '调查研究室'],
    ['cadre', 'dist-xigang', '基层工会'],
    ['admin', 'dist-xigang', '市总工会'],
  ])('a node of the wrong type is INVALID_INPUT on orgId (%s at %s)', async (role, orgId, where) => {
    const error = failure(await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-worker', role, orgId }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([{ path: 'orgId', message: expect.stringContaining(where) }]);
    expect(await auditOf('demo-worker')).toEqual([]);
  });

  it('the worker role is not assigned (it is what binding a profile gives): INVALID_INPUT on role', async () => {
    const error = failure(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-cadre', role: 'worker', orgId: 'gr-zs-mall' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.map((f) => f.path)).toEqual(['role']);
  });

  it('a person who has not bound a profile is INVALID_INPUT on userId', async () => {
    const error = failure(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-newcomer', role: 'cadre', orgId: 'gr-zs-mall' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.map((f) => f.path)).toEqual(['userId']);
  });

  it('a non-admin is FORBIDDEN, even a department head at their own department', async () => {
    for (const caller of ['demo-org-head', 'demo-district', 'demo-worker']) {
      const error = failure(
        await world.call(caller, 'org', 'assignRole', { userId: 'demo-worker', role: 'reviewer', orgId: 'dept-org' }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(failure(await world.call('demo-newcomer', 'org', 'staff', {})).code).toBe('PROFILE_REQUIRED');
    expect(failure(await world.call('demo-research', 'org', 'findPeople', { name: '王' })).code).toBe('FORBIDDEN');
    expect(await auditOf('demo-worker')).toEqual([]);
  });

  it('a node outside the admin’s subtree is FORBIDDEN', async () => {
    const districtAdmin = await withDistrictAdmin();
    ok(
      await world.call(districtAdmin, 'org', 'assignRole', {
        userId: 'demo-worker',
        role: 'unionStaff',
        orgId: 'dist-xigang',
      }),
    );
    const error = failure(
      await world.call(districtAdmin, 'org', 'assignRole', {
        userId: 'demo-worker',
        role: 'unionStaff',
        orgId: 'dist-zhongshan',
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('中山区总工会');
    const revoke = failure(
      await world.call(districtAdmin, 'org', 'revokeRole', { userId: 'demo-district', orgId: 'dist-zhongshan' }),
    );
    expect(revoke.code).toBe('FORBIDDEN');
    const filter = failure(await world.call(districtAdmin, 'org', 'staff', { orgId: 'dist-zhongshan' }));
    expect(filter.code).toBe('FORBIDDEN');
    expect((await world.doc<{ role: string }>('users', 'demo-district'))?.role).toBe('unionStaff');
  });
});

describe('org.revokeRole', () => {
  it('withdraws one role, audited; the next one becomes the profile’s role', async () => {
    ok(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-org-head', role: 'unitHead', orgId: 'dept-rights' }),
    );
    const reply = ok<RevokeRoleOutput>(
      await world.call(ADMIN, 'org', 'revokeRole', { userId: 'demo-org-head', orgId: 'dept-org' }),
    );
    expect(reply.person?.bindings.map((b) => [b.role, b.orgId])).toEqual([['unitHead', 'dept-rights']]);
    expect(await world.doc('users', 'demo-org-head')).toMatchObject({ role: 'unitHead', orgId: 'dept-rights' });
    expect((await auditOf('demo-org-head')).map((e) => [e.action, e.from, e.to])).toEqual([
      ['assignRole', null, 'unitHead'],
      ['revokeRole', 'deptHead', null],
    ]);
  });

  it('a worker made staff is a worker of their own union again when the staff role goes', async () => {
    ok(
      await world.call(ADMIN, 'org', 'assignRole', {
        userId: 'demo-worker',
        role: 'unionStaff',
        orgId: 'dist-zhongshan',
      }),
    );
    ok(await world.call(ADMIN, 'org', 'revokeRole', { userId: 'demo-worker', orgId: 'dist-zhongshan' }));
    expect(await world.doc('users', 'demo-worker')).toMatchObject({ role: 'worker', orgId: 'gr-zs-sanitation' });
  });

  it('the last role gone, the profile goes: the person binds again (audit kept)', async () => {
    const reply = ok<RevokeRoleOutput>(
      await world.call(ADMIN, 'org', 'revokeRole', { userId: 'demo-org-reviewer', orgId: 'dept-org' }),
    );
    expect(reply.person).toBeNull();
    expect(ok<MeOutput>(await world.call('demo-org-reviewer', 'profile', 'me'))).toEqual({ bound: false });
    const [entry] = await auditOf('demo-org-reviewer');
    expect(entry).toMatchObject({ action: 'revokeRole', from: 'reviewer', to: null });
    expect(entry.note).toContain('重新绑定');
  });

  it('nothing to revoke at that node is CONFLICT; a worker’s membership is not the admin’s to revoke', async () => {
    const none = failure(
      await world.call(ADMIN, 'org', 'revokeRole', { userId: 'demo-org-head', orgId: 'dept-rights' }),
    );
    expect(none.code).toBe('CONFLICT');
    const member = failure(
      await world.call(ADMIN, 'org', 'revokeRole', { userId: 'demo-worker', orgId: 'gr-zs-sanitation' }),
    );
    expect(member.code).toBe('CONFLICT');
    expect(await world.doc('users', 'demo-worker')).toMatchObject({ role: 'worker' });
  });

  it('an admin cannot withdraw their own admin role', async () => {
    const error = failure(await world.call(ADMIN, 'org', 'revokeRole', { userId: ADMIN, orgId: 'dl' }));
    expect(error.code).toBe('CONFLICT');
    expect((await world.doc<{ role: string }>('users', ADMIN))?.role).toBe('admin');
  });

  it('non-admins are FORBIDDEN', async () => {
    const error = failure(
      await world.call('demo-org-head', 'org', 'revokeRole', { userId: 'demo-org-reviewer', orgId: 'dept-org' }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(await auditOf('demo-org-reviewer')).toEqual([]);
  });
});

describe('org.staff and org.findPeople', () => {
  it('lists the people holding roles in the admin’s subtree, with their bindings, paged', async () => {
    const first = ok<StaffOutput>(await world.call(ADMIN, 'org', 'staff', { pageSize: 5 }));
    expect(first.items).toHaveLength(5);
    const all = ok<StaffOutput>(await world.call(ADMIN, 'org', 'staff', { pageSize: 50 }));
    expect(all.total).toBe(first.total);
    const ids = all.items.map((p) => p.userId);
    expect(ids).toEqual(expect.arrayContaining(['demo-cadre', 'demo-org-head', 'demo-industry-leader', ADMIN]));
    expect(ids).not.toContain('demo-worker');
    const byDept = ok<StaffOutput>(await world.call(ADMIN, 'org', 'staff', { orgId: 'dept-org', pageSize: 50 }));
    expect(byDept.items.map((p) => p.userId).sort()).toEqual(['demo-org-head', 'demo-org-leader', 'demo-org-reviewer']);
    const heads = ok<StaffOutput>(await world.call(ADMIN, 'org', 'staff', { role: 'unitHead', pageSize: 50 }));
    expect(heads.items.map((p) => p.userId).sort()).toEqual([
      'demo-district-head',
      'demo-industry-head',
      'demo-rights-head',
    ]);
  });

  it('a district admin sees only the staff of the district', async () => {
    const districtAdmin = await withDistrictAdmin();
    ok(
      await world.call(ADMIN, 'org', 'assignRole', { userId: 'demo-worker', role: 'unionStaff', orgId: 'dist-xigang' }),
    );
    const page = ok<StaffOutput>(await world.call(districtAdmin, 'org', 'staff', {}));
    expect(page.items.map((p) => p.userId).sort()).toEqual(['demo-worker', districtAdmin].sort());
  });

  it('finds bound people by part of the name, workers too, exact name first', async () => {
    const found = ok<FindPeopleOutput>(await world.call(ADMIN, 'org', 'findPeople', { name: '王秀梅' }));
    expect(found.people[0]).toMatchObject({ userId: 'demo-worker', name: '王秀梅' });
    const wang = ok<FindPeopleOutput>(await world.call(ADMIN, 'org', 'findPeople', { name: '王' }));
    expect(wang.people.map((p) => p.userId)).toEqual(expect.arrayContaining(['demo-worker', 'demo-district-head']));
    const none = ok<FindPeopleOutput>(await world.call(ADMIN, 'org', 'findPeople', { name: '不存在的人' }));
    expect(none.people).toEqual([]);
    const regex = ok<FindPeopleOutput>(await world.call(ADMIN, 'org', 'findPeople', { name: '.*' }));
    expect(regex.people).toEqual([]);
  });
});
