import {
  access,
  isStaff,
  staffRoles,
  type ListProposalsInput,
  type PageInput,
  type ProposalPage,
} from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { pageOf } from '../../common/paging';
import { filterOrg } from '../../common/scope';
import { offlineKeyOf, present } from '../load';
import { withDefaults, type ProposalDoc } from '../model';

/**
 * 我的建议: the caller's own proposals, newest first — also those a cadre entered offline for them
 * (same name and union), with decision, the kept proposal of a merged one, and the project.
 */
export async function listMine(ctx: Ctx, input: PageInput): Promise<ProposalPage> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  return proposalPage(ctx, { authorKey: _.in([ctx.openid, offlineKeyOf(user)]) }, input);
}

/**
 * 建议列表: staff see every proposal of their org subtree; workers see the proposals that passed the
 * content check, city-wide.
 */
export async function list(ctx: Ctx, input: ListProposalsInput): Promise<ProposalPage> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const conditions: unknown[] = [];
  if (isStaff(user.role)) {
    // The action is open to everyone (workers see what passed the check); a staff filter is scoped.
    const scope = await filterOrg(ctx, input.orgId, { rule: access(staffRoles, 'subtree') });
    conditions.push({ orgPath: scope._id });
  } else {
    // Workers see what passed the content check; merged proposals live on in the one they joined.
    conditions.push({ moderation: 'pass', status: _.nin(['merged', 'withdrawn']) });
    if (input.orgId) conditions.push({ orgPath: input.orgId });
  }
  if (input.category) conditions.push({ category: input.category });
  if (input.status) conditions.push({ status: input.status });
  if (input.keyword) {
    const pattern = input.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = ctx.db.RegExp({ regexp: pattern, options: 'i' });
    conditions.push(_.or([{ title: re }, { content: re }]));
  }
  return proposalPage(ctx, conditions.length === 1 ? conditions[0] : _.and(conditions), input);
}

/** A page of the proposals matching `where`, by submission time (newest first unless `order` says). */
export async function proposalPage(
  ctx: Ctx,
  where: unknown,
  input: PageInput,
  order: 'asc' | 'desc' = 'desc',
): Promise<ProposalPage> {
  const { docs, total } = await pageOf<ProposalDoc>(
    ctx,
    { collection: 'proposals', where, orderBy: 'createdAt', order },
    input,
  );
  return {
    items: await present(
      ctx,
      docs.map((d) => withDefaults(d)),
    ),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
