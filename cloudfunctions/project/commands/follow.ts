/**
 * 关注 and 知晓度. A worker follows a project (`projectFollows`, `_id = ${projectId}_${openid}`): its news
 * reaches them as 关注项目动态通知. Authors and supporters of the origin proposals (the kept one and those
 * merged into it) follow automatically when the project is established (`autoFollow`, marked `auto`).
 * `view` records one viewer per worker per project (common/uniqueCount.ts: exactly once, also under
 * concurrent calls) and answers awareness: distinct viewers against the record's 覆盖职工数量.
 */
import {
  AppError,
  access,
  awarenessOf,
  publicStatuses,
  staffRoles,
  type ProjectFollowInput,
  type ProjectFollowOutput,
  type ProjectViewInput,
  type ProjectViewOutput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { ProjectDoc } from '../../common/projects';
import { reaches } from '../../common/scope';
import { countOnce, readCount } from '../../common/uniqueCount';
import { loadProject, readOrNull } from '../load';
import { scopeOf } from '../view';

export const followId = (projectId: string, openid: string) => `${projectId}_${openid}`;
export const viewersCounter = (projectId: string) => `v_${projectId}`;

/**
 * Workers follow and view a project once it is published; staff who reach it, and backers, before.
 * Answers whether the caller is staff the project reaches (their views are not counted as awareness).
 */
async function requireVisible(ctx: Ctx, p: ProjectDoc): Promise<{ staff: boolean }> {
  const staff = await reaches(ctx, scopeOf(p), access(staffRoles, 'department'));
  if (staff || publicStatuses.includes(p.status)) return { staff };
  const mine = await ctx.db
    .collection('projectFollows')
    .where({ _id: followId(p._id, ctx.openid) })
    .limit(1)
    .get();
  if (mine.data.length > 0) return { staff };
  throw new AppError('FORBIDDEN', `项目《${p.title}》还没有发布，发布后才能查看和关注`);
}

async function isFollowing(ctx: Ctx, projectId: string): Promise<boolean> {
  const res = await ctx.db
    .collection('projectFollows')
    .where({ _id: followId(projectId, ctx.openid) })
    .limit(1)
    .get();
  return res.data.length > 0;
}

export async function follow(ctx: Ctx, input: ProjectFollowInput): Promise<ProjectFollowOutput> {
  const p = await loadProject(ctx, input.projectId);
  await requireVisible(ctx, p);
  await ctx.profile();
  if (await isFollowing(ctx, p._id)) return { projectId: p._id, following: true };
  try {
    await ctx.db.runTransaction(async (t: Ctx['db']) => {
      const ref = t.collection('projectFollows').doc(followId(p._id, ctx.openid));
      if (await readOrNull(ref)) return;
      await t.collection('projectFollows').add({
        data: {
          _id: followId(p._id, ctx.openid),
          projectId: p._id,
          openid: ctx.openid,
          auto: false,
          createdAt: ctx.now,
        },
      });
      await audit(ctx, t, [
        { action: 'project.follow', targetType: 'project', targetId: p._id, from: null, to: 'following' },
      ]);
    });
  } catch (e) {
    // A concurrent follow by the same person stored it first: following either way.
    if (!isDuplicateKey(e)) throw e;
  }
  return { projectId: p._id, following: true };
}

export async function unfollow(ctx: Ctx, input: ProjectFollowInput): Promise<ProjectFollowOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.profile();
  if (!(await isFollowing(ctx, p._id))) return { projectId: p._id, following: false };
  await ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('projectFollows').doc(followId(p._id, ctx.openid));
    if (!(await readOrNull(ref))) return;
    await ref.remove();
    await audit(ctx, t, [
      { action: 'project.unfollow', targetType: 'project', targetId: p._id, from: 'following', to: null },
    ]);
  });
  return { projectId: p._id, following: false };
}

/** The project page was opened: one viewer per worker (staff who reach it are not counted), and the awareness figures. */
export async function view(ctx: Ctx, input: ProjectViewInput): Promise<ProjectViewOutput> {
  const p = await loadProject(ctx, input.projectId);
  const { staff } = await requireVisible(ctx, p);
  await ctx.profile();
  // 知晓度 counts workers: the staff who manage the project open its page without being counted.
  if (!staff)
    await countOnce(ctx, {
      events: 'projectViews',
      eventId: followId(p._id, ctx.openid),
      event: { projectId: p._id, openid: ctx.openid, at: ctx.now },
      counterId: viewersCounter(p._id),
      openid: ctx.openid,
    });
  const [viewers, following] = await Promise.all([readCount(ctx, viewersCounter(p._id)), isFollowing(ctx, p._id)]);
  const target = p.record.targetCovered ?? null;
  return { projectId: p._id, following, viewers, target, awareness: awarenessOf(viewers, target) };
}

/**
 * At establishment: the origin proposals' authors and supporters follow the project (`auto: true`), so its
 * news reaches the people who asked for it. The missing rows are inserted one by one (a concurrent follow
 * of the same person is a duplicate key, skipped); someone who follows already keeps their own row.
 */
export async function autoFollow(ctx: Ctx, projectId: string, openids: readonly string[]): Promise<number> {
  if (openids.length === 0) return 0;
  const _ = ctx.db.command;
  const ids = openids.map((o) => followId(projectId, o));
  const have = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const res = await ctx.db
      .collection('projectFollows')
      .where({ _id: _.in(ids.slice(i, i + 1000)) })
      .field({ _id: true })
      .limit(1000)
      .get();
    for (const d of res.data as Array<{ _id: string }>) have.add(d._id);
  }
  const rows = openids
    .filter((o) => !have.has(followId(projectId, o)))
    .map((openid) => ({ _id: followId(projectId, openid), projectId, openid, auto: true, createdAt: ctx.now }));
  let added = 0;
  for (const row of rows) {
    try {
      await ctx.db.collection('projectFollows').add({ data: row });
      added += 1;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return added;
}
