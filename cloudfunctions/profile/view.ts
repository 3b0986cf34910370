import type { Profile } from '@shishi/shared-types';
import { bindingsOf, type UserDoc } from '../common/context';
import { iso } from '../common/serialize';

export function toProfile(user: UserDoc): Profile {
  return {
    openid: user.openid,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    orgName: user.orgName,
    orgPath: user.orgPath,
    ...(user.unit ? { unit: user.unit } : {}),
    ...(user.groups?.length ? { groups: [...user.groups] } : {}),
    createdAt: iso(user.createdAt),
    bindings: bindingsOf(user).map((b) => ({
      role: b.role,
      orgId: b.orgId,
      orgName: b.orgName,
      orgPath: [...b.orgPath],
    })),
  };
}
