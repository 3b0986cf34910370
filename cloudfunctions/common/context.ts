/** What a handler gets: the caller, the database, the clock, and the loaded profile on demand. */
import {
  AppError,
  accessRefusal,
  roleNames,
  type AccessRule,
  type Actor,
  type Role,
  type RoleBinding,
  type ScopeFacts,
  type WorkerGroup,
} from '@shishi/shared-types';
import type { Cloud, Db } from './cloud';

export interface UserDoc {
  _id: string;
  openid: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgPath: string[];
  unit?: string;
  /**
   * Every role the person holds, one per org node (org.assignRole); the first is `role`/`orgId` above.
   * Absent on profiles bound before roles could be assigned: then the one binding is role/orgId.
   */
  bindings?: Array<RoleBinding & { orgName: string }>;
  /** Worker groups the person declared (profile.bind): announcements narrowed to groups reach them. */
  groups?: WorkerGroup[];
  createdAt: Date;
  updatedAt: Date;
  /** Rows joined by the action's `ProfileJoin`s (not stored). */
  joined?: Record<string, unknown[]>;
}

export interface Ctx {
  cloud: Cloud;
  db: Db;
  /** The caller's OPENID from getWXContext(): never from the request body. */
  openid: string;
  now: Date;
  /** The caller's profile, loaded once; PROFILE_REQUIRED when they have not bound one. */
  profile(): Promise<UserDoc>;
  /** Pre-load a profile fetched some other way (e.g. in a combined query) so `profile()` makes no request. */
  setProfile(user: UserDoc): void;
  /** The action's access rule, from its contract. */
  rule: AccessRule;
  /**
   * The access policy applied to a loaded record (role and the contract's scope): FORBIDDEN naming the
   * record (`what`), else nothing.
   */
  authorize(target: ScopeFacts, what?: string): Promise<void>;
}

/** The caller as the access policy sees them. */
export function actorOf(user: UserDoc): Actor {
  return { openid: user.openid ?? user._id, bindings: bindingsOf(user) };
}

export function bindingsOf(user: UserDoc): Array<RoleBinding & { orgName: string }> {
  if (user.bindings && user.bindings.length > 0) return user.bindings;
  return [{ role: user.role, orgId: user.orgId, orgPath: user.orgPath, orgName: user.orgName }];
}

/**
 * A `$lookup` joined onto the caller's profile, so an action that needs the profile and related data
 * gets both in one database round trip. The joined arrays land on `UserDoc.joined[as]`.
 */
export type ProfileJoin = EqualityJoin | MatchJoin;

/** Rows of `from` whose `foreignField` equals the profile's `localField`. */
export interface EqualityJoin {
  from: string;
  localField: string;
  foreignField: string;
  as: string;
}

/**
 * Rows of `from` matching a filter the action builds from its request (e.g. the survey it names), at
 * most `limit` (default 100): an uncorrelated `$lookup` with a pipeline.
 */
export interface MatchJoin {
  from: string;
  match: Record<string, unknown>;
  limit?: number;
  /** Only these fields (e.g. `{ 'c.n': 1 }`). */
  project?: Record<string, 0 | 1>;
  as: string;
}

/**
 * One database handle per cloud: wx-server-sdk builds a new class on every `database()` call (about
 * 0.15 ms), which a warm function instance need not repeat for every invocation.
 */
const databases = new WeakMap<Cloud, Db>();

function databaseOf(cloud: Cloud): Db {
  let db = databases.get(cloud);
  if (!db) databases.set(cloud, (db = cloud.database()));
  return db;
}

const everyone: AccessRule = { roles: 'anyone', scope: 'any' };

export function createCtx(
  cloud: Cloud,
  openid: string,
  now: Date,
  joins: readonly ProfileJoin[] = [],
  rule: AccessRule = everyone,
): Ctx {
  const db = databaseOf(cloud);
  let cached: UserDoc | null = null;
  const ctx: Ctx = {
    cloud,
    db,
    openid,
    now,
    rule,
    async authorize(target, what) {
      const refusal = accessRefusal(actorOf(await ctx.profile()), rule, target, what, roleNames);
      if (refusal) throw new AppError(refusal.code, refusal.message);
    },
    async profile() {
      if (cached) return cached;
      let user: UserDoc | undefined;
      if (joins.length === 0) {
        const res = await db.collection('users').where({ _id: openid }).limit(1).get();
        user = res.data[0] as UserDoc | undefined;
      } else {
        let pipeline = db.collection('users').aggregate().match({ _id: openid });
        for (const join of joins) {
          pipeline = pipeline.lookup(
            'match' in join
              ? {
                  from: join.from,
                  pipeline: matchPipeline(db, join),
                  as: join.as,
                }
              : join,
          );
        }
        const res = await pipeline.limit(1).end();
        const row = res.list[0] as (UserDoc & Record<string, unknown[]>) | undefined;
        if (row) {
          const joined: Record<string, unknown[]> = {};
          for (const join of joins) {
            joined[join.as] = row[join.as] ?? [];
            delete row[join.as];
          }
          user = { ...row, joined };
        }
      }
      if (!user) throw new AppError('PROFILE_REQUIRED', '请先绑定个人资料（姓名和所在基层工会）');
      cached = user;
      return user;
    },
    setProfile(user) {
      cached = user;
    },
  };
  return ctx;
}

function matchPipeline(db: Db, join: MatchJoin): unknown[] {
  let p = db.command.aggregate.pipeline().match(join.match);
  if (join.project) p = p.project(join.project);
  return p.limit(join.limit ?? 100).done();
}
