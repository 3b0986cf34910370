import { AppError, inSubtree } from '@shishi/shared-types';
import type { UserDoc } from './context';
import { getOrg } from './orgs';
import type { Db } from './cloud';

/** Staff act on their own subtree only. */
export function requireInScope(user: UserDoc, orgPath: readonly string[], what = '这条建议'): void {
  if (!inSubtree(orgPath, user.orgId)) throw new AppError('FORBIDDEN', `${what}不在您的管辖范围内`);
}

/** An org the staff member names as a filter: it must exist and lie in their subtree. */
export async function scopeOrg(db: Db, user: UserDoc, orgId: string | undefined, field = 'orgId') {
  if (!orgId) return { _id: user.orgId, path: user.orgPath };
  const org = await getOrg(db, orgId);
  if (!org || !inSubtree(org.path, user.orgId)) {
    throw new AppError('FORBIDDEN', '只能查看本单位管辖范围内的建议', [{ path: field, message: '不在您的管辖范围内' }]);
  }
  return { _id: org._id, path: org.path };
}
