import { defaultWeights, type ScreenInput, type ScreenOutput, type ScreenSort } from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import { filterOrg } from '../../common/scope';
import { staffWindow, toWindow } from '../../common/windows';
import { present, windowScoring } from '../load';
import { withDefaults, type ProposalDoc } from '../model';

const sortFields: Record<Exclude<ScreenSort, 'score'>, string> = {
  backers: 'backerCount',
  supports: 'supportCount',
  cluster: 'similarCount',
  urgency: 'scores.urgency',
  feasibility: 'scores.feasibility',
  createdAt: 'createdAt',
};

/**
 * 筛选: a window's proposals in the staff member's subtree, filtered, sorted and ranked. The default
 * sort is the weighted score of the three criteria (第五条（二）) with the window's weights; unscored
 * proposals come after scored ones.
 */
export async function screen(ctx: Ctx, input: ScreenInput): Promise<ScreenOutput> {
  const user = await ctx.profile();
  const scope = await filterOrg(ctx, input.orgId);
  const window = await staffWindow(ctx, user, input.windowId);
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  if (!window) return { ...empty, window: null, weights: defaultWeights, maxBackers: 0 };
  const _ = ctx.db.command;
  const scoring = (await windowScoring(ctx, [window._id], user.orgId)).get(window._id)!;
  const conditions: Record<string, unknown>[] = [
    { orgPath: scope._id, windowId: window._id, status: input.status ?? _.nin(['merged', 'withdrawn']) },
  ];
  if (input.category) conditions.push({ category: input.category });
  if (input.targetGroup) conditions.push({ targetGroup: input.targetGroup });
  if (input.moderation) conditions.push({ moderation: input.moderation });
  if (input.minSupport !== undefined) conditions.push({ supportCount: _.gte(input.minSupport) });
  if (input.minCluster !== undefined) conditions.push({ similarCount: _.gte(input.minCluster) });
  if (input.keyword) {
    const re = ctx.db.RegExp({ regexp: input.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
    conditions.push(_.or([{ title: re }, { content: re }]));
  }
  const where = conditions.length === 1 ? conditions[0] : _.and(conditions);
  const skip = (input.page - 1) * input.pageSize;
  const dir = input.order === 'asc' ? 'asc' : 'desc';
  const coll = ctx.db.collection('proposals');
  const [docs, count] = await Promise.all([
    input.sort === 'score'
      ? byScore(ctx, where, scoring, dir, skip, input.pageSize)
      : coll
          .where(where)
          .orderBy(sortFields[input.sort], dir)
          .orderBy(input.sort === 'createdAt' ? '_id' : 'createdAt', input.sort === 'createdAt' ? 'asc' : 'desc')
          .orderBy('_id', 'asc')
          .skip(skip)
          .limit(input.pageSize)
          .get()
          .then((r: { data: ProposalDoc[] }) => r.data),
    coll.where(where).count(),
  ]);
  const items = await present(
    ctx,
    (docs as ProposalDoc[]).map((d) => withDefaults(d)),
    { windows: new Map([[window._id, scoring]]) },
  );
  return {
    items: items.map((p, i) => ({ ...p, rank: skip + i + 1 })),
    total: count.total as number,
    page: input.page,
    pageSize: input.pageSize,
    window: toWindow(window, ctx.now),
    weights: scoring.weights,
    maxBackers: scoring.maxBackers,
  };
}

/**
 * Sorted by the weighted score in the database (aggregate), so paging works over the whole window:
 * the same formula as rules/screening weightedScore; unscored ones get −1.
 */
async function byScore(
  ctx: Ctx,
  where: unknown,
  scoring: { weights: { concentration: number; urgency: number; feasibility: number }; maxBackers: number },
  dir: 'asc' | 'desc',
  skip: number,
  limit: number,
): Promise<ProposalDoc[]> {
  const $ = ctx.db.command.aggregate;
  const { weights: w, maxBackers } = scoring;
  const sum = w.concentration + w.urgency + w.feasibility;
  const u = $.ifNull(['$scores.urgency', 0]);
  const f = $.ifNull(['$scores.feasibility', 0]);
  const rating = (r: unknown) => $.multiply([$.divide([$.subtract([r, 1]), 4]), 100]);
  const concentration = maxBackers > 0 ? $.multiply([$.divide(['$backerCount', maxBackers]), 100]) : 0;
  const total = $.cond({
    if: $.and([$.gt([u, 0]), $.gt([f, 0])]),
    then: $.divide([
      $.add([
        $.multiply([w.concentration, concentration]),
        $.multiply([w.urgency, rating(u)]),
        $.multiply([w.feasibility, rating(f)]),
      ]),
      sum,
    ]),
    else: -1,
  });
  const order = dir === 'asc' ? 1 : -1;
  const res = await ctx.db
    .collection('proposals')
    .aggregate()
    .match(where)
    .addFields({ screenTotal: total })
    .sort({ screenTotal: order, backerCount: order, _id: 1 })
    .skip(skip)
    .limit(limit)
    .project({ screenTotal: 0 })
    .end();
  return res.list as ProposalDoc[];
}
