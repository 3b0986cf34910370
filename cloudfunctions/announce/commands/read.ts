/** 首页动态 (feed), one announcement (get, marks it read), and per-announcement reach (stats). */
import {
  AppError,
  access,
  announcementKindLabels,
  announcementStateLabels,
  inAnnouncementAudience,
  staffRoles,
  summaryOf,
  workerFeedKeys,
  projectOwnerRoles,
  type Announcement,
  type AnnouncementStatsInput,
  type AnnouncementStatsOutput,
  type FeedInput,
  type FeedOutput,
  type GetAnnouncementInput,
  type WorkerGroup,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import type { Ctx, UserDoc } from '../../common/context';
import { pushStats } from '../../common/push';
import { reaches } from '../../common/scope';
import { iso } from '../../common/serialize';
import { countOnce, readCounts } from '../../common/uniqueCount';
import { loadProject } from '../../project/load';
import { scopeOf } from '../../project/view';
import { loadAnnouncement, present, readersCounter, stateOf, type AnnouncementDoc } from '../model';

/**
 * A worker's groups (女职工, 农民工, …) are what their profile says (`users.groups`, declared by the
 * worker); none declared: they get what is sent to their org path without groups.
 */
export function groupsOf(user: UserDoc): WorkerGroup[] {
  return (user.groups ?? []).slice();
}

/** The read row's _id: one per announcement and person, for workers' counted reads and staff's alike. */
export const readId = (announcementId: string, openid: string) => `${announcementId}_${openid}`;

const feedFields = {
  projectId: true,
  projectTitle: true,
  kind: true,
  title: true,
  serviceContent: true,
  time: true,
  place: true,
  publishedAt: true,
  editedAt: true,
};

/**
 * The caller's feed: announcements whose audience holds their org path (and groups), newest first; with
 * `projectId`, that project's only (its page).
 */
export async function feed(ctx: Ctx, input: FeedInput): Promise<FeedOutput> {
  const user = await ctx.profile();
  const _ = ctx.db.command;
  const keys = workerFeedKeys(user.orgPath, groupsOf(user));
  // One page and one more document (is there a next page?), newest first on the feed index; no count.
  const res = await ctx.db
    .collection('announcements')
    .where(input.projectId ? { projectId: input.projectId, feedKeys: _.in(keys) } : { feedKeys: _.in(keys) })
    .orderBy('publishedAt', 'desc')
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize + 1)
    .field(feedFields)
    .get();
  const hasMore = res.data.length > input.pageSize;
  const docs = (res.data as AnnouncementDoc[]).slice(0, input.pageSize);
  // Unread marks: which of this page the caller opened (one read by _id; a worker's read and a staff
  // member's uncounted one share the _id).
  const read = new Set<string>();
  if (docs.length > 0) {
    const res = await ctx.db
      .collection('announcementReads')
      .where({ _id: _.in(docs.map((d) => readId(d._id, ctx.openid))) })
      .field({ _id: true })
      .limit(docs.length)
      .get();
    for (const r of res.data as Array<{ _id: string }>) read.add(r._id);
  }
  return {
    items: docs.map((d) => ({
      announcementId: d._id,
      projectId: d.projectId,
      projectTitle: d.projectTitle,
      kind: d.kind,
      kindLabel: announcementKindLabels[d.kind],
      title: d.title,
      summary: summaryOf(d.serviceContent),
      time: d.time,
      place: d.place,
      publishedAt: iso(d.publishedAt),
      editedAt: d.editedAt ? iso(d.editedAt) : null,
      unread: !read.has(readId(d._id, ctx.openid)),
    })),
    page: input.page,
    pageSize: input.pageSize,
    hasMore,
  };
}

const staffSees = access(staffRoles, 'department');
const ownerManages = access(projectOwnerRoles, 'subtree');

/**
 * One announcement. Staff who reach the project see it in every state; a worker sees it while it is
 * shown and they are in its audience, and opening it marks it read (once per worker: its readers count;
 * staff who reach the project read it without being counted).
 */
export async function get(ctx: Ctx, input: GetAnnouncementInput): Promise<Announcement> {
  const a = await loadAnnouncement(ctx, input.announcementId);
  const user = await ctx.profile();
  const scope = { orgPath: a.orgPath, departmentIds: a.departmentIds };
  const staff = await reaches(ctx, scope, staffSees);
  const inAudience = inAnnouncementAudience(
    { orgId: a.audienceOrgId, groups: a.groups },
    {
      orgPath: user.orgPath,
      groups: groupsOf(user),
    },
  );
  const state = stateOf(a);
  if (!staff) {
    if (state === 'withdrawn') throw new AppError('NOT_FOUND', '这条公告已经撤回');
    if (state !== 'shown') throw new AppError('NOT_FOUND', '这条公告还没有发布');
    if (!inAudience) throw new AppError('FORBIDDEN', `这条公告发给${a.audienceOrgName}的职工，您不在发布范围内`);
  }
  // Reached = workers of the audience who opened it: the staff who manage the project do not count.
  if (state === 'shown' && inAudience && !staff) {
    await countOnce(ctx, {
      events: 'announcementReads',
      eventId: readId(a._id, ctx.openid),
      event: { announcementId: a._id, openid: ctx.openid, at: ctx.now },
      counterId: readersCounter(a._id),
      openid: ctx.openid,
    });
  }
  // Staff who opened it lose the unread dot in their own feed too, without being counted as reached.
  if (state === 'shown' && staff) await markReadUncounted(ctx, a._id);
  return present(ctx, a, staff, staff && (await reaches(ctx, scope, ownerManages)));
}

/**
 * A staff member's read: the same _id as a worker's (the feed's unread mark), but no `announcementId`
 * and no counter, so the readers count and its recompute (`announcementReads` by `announcementId`) hold
 * workers only.
 */
async function markReadUncounted(ctx: Ctx, announcementId: string): Promise<void> {
  const id = readId(announcementId, ctx.openid);
  const seen = await ctx.db.collection('announcementReads').where({ _id: id }).limit(1).get();
  if (seen.data.length > 0) return;
  try {
    await ctx.db
      .collection('announcementReads')
      .add({ data: { _id: id, staffReadOf: announcementId, openid: ctx.openid, at: ctx.now } });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

/** Per announcement of a project: audience size, readers in the app, subscribe messages by outcome. */
export async function stats(ctx: Ctx, input: AnnouncementStatsInput): Promise<AnnouncementStatsOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize(scopeOf(p), `项目《${p.title}》`);
  const res = await ctx.db
    .collection('announcements')
    .where({ projectId: p._id })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get();
  const docs = res.data as AnnouncementDoc[];
  const readers = await readCounts(
    ctx,
    docs.map((d) => readersCounter(d._id)),
  );
  const sizes = new Map<string, number>();
  const items = await Promise.all(
    docs.map(async (d) => {
      const key = `${d.audienceOrgId}|${d.groups.join(',')}`;
      if (!sizes.has(key)) sizes.set(key, await audienceSize(ctx, d));
      const push = await pushStats(ctx, { type: 'announcement', id: d._id });
      const state = stateOf(d);
      return {
        announcementId: d._id,
        title: d.title,
        kind: d.kind,
        state,
        stateLabel: announcementStateLabels[state],
        publishedAt: d.publishedAt ? iso(d.publishedAt) : null,
        editedAt: d.editedAt ? iso(d.editedAt) : null,
        audienceSize: sizes.get(key) ?? 0,
        reached: readers.get(readersCounter(d._id)) ?? 0,
        pushed: push.pushed,
        failed: push.failed,
        pending: push.pending,
      };
    }),
  );
  return { projectId: p._id, projectTitle: p.title, items };
}

/** People with a profile under the audience org (and in one of its groups when narrowed). */
async function audienceSize(ctx: Ctx, a: AnnouncementDoc): Promise<number> {
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { orgPath: a.audienceOrgId };
  if (a.groups.length > 0) where.groups = _.in(a.groups);
  const res = await ctx.db.collection('users').where(where).count();
  return res.total as number;
}
