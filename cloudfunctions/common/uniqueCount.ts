/**
 * Counting distinct people exactly once (a project's page viewers for 知晓度, an announcement's readers):
 * the event document has a fixed `_id` per person (`${subject}_${openid}`), and the event and its count
 * are written in one transaction — insert the event, `_.inc` one of the subject's counter shards — so the
 * sum of the shards is always the number of events (`recount`). A repeat finds the event and writes
 * nothing. Shards (`counterShards`, `${counterId}_${k}`, k from the person) spread concurrent viewers of one
 * project over several documents; a transaction that still meets another one (strict CloudBase: a
 * conflict at commit) is tried again after a short random wait.
 */
import { createHash } from 'node:crypto';
import { AppError } from '@shishi/shared-types';
import { isDuplicateKey, isTransactionConflict } from './app';
import type { Ctx } from './context';

export const COUNTER_SHARDS = 8;
/** Tries of the whole transaction (each is itself retried by the SDK on a conflict at commit). */
const MAX_TRIES = 40;

export function shardOf(openid: string): number {
  return createHash('sha1').update(openid).digest()[0]! % COUNTER_SHARDS;
}

export function shardIds(counterId: string): string[] {
  return Array.from({ length: COUNTER_SHARDS }, (_, k) => `${counterId}_${k}`);
}

async function readOrNull<T>(ref: { get(): Promise<{ data: unknown }> }): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (e) {
    if (e instanceof Error && /does not exist|not exist/i.test(e.message)) return null;
    throw e;
  }
}

export interface UniqueEvent {
  /** Collection of the events (`projectViews`, `announcementReads`). */
  events: string;
  /** `${subject}_${openid}`: one per person. */
  eventId: string;
  /** The event's fields (besides `_id`). */
  event: Record<string, unknown>;
  counterId: string;
  openid: string;
}

/** Records the event once and counts it; true when this call recorded it. */
export async function countOnce(ctx: Ctx, e: UniqueEvent): Promise<boolean> {
  const _ = ctx.db.command;
  const seen = await ctx.db.collection(e.events).where({ _id: e.eventId }).limit(1).get();
  if (seen.data.length > 0) return false;
  const shardId = `${e.counterId}_${shardOf(e.openid)}`;
  for (let tries = 1; ; tries += 1) {
    try {
      let recorded = false;
      await ctx.db.runTransaction(async (t: Ctx['db']) => {
        recorded = false;
        if (await readOrNull(t.collection(e.events).doc(e.eventId))) return;
        await t.collection(e.events).add({ data: { _id: e.eventId, ...e.event } });
        const shard = t.collection('counterShards').doc(shardId);
        if (await readOrNull(shard)) await shard.update({ data: { n: _.inc(1) } });
        else await t.collection('counterShards').add({ data: { _id: shardId, counterId: e.counterId, n: 1 } });
        recorded = true;
      });
      return recorded;
    } catch (err) {
      // Another transaction stored the same event (or the first shard) first: read again and go on.
      if ((isTransactionConflict(err) || isDuplicateKey(err)) && tries < MAX_TRIES) {
        await new Promise((r) => setTimeout(r, 2 + Math.random() * Math.min(200, 10 * tries)));
        const again = await ctx.db.collection(e.events).where({ _id: e.eventId }).limit(1).get();
        if (again.data.length > 0) return false;
        continue;
      }
      if (isTransactionConflict(err)) throw new AppError('CONFLICT', '操作的人较多，请稍后再试');
      throw err;
    }
  }
}

/** The counter: the sum of its shards (one read by _id). */
export async function readCount(ctx: Ctx, counterId: string): Promise<number> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('counterShards')
    .where({ _id: _.in(shardIds(counterId)) })
    .limit(COUNTER_SHARDS)
    .get();
  return (res.data as Array<{ n: number }>).reduce((s, d) => s + d.n, 0);
}

/** Counters of many subjects at once (feeds, stats): counterId → count. */
export async function readCounts(ctx: Ctx, counterIds: readonly string[]): Promise<Map<string, number>> {
  const _ = ctx.db.command;
  const out = new Map<string, number>(counterIds.map((id) => [id, 0]));
  const ids = counterIds.flatMap(shardIds);
  for (let i = 0; i < ids.length; i += 1000) {
    const res = await ctx.db
      .collection('counterShards')
      .where({ _id: _.in(ids.slice(i, i + 1000)) })
      .limit(1000)
      .get();
    for (const d of res.data as Array<{ counterId: string; n: number }>) {
      out.set(d.counterId, (out.get(d.counterId) ?? 0) + d.n);
    }
  }
  return out;
}

/** The recompute: how many events there are for `field = value` (what the counter must equal). */
export async function recount(ctx: Ctx, events: string, field: string, value: string): Promise<number> {
  const res = await ctx.db
    .collection(events)
    .where({ [field]: value })
    .count();
  return res.total as number;
}
