import { useMemo } from 'react';
import type { Org, OrgTreeOutput } from '@shishi/shared-types';
import { useResource } from '../../hooks/useResource';
import { fetchOrgTree } from './api';
import { groupGrassroots } from './grouping';

/** The tree changes rarely: one load per app session is enough. */
let cachedTree: OrgTreeOutput | null = null;

function useTree(enabled: boolean) {
  return useResource(
    async () => {
      if (!enabled) return cachedTree;
      const result = await fetchOrgTree();
      cachedTree = result;
      return result;
    },
    [enabled],
    cachedTree,
  );
}

export function useGrassrootsGroups() {
  const tree = useTree(true);
  const groups = useMemo(() => (tree.data ? groupGrassroots(tree.data.orgs) : []), [tree.data]);
  return { ...tree, groups };
}

/** The organisations, loaded only once `enabled` (null until then, or when loading fails). */
export function useOrgTree(enabled: boolean): readonly Org[] | null {
  return useTree(enabled).data?.orgs ?? null;
}
