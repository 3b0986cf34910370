import { useMemo } from 'react';
import type { OrgTreeOutput } from '@shishi/shared-types';
import { useResource } from '../../hooks/useResource';
import { fetchOrgTree } from './api';
import { groupGrassroots } from './grouping';

/** The tree changes rarely: one load per app session is enough. */
let cachedTree: OrgTreeOutput | null = null;

export function useGrassrootsGroups() {
  const tree = useResource(
    async () => {
      const result = await fetchOrgTree();
      cachedTree = result;
      return result;
    },
    [],
    cachedTree,
  );
  const groups = useMemo(() => (tree.data ? groupGrassroots(tree.data.orgs) : []), [tree.data]);
  return { ...tree, groups };
}
