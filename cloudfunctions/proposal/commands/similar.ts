import {
  findOpenWindow,
  isOpenAt,
  isStaff,
  windowsFor,
  type SimilarInput,
  type SimilarOutput,
} from '@shishi/shared-types';
import type { Ctx } from '../../common/context';
import type { WindowDoc } from '../../common/windows';
import { offlineKeyOf } from '../load';
import type { ProposalDoc } from '../model';
import { similarInWindow } from '../similarity';

export { submitJoins as similarJoins } from './submit';

type Shown = Pick<
  ProposalDoc,
  '_id' | 'status' | 'orgName' | 'supportCount' | 'backerCount' | 'authorOpenid' | 'authorKey'
>;

/**
 * While typing a proposal: up to 5 proposals most like the title and content so far, from every open
 * window that applies to the caller (a district's own window and the city's, when both are open: what
 * colleagues sent to either is found), each with its support state, so the worker can 附议 instead of
 * writing a duplicate.
 * Only what the caller may see is searched: what passed the content check, their own, and (staff)
 * everything of their subtree.
 */
export async function similar(ctx: Ctx, input: SimilarInput): Promise<SimilarOutput> {
  const user = await ctx.profile();
  const applying = (user.joined?.windows ?? []) as WindowDoc[];
  const window = findOpenWindow(applying, user.orgPath, ctx.now);
  if (!window) return { items: [], windowId: null };
  // The nearest open window first (its proposals win ties), then the others open above it.
  const open = [
    window,
    ...windowsFor(applying, user.orgPath).filter((w) => w._id !== window._id && isOpenAt(w, ctx.now)),
  ];
  const _ = ctx.db.command;
  const keys = [ctx.openid, offlineKeyOf(user)];
  const visibleTo = _.or([
    { moderation: 'pass' },
    { authorKey: _.in(keys) },
    { 'offline.enteredBy': ctx.openid },
    ...(isStaff(user.role) ? [{ orgPath: user.orgId }] : []),
  ]);
  // A stored proposal left out (staff looking at it) is taken out of its window's frequencies too.
  const stored = input.excludeId ? await storedText(ctx, input.excludeId) : undefined;
  const results = await Promise.all(
    open.map((w) =>
      similarInWindow(
        ctx,
        w._id,
        { title: input.title, content: input.content },
        {
          limit: input.limit,
          exclude: input.excludeId ? new Set([input.excludeId]) : undefined,
          visibleTo,
          stored: stored && stored.windowId === w._id ? stored : undefined,
        },
      ),
    ),
  );
  // One list across the windows, best first (a stable sort keeps the nearest window's first on ties).
  const ranked = results
    .flatMap((r) => r.ranked)
    .sort((a, b) => b.score - a.score)
    .slice(0, input.limit);
  const grams = [...new Set(results.flatMap((r) => r.grams))];
  if (ranked.length === 0) return { items: [], windowId: window._id };
  const ids = ranked.map((r) => r.candidate._id);
  // The winners' panel fields, through the same gram index; and which of them the caller supports.
  const [shown, supports] = await Promise.all([
    ctx.db
      .collection('proposals')
      .where({ grams: _.in(grams), _id: _.in(ids) })
      .field({
        status: true,
        orgName: true,
        supportCount: true,
        backerCount: true,
        authorOpenid: true,
        authorKey: true,
      })
      .limit(ids.length)
      .get(),
    ctx.db
      .collection('supports')
      .where({ openid: ctx.openid, proposalId: _.in(ids) })
      .field({ proposalId: true })
      .limit(ids.length)
      .get(),
  ]);
  const byId = new Map((shown.data as Shown[]).map((d) => [d._id, d]));
  const supported = new Set((supports.data as Array<{ proposalId: string }>).map((s) => s.proposalId));
  return {
    windowId: window._id,
    items: ranked.flatMap(({ candidate: c, score }) => {
      const d = byId.get(c._id);
      if (!d) return [];
      return [
        {
          _id: c._id,
          title: c.title,
          excerpt: excerpt(c.content),
          score: Math.round(score * 1000) / 1000,
          status: d.status,
          orgName: d.orgName,
          supportCount: d.supportCount ?? 0,
          backerCount: d.backerCount ?? 1 + (d.supportCount ?? 0),
          supportedByMe: supported.has(c._id),
          mine: keys.includes(d.authorKey ?? d.authorOpenid ?? ''),
        },
      ];
    }),
  };
}

/** Title, content and window of a stored proposal (undefined: none such), only to adjust the frequencies. */
async function storedText(
  ctx: Ctx,
  id: string,
): Promise<{ title: string; content: string; windowId: string } | undefined> {
  const res = await ctx.db
    .collection('proposals')
    .where({ _id: id })
    .field({ title: true, content: true, windowId: true })
    .limit(1)
    .get();
  return (res.data as Array<{ title: string; content: string; windowId: string }>)[0];
}

function excerpt(content: string): string {
  const chars = Array.from(content);
  return chars.length <= 60 ? content : chars.slice(0, 60).join('') + '…';
}
