/**
 * Subscribe-message push (issue 13) through a ledger and a queue.
 *
 * - `enqueuePush` stores ONE queue item (`pushQueue`, _id = the caller's key: a second enqueue with the
 *   same key does nothing) and returns.
 * - The drain (timer `pushDrain` of the `push` function, also `push.drain` for admins) fans each item out
 *   into per-worker rows (`pushSends`, _id `${item}_${openid}`: a worker is in an item once), in pages,
 *   resumably (cursor + lease on the item), and sends the rows that have a grant, rate-limited, within a
 *   time budget per run.
 * - The ledger (`pushGrants`, _id `${openid}_${templateId}`) holds one-time grants (a send consumes one,
 *   atomically: a conditional `_.inc(-1)` on `oneTime > 0`) and long-term grants (used, not consumed).
 *
 * Never sent twice: a tick's rows are claimed by one conditional update `pending → sending` under the
 * tick's token (a row another drain claimed first is not ours), and a row is only ever sent by the drain
 * that claimed it. A drain that dies after claiming leaves its rows in `sending`; once their lease is over
 * the next drain records them as `unknown` and never sends them again. WeChat's send is not idempotent,
 * so at-most-once is the honest guarantee: the rows of the tick in flight when the process died may or
 * may not have reached the worker; nothing else is lost.
 */
import {
  applyChoice,
  MAX_SEND_ATTEMPTS,
  retryDelayMs,
  sendOutcome,
  noGrant,
  spendGrant,
  subscribeTopics,
  type SubscribeChoice,
  type Grant,
  type SubscribeTopic,
  type TemplateKind,
  type WorkerGroup,
} from '@shishi/shared-types';
import { isDuplicateKey } from './app';
import { audit } from './audit';
import type { Cloud } from './cloud';
import { createCtx, type Ctx } from './context';

export type PushAudience =
  | { kind: 'people'; openids: string[] }
  | { kind: 'org'; orgId: string; groups: WorkerGroup[] }
  | { kind: 'followers'; projectId: string };

export interface PushRequest {
  topic: SubscribeTopic;
  audience: PushAudience;
  data: Record<string, { value: string }>;
  page: string;
  source: { type: 'announcement' | 'project' | 'proposal'; id: string };
  key: string;
}

export type PushSource = PushRequest['source'];

export interface PushStats {
  pushed: number;
  failed: number;
  pending: number;
  noGrant: number;
  cancelled: number;
}

/** A queue item's state: waiting, being fanned out (page by page), fanned out, or stopped. */
export type PushItemStatus = 'queued' | 'fanning' | 'done' | 'cancelled';

export interface PushItemDoc {
  _id: string;
  topic: SubscribeTopic;
  templateId: string;
  kind: TemplateKind;
  audience: PushAudience;
  data: Record<string, { value: string }>;
  page: string;
  source: PushSource;
  sourceKey: string;
  status: PushItemStatus;
  /** Where the fan-out goes on: the last user / follow _id written, or the index in `people`. */
  cursor: string | null;
  /** Audience rows written so far. */
  fanned: number;
  /** A fan-out in progress holds the item until then (a dead drain's item is taken over after it). */
  leaseUntil: Date;
  leaseOwner: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One worker's send of a queue item:
 * - `pending`: waits for `nextAt` (a retry waits out its backoff);
 * - `sending`: claimed by a drain (until `nextAt`, its lease);
 * - `sent`, `failed` (permanent error, refused, or out of tries), `noGrant`, `cancelled`;
 * - `unknown`: was being sent when its drain died: never sent again (at most once).
 */
export type PushSendStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'noGrant' | 'cancelled' | 'unknown';

export interface PushSendDoc {
  _id: string;
  itemId: string;
  sourceKey: string;
  openid: string;
  templateId: string;
  kind: TemplateKind;
  status: PushSendStatus;
  attempts: number;
  nextAt: Date;
  /** The grant was taken for this row (a retry does not take another). */
  grantHeld: boolean;
  /** The last answer's errCode (0 sent; null: no answer, e.g. a network failure). */
  errCode: number | null;
  owner: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt?: Date;
}

export interface PushGrantDoc {
  _id: string;
  openid: string;
  templateId: string;
  oneTime: number;
  longTerm: boolean;
  /** The last answer of requestSubscribeMessage for the template. */
  last: string;
  updatedAt: Date;
}

export function sourceKeyOf(source: PushSource): string {
  return `${source.type}:${source.id}`;
}

export function grantId(openid: string, templateId: string): string {
  return `${openid}_${templateId}`;
}

export function templateOf(topic: SubscribeTopic): { templateId: string; kind: TemplateKind } {
  const t = subscribeTopics[topic];
  return { templateId: t.templateId, kind: t.kind };
}

/** Stores one queue item; a second call with the same key does nothing. Returns fast. */
export async function enqueuePush(ctx: Ctx, req: PushRequest): Promise<void> {
  if (!req.key || req.key.length > 200) throw new Error('enqueuePush: key must be 1–200 characters');
  const { templateId, kind } = templateOf(req.topic);
  const audience: PushAudience =
    req.audience.kind === 'people'
      ? { kind: 'people', openids: [...new Set(req.audience.openids.filter(Boolean))].sort() }
      : req.audience;
  const doc: PushItemDoc = {
    _id: req.key,
    topic: req.topic,
    templateId,
    kind,
    audience,
    data: req.data,
    page: req.page,
    source: req.source,
    sourceKey: sourceKeyOf(req.source),
    status: 'queued',
    cursor: null,
    fanned: 0,
    leaseUntil: new Date(0),
    leaseOwner: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await ctx.db.collection('pushQueue').add({ data: doc });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

/** The unsent pushes of a source stop (a withdrawn announcement). Returns how many worker sends stopped. */
export async function cancelPushes(ctx: Ctx, source: PushSource): Promise<number> {
  const _ = ctx.db.command;
  const sourceKey = sourceKeyOf(source);
  // The items first: a drain that claims a row after this sees its item cancelled and does not send.
  await ctx.db
    .collection('pushQueue')
    .where({ sourceKey, status: _.in(['queued', 'fanning', 'done']) })
    .update({ data: { status: 'cancelled', updatedAt: ctx.now } });
  const res = await ctx.db
    .collection('pushSends')
    .where({ sourceKey, status: 'pending' })
    .update({ data: { status: 'cancelled', updatedAt: ctx.now } });
  return (res.stats?.updated as number | undefined) ?? 0;
}

/**
 * Per source: sends that went out, failed (a permanent error, the worker refused, out of tries, or
 * unknown because the drain died mid-send), are still to go, had no grant, or were cancelled.
 */
export async function pushStats(ctx: Ctx, source: PushSource): Promise<PushStats> {
  const sourceKey = sourceKeyOf(source);
  const _ = ctx.db.command;
  const count = async (status: PushSendStatus | PushSendStatus[]) => {
    const res = await ctx.db
      .collection('pushSends')
      .where({ sourceKey, status: Array.isArray(status) ? _.in(status) : status })
      .count();
    return res.total as number;
  };
  const [pushed, failed, pendingRows, noGrant, cancelled, unfanned] = await Promise.all([
    count('sent'),
    count(['failed', 'unknown']),
    count(['pending', 'sending']),
    count('noGrant'),
    count('cancelled'),
    notFannedOut(ctx, sourceKey),
  ]);
  return { pushed, failed, pending: pendingRows + unfanned, noGrant, cancelled };
}

/**
 * The part of a source's audience the drain has not fanned out yet (items `queued` or `fanning`): pending
 * too, so a plan just published does not read as "nothing to send". Its size is counted as the fan-out
 * will read it (people listed; followers of the project; profiles under the org, in one of the groups),
 * less the rows already written.
 */
async function notFannedOut(ctx: Ctx, sourceKey: string): Promise<number> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('pushQueue')
    .where({ sourceKey, status: _.in(['queued', 'fanning']) })
    .field({ audience: true, fanned: true })
    .limit(100)
    .get();
  let left = 0;
  for (const item of res.data as Array<Pick<PushItemDoc, 'audience' | 'fanned'>>) {
    left += Math.max(0, (await audienceCount(ctx, item.audience)) - item.fanned);
  }
  return left;
}

async function audienceCount(ctx: Ctx, audience: PushAudience): Promise<number> {
  const _ = ctx.db.command;
  if (audience.kind === 'people') return audience.openids.length;
  const res =
    audience.kind === 'followers'
      ? await ctx.db.collection('projectFollows').where({ projectId: audience.projectId }).count()
      : await ctx.db
          .collection('users')
          .where({ orgPath: audience.orgId, ...(audience.groups.length > 0 ? { groups: _.in(audience.groups) } : {}) })
          .count();
  return res.total as number;
}

// ---------------------------------------------------------------------------------------------------
// The ledger.

/** The caller's grants for these templates (absent: none). */
export async function grantsOf(ctx: Ctx, openid: string, templateIds: string[]): Promise<Map<string, PushGrantDoc>> {
  const _ = ctx.db.command;
  const ids = templateIds.map((t) => grantId(openid, t));
  const res = await ctx.db
    .collection('pushGrants')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  return new Map((res.data as PushGrantDoc[]).map((g) => [g.templateId, g]));
}

/**
 * Records what requestSubscribeMessage answered for one template (an accept of a one-time template adds
 * a grant; see applyChoice), with its audit entry, in one transaction (a concurrent tap or a send's
 * consumption makes it retry).
 */
export async function recordChoice(
  ctx: Ctx,
  openid: string,
  templateId: string,
  kind: TemplateKind,
  choice: SubscribeChoice,
): Promise<Grant> {
  const id = grantId(openid, templateId);
  const show = (g: Grant) => `一次性 ${g.oneTime} 条，长期订阅${g.longTerm ? '开' : '关'}`;
  return ctx.db.runTransaction(async (t: Ctx['db']) => {
    const ref = t.collection('pushGrants').doc(id);
    const current = await readOrNull<PushGrantDoc>(ref);
    const before: Grant = current ? { oneTime: current.oneTime, longTerm: current.longTerm } : noGrant;
    const after = applyChoice(before, kind, choice);
    const fields = { oneTime: after.oneTime, longTerm: after.longTerm, last: choice, updatedAt: ctx.now };
    if (current) await ref.update({ data: fields });
    else
      await t.collection('pushGrants').add({ data: { _id: id, openid, templateId, ...fields } satisfies PushGrantDoc });
    await audit(ctx, t, [
      {
        action: 'push.subscribe',
        targetType: 'pushGrant',
        targetId: id,
        from: show(before),
        to: show(after),
        note: choice,
      },
    ]);
    return after;
  });
}

async function readOrNull<T>(ref: { get(): Promise<{ data: unknown }> }): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (e) {
    if (e instanceof Error && /does not exist|not exist/i.test(e.message)) return null;
    throw e;
  }
}

/**
 * Takes the worker's grant for one send: a one-time grant is consumed (conditional decrement, so two
 * drains cannot both spend the last one); a long-term grant is only checked. False: no grant, no send.
 */
async function takeGrant(ctx: Ctx, openid: string, templateId: string, kind: TemplateKind): Promise<boolean> {
  const _ = ctx.db.command;
  const id = grantId(openid, templateId);
  if (kind === 'longTerm') {
    const res = await ctx.db.collection('pushGrants').where({ _id: id, longTerm: true }).count();
    return (res.total as number) > 0 && spendGrant({ oneTime: 0, longTerm: true }, kind).send;
  }
  const res = await ctx.db
    .collection('pushGrants')
    .where({ _id: id, oneTime: _.gt(0) })
    .update({ data: { oneTime: _.inc(-1), updatedAt: ctx.now } });
  return (res.stats?.updated ?? 0) > 0;
}

/** WeChat said 43101: the worker's consent for the template is gone. */
async function dropGrant(ctx: Ctx, openid: string, templateId: string): Promise<void> {
  await ctx.db
    .collection('pushGrants')
    .where({ _id: grantId(openid, templateId) })
    .update({ data: { oneTime: 0, longTerm: false, last: 'refused', updatedAt: ctx.now } });
}

// ---------------------------------------------------------------------------------------------------
// The drain.

export interface DrainClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface DrainOptions {
  /** Stop starting work after this long (the function's timeout is 60 s). */
  budgetMs?: number;
  /** subscribeMessage.send calls per second, at most. */
  sendsPerSecond?: number;
  /** Rows read per query (fan-out page, send batch). */
  pageSize?: number;
  /** The clock: real time from `now` unless given (the benchmark simulates one). */
  clock?: DrainClock;
  /** Names this drain in leases (default: random). */
  owner?: string;
}

export interface DrainSummary {
  fannedOut: number;
  sent: number;
  failed: number;
  retried: number;
  noGrant: number;
  cancelled: number;
  /** Rows found mid-send from a dead drain, recorded as unknown. */
  recovered: number;
  /** True when the budget ran out with work left (the next run goes on). */
  more: boolean;
  elapsedMs: number;
}

/** Configuration from the environment (documented in README 上线步骤). */
export function pushConfig(): Required<Pick<DrainOptions, 'budgetMs' | 'sendsPerSecond' | 'pageSize'>> {
  const num = (v: string | undefined, d: number, min: number, max: number) => {
    const n = Number(v);
    return v !== undefined && v !== '' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : d;
  };
  return {
    budgetMs: num(process.env.PUSH_DRAIN_BUDGET_MS, 40_000, 1_000, 50_000),
    sendsPerSecond: num(process.env.PUSH_SENDS_PER_SECOND, 20, 1, 500),
    pageSize: 200,
  };
}

/** How long a claim holds (a fan-out page, a send): far longer than one takes. */
export const LEASE_MS = 5 * 60 * 1000;
/** The timer's period (config.json: every minute). */
export const PUSH_DRAIN_EVERY_MS = 60 * 1000;
const SYSTEM = 'system:pushDrain';

function realClock(start: Date): DrainClock {
  const offset = start.getTime() - Date.now();
  return {
    now: () => Date.now() + offset,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

function errCodeOf(e: unknown): number | null {
  if (e && typeof e === 'object') {
    const code = (e as { errCode?: unknown; errcode?: unknown }).errCode ?? (e as { errcode?: unknown }).errcode;
    if (typeof code === 'number') return code;
  }
  return null;
}

/** One run of the drain: recover dead claims, fan out, send; stops within the budget. */
export async function drainPushes(cloud: Cloud, now: Date, options: DrainOptions = {}): Promise<DrainSummary> {
  const config = { ...pushConfig(), ...stripUndefined(options) };
  const clock = options.clock ?? realClock(now);
  const owner = options.owner ?? `${SYSTEM}:${Math.random().toString(36).slice(2, 10)}`;
  const started = clock.now();
  const deadline = started + config.budgetMs;
  const summary: DrainSummary = {
    fannedOut: 0,
    sent: 0,
    failed: 0,
    retried: 0,
    noGrant: 0,
    cancelled: 0,
    recovered: 0,
    more: false,
    elapsedMs: 0,
  };
  const ctxAt = () => createCtx(cloud, SYSTEM, new Date(clock.now()));

  summary.recovered = await recoverDeadClaims(ctxAt());
  // Fan out first (so every audience row exists), then send; leave a second for the sends' answers.
  const fanDone = await fanOut(ctxAt, owner, deadline - 1000, config.pageSize, summary);
  const sendDone = await sendDue(ctxAt, clock, owner, deadline - 1000, config, summary);
  summary.more = !fanDone || !sendDone;
  summary.elapsedMs = clock.now() - started;
  return summary;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rows a dead drain claimed and never answered: recorded as unknown (they may have been sent). */
async function recoverDeadClaims(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('pushSends')
    .where({ status: 'sending', nextAt: _.lt(ctx.now) })
    .update({ data: { status: 'unknown', errCode: null, updatedAt: ctx.now } });
  return (res.stats?.updated as number | undefined) ?? 0;
}

/** Fans out items until none is left or the deadline; true when nothing is left to fan out. */
async function fanOut(
  ctxAt: () => Ctx,
  owner: string,
  deadline: number,
  pageSize: number,
  summary: DrainSummary,
): Promise<boolean> {
  for (;;) {
    const ctx = ctxAt();
    if (ctx.now.getTime() >= deadline) return false;
    const _ = ctx.db.command;
    const res = await ctx.db
      .collection('pushQueue')
      .where({ status: _.in(['queued', 'fanning']), leaseUntil: _.lte(ctx.now) })
      .orderBy('createdAt', 'asc')
      .limit(5)
      .get();
    const items = res.data as PushItemDoc[];
    if (items.length === 0) {
      // Items held by a live drain's lease are its work, not ours.
      return true;
    }
    let claimedAny = false;
    for (const item of items) {
      const claimed = await ctx.db
        .collection('pushQueue')
        .where({ _id: item._id, status: item.status, leaseUntil: item.leaseUntil, leaseOwner: item.leaseOwner })
        .update({ data: { status: 'fanning', leaseUntil: new Date(ctx.now.getTime() + LEASE_MS), leaseOwner: owner } });
      if (!claimed.stats?.updated) continue;
      claimedAny = true;
      const finished = await fanOutItem(
        ctxAt,
        { ...item, status: 'fanning', leaseOwner: owner },
        owner,
        deadline,
        pageSize,
        summary,
      );
      if (!finished) return false;
    }
    if (!claimedAny) return true;
  }
}

/** Writes an item's audience rows page by page from its cursor; true when the audience is done. */
async function fanOutItem(
  ctxAt: () => Ctx,
  item: PushItemDoc,
  owner: string,
  deadline: number,
  pageSize: number,
  summary: DrainSummary,
): Promise<boolean> {
  let cursor = item.cursor;
  let fanned = item.fanned;
  for (;;) {
    const ctx = ctxAt();
    if (ctx.now.getTime() >= deadline) {
      // Let the next run take it over at once.
      await ctx.db
        .collection('pushQueue')
        .where({ _id: item._id, leaseOwner: owner, status: 'fanning' })
        .update({ data: { leaseUntil: ctx.now, updatedAt: ctx.now } });
      return false;
    }
    const page = await audiencePage(ctx, item.audience, cursor, pageSize);
    const written = await writeRows(ctx, item, page.openids);
    fanned += written;
    summary.fannedOut += written;
    const done = page.next === null;
    const upd = await ctx.db
      .collection('pushQueue')
      .where({ _id: item._id, leaseOwner: owner, status: 'fanning' })
      .update({
        data: {
          cursor: page.next,
          fanned,
          status: done ? 'done' : 'fanning',
          leaseUntil: new Date(ctx.now.getTime() + (done ? 0 : LEASE_MS)),
          updatedAt: ctx.now,
        },
      });
    // Cancelled meanwhile (its rows were or will be cancelled), or taken over: stop here.
    if (!upd.stats?.updated || done) return true;
    cursor = page.next;
  }
}

/** One page of the audience's openids after `cursor`, and the cursor after it (null: no more). */
async function audiencePage(
  ctx: Ctx,
  audience: PushAudience,
  cursor: string | null,
  pageSize: number,
): Promise<{ openids: string[]; next: string | null }> {
  const _ = ctx.db.command;
  if (audience.kind === 'people') {
    const from = cursor === null ? 0 : Number(cursor);
    const openids = audience.openids.slice(from, from + pageSize);
    const end = from + openids.length;
    return { openids, next: end >= audience.openids.length ? null : String(end) };
  }
  if (audience.kind === 'followers') {
    const res = await ctx.db
      .collection('projectFollows')
      .where({ projectId: audience.projectId, ...(cursor === null ? {} : { _id: _.gt(cursor) }) })
      .orderBy('_id', 'asc')
      .field({ _id: true, openid: true })
      .limit(pageSize)
      .get();
    const rows = res.data as Array<{ _id: string; openid: string }>;
    return { openids: rows.map((r) => r.openid), next: rows.length < pageSize ? null : rows[rows.length - 1]._id };
  }
  const res = await ctx.db
    .collection('users')
    .where({ orgPath: audience.orgId, ...(cursor === null ? {} : { _id: _.gt(cursor) }) })
    .orderBy('_id', 'asc')
    .field({ _id: true, openid: true, groups: true })
    .limit(pageSize)
    .get();
  const rows = res.data as Array<{ _id: string; openid?: string; groups?: string[] }>;
  const wanted = audience.groups;
  const openids = rows
    .filter((r) => wanted.length === 0 || (r.groups ?? []).some((g) => (wanted as string[]).includes(g)))
    .map((r) => r.openid ?? r._id);
  return { openids, next: rows.length < pageSize ? null : rows[rows.length - 1]._id };
}

/** Writes the page's rows (those already there from a dead run stay as they are); returns how many are new. */
async function writeRows(ctx: Ctx, item: PushItemDoc, openids: string[]): Promise<number> {
  if (openids.length === 0) return 0;
  const _ = ctx.db.command;
  const unique = [...new Set(openids)];
  const ids = unique.map((o) => `${item._id}_${o}`);
  const [existing, grants] = await Promise.all([
    ctx.db
      .collection('pushSends')
      .where({ _id: _.in(ids) })
      .field({ _id: true })
      .limit(ids.length)
      .get(),
    ctx.db
      .collection('pushGrants')
      .where({ _id: _.in(unique.map((o) => grantId(o, item.templateId))) })
      .limit(unique.length)
      .get(),
  ]);
  const have = new Set((existing.data as Array<{ _id: string }>).map((r) => r._id));
  const granted = new Set(
    (grants.data as PushGrantDoc[]).filter((g) => spendGrant(g, item.kind).send).map((g) => g.openid),
  );
  const docs: PushSendDoc[] = unique
    .filter((o) => !have.has(`${item._id}_${o}`))
    .map((openid) => ({
      _id: `${item._id}_${openid}`,
      itemId: item._id,
      sourceKey: item.sourceKey,
      openid,
      templateId: item.templateId,
      kind: item.kind,
      status: granted.has(openid) ? 'pending' : 'noGrant',
      attempts: 0,
      nextAt: ctx.now,
      grantHeld: false,
      errCode: null,
      owner: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }));
  if (docs.length === 0) return 0;
  try {
    await ctx.db.collection('pushSends').add({ data: docs });
    return docs.length;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  // Someone wrote some of them meanwhile: one by one, the ones still missing.
  let n = 0;
  for (const doc of docs) {
    try {
      await ctx.db.collection('pushSends').add({ data: doc });
      n += 1;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return n;
}

/** Sends due rows until none is due or the deadline; true when none is due. */
async function sendDue(
  ctxAt: () => Ctx,
  clock: DrainClock,
  owner: string,
  deadline: number,
  config: { sendsPerSecond: number; pageSize: number },
  summary: DrainSummary,
): Promise<boolean> {
  const perTick = Math.max(1, Math.floor(config.sendsPerSecond));
  let lastTick: number | null = null;
  let tickNo = 0;
  for (;;) {
    const ctx = ctxAt();
    if (ctx.now.getTime() >= deadline) return false;
    const _ = ctx.db.command;
    // As many as this run can send (rate × budget left), at most 1,000 a read.
    const canSend = Math.ceil(((deadline - ctx.now.getTime()) / 1000) * perTick);
    const res = await ctx.db
      .collection('pushSends')
      .where({ status: 'pending', nextAt: _.lte(ctx.now) })
      .orderBy('nextAt', 'asc')
      .field({ _id: true })
      .limit(Math.max(1, Math.min(1000, canSend)))
      .get();
    const ids = (res.data as Array<{ _id: string }>).map((r) => r._id);
    if (ids.length === 0) return true;
    for (let i = 0; i < ids.length; i += perTick) {
      // At most `sendsPerSecond` calls in any second: a tick starts a second after the one before.
      if (lastTick !== null) {
        const wait = lastTick + 1000 - clock.now();
        if (wait > 0) await clock.sleep(wait);
      }
      lastTick = clock.now();
      if (lastTick >= deadline) return false;
      tickNo += 1;
      await sendTick(ctxAt(), `${owner}:${lastTick}:${tickNo}`, ids.slice(i, i + perTick), summary);
    }
  }
}

/**
 * One tick: claims the rows (one conditional update, `pending → sending` under this tick's token: a row
 * another drain claimed first is not ours), reads back the ones it won and their items (after the claim,
 * so a cancellation before it is seen), takes each worker's grant, sends them at once, and records the
 * outcomes (the common ones in one update each).
 */
async function sendTick(ctx: Ctx, token: string, ids: string[], summary: DrainSummary): Promise<void> {
  const _ = ctx.db.command;
  const sends = ctx.db.collection('pushSends');
  await sends.where({ _id: _.in(ids), status: 'pending', nextAt: _.lte(ctx.now) }).update({
    data: { status: 'sending', owner: token, nextAt: new Date(ctx.now.getTime() + LEASE_MS), updatedAt: ctx.now },
  });
  const won = await sends
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  const rows = (won.data as PushSendDoc[]).filter((r) => r.owner === token && r.status === 'sending');
  if (rows.length === 0) return;
  const items = await itemsOf(ctx, rows);
  const done: Record<'sent' | 'noGrant' | 'cancelled', string[]> = { sent: [], noGrant: [], cancelled: [] };
  const finishOne = (row: PushSendDoc, data: Record<string, unknown>) =>
    sends.where({ _id: row._id, status: 'sending', owner: token }).update({ data: { ...data, updatedAt: ctx.now } });
  await Promise.all(
    rows.map(async (row) => {
      const item = items.get(row.itemId);
      if (!item || item.status === 'cancelled') {
        done.cancelled.push(row._id);
        return;
      }
      if (!row.grantHeld && !(await takeGrant(ctx, row.openid, row.templateId, row.kind))) {
        done.noGrant.push(row._id);
        return;
      }
      const attempt = row.attempts + 1;
      const errCode = await sendMessage(ctx, row, item);
      const outcome = sendOutcome(errCode, attempt, MAX_SEND_ATTEMPTS);
      if (outcome === 'sent') {
        done.sent.push(row._id);
      } else if (outcome === 'retry') {
        // The grant stays taken for this row: the retry does not take another.
        await finishOne(row, {
          status: 'pending',
          attempts: attempt,
          errCode,
          grantHeld: true,
          nextAt: new Date(ctx.now.getTime() + retryDelayMs(attempt, errCode)),
        });
        summary.retried += 1;
      } else {
        await finishOne(row, { status: 'failed', attempts: attempt, errCode });
        if (outcome === 'refused') await dropGrant(ctx, row.openid, row.templateId);
        summary.failed += 1;
      }
    }),
  );
  const finishAll = async (rowIds: string[], data: Record<string, unknown>) => {
    if (rowIds.length === 0) return;
    await sends
      .where({ _id: _.in(rowIds), status: 'sending', owner: token })
      .update({ data: { ...data, updatedAt: ctx.now } });
  };
  await finishAll(done.sent, { status: 'sent', attempts: _.inc(1), errCode: 0, sentAt: ctx.now });
  await finishAll(done.noGrant, { status: 'noGrant' });
  await finishAll(done.cancelled, { status: 'cancelled' });
  summary.sent += done.sent.length;
  summary.noGrant += done.noGrant.length;
  summary.cancelled += done.cancelled.length;
}

/** The items of these rows, without their audience (a people audience may be long). */
async function itemsOf(ctx: Ctx, rows: PushSendDoc[]): Promise<Map<string, PushItemDoc>> {
  const _ = ctx.db.command;
  const ids = [...new Set(rows.map((r) => r.itemId))];
  const res = await ctx.db
    .collection('pushQueue')
    .where({ _id: _.in(ids) })
    .field({ audience: false })
    .limit(ids.length)
    .get();
  return new Map((res.data as PushItemDoc[]).map((i) => [i._id, i]));
}

/** subscribeMessage.send; its errCode (0 sent, null: no answer at all). */
async function sendMessage(ctx: Ctx, row: PushSendDoc, item: PushItemDoc): Promise<number | null> {
  try {
    const res = (await ctx.cloud.openapi.subscribeMessage.send({
      touser: row.openid,
      templateId: row.templateId,
      page: item.page,
      data: item.data,
      miniprogramState: process.env.PUSH_MINIPROGRAM_STATE || 'formal',
    })) as { errCode?: number } | undefined;
    return typeof res?.errCode === 'number' ? res.errCode : 0;
  } catch (e) {
    return errCodeOf(e);
  }
}

export { MAX_SEND_ATTEMPTS };
