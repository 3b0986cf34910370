/** Whom staff name at the desk or in a list: a grassroots union found by its full name. */
import type { Org } from '@shishi/shared-types';
import type { Db } from '../common/cloud';
import { allOrgs } from '../common/orgs';
import { normalName } from './served';

export interface UnitIndex {
  /** The union named (full name, spaces and full-width forms folded), or why not. */
  find(name: string): { org: Org } | { error: string };
}

/** Every org by its name (one read of the tree, a few hundred nodes). */
export async function unitIndex(db: Db): Promise<UnitIndex> {
  const byName = new Map<string, Org[]>();
  for (const org of await allOrgs(db)) {
    const k = normalName(org.name);
    byName.set(k, [...(byName.get(k) ?? []), org]);
  }
  return {
    find(name) {
      const found = byName.get(normalName(name)) ?? [];
      // A worker belongs to a grassroots union; other nodes (a district union's own staff) also count.
      const grassroots = found.filter((o) => o.type === 'grassroots');
      const pick = grassroots.length ? grassroots : found;
      if (pick.length === 1) return { org: pick[0] };
      if (pick.length === 0) return { error: `找不到名为「${name}」的单位，请写基层工会的全称` };
      return { error: `有 ${pick.length} 个单位都叫「${name}」，请写带上级工会的全称` };
    },
  };
}
