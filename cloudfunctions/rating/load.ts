/**
 * Everything an action on one project needs, with the caller's profile, in ONE aggregate request: the
 * project, its rating settings, its plan announcement (the announced audience), the orgs on the
 * caller's path (district / industry of the rating), whether the caller was served by the project
 * (a check-in or registration of their union and name, or their own scan: a correlated $lookup), the
 * caller's own rating (by their keyed hash) and, when asked, the counter shards (never their marks).
 */
import {
  AppError,
  inAnnouncementAudience,
  inSubtree,
  staffRoles,
  ratingPeriodRefusal,
  businessDate,
  access,
  type PathOrg,
  type RatingEligibility,
  type WorkerGroup,
} from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../common/context';
import type { ProjectDoc } from '../common/projects';
import { reaches } from '../common/scope';
import { RATING_SHARDS, type CounterDoc, type RatingDoc, type SettingsDoc } from './model';
import { raterKey } from './secret';

interface PlanFacts {
  audienceOrgId: string;
  audienceOrgName: string;
  groups: WorkerGroup[];
}

export interface Loaded {
  user: UserDoc;
  project: ProjectDoc;
  settings: SettingsDoc | null;
  plan: PlanFacts | null;
  pathOrgs: PathOrg[];
  served: boolean;
  key: string;
  rating: RatingDoc | null;
  counters: Array<Pick<CounterDoc, '_id' | 'k' | 'c'>>;
}

/** Loads the caller and the project (INVALID_INPUT on projectId when it does not exist). */
export async function loadRating(ctx: Ctx, projectId: string, options: { counters?: boolean } = {}): Promise<Loaded> {
  const db = ctx.db;
  const _ = db.command;
  const $ = _.aggregate;
  const key = await raterKey(ctx, projectId);
  const byId = (id: string) => $.pipeline().match({ _id: id }).limit(1).done();
  let pipeline = db
    .collection('users')
    .aggregate()
    .match({ _id: ctx.openid })
    .lookup({ from: 'projects', pipeline: byId(projectId), as: 'project' })
    .lookup({ from: 'ratingSettings', pipeline: byId(projectId), as: 'settings' })
    .lookup({
      from: 'announcements',
      pipeline: $.pipeline()
        .match({ _id: `${projectId}_plan` })
        .project({ audienceOrgId: 1, audienceOrgName: 1, groups: 1 })
        .limit(1)
        .done(),
      as: 'plan',
    })
    .lookup({ from: 'orgs', localField: 'orgPath', foreignField: '_id', as: 'pathOrgs' })
    .lookup({
      from: 'checkins',
      let: { unit: '$orgId', name: '$name', me: '$_id' },
      pipeline: $.pipeline()
        .match({ projectId })
        .match(
          _.expr($.and([$.eq(['$unitId', '$$unit']), $.or([$.eq(['$openid', '$$me']), $.eq(['$name', '$$name'])])])),
        )
        .project({ _id: 1 })
        .limit(1)
        .done(),
      as: 'served',
    })
    .lookup({
      from: 'ratings',
      pipeline: $.pipeline().match({ projectId, key }).limit(1).done(),
      as: 'rating',
    });
  if (options.counters) {
    pipeline = pipeline.lookup({
      from: 'ratingCounters',
      pipeline: $.pipeline().match({ projectId }).project({ k: 1, c: 1 }).limit(RATING_SHARDS).done(),
      as: 'counters',
    });
  }
  const res = await pipeline.limit(1).end();
  const row = res.list[0] as (UserDoc & Record<string, unknown[]>) | undefined;
  if (!row) throw new AppError('PROFILE_REQUIRED', '请先绑定个人资料（姓名和所在基层工会）');
  const joined = ['project', 'settings', 'plan', 'pathOrgs', 'served', 'rating', 'counters'];
  const take = (name: string) => (row[name] ?? []) as unknown[];
  const out = {
    project: take('project')[0] as ProjectDoc | undefined,
    settings: (take('settings')[0] as SettingsDoc | undefined) ?? null,
    plan: (take('plan')[0] as PlanFacts | undefined) ?? null,
    pathOrgs: take('pathOrgs') as PathOrg[],
    served: take('served').length > 0,
    rating: (take('rating')[0] as RatingDoc | undefined) ?? null,
    counters: take('counters') as Loaded['counters'],
  };
  const user = { ...row } as UserDoc;
  for (const name of joined) delete (user as unknown as Record<string, unknown>)[name];
  ctx.setProfile(user);
  if (!out.project)
    throw new AppError('INVALID_INPUT', '找不到这个项目，可能已被删除或链接有误', [
      { path: 'projectId', message: '项目不存在' },
    ]);
  return { user, key, ...out, project: out.project };
}

/** The groups the caller declared on their profile. */
export function groupsOf(user: UserDoc): WorkerGroup[] {
  return Array.isArray(user.groups) ? user.groups : [];
}

/** Why the caller may not rate this project (eligibility only; the period is ratingPeriodRefusal), or null. */
export function eligibilityRefusal(l: Loaded, groups: readonly WorkerGroup[]): string | null {
  const eligibility: RatingEligibility = l.settings?.eligibility ?? 'audience';
  if (eligibility === 'served') {
    return l.served ? null : '这个项目只请签到或登记过的受服务职工评价，没有找到您在本项目的签到或登记记录';
  }
  const inAudience = l.plan
    ? inAnnouncementAudience(
        { orgId: l.plan.audienceOrgId, groups: l.plan.groups },
        { orgPath: l.user.orgPath, groups },
      )
    : inSubtree(l.user.orgPath, l.project.orgId);
  if (inAudience || l.served) return null;
  const whom = l.plan ? l.plan.audienceOrgName : l.project.orgName;
  return `这个项目面向${whom}的职工，您不在服务范围内，不能评价`;
}

/** The period: open now, or why not. */
export function periodRefusal(ctx: Ctx, l: Pick<Loaded, 'project' | 'settings'>): string | null {
  return ratingPeriodRefusal({ status: l.project.status, opensOn: l.settings?.opensOn ?? null }, businessDate(ctx.now));
}

/** Staff of the applicant's path and of the departments that review or follow the record. */
const managerRule = access(staffRoles, 'department');

/** The caller manages the project (sees its rating summary at any count). */
export function isManager(ctx: Ctx, p: Pick<ProjectDoc, 'orgPath' | 'departmentIds'>): Promise<boolean> {
  return reaches(ctx, { orgPath: p.orgPath, departmentIds: p.departmentIds ?? [] }, managerRule);
}
