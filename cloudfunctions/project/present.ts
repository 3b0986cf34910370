/** Loads what the caller may see of a project and shapes it (one place for every action's reply). */
import { AppError, offlineAuthorKey, publicStatuses, type Project } from '@shishi/shared-types';
import { actorOf, type Ctx } from '../common/context';
import { evidenceFor } from '../common/evidence';
import type { ProjectDoc } from '../common/projects';
import { loadMany } from '../proposal/load';
import { offlineRecipients } from '../proposal/merging';
import { loadExtras, loadProject } from './load';
import { progressFor } from './progress';
import { staffMaySee, toProject } from './view';

/**
 * The openids behind a project's origin proposals: their authors and supporters. The author of a paper
 * proposal a cadre entered has no OPENID on it: the worker whose profile matches it (same union and
 * name, as merge notices find them) is told and follows, as an online author is.
 */
export async function backersOf(ctx: Ctx, p: ProjectDoc): Promise<string[]> {
  if (p.origin.length === 0) return [];
  const _ = ctx.db.command;
  const proposals = await loadMany(ctx, p.origin);
  const out = new Set<string>();
  for (const d of proposals.values()) {
    if (d.authorOpenid) out.add(d.authorOpenid);
    else for (const openid of await offlineRecipients(ctx.db, d)) out.add(openid);
  }
  for (let offset = 0; ; offset += 1000) {
    const res = await ctx.db
      .collection('supports')
      .where({ proposalId: _.in(p.origin) })
      .field({ openid: true })
      .skip(offset)
      .limit(1000)
      .get();
    for (const s of res.data as Array<{ openid: string }>) out.add(s.openid);
    if (res.data.length < 1000) break;
  }
  return [...out];
}

/** True when the caller wrote or supported one of the project's origin proposals. */
async function isBacker(ctx: Ctx, p: ProjectDoc, keys: Set<string>): Promise<boolean> {
  if (p.origin.length === 0) return false;
  const proposals = await loadMany(ctx, p.origin);
  if ([...proposals.values()].some((d) => keys.has(d.authorKey))) return true;
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('supports')
    .where({ _id: _.in(p.origin.map((id) => `${id}_${ctx.openid}`)) })
    .limit(1)
    .get();
  return res.data.length > 0;
}

/** A frozen version of the record, or INVALID_INPUT on `version`. */
async function versionRecord(ctx: Ctx, p: ProjectDoc, version: number) {
  const res = await ctx.db
    .collection('projectVersions')
    .where({ _id: `${p._id}_v${version}` })
    .limit(1)
    .get();
  const doc = res.data[0] as { record: ProjectDoc['record'] } | undefined;
  if (!doc) {
    throw new AppError('INVALID_INPUT', `这个项目没有第 ${version} 版报告（现在是第 ${p.version} 版）`, [
      { path: 'version', message: '没有这一版' },
    ]);
  }
  return doc.record;
}

export async function presentProject(ctx: Ctx, p: ProjectDoc, version?: number): Promise<Project> {
  const user = await ctx.profile();
  const actor = actorOf(user);
  const staff = staffMaySee(actor, p);
  if (!staff && !publicStatuses.includes(p.status)) {
    const keys = new Set([ctx.openid, offlineAuthorKey(user.orgId, user.name)]);
    if (!(await isBacker(ctx, p, keys))) throw new AppError('FORBIDDEN', '这个项目还在筹备中，发布后就能查看');
  }
  const old = staff && version !== undefined && version !== p.version ? await versionRecord(ctx, p, version) : null;
  // 实施进展 (milestones, reports) once the plan is agreed: staff always, others once it is published.
  const [origin, extras, evidence, progress] = await Promise.all([
    loadMany(ctx, p.origin),
    staff ? loadExtras(ctx, p) : Promise.resolve(null),
    staff ? evidenceFor(ctx, 'project', p._id) : Promise.resolve([]),
    staff || publicStatuses.includes(p.status) ? progressFor(ctx, actor, p) : Promise.resolve(undefined),
  ]);
  const view = toProject({
    actor,
    p,
    extras,
    origin: p.origin.flatMap((id) => {
      const d = origin.get(id);
      return d
        ? [{ _id: d._id, title: d.title, status: d.status, backerCount: d.backerCount, supportCount: d.supportCount }]
        : [];
    }),
    evidence,
    now: ctx.now,
  });
  if (old && view.staff) view.staff = { ...view.staff, record: old, shownVersion: version! };
  if (progress) view.implementation = progress;
  return view;
}

export async function presentById(ctx: Ctx, id: string, version?: number): Promise<Project> {
  return presentProject(ctx, await loadProject(ctx, id), version);
}
