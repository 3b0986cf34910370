/**
 * 直接服务职工数量: distinct people checked in, registered on the spot or imported, per project.
 *
 * Identity: a person is their grassroots union and their name (`personKey`), the same key offline
 * proposal authors have (`offline:<org>:<name>`): a scan knows it from the worker's profile, a desk
 * registration and a list row from what staff type (the union by its full name). So one worker who
 * scans on Monday, is registered at the desk on Tuesday and appears in the imported list counts once.
 * Not the OPENID (registered and listed people have none) and not the phone (not needed, and a
 * profile holds none); the optional phone tail only helps staff tell people apart at the desk.
 * Two members of one union with the same name count as one: stated in docs/architecture.md.
 *
 * Counting: 8 shards per project (`servedCounters`, `${projectId}_${k}`), each `n` plus a mark
 * `m.<personHash>` per person counted, changed together by one conditional update (only while the
 * marks are absent), so a person is counted once whoever counts them, in any order and concurrently,
 * and `n` is always the number of marks. A record stored and not yet counted (an instance killed in
 * between) is counted by that person's next check-in or registration; `recomputeServed` finds it.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../common/cloud';

export const SERVED_SHARDS = 8;

/** Names as typed at a desk or in Excel: full-width forms folded, spaces dropped. */
export function normalName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

export function personKey(unionOrgId: string, name: string): string {
  return `${unionOrgId}|${normalName(name)}`;
}

/** 96 bits of the key: safe as a field name and an _id part, and no name in either. */
export function personHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

export function shardOf(hash: string): number {
  return createHash('sha1').update(hash).digest().readUInt32BE(0) % SERVED_SHARDS;
}

export const shardId = (projectId: string, k: number) => `${projectId}_${k}`;

interface ShardDoc {
  _id: string;
  projectId: string;
  k: number;
  n: number;
  m?: Record<string, string>;
}

/** Creates the project's shards that are missing (one read; one batch insert the first time). */
export async function ensureShards(db: Db, projectId: string, now: Date): Promise<void> {
  const res = await db.collection('servedCounters').where({ projectId }).field({ _id: true }).limit(100).get();
  const have = new Set((res.data as Array<{ _id: string }>).map((d) => d._id));
  const missing = Array.from({ length: SERVED_SHARDS }, (_, k) => k).filter((k) => !have.has(shardId(projectId, k)));
  for (const k of missing) {
    try {
      await db
        .collection('servedCounters')
        .add({ data: { _id: shardId(projectId, k), projectId, k, n: 0, m: {}, updatedAt: now } });
    } catch {
      // Made by a concurrent call: nothing to do.
    }
  }
}

/**
 * Counts people (their hashes) into the project's shards unless counted already: per shard one
 * conditional update that adds the marks and `n` together, only while every mark is absent; a shard
 * where one of them appeared meanwhile is read again and only the missing ones added. Returns how
 * many were newly counted.
 */
export async function markServed(
  db: Db,
  projectId: string,
  hashes: readonly string[],
  day: string,
  now: Date,
  opts: { shardsExist?: boolean } = {},
) {
  const _ = db.command;
  const byShard = new Map<number, string[]>();
  for (const h of new Set(hashes)) {
    const k = shardOf(h);
    byShard.set(k, [...(byShard.get(k) ?? []), h]);
  }
  let added = 0;
  await Promise.all(
    [...byShard].map(async ([k, list]) => {
      let todo = list;
      for (let attempt = 0; todo.length > 0 && attempt < 20; attempt += 1) {
        const where: Record<string, unknown> = { _id: shardId(projectId, k) };
        const data: Record<string, unknown> = { n: _.inc(todo.length), updatedAt: now };
        for (const h of todo) {
          where[`m.${h}`] = _.exists(false);
          data[`m.${h}`] = day;
        }
        const res = await db.collection('servedCounters').where(where).update({ data });
        if (res.stats?.updated) {
          added += todo.length;
          return;
        }
        // One person and shards known to exist (a scan: a point's shards are made before the point):
        // not updated means counted already, no need to read.
        if (opts.shardsExist && todo.length === 1) return;
        // Already counted (all or some), or the shard is missing: read it and count only what is new.
        const got = await db
          .collection('servedCounters')
          .where({ _id: shardId(projectId, k) })
          .limit(1)
          .get();
        const shard = got.data[0] as ShardDoc | undefined;
        if (!shard) {
          await ensureShards(db, projectId, now);
          continue;
        }
        todo = todo.filter((h) => !shard.m?.[h]);
      }
    }),
  );
  return added;
}

/** Directly served, as kept: the sum of the shards (one read). */
export async function servedOf(db: Db, projectId: string): Promise<number> {
  const res = await db.collection('servedCounters').where({ projectId }).field({ n: true }).limit(100).get();
  return (res.data as Array<{ n?: number }>).reduce((s, d) => s + (d.n ?? 0), 0);
}

/** Which of these people are counted already (one read of the shards, marks only). */
export async function countedAmong(db: Db, projectId: string, hashes: readonly string[]): Promise<Set<string>> {
  const res = await db.collection('servedCounters').where({ projectId }).limit(100).get();
  const marks = new Set<string>();
  for (const s of res.data as ShardDoc[]) for (const h of Object.keys(s.m ?? {})) marks.add(h);
  return new Set(hashes.filter((h) => marks.has(h)));
}

/** Directly served recomputed from the records (check-ins, registrations, list rows): distinct people. */
export async function recomputeServed(db: Db, projectId: string): Promise<number> {
  const $ = db.command.aggregate;
  const res = await db
    .collection('checkins')
    .aggregate()
    .match({ projectId })
    .group({ _id: '$person' })
    .group({ _id: null, n: $.sum(1) })
    .end();
  return (res.list[0] as { n?: number } | undefined)?.n ?? 0;
}
