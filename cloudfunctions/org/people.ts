/**
 * People and their role bindings, as the `org` function reads and writes them: one binding per org
 * node; staff and cadre bindings first (in the order they were given), the worker membership last, so
 * the profile's primary role is a staff role whenever the person holds one.
 */
import { roleLabels, type Org, type Role, type StaffPerson } from '@shishi/shared-types';
import { bindingsOf, type UserDoc } from '../common/context';

export type Binding = NonNullable<UserDoc['bindings']>[number];

export function bindingOf(role: Role, org: Org): Binding {
  return { role, orgId: org._id, orgName: org.name, orgPath: [...org.path] };
}

/** Staff and cadre bindings first, in their order; worker membership last. */
export function ordered(bindings: readonly Binding[]): Binding[] {
  return [...bindings.filter((b) => b.role !== 'worker'), ...bindings.filter((b) => b.role === 'worker')];
}

/** The users fields that follow from a person's bindings: the list and the primary (first) one. */
export function bindingFields(bindings: readonly Binding[]) {
  const [primary] = bindings;
  return {
    bindings: bindings.map((b) => ({ ...b, orgPath: [...b.orgPath] })),
    role: primary.role,
    orgId: primary.orgId,
    orgName: primary.orgName,
    orgPath: [...primary.orgPath],
  };
}

export function toStaffPerson(user: UserDoc): StaffPerson {
  return {
    userId: user._id,
    name: user.name,
    ...(user.unit ? { unit: user.unit } : {}),
    bindings: bindingsOf(user).map((b) => ({
      role: b.role,
      orgId: b.orgId,
      orgName: b.orgName,
      orgPath: [...b.orgPath],
    })),
  };
}

/** “组织和基层工作部 · 归口管理部门负责人”: how an audit note names a binding. */
export function bindingWords(b: { role: Role; orgName: string }): string {
  return `${b.orgName} · ${roleLabels[b.role]}`;
}

/** The org nodes at which the caller is an admin: the roots of what org.staff and org.findPeople see. */
export function adminRoots(user: UserDoc): string[] {
  return bindingsOf(user)
    .filter((b) => b.role === 'admin')
    .map((b) => b.orgId);
}
