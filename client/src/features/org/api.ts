/** 组织树: the union organisation, for choosing one's grassroots union. */
import type { OrgTreeOutput } from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function fetchOrgTree(): Promise<OrgTreeOutput> {
  return invoke('org', 'tree');
}
