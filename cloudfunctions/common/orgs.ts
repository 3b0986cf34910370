import { AppError, type Org } from '@shishi/shared-types';
import type { Db } from './cloud';

export async function getOrg(db: Db, orgId: string): Promise<Org | null> {
  const res = await db.collection('orgs').where({ _id: orgId }).limit(1).get();
  return (res.data[0] as Org | undefined) ?? null;
}

export async function requireOrg(db: Db, orgId: string, field = 'orgId'): Promise<Org> {
  const org = await getOrg(db, orgId);
  if (!org) throw new AppError('INVALID_INPUT', '找不到这个组织，请重新选择', [{ path: field, message: '组织不存在' }]);
  return org;
}

/** All org nodes (the tree is a few hundred nodes at most). */
export async function allOrgs(db: Db): Promise<Org[]> {
  const out: Org[] = [];
  for (let offset = 0; ; offset += 1000) {
    const res = await db.collection('orgs').orderBy('order', 'asc').skip(offset).limit(1000).get();
    out.push(...(res.data as Org[]));
    if (res.data.length < 1000) return out;
  }
}
