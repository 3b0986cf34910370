import {
  isOpenAt,
  isStaff,
  proposalStatusMeta,
  similarWindows,
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
  '_id' | 'status' | 'moderation' | 'orgName' | 'supportCount' | 'backerCount' | 'authorOpenid' | 'authorKey'
>;

/**
 * While typing a proposal: up to 5 proposals most like the title and content so far, from every window
 * whose proposals the caller can see and that collects for the same year as the one they submit to
 * (`similarWindows`: the nearest open window, the others open above it, and those of the year already
 * ended — a district's own window and the city's, open or closed: what colleagues sent to either is
 * found), each with its support state, so the worker can 附议 instead of writing a duplicate.
 * Only what the caller may see is searched: what passed the content check, their own, and (staff)
 * everything of their subtree; never a withdrawn or merged one.
 * Requests: the profile with its windows (1), two per window searched (frequencies, candidates; at most
 * MAX_SIMILAR_WINDOWS windows, in parallel), the stored text when `excludeId` is given (1), then the
 * winners' panel fields and the caller's supports (2): at most 12.
 */
export async function similar(ctx: Ctx, input: SimilarInput): Promise<SimilarOutput> {
  const user = await ctx.profile();
  const applying = (user.joined?.windows ?? []) as WindowDoc[];
  // The nearest open window first (its proposals win ties), then the others of its year.
  const searched = similarWindows(applying, user.orgPath, ctx.now);
  const window = searched[0];
  if (!window) return { items: [], windowId: null };
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
    searched.map((w) =>
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
    .flatMap((r, i) => r.ranked.map((c) => ({ ...c, windowOpen: isOpenAt(searched[i], ctx.now) })))
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
        moderation: true,
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
    items: ranked.flatMap(({ candidate: c, score, windowOpen }) => {
      const d = byId.get(c._id);
      if (!d) return [];
      const mine = keys.includes(d.authorKey ?? d.authorOpenid ?? '');
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
          mine,
          supportNote: mine ? null : supportNote(d, windowOpen),
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

/** Why 附议 is not offered on a proposal found (decided, still in review, its window ended), or null. */
function supportNote(d: Pick<ProposalDoc, 'status' | 'moderation'>, windowOpen: boolean): string | null {
  const meta = proposalStatusMeta[d.status];
  if (!meta.open) return `已作出决定（${meta.label}），不能再附议`;
  if (d.moderation !== 'pass') return '还在审核中，暂时不能附议';
  if (!windowOpen) return '所在的征集期已结束，不能再附议';
  return null;
}

function excerpt(content: string): string {
  const chars = Array.from(content);
  return chars.length <= 60 ? content : chars.slice(0, 60).join('') + '…';
}
