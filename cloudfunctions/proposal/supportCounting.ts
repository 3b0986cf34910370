/**
 * Counting supports (附议) exactly once — the way survey answers are counted (survey/counting.ts).
 *
 * A support is stored first (its `_id` is `${proposalId}_${openid}`, so a repeat is a duplicate key),
 * with a random instance key `k`. It is then counted by one conditional update of its proposal:
 * `_.inc` of supportCount and backerCount and a mark `sm.<k>`, applied only while the mark is absent,
 * the support is not older than the proposal's watermark `sv`, and the proposal is in no merge cluster.
 * So a proposal's counters hold exactly
 *
 *     its supports created before `sv`   +   the supports marked in `sm`,
 *
 * (supports stored before the marks, without `k`, were counted in their insert's transaction) and no
 * one — the request, a repeat of it, the settling timer, several at once — can count a support twice.
 * A proposal in a merge cluster (kept with others merged into it, or merged into one) counts in one
 * transaction instead: the mark and supportCount, the person's credit (credits.ts) and the kept
 * proposal's backerCount together.
 *
 * A request that dies between storing and counting leaves the support stored and not counted: it is
 * acknowledged (it is stored), shown as `waiting` by the recompute, and counted by the settling timer
 * (`settleSupports`, every 5 minutes), which counts every unmarked support older than
 * SETTLE_AFTER_MS (far longer than a function may run), then moves each touched proposal's `sv` up to
 * its cutoff and drops the marks below it, and moves its own watermark (`watermarks/supports`).
 *
 * Withdrawing (撤回附议) is one transaction: the support is removed and, if it was counted, counted
 * down (a support withdrawn before it was counted is marked instead, so a late counting does nothing).
 */
import { randomBytes } from 'node:crypto';
import { creditedPeople, supported } from '@shishi/shared-types';
import { isDuplicateKey } from '../common/app';
import { audit } from '../common/audit';
import type { Cloud, Db } from '../common/cloud';
import type { Ctx } from '../common/context';
import { moveSettlingWatermark, readSinceWatermark } from '../common/settling';
import { creditChange, getOrNull } from './credits';
import type { ProposalDoc, SupportDoc } from './model';

/**
 * How old a support must be before settling counts it for a request that did not: far longer than the
 * proposal function may run (20 s), so no request storing an older support is still alive.
 */
export const SUPPORT_SETTLE_AFTER_MS = 10 * 60_000;
/** The timer trigger's period (config.json `triggers`, `settleSupports`, cron every 5 minutes). */
export const SUPPORT_SETTLE_EVERY_MS = 5 * 60_000;
/** Where the first settling starts (no watermark yet). */
const FIRST_LOOKBACK_MS = 86_400_000;
const PAGE = 1000;
/** Pages of supports one settling run reads at most; the next run goes on from where it stopped. */
const MAX_PAGES = 20;

/** A stored support. `k` (instance key) is absent on supports stored before the marks. */
export type StoredSupport = SupportDoc & { k?: string };

/** The counting fields of a proposal (not in ProposalDoc: only this module reads them). */
export interface SupportMarks {
  /** Watermark: every support of the proposal created before it is counted. */
  sv?: Date;
  /** Marks of supports counted after `sv`: instance key → createdAt (ms). */
  sm?: Record<string, number>;
}

type MarkedProposal = Pick<ProposalDoc, '_id' | 'mergedInto' | 'mergedFrom' | 'status'> & SupportMarks;

/** A fresh instance key: a support withdrawn and given again is another instance. */
export function newSupportKey(): string {
  return randomBytes(8).toString('hex');
}

/** Whether the proposal's counters hold this (stored) support. */
export function isCounted(p: SupportMarks, s: Pick<StoredSupport, 'k' | 'createdAt'>): boolean {
  if (!s.k) return true;
  if (p.sm && p.sm[s.k] !== undefined) return true;
  return !!p.sv && s.createdAt.getTime() < new Date(p.sv).getTime();
}

/** The kept proposal whose backerCount a support of `p` moves, or null when `p` is in no cluster. */
function rootOf(p: MarkedProposal): string | null {
  if (p.mergedInto) return p.mergedInto._id;
  return (p.mergedFrom ?? []).length > 0 ? p._id : null;
}

/** Counts a stored support unless it is counted already; true when this call counted it. */
export async function countSupport(db: Db, s: StoredSupport, now: Date): Promise<boolean> {
  if (!s.k) return false;
  const _ = db.command;
  const mark = `sm.${s.k}`;
  // The common case, one request: a proposal in no cluster.
  const res = await db
    .collection('proposals')
    .where(
      _.and([
        { _id: s.proposalId, mergedInto: null, 'mergedFrom.0': _.exists(false), [mark]: _.exists(false) },
        _.or([{ sv: _.exists(false) }, { sv: _.lte(s.createdAt) }]),
      ]),
    )
    .update({
      data: { supportCount: _.inc(1), backerCount: _.inc(1), [mark]: s.createdAt.getTime(), updatedAt: now },
    });
  if (res.stats?.updated) return true;
  // Counted already, or in a cluster: decided on the proposal as the transaction reads it.
  return db.runTransaction(async (t: Db) => {
    const ref = t.collection('proposals').doc(s.proposalId);
    const p = await getOrNull<MarkedProposal>(ref);
    if (!p || isCounted(p, s)) return false;
    const marked = { [mark]: s.createdAt.getTime(), updatedAt: now };
    const rootId = rootOf(p);
    if (!rootId) {
      await ref.update({ data: { supportCount: _.inc(1), backerCount: _.inc(1), ...marked } });
      return true;
    }
    const delta = await creditChange(t, rootId, s.openid, [supported(p._id)], []);
    if (rootId === p._id) {
      await ref.update({ data: { supportCount: _.inc(1), backerCount: _.inc(delta), ...marked } });
    } else {
      await ref.update({ data: { supportCount: _.inc(1), ...marked } });
      if (delta !== 0) {
        await t
          .collection('proposals')
          .doc(rootId)
          .update({ data: { backerCount: _.inc(delta), updatedAt: now } });
      }
    }
    return true;
  });
}

/**
 * Counts in a request: a failure (the function cut off, retries exhausted) leaves the support stored
 * and waiting for the settling timer; it is logged, not shown to the worker.
 */
export async function countOrLeave(db: Db, s: StoredSupport, now: Date): Promise<void> {
  try {
    await countSupport(db, s, now);
  } catch (e) {
    console.error(`[proposal] support ${s._id} stored, counting left to settling:`, e);
  }
}

export async function findSupport(db: Db, id: string): Promise<StoredSupport | null> {
  const res = await db.collection('supports').where({ _id: id }).limit(1).get();
  return (res.data[0] as StoredSupport | undefined) ?? null;
}

/** The support's audit entry: one per instance (`_id` from `k`), so settling may write it again. */
export async function auditSupport(db: Db, s: StoredSupport, actorName: string): Promise<void> {
  try {
    await db.collection('auditLog').add({
      data: {
        _id: `support_${s.k}`,
        at: s.createdAt,
        actor: s.openid,
        actorName,
        action: 'support',
        targetType: 'proposal',
        targetId: s.proposalId,
        from: null,
        to: null,
        note: null,
      },
    });
  } catch (e) {
    if (!isDuplicateKey(e)) console.error(`[proposal] audit of support ${s._id} not written:`, e);
  }
}

/**
 * 撤回附议 in one transaction: removes the support and, if the proposal counts it, counts it down (and
 * the person's credit in a cluster); one never counted is marked so that its late counting does
 * nothing. True when this call removed it (a repeat, also a concurrent one, finds it gone).
 */
export async function withdrawSupport(ctx: Ctx, supportIdToRemove: string): Promise<boolean> {
  const _ = ctx.db.command;
  return ctx.db.runTransaction(async (t: Db) => {
    const sref = t.collection('supports').doc(supportIdToRemove);
    const s = await getOrNull<StoredSupport>(sref);
    if (!s) return false;
    const ref = t.collection('proposals').doc(s.proposalId);
    const p = await getOrNull<MarkedProposal>(ref);
    await sref.remove();
    const entry = { action: 'unsupport', targetType: 'proposal', targetId: s.proposalId, from: null, to: null };
    if (!p) return true;
    if (!isCounted(p, s)) {
      await ref.update({ data: { [`sm.${s.k}`]: s.createdAt.getTime(), updatedAt: ctx.now } });
    } else {
      const rootId = rootOf(p);
      if (!rootId) {
        await ref.update({ data: { supportCount: _.inc(-1), backerCount: _.inc(-1), updatedAt: ctx.now } });
      } else {
        const delta = await creditChange(t, rootId, s.openid, [], [supported(p._id)]);
        if (rootId === p._id) {
          await ref.update({ data: { supportCount: _.inc(-1), backerCount: _.inc(delta), updatedAt: ctx.now } });
        } else {
          await ref.update({ data: { supportCount: _.inc(-1), updatedAt: ctx.now } });
          if (delta !== 0) {
            await t
              .collection('proposals')
              .doc(rootId)
              .update({ data: { backerCount: _.inc(delta), updatedAt: ctx.now } });
          }
        }
      }
    }
    await audit(ctx, t, [entry]);
    return true;
  });
}

/**
 * Settles supports created before `cutoff`: counts every one that no one counted (exactly once, by the
 * marks), then moves each touched proposal's `sv` up and drops its marks below it, and moves the
 * watermark. Returns what it read and what it counted.
 */
export async function settleSupportsUpTo(
  db: Db,
  cutoff: Date,
  now: Date,
): Promise<{ supports: number; counted: number }> {
  const _ = db.command;
  const read = await readSinceWatermark<StoredSupport>(db, {
    id: 'supports',
    collection: 'supports',
    timeField: 'createdAt',
    cutoff,
    firstLookbackMs: FIRST_LOOKBACK_MS,
    pageSize: PAGE,
    maxPages: MAX_PAGES,
  });
  const due = read.rows;
  const bound = read.bound;
  const byProposal = new Map<string, StoredSupport[]>();
  for (const s of due) byProposal.set(s.proposalId, [...(byProposal.get(s.proposalId) ?? []), s]);
  let counted = 0;
  const ids = [...byProposal.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const res = await db
      .collection('proposals')
      .where({ _id: _.in(ids.slice(i, i + 100)) })
      .field({ _id: true, sv: true, sm: true })
      .limit(100)
      .get();
    for (const p of res.data as Array<Pick<ProposalDoc, '_id'> & SupportMarks>) {
      const marks = { ...p.sm };
      for (const s of byProposal.get(p._id) ?? []) {
        if (isCounted(p, s)) continue;
        if (!(await countSupport(db, s, now))) continue;
        counted += 1;
        marks[s.k!] = s.createdAt.getTime();
        await auditSupport(db, s, s.name);
      }
      await moveWatermark(db, { ...p, sm: marks }, bound);
    }
  }
  await moveSettlingWatermark(db, read, 'supports');
  return { supports: due.length, counted };
}

/** Moves a proposal's `sv` up to `to` (unless another settling did) and drops the marks below it. */
async function moveWatermark(db: Db, p: Pick<ProposalDoc, '_id'> & SupportMarks, to: Date): Promise<void> {
  const _ = db.command;
  const sv = p.sv ? new Date(p.sv) : null;
  const below = (t: number) =>
    Object.entries(p.sm ?? {})
      .filter(([, at]) => at < t)
      .map(([k]) => [`sm.${k}`, _.remove()]);
  if (sv && sv.getTime() >= to.getTime()) {
    // Another settling moved it first; marks below it counted since are dropped here.
    const stale = below(sv.getTime());
    if (stale.length > 0) {
      await db
        .collection('proposals')
        .doc(p._id)
        .update({ data: Object.fromEntries(stale) });
    }
    return;
  }
  const drop = below(to.getTime());
  await db
    .collection('proposals')
    .where({ _id: p._id, sv: sv ?? _.exists(false) })
    .update({ data: { sv: to, ...Object.fromEntries(drop) } });
}

/** The timer trigger: settles the supports older than SUPPORT_SETTLE_AFTER_MS. */
export async function settleSupports(cloud: Cloud, now: Date): Promise<{ supports: number; counted: number }> {
  return settleSupportsUpTo(cloud.database(), new Date(now.getTime() - SUPPORT_SETTLE_AFTER_MS), now);
}

/**
 * What the counters of a proposal should be, from its stored supports (and its cluster's): what is
 * counted, and how many supports are stored but not counted yet (`waiting`).
 */
export async function recomputeSupports(
  db: Db,
  proposalId: string,
): Promise<{ supportCount: number; backerCount: number; waiting: number }> {
  const _ = db.command;
  const read = async (id: string) =>
    ((await db.collection('proposals').where({ _id: id }).limit(1).get()).data[0] as
      (MarkedProposal & Pick<ProposalDoc, 'authorKey'>) | undefined) ?? null;
  const p = await read(proposalId);
  if (!p) return { supportCount: 0, backerCount: 0, waiting: 0 };
  const members = [p, ...(await Promise.all((p.mergedFrom ?? []).map((m) => read(m._id)))).flatMap((m) => m ?? [])];
  const res = await db
    .collection('supports')
    .where({ proposalId: _.in(members.map((m) => m._id)) })
    .limit(1000)
    .get();
  const supports = res.data as StoredSupport[];
  const byId = new Map(members.map((m) => [m._id, m]));
  const counted = supports.filter((s) => isCounted(byId.get(s.proposalId)!, s));
  const own = counted.filter((s) => s.proposalId === p._id).length;
  const waiting = supports.filter((s) => s.proposalId === p._id).length - own;
  if (p.status === 'merged') return { supportCount: own, backerCount: 0, waiting };
  const people = creditedPeople(
    members.map((m) => ({
      _id: m._id,
      author: m.authorKey,
      supporters: counted.filter((s) => s.proposalId === m._id).map((s) => s.openid),
    })),
  );
  return { supportCount: own, backerCount: people.size, waiting };
}
