/**
 * Issue 12: a staff view 首页's menu marks （只读） says so itself, decided by the same rules as the menu
 * from every role the person holds (client/src/features/profile/viewAccess.ts). 建议筛选 used to decide
 * from the first role alone and hid its buttons without a word.
 */
import { roles, type Role } from '@shishi/shared-types';
import { menuDefinitions, menuFor } from '../../client/src/pages/home/menu';
import { readOnlyText, rolesOf, viewAccess } from '../../client/src/features/profile/viewAccess';

const binding = (role: Role, orgId: string) => ({ role, orgId, orgName: orgId, orgPath: ['dl', orgId] });

describe('read-only staff views', () => {
  it('建议筛选: reviewers, department heads, leaders and unit heads may only look and export', () => {
    for (const role of ['reviewer', 'deptHead', 'leader', 'unitHead'] as const) {
      const access = viewAccess('home-screening', [role]);
      expect([role, access.readOnly, access.cannot]).toEqual([role, true, ['合并', '评分', '作出决定']]);
      expect(readOnlyText(access)).toBe('只读：您可以查看和导出，不能合并、评分、作出决定。');
    }
    for (const role of ['unionStaff', 'research', 'admin'] as const) {
      expect([role, viewAccess('home-screening', [role])]).toEqual([
        role,
        { readOnly: false, cannot: [], canExport: true },
      ]);
    }
  });

  it('counts every role the person holds, not only the first binding', () => {
    const profile = {
      role: 'reviewer' as const,
      bindings: [binding('reviewer', 'dept-org'), binding('unionStaff', 'dist-zhongshan')],
    };
    expect(rolesOf(profile)).toEqual(['reviewer', 'unionStaff']);
    expect(viewAccess('home-screening', rolesOf(profile)).readOnly).toBe(false);
    // A profile from an older reply, without bindings: its one role.
    expect(viewAccess('home-screening', rolesOf({ role: 'leader' })).readOnly).toBe(true);
  });

  it('绩效看板: leaders look and export, and are told they cannot set the thresholds', () => {
    const leader = viewAccess('home-kpi', ['leader']);
    expect(leader.readOnly).toBe(true);
    expect(readOnlyText(leader)).toBe('只读：您可以查看和导出，不能设置信号阈值。');
    expect(viewAccess('home-kpi', ['unionStaff']).readOnly).toBe(false);
  });

  it.each(roles.map((r) => [r]))('%s: every staff view is read-only exactly when the menu says （只读）', (role) => {
    const shown = new Map(menuFor([role]).flatMap((g) => g.entries.map((e) => [e.id, e] as const)));
    for (const def of menuDefinitions.staff) {
      const entry = shown.get(def.id);
      const access = viewAccess(def.id, [role]);
      // A view the person cannot open is not theirs to change either.
      expect([def.id, access.readOnly]).toEqual([def.id, entry ? entry.description.endsWith('（只读）') : true]);
    }
  });
});
