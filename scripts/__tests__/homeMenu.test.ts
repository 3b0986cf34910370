/**
 * Issue 12: 首页's menu lists, for every role, only what that role can call (the contracts' access
 * rules), and says so when a view is read-only. The menu's copy of the project rules equals the
 * project contracts.
 */
import { api, roles, type Role } from '@shishi/shared-types';
import type { AccessRule } from '@shishi/shared-types/src/rules/access';
import {
  contractAccess,
  menuContracts,
  menuDefinitions,
  menuFor,
  type AccessOf,
  type MenuEntry,
} from '../../client/src/pages/home/menu';

/** The access rule straight from the full contract table (the one the functions enforce). */
const fromApi: AccessOf = (ref) => {
  const [fn, action] = ref.split('.') as [keyof typeof api, string];
  const contract = (api[fn] as Record<string, { access: AccessRule }>)[action];
  if (!contract) throw new Error(`no contract ${ref}`);
  return contract.access;
};
const may = (role: Role, ref: Parameters<AccessOf>[0]) => {
  const r = fromApi(ref).roles;
  return r === 'anyone' || r.includes(role);
};

const allDefs = [...menuDefinitions.everyone, ...menuDefinitions.cadre, ...menuDefinitions.staff];
const entriesOf = (role: Role): MenuEntry[] => menuFor([role]).flatMap((g) => g.entries);

describe('home menu', () => {
  it('reads the same rules as the contracts (the project copy included)', () => {
    for (const def of allDefs) {
      for (const ref of [def.opens, ...def.abilities.map((a) => a.action)]) {
        expect([ref, contractAccess(ref).roles]).toEqual([ref, fromApi(ref).roles]);
      }
    }
    // The schema-free table the menu reads (shared-types rules/menuAccess.ts): every rule, role and scope.
    for (const [fn, table] of Object.entries(menuContracts)) {
      for (const [action, rule] of Object.entries(table)) {
        const ref = `${fn}.${action}` as never;
        expect([ref, rule.roles, rule.scope]).toEqual([ref, fromApi(ref).roles, fromApi(ref).scope]);
      }
    }
  });

  it.each(roles.map((r) => [r]))('%s: every entry opens with an action the role may call', (role) => {
    for (const entry of entriesOf(role)) {
      const def = allDefs.find((d) => d.id === entry.id)!;
      expect([entry.id, may(role, def.opens)]).toEqual([entry.id, true]);
    }
  });

  it.each(roles.map((r) => [r]))('%s: no description promises an action the role may not call', (role) => {
    for (const entry of entriesOf(role)) {
      const def = allDefs.find((d) => d.id === entry.id)!;
      for (const ability of def.abilities) {
        const said = entry.description.includes(ability.label);
        expect([entry.id, ability.label, said]).toEqual([entry.id, ability.label, may(role, ability.action)]);
      }
      // A view where the role can change nothing says it is read-only.
      const writes = def.abilities.filter((a) => a.write);
      const readOnly = writes.length > 0 && !writes.some((a) => may(role, a.action));
      expect([entry.id, entry.readOnly, entry.description.endsWith('（只读）')]).toEqual([
        entry.id,
        readOnly,
        readOnly,
      ]);
    }
  });

  it.each(roles.map((r) => [r]))('%s: every tool the role may open is on the menu', (role) => {
    const shown = new Set(entriesOf(role).map((e) => e.id));
    const staffRole = fromApi('proposal.screen').roles.includes(role as never);
    const defs = [...menuDefinitions.everyone, ...(staffRole ? menuDefinitions.staff : menuDefinitions.cadre)];
    for (const def of defs) expect([def.id, shown.has(def.id)]).toEqual([def.id, may(role, def.opens)]);
  });

  it('reviewer, department head and leader: 建议筛选 is read-only, without 合并、评分、作出决定', () => {
    for (const role of ['reviewer', 'deptHead', 'leader'] as const) {
      const screening = entriesOf(role).find((e) => e.id === 'home-screening')!;
      expect(screening.description).toBe('查看排名、导出 Excel（只读）');
      expect(entriesOf(role).map((e) => e.id)).not.toContain('home-windows');
    }
  });

  it('admin has the admin tools; a worker only the two lists', () => {
    expect(entriesOf('admin').map((e) => e.id)).toContain('home-roles');
    expect(entriesOf('worker').map((e) => e.id)).toEqual(['home-mine', 'home-proposals']);
    expect(entriesOf('cadre').map((e) => e.id)).toEqual([
      'home-mine',
      'home-proposals',
      'home-offline',
      'home-survey-offline',
    ]);
  });

  it('绩效看板: leaders see it read-only (dashboard and export), district staff also set the thresholds; workers never', () => {
    const kpi = (role: Role) => entriesOf(role).find((e) => e.id === 'home-kpi');
    expect(kpi('leader')!.description).toBe('按年度、层级、单位查看项目绩效、满意度和信号、导出 Excel（只读）');
    expect(kpi('leader')!.url).toBe('/packages/kpi/pages/dashboard/index');
    expect(kpi('unionStaff')!.description).toBe(
      '按年度、层级、单位查看项目绩效、满意度和信号、导出 Excel、设置信号阈值',
    );
    expect(kpi('worker')).toBeUndefined();
    expect(kpi('cadre')).toBeUndefined();
  });

  it('a person with two roles gets what either may do', () => {
    const ids = menuFor(['reviewer', 'admin']).flatMap((g) => g.entries.map((e) => e.id));
    expect(ids).toContain('home-roles');
    const screening = menuFor(['reviewer', 'admin'])
      .flatMap((g) => g.entries)
      .find((e) => e.id === 'home-screening')!;
    expect(screening.readOnly).toBe(false);
  });
});
