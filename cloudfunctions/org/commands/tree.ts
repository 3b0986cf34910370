import type { OrgTreeOutput } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { allOrgs } from '../../common/orgs';

/** 组织树: every node, in order (a few hundred at most). */
export async function tree(ctx: Ctx): Promise<OrgTreeOutput> {
  return { orgs: await allOrgs(ctx.db) };
}
