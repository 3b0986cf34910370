/** The access policy: role first, then scope (subtree, department), decided in one place. */
import { access, accessRefusal, roleNames, staffRoles, type Actor, type Role } from '../src';

const binding = (role: Role, orgPath: readonly string[]) => ({ role, orgId: orgPath.at(-1)!, orgPath });
const person = (...bindings: Actor['bindings'][number][]): Actor => ({ openid: 'p', bindings });

const zhongshan = ['dl', 'dist-zhongshan'];
const org2 = ['dl', 'dept-org'];
const record = { orgPath: [...zhongshan, 'gr-zs-mall'] };
const routed = { orgPath: ['dl', 'dist-xigang'], departmentIds: ['dept-org'] };

describe('access policy', () => {
  it('a wrong role is FORBIDDEN, naming who may', () => {
    const refusal = accessRefusal(
      person(binding('worker', zhongshan)),
      access(['unionStaff', 'research']),
      undefined,
      '这条建议',
      roleNames,
    );
    expect(refusal).toEqual({
      code: 'FORBIDDEN',
      message: '您没有权限进行这个操作（只有区市县/产业工会工作人员、市总工会调查研究室可以）',
    });
  });

  it('anyone bound may call an action open to anyone', () => {
    expect(accessRefusal(person(binding('worker', zhongshan)), access('anyone'))).toBeNull();
  });

  it('subtree: staff reach the records of their subtree and nothing else', () => {
    const rule = access(staffRoles, 'subtree');
    expect(accessRefusal(person(binding('unionStaff', zhongshan)), rule, record)).toBeNull();
    expect(accessRefusal(person(binding('unionStaff', ['dl'])), rule, record)).toBeNull();
    expect(accessRefusal(person(binding('unionStaff', ['dl', 'dist-xigang'])), rule, record, '这条建议')).toEqual({
      code: 'FORBIDDEN',
      message: '这条建议不在您的管辖范围内',
    });
  });

  it('any: the role alone decides (the action checks visibility itself)', () => {
    expect(accessRefusal(person(binding('worker', ['dl', 'dist-xigang'])), access(['worker']), record)).toBeNull();
  });

  it('without a record only the role is checked', () => {
    expect(accessRefusal(person(binding('unionStaff', ['dl', 'dist-xigang'])), access(staffRoles, 'subtree'))).toBe(
      null,
    );
  });

  it('department scope reaches records routed to the department, outside its subtree', () => {
    const rule = access(['reviewer', 'deptHead', 'leader'], 'department');
    expect(accessRefusal(person(binding('reviewer', org2)), rule, routed)).toBeNull();
    const other = accessRefusal(person(binding('reviewer', ['dl', 'dept-research'])), rule, routed, '这个项目');
    expect(other).toEqual({ code: 'FORBIDDEN', message: '这个项目不在您的管辖范围内，也没有归口到您的部门' });
  });

  it('subtree scope does not reach a routed record', () => {
    expect(accessRefusal(person(binding('reviewer', org2)), access(['reviewer'], 'subtree'), routed)?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('a person with several roles is allowed through the binding that both has the role and reaches', () => {
    const both = person(binding('worker', zhongshan), binding('unionStaff', ['dl', 'dist-xigang']));
    const rule = access(['unionStaff'], 'subtree');
    expect(accessRefusal(both, rule, { orgPath: ['dl', 'dist-xigang', 'gr-xg-hotel'] })).toBeNull();
    // The worker binding reaches Zhongshan but has not the role; the staff binding has the role but not the reach.
    expect(accessRefusal(both, rule, record)?.code).toBe('FORBIDDEN');
  });
});
