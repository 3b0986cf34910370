/**
 * Merging a cluster of proposals into one, and undoing a whole merge, in batches that are safe to do
 * again: the inline path (up to MERGE_INLINE_MAX proposals, in the call) and the jobs (common/jobs.ts)
 * for larger clusters share the same transactions.
 *
 *   - One transaction merges (or restores) up to MERGE_TX proposals together with the kept proposal's
 *     `mergedFrom`, their audit entries and the authors' messages: a link and its back link, its entry
 *     and its notice exist together or not at all. A proposal already merged into the kept one (or
 *     already restored) is passed over, so a batch cut off and done again changes nothing twice.
 *   - The counters (backerCount and the `credits` of the kept proposal, backerCount of each restored one)
 *     are recounted from the stored supports and authors after the links (credits.ts `recount`,
 *     `recountLoose`), so they equal a recompute however often a batch ran.
 *   - A job first claims every proposal involved (`mergeJob` = its id, one conditional update per
 *     group): while it runs, another merge, an undo or a decision on any of them is refused with
 *     CONFLICT "正在合并，请稍候". It checks the proposals again once they are claimed (nothing can change
 *     them after that), merges, recounts, and gives the claims back. A lock whose job is finished or
 *     failed counts as free. A job that fails for good (common/jobs.ts onFail) recounts what it changed
 *     and gives the claims back.
 */
import {
  AppError,
  MERGE_BUSY_MESSAGE,
  MERGE_INLINE_MAX,
  type ErrorCode,
  type Proposal,
  creditedPeople,
  mergeRefusal,
  proposalStatusMeta,
  unmergeRefusal,
  type JobView,
  type MergeResult,
  type UnmergeAllResult,
} from '@shishi/shared-types';
import { audit } from '../common/audit';
import type { Db } from '../common/cloud';
import { createCtx, type Ctx } from '../common/context';
import { authorizeOrg } from '../common/scope';
import type { JobKind, StepEnv } from '../common/jobs';
import type { Notice } from '../common/notify';
import { getOrNull, recount, supportsOf } from './credits';
import { startProposalJob } from './jobs';
import { findProposal, present } from './load';
import { withDefaults, type ProposalDoc } from './model';
import { isCounted, type SupportMarks } from './supportCounting';

/** Proposals one transaction merges or restores (with the kept proposal: MERGE_TX + 1 documents). */
export const MERGE_TX = 10;
/**
 * Proposals one job step merges, restores or recounts after an undo (MERGE_BATCH / MERGE_TX transactions):
 * about 1 s at a load average of 15 here, so an invocation ends about a step past its 6 s budget.
 */
export const MERGE_BATCH = 30;
/** Proposals one read or conditional update claims, checks, recounts or releases. */
export const CLAIM_BATCH = 100;

type Doc = ProposalDoc & SupportMarks & { mergeJob?: string };

const facts = (d: ProposalDoc) => ({ ...d, mergedFrom: d.mergedFrom.map((m) => m._id) });
const busy = (title: string) => new AppError('CONFLICT', `《${title}》${MERGE_BUSY_MESSAGE}`);

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Proposals by id, CLAIM_BATCH a read (`_id` in …); missing ones are left out. */
export async function loadChunked(db: Db, ids: readonly string[]): Promise<Map<string, Doc>> {
  const _ = db.command;
  const out = new Map<string, Doc>();
  for (const part of chunks([...new Set(ids)], CLAIM_BATCH)) {
    const res = await db
      .collection('proposals')
      .where({ _id: _.in(part) })
      .limit(part.length)
      .get();
    for (const d of res.data as Doc[]) out.set(d._id, withDefaults(d) as Doc);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ locks

/** Whether a job (by id) is still queued or running; remembered per call in `known`. */
async function isLive(db: Db, jobId: string, known: Map<string, boolean>): Promise<boolean> {
  const cached = known.get(jobId);
  if (cached !== undefined) return cached;
  const res = await db.collection('jobs').where({ _id: jobId }).field({ status: true }).limit(1).get();
  const status = (res.data[0] as { status?: string } | undefined)?.status;
  const live = status === 'queued' || status === 'running';
  known.set(jobId, live);
  return live;
}

/**
 * Refuses (CONFLICT 正在合并，请稍候) when any of the docs is claimed by a merge job still running other
 * than `own`; returns the job ids of stale claims (finished or failed jobs), which count as free.
 */
export async function refuseWhileMerging(
  db: Db,
  docs: Iterable<Pick<Doc, '_id' | 'title' | 'mergeJob'>>,
  own: string | null = null,
): Promise<Set<string>> {
  const known = new Map<string, boolean>();
  const stale = new Set<string>();
  for (const d of docs) {
    if (!d.mergeJob || d.mergeJob === own) continue;
    if (await isLive(db, d.mergeJob, known)) throw busy(d.title);
    stale.add(d.mergeJob);
  }
  return stale;
}

/** Claims the proposals for job `jobId` (see the module comment); CONFLICT when another job holds one. */
async function claim(db: Db, ids: readonly string[], jobId: string): Promise<void> {
  const _ = db.command;
  const docs = await loadChunked(db, ids);
  const missing = ids.find((id) => !docs.has(id));
  if (missing) throw new AppError('CONFLICT', '要合并的建议有的已不存在，请刷新后再试');
  await refuseWhileMerging(db, docs.values(), jobId);
  const groups = new Map<string | null, string[]>();
  for (const d of docs.values()) {
    if (d.mergeJob === jobId) continue;
    const key = d.mergeJob ?? null;
    groups.set(key, [...(groups.get(key) ?? []), d._id]);
  }
  for (const [held, group] of groups) {
    const res = await db
      .collection('proposals')
      .where({ _id: _.in(group), mergeJob: held === null ? _.exists(false) : held })
      .update({ data: { mergeJob: jobId } });
    // Someone claimed one between the read and the update.
    if ((res.stats?.updated ?? 0) < group.length) throw new AppError('CONFLICT', MERGE_BUSY_MESSAGE);
  }
}

/** Gives the job's claims back. */
async function release(db: Db, ids: readonly string[], jobId: string): Promise<void> {
  const _ = db.command;
  await db
    .collection('proposals')
    .where({ _id: _.in([...ids]), mergeJob: jobId })
    .update({ data: { mergeJob: _.remove() } });
}

// ------------------------------------------------------------------------------------------ transactions

/** The in-app messages of a notice (as common/notify writes them), written here in the transaction. */
function noticeDocs(recipients: readonly string[], notice: Notice, at: Date) {
  return [...new Set(recipients)].filter(Boolean).map((openid) => ({ openid, ...notice, read: false, createdAt: at }));
}

/** The authors of each proposal to tell: online ones by OPENID, offline ones by matching profile. */
async function recipientsOf(db: Db, docs: readonly ProposalDoc[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const d of docs) out.set(d._id, d.authorOpenid ? [d.authorOpenid] : await offlineRecipients(db, d));
  return out;
}

/** Workers whose profile matches an offline entry (same union and name). */
export async function offlineRecipients(db: Db, d: ProposalDoc): Promise<string[]> {
  if (!d.offline) return [];
  const res = await db
    .collection('users')
    .where({ orgId: d.orgId, name: d.offline.workerName })
    .field({ openid: true })
    .limit(20)
    .get();
  return (res.data as Array<{ openid: string }>).map((u) => u.openid);
}

const mergedNotice = (m: ProposalDoc, keepTitle: string): Notice => ({
  kind: 'proposalMerged',
  title: '您的建议已与相同的建议合并',
  body: `您的建议《${m.title}》与《${keepTitle}》内容相近，已合并到一起办理，您和附议的职工都会计入。`,
  proposalId: m._id,
  projectId: null,
});

const restoredNotice = (m: ProposalDoc, keepTitle: string): Notice => ({
  kind: 'proposalUnmerged',
  title: '您的建议已恢复单独办理',
  body: `您的建议《${m.title}》不再与《${keepTitle}》合并，恢复单独办理。`,
  proposalId: m._id,
  projectId: null,
});

interface TxOptions {
  /** The job doing it (its claims are its own), or null inline. */
  jobId: string | null;
  /** Claims of finished jobs, free to pass. */
  stale: ReadonlySet<string>;
  note: string | null;
}

/** A proposal read in the transaction (with the defaults of older documents), and its reference. */
async function readIn(t: Ctx['db'], id: string) {
  const ref = t.collection('proposals').doc(id);
  const raw = await getOrNull<Doc>(ref);
  return { ref, doc: raw ? (withDefaults(raw) as Doc) : null };
}

/** The authors' messages of the proposals a transaction changed, written in it. */
async function tellIn(
  t: Ctx['db'],
  changed: readonly ProposalDoc[],
  recipients: ReadonlyMap<string, string[]>,
  notice: (m: ProposalDoc) => Notice,
  at: Date,
): Promise<void> {
  for (const m of changed) {
    for (const doc of noticeDocs(recipients.get(m._id) ?? [], notice(m), at)) {
      await t.collection('messages').add({ data: doc });
    }
  }
}

const heldByOther = (d: Doc, o: TxOptions) => !!d.mergeJob && d.mergeJob !== o.jobId && !o.stale.has(d.mergeJob);

/**
 * Merges `batch` into the kept proposal in one transaction; returns the ids it merged now (those merged
 * into it before are passed over).
 */
async function mergeTx(ctx: Ctx, keepId: string, batch: readonly ProposalDoc[], o: TxOptions): Promise<string[]> {
  const recipients = await recipientsOf(ctx.db, batch);
  return ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const { ref: keepRef, doc: keep } = await readIn(t, keepId);
    if (!keep || !proposalStatusMeta[keep.status].open || keep.mergedInto) {
      throw new AppError('CONFLICT', `《${keep?.title ?? batch[0]?.title ?? ''}》刚刚被处理过，请刷新后再合并`);
    }
    if (heldByOther(keep, o)) throw busy(keep.title);
    const merged: ProposalDoc[] = [];
    for (const m of batch) {
      const { ref, doc: current } = await readIn(t, m._id);
      if (current?.mergedInto?._id === keepId) continue;
      if (heldByOther(current ?? (m as Doc), o)) throw busy(m.title);
      if (!current || !proposalStatusMeta[current.status].open || current.mergedInto || current.mergedFrom.length) {
        throw new AppError('CONFLICT', `《${m.title}》刚刚被处理过，请刷新后再合并`);
      }
      await ref.update({
        data: {
          status: 'merged',
          statusBeforeMerge: current.status,
          mergedInto: _.set({ _id: keepId, title: keep.title }),
          backerCount: 0,
          updatedAt: ctx.now,
        },
      });
      merged.push(current);
    }
    if (merged.length === 0) return [];
    const have = new Set(keep.mergedFrom.map((x) => x._id));
    const added = merged.filter((m) => !have.has(m._id)).map((m) => ({ _id: m._id, title: m.title }));
    await keepRef.update({ data: { mergedFrom: _.set([...keep.mergedFrom, ...added]), updatedAt: ctx.now } });
    const note = o.note;
    await audit(ctx, t, [
      {
        action: 'merge',
        targetType: 'proposal',
        targetId: keepId,
        from: keep.status,
        to: keep.status,
        note: `合并了 ${merged.length} 条建议：${merged.map((m) => `《${m.title}》`).join('、')}${note ? `；${note}` : ''}`,
      },
      ...merged.map((m) => ({
        action: 'merge',
        targetType: 'proposal',
        targetId: m._id,
        from: m.status,
        to: 'merged',
        note: `合并到《${keep.title}》${note ? `：${note}` : ''}`,
      })),
    ]);
    await tellIn(t, merged, recipients, (m) => mergedNotice(m, keep.title), ctx.now);
    return merged.map((m) => m._id);
  });
}

/**
 * Restores `batch` (merged into the kept proposal) on its own in one transaction: the status it had,
 * no link either way; returns the ids it restored now (those restored before are passed over).
 */
async function restoreTx(ctx: Ctx, keepId: string, batch: readonly ProposalDoc[], o: TxOptions): Promise<string[]> {
  const recipients = await recipientsOf(ctx.db, batch);
  return ctx.db.runTransaction(async (t: Ctx['db']) => {
    const _ = ctx.db.command;
    const { ref: keepRef, doc: keep } = await readIn(t, keepId);
    if (!keep) throw new AppError('CONFLICT', '保留的建议已不存在，请刷新');
    if (!proposalStatusMeta[keep.status].open) {
      throw new AppError('CONFLICT', `保留的建议《${keep.title}》已经作出决定，不能再撤销合并`);
    }
    if (heldByOther(keep, o)) throw busy(keep.title);
    const restored: Array<ProposalDoc & { to: ProposalDoc['status'] }> = [];
    for (const m of batch) {
      const { ref, doc: current } = await readIn(t, m._id);
      if (!current || current.status !== 'merged' || current.mergedInto?._id !== keepId) continue;
      if (heldByOther(current, o)) throw busy(m.title);
      const to = current.statusBeforeMerge ?? 'submitted';
      await ref.update({ data: { status: to, statusBeforeMerge: null, mergedInto: null, updatedAt: ctx.now } });
      restored.push({ ...current, to });
    }
    if (restored.length === 0) return [];
    const gone = new Set(restored.map((m) => m._id));
    await keepRef.update({
      data: { mergedFrom: _.set(keep.mergedFrom.filter((x) => !gone.has(x._id))), updatedAt: ctx.now },
    });
    const note = o.note;
    await audit(ctx, t, [
      {
        action: 'unmerge',
        targetType: 'proposal',
        targetId: keepId,
        from: keep.status,
        to: keep.status,
        note: `撤销合并 ${restored.length} 条建议：${restored.map((m) => `《${m.title}》`).join('、')}${note ? `；${note}` : ''}`,
      },
      ...restored.map((m) => ({
        action: 'unmerge',
        targetType: 'proposal',
        targetId: m._id,
        from: 'merged',
        to: m.to,
        note: `撤销合并到《${keep.title}》${note ? `：${note}` : ''}`,
      })),
    ]);
    await tellIn(t, restored, recipients, (m) => restoredNotice(m, keep.title), ctx.now);
    return restored.map((m) => m._id);
  });
}

/**
 * backerCount of proposals in no cluster (just restored): the author and their counted supporters, as
 * rules/merge counts them. Stored only while supportCount is what was read (a support counted meanwhile
 * moves both: that proposal is recounted in full instead).
 */
export async function recountLoose(ctx: Ctx, ids: readonly string[]): Promise<void> {
  const docs = await loadChunked(ctx.db, ids);
  const supports = await supportsOf(ctx, [...docs.keys()]);
  const byProposal = new Map<string, string[]>();
  for (const s of supports) {
    const d = docs.get(s.proposalId);
    if (d && isCounted(d, s)) byProposal.set(s.proposalId, [...(byProposal.get(s.proposalId) ?? []), s.openid]);
  }
  for (const d of docs.values()) {
    if (d.status === 'merged' || d.mergedFrom.length > 0) {
      await recount(ctx, d._id);
      continue;
    }
    const people = creditedPeople([{ _id: d._id, author: d.authorKey, supporters: byProposal.get(d._id) ?? [] }]).size;
    if (people === d.backerCount) continue;
    const res = await ctx.db
      .collection('proposals')
      .where({ _id: d._id, supportCount: d.supportCount })
      .update({ data: { backerCount: people } });
    if (!res.stats?.updated) await recount(ctx, d._id);
  }
}

// ------------------------------------------------------------------------------------------ checks

/**
 * What the request checks before merging: every proposal exists, is in the staff member's scope and may
 * be merged into the kept one (rules/merge mergeRefusal); those merged into it already are left out.
 * Returns the proposals to merge, in the order given.
 */
export async function mergeCandidates(
  ctx: Ctx,
  keep: ProposalDoc,
  mergeIds: readonly string[],
  field: (id: string) => string,
): Promise<Doc[]> {
  const user = await ctx.profile();
  const ids = [...new Set(mergeIds)];
  const found = await loadChunked(ctx.db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError(
      'INVALID_INPUT',
      '找不到要合并的建议',
      missing.map((id) => ({ path: field(id), message: '建议不存在' })),
    );
  }
  const out: Doc[] = [];
  for (const id of ids) {
    const m = found.get(id)!;
    if (m.mergedInto?._id === keep._id) continue;
    await authorizeOrg(ctx, m, { field: field(id), what: `《${m.title}》` });
    const refusal = mergeRefusal(facts(keep), facts(m), user.orgId);
    if (refusal) {
      const fields = [{ path: field(id), message: refusal }];
      throw new AppError(m._id === keep._id ? 'INVALID_INPUT' : 'CONFLICT', refusal, fields);
    }
    out.push(m);
  }
  return out;
}

/** The proposals merged into `keep`, each of them in the staff member's scope (rules/merge unmergeRefusal). */
export async function unmergeCandidates(ctx: Ctx, keep: ProposalDoc): Promise<Doc[]> {
  const user = await ctx.profile();
  const ids = keep.mergedFrom.map((m) => m._id);
  const found = await loadChunked(ctx.db, ids);
  const out: Doc[] = [];
  for (const id of ids) {
    const m = found.get(id);
    if (!m || m.mergedInto?._id !== keep._id) continue;
    const refusal = unmergeRefusal(facts(m), facts(keep), user.orgId);
    if (refusal) throw new AppError('CONFLICT', refusal);
    out.push(m);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ inline

/**
 * A merge done in the call (up to MERGE_INLINE_MAX): the batches, then the recount. A batch that fails
 * (the kept proposal decided meanwhile, retries exhausted) puts back what the earlier ones merged.
 */
export async function mergeInline(
  ctx: Ctx,
  keepId: string,
  toMerge: readonly Doc[],
  note: string | null,
  stale: ReadonlySet<string>,
): Promise<void> {
  const o: TxOptions = { jobId: null, stale, note };
  const done: ProposalDoc[] = [];
  try {
    for (const batch of chunks(toMerge, MERGE_TX)) {
      const merged = new Set(await mergeTx(ctx, keepId, batch, o));
      done.push(...batch.filter((m) => merged.has(m._id)));
    }
  } catch (e) {
    const back: TxOptions = { ...o, note: '合并未完成，已复原' };
    for (const batch of chunks(done, MERGE_TX)) await restoreTx(ctx, keepId, batch, back);
    await recount(ctx, keepId);
    throw e;
  }
  await recount(ctx, keepId);
}

/** An undo of a whole merge done in the call (up to MERGE_INLINE_MAX). */
export async function unmergeAllInline(
  ctx: Ctx,
  keepId: string,
  members: readonly Doc[],
  note: string | null,
  stale: ReadonlySet<string>,
): Promise<void> {
  const o: TxOptions = { jobId: null, stale, note };
  try {
    for (const batch of chunks(members, MERGE_TX)) await restoreTx(ctx, keepId, batch, o);
  } finally {
    // Whatever was restored is counted on its own again, and the kept proposal's cluster anew.
    await recountLoose(
      ctx,
      members.map((m) => m._id),
    );
    await recount(ctx, keepId);
  }
}

// ------------------------------------------------------------------------------------------ jobs

export interface MergeJobParams {
  keepId: string;
  /** The proposals to merge (checked by the request), in order. */
  ids: string[];
  note: string | null;
}

type Phase = 'claim' | 'check' | 'apply' | 'count' | 'release';
/** A job's cursor: the phase and the index into [keep, ...ids] (claim, release) or ids (the others). */
export interface MergeJobState {
  phase: Phase;
  i: number;
}

const ORDER: Phase[] = ['claim', 'check', 'apply', 'count', 'release'];

/** Progress: claiming and checking 0–10 %, the batches 10–90 %, the recount and the release the rest. */
function progressOf(phase: Phase, i: number, n: number): number {
  const f = n > 0 ? Math.min(1, i / n) : 1;
  switch (phase) {
    case 'claim':
      return 5 * f;
    case 'check':
      return 5 + 5 * f;
    case 'apply':
      return 10 + 80 * f;
    case 'count':
      return 90 + 5 * f;
    case 'release':
      return 95 + 4 * f;
  }
}

/** The step's context: the job's owner as the actor (audit entries, the reply's view), at the step's time. */
function stepCtx(env: StepEnv): Ctx {
  return createCtx(env.cloud, env.job.owner, env.now());
}

/**
 * The shape both jobs share: claim [keep, ...ids], check them, apply the batches, recount, release; the
 * kinds differ in the check, the transaction, the recount and the result.
 */
function clusterJob<R>(spec: {
  kind: string;
  check(ctx: Ctx, keep: ProposalDoc, part: Doc[]): Promise<void>;
  apply(ctx: Ctx, keepId: string, batch: ProposalDoc[], o: TxOptions): Promise<unknown>;
  recount(ctx: Ctx, params: MergeJobParams, i: number): Promise<number>;
  result(ctx: Ctx, params: MergeJobParams): Promise<R>;
}): JobKind<MergeJobState, R> {
  return {
    kind: spec.kind,
    initial: () => ({ phase: 'claim', i: 0 }),
    async step(env, state) {
      const params = env.job.params as unknown as MergeJobParams;
      const jobId = env.job._id;
      const all = [params.keepId, ...params.ids];
      const n = params.ids.length;
      const ctx = stepCtx(env);
      let next: MergeJobState;
      switch (state.phase) {
        case 'claim': {
          // All in the first step (the start request runs it): once the call replies, the whole cluster
          // is held, and a merge started meanwhile by someone else is refused rather than interleaved.
          for (const part of chunks(all, CLAIM_BATCH)) await claim(env.db, part, jobId);
          next = { phase: 'check', i: 0 };
          break;
        }
        case 'check': {
          // Claimed: nothing else changes them now. Still as the request saw them?
          const keep = await findProposal(ctx, params.keepId);
          if (!keep) throw new AppError('CONFLICT', '保留的建议已不存在，请刷新');
          const part = params.ids.slice(state.i, state.i + CLAIM_BATCH);
          const docs = await loadChunked(env.db, part);
          await spec.check(
            ctx,
            keep,
            part.flatMap((id) => docs.get(id) ?? []),
          );
          next = { phase: 'check', i: state.i + part.length };
          if (next.i >= n) next = { phase: 'apply', i: 0 };
          break;
        }
        case 'apply': {
          const part = params.ids.slice(state.i, state.i + MERGE_BATCH);
          const docs = await loadChunked(env.db, part);
          const o: TxOptions = { jobId, stale: new Set(), note: params.note };
          for (const batch of chunks(
            part.flatMap((id) => docs.get(id) ?? []),
            MERGE_TX,
          )) {
            await spec.apply(ctx, params.keepId, batch, o);
          }
          next = { phase: 'apply', i: state.i + part.length };
          if (next.i >= n) next = { phase: 'count', i: 0 };
          break;
        }
        case 'count': {
          const i = await spec.recount(ctx, params, state.i);
          next = i >= n ? { phase: 'release', i: 0 } : { phase: 'count', i };
          break;
        }
        case 'release': {
          const part = all.slice(state.i, state.i + CLAIM_BATCH);
          await release(env.db, part, jobId);
          const i = state.i + part.length;
          if (i >= all.length) {
            return {
              state: { phase: 'release', i },
              done: true,
              doneItems: n,
              total: n,
              result: await spec.result(ctx, params),
            };
          }
          next = { phase: 'release', i };
          break;
        }
      }
      const applied = ORDER.indexOf(next.phase) > ORDER.indexOf('apply') ? n : next.phase === 'apply' ? next.i : 0;
      return {
        state: next,
        done: false,
        doneItems: applied,
        total: n,
        progress: progressOf(next.phase, next.i, next.phase === 'claim' || next.phase === 'release' ? all.length : n),
      };
    },
    // Failed for good: what was changed (from the batches on) is counted again, and the claims go back.
    async onFail(env, state) {
      const params = env.job.params as unknown as MergeJobParams;
      const ctx = stepCtx(env);
      if (ORDER.indexOf(state.phase) >= ORDER.indexOf('apply')) {
        for (let i = 0; i < params.ids.length;) i = await spec.recount(ctx, params, i);
      }
      for (const part of chunks([params.keepId, ...params.ids], CLAIM_BATCH)) await release(env.db, part, env.job._id);
    },
  };
}

/** proposal.merge of more than MERGE_INLINE_MAX proposals. */
export const mergeJob: JobKind<MergeJobState, MergeResult> = clusterJob<MergeResult>({
  kind: 'proposal.merge',
  async check(ctx, keep, part) {
    if (keep.mergedInto || !proposalStatusMeta[keep.status].open) {
      throw new AppError('CONFLICT', `《${keep.title}》刚刚被处理过，请刷新后再合并`);
    }
    const user = await ctx.profile();
    for (const m of part) {
      if (m.mergedInto?._id === keep._id) continue;
      const refusal = mergeRefusal(facts(keep), facts(m), user.orgId);
      if (refusal) throw new AppError('CONFLICT', refusal);
    }
  },
  apply: mergeTx,
  // One step recounts the whole cluster from its supports (credits.ts recount).
  async recount(ctx, params) {
    await recount(ctx, params.keepId);
    return params.ids.length;
  },
  async result(ctx, params) {
    const kept = await findProposal(ctx, params.keepId);
    return { kept: (await present(ctx, [kept!]))[0], merged: params.ids };
  },
});

/** proposal.unmergeAll of a cluster of more than MERGE_INLINE_MAX merged proposals. */
export const unmergeAllJob: JobKind<MergeJobState, UnmergeAllResult> = clusterJob<UnmergeAllResult>({
  kind: 'proposal.unmergeAll',
  async check(_ctx, keep) {
    if (!proposalStatusMeta[keep.status].open) {
      throw new AppError('CONFLICT', `保留的建议《${keep.title}》已经作出决定，不能再撤销合并`);
    }
  },
  apply: restoreTx,
  // The restored proposals MERGE_BATCH a step, then the kept one.
  async recount(ctx, params, i) {
    const part = params.ids.slice(i, i + MERGE_BATCH);
    await recountLoose(ctx, part);
    const next = i + part.length;
    if (next >= params.ids.length) await recount(ctx, params.keepId);
    return next;
  },
  async result(ctx, params) {
    const kept = await findProposal(ctx, params.keepId);
    return { kept: (await present(ctx, [kept!]))[0], restored: params.ids };
  },
});

/** The ids a merge job has merged (or restored) so far: its reply before it is done. */
function doneSoFar(params: MergeJobParams, job: JobView): string[] {
  return job.status === 'done' ? params.ids : params.ids.slice(0, job.done);
}

/**
 * `merge` and `unmergeAll` after their checks: up to MERGE_INLINE_MAX proposals `inline` in the call
 * (`job` null), more as the job `kind`, its first slice in the call. Returns the kept proposal as it
 * stands, the ids done so far and the job; a job that failed at once (another job claimed one of
 * the proposals first) is the call's error.
 */
export async function runCluster(
  ctx: Ctx,
  kind: JobKind<MergeJobState, unknown>,
  params: MergeJobParams,
  inline: () => Promise<void>,
): Promise<{ kept: Proposal; ids: string[]; job: JobView | null }> {
  let job: JobView | null = null;
  if (params.ids.length > MERGE_INLINE_MAX) {
    job = (await startProposalJob(ctx, kind, params.keepId, params as unknown as Record<string, unknown>)).job;
    if (job.status === 'failed') {
      throw new AppError((job.error?.code ?? 'INTERNAL') as ErrorCode, job.error?.message ?? '没有完成，请稍后再试');
    }
  } else {
    await inline();
  }
  const kept = await findProposal(ctx, params.keepId);
  if (!kept) throw new AppError('CONFLICT', '保留的建议已不存在，请刷新');
  return { kept: (await present(ctx, [kept]))[0], ids: job ? doneSoFar(params, job) : params.ids, job };
}
