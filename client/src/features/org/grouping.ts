import { orgTypeLabels, type Org } from '@shishi/shared-types';

export interface GrassrootsGroup {
  /** The 区市县（开放先导区）总工会 or 产业工会 above these unions (or their direct parent). */
  parent: Org;
  /** 区市县总工会 / 产业工会 … */
  typeLabel: string;
  unions: Org[];
}

const byOrder = (a: Org, b: Org) => a.order - b.order || a.name.localeCompare(b.name, 'zh-CN');

/**
 * Grassroots unions grouped under their nearest 区市县 or 产业工会 ancestor (falling back to the
 * direct parent), districts first, then industries, each in the tree's order.
 */
export function groupGrassroots(orgs: readonly Org[]): GrassrootsGroup[] {
  const byId = new Map(orgs.map((org) => [org._id, org]));
  const groups = new Map<string, GrassrootsGroup>();
  for (const org of orgs) {
    if (org.type !== 'grassroots') continue;
    const ancestors = org.path
      .filter((id) => id !== org._id)
      .map((id) => byId.get(id))
      .filter((node): node is Org => node !== undefined);
    const parent =
      [...ancestors].reverse().find((node) => node.type === 'district' || node.type === 'industry') ??
      (org.parentId ? byId.get(org.parentId) : undefined);
    if (!parent) continue;
    let group = groups.get(parent._id);
    if (!group) {
      group = { parent, typeLabel: orgTypeLabels[parent.type], unions: [] };
      groups.set(parent._id, group);
    }
    group.unions.push(org);
  }
  const typeRank = (org: Org) => (org.type === 'district' ? 0 : org.type === 'industry' ? 1 : 2);
  const list = [...groups.values()];
  list.forEach((group) => group.unions.sort(byOrder));
  return list.sort((a, b) => typeRank(a.parent) - typeRank(b.parent) || byOrder(a.parent, b.parent));
}

/** Grassroots unions whose name contains `keyword`, with the group each belongs to. */
export function searchGrassroots(
  groups: readonly GrassrootsGroup[],
  keyword: string,
): { union: Org; group: GrassrootsGroup }[] {
  const k = keyword.trim();
  if (!k) return [];
  return groups.flatMap((group) =>
    group.unions.filter((union) => union.name.includes(k)).map((union) => ({ union, group })),
  );
}
