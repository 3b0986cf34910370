/** 组织树: the Dalian union organisation, for the union picker and for staff scoping. */
import type { OrgTreeOutput } from '@shishi/shared-types';
import { defineFunction } from '../common/app';
import type { Ctx } from '../common/context';
import { allOrgs } from '../common/orgs';

async function tree(ctx: Ctx): Promise<OrgTreeOutput> {
  return { orgs: await allOrgs(ctx.db) };
}

export const orgFunction = defineFunction('org', { tree });
