/** Reading proposals: one by id, and what a page of them needs to be shown (supports, kept, projects, links). */
import {
  AppError,
  defaultWeights,
  isStaff,
  offlineAuthorKey,
  type Proposal,
  type ProposalRef,
  type ProjectRef,
  type Viewer,
  type Weights,
} from '@shishi/shared-types';
import { tempUrls } from '../common/attachments';
import type { Ctx, UserDoc } from '../common/context';
import { toProjectRef, type ProjectDoc } from '../common/projects';
import { withDefaults, type ProposalDoc } from './model';
import { staffInScope, toProposal, type ViewContext } from './view';

/** One proposal by id (doc(id): one indexed read), or NOT_FOUND-like INVALID_INPUT on `proposalId`. */
export async function loadProposal(ctx: Ctx, id: string, field = 'proposalId'): Promise<ProposalDoc> {
  const doc = await findProposal(ctx, id);
  if (!doc) throw new AppError('INVALID_INPUT', '找不到这条建议', [{ path: field, message: '建议不存在' }]);
  return doc;
}

export async function findProposal(ctx: Ctx, id: string): Promise<ProposalDoc | null> {
  const res = await ctx.db.collection('proposals').where({ _id: id }).limit(1).get();
  const doc = res.data[0] as ProposalDoc | undefined;
  return doc ? withDefaults(doc) : null;
}

/** Several proposals by id, in parallel single-document reads (each is an index lookup). */
export async function loadMany(ctx: Ctx, ids: readonly string[]): Promise<Map<string, ProposalDoc>> {
  const unique = [...new Set(ids)];
  const docs = await Promise.all(unique.map((id) => findProposal(ctx, id)));
  const out = new Map<string, ProposalDoc>();
  for (const d of docs) if (d) out.set(d._id, d);
  return out;
}

export function viewerOf(ctx: Ctx, user: UserDoc): Viewer {
  return { openid: ctx.openid, role: user.role, orgId: user.orgId };
}

/** The offline author key a worker's profile matches (name and grassroots union). */
export function offlineKeyOf(user: UserDoc): string {
  return offlineAuthorKey(user.orgId, user.name);
}

/**
 * Weights and the largest backerCount of each window within the staff member's subtree (意愿最集中 is
 * measured against the most-backed proposal they screen).
 */
export async function windowScoring(
  ctx: Ctx,
  windowIds: readonly string[],
  scopeOrgId: string,
): Promise<Map<string, { weights: Weights; maxBackers: number }>> {
  const _ = ctx.db.command;
  const out = new Map<string, { weights: Weights; maxBackers: number }>();
  await Promise.all(
    [...new Set(windowIds)].map(async (windowId) => {
      const [win, top] = await Promise.all([
        ctx.db.collection('collectWindows').where({ _id: windowId }).limit(1).get(),
        ctx.db
          .collection('proposals')
          .where({ orgPath: scopeOrgId, windowId, status: _.nin(['merged', 'withdrawn']) })
          .orderBy('backerCount', 'desc')
          .field({ backerCount: true })
          .limit(1)
          .get(),
      ]);
      const weights = (win.data[0] as { weights?: Weights } | undefined)?.weights ?? defaultWeights;
      const maxBackers = (top.data[0] as { backerCount?: number } | undefined)?.backerCount ?? 0;
      out.set(windowId, { weights, maxBackers });
    }),
  );
  return out;
}

export interface PresentOptions {
  /** Known window scoring (screen already has it). */
  windows?: ReadonlyMap<string, { weights: Weights; maxBackers: number }>;
  /** Just stored by the caller: nobody supports it, nothing is merged into it yet (no reads needed). */
  fresh?: boolean;
}

/** The proposals as the caller may see them, with everything the page shows, in a few requests. */
export async function present(
  ctx: Ctx,
  docs: readonly ProposalDoc[],
  options: PresentOptions = {},
): Promise<Proposal[]> {
  const view = await viewContext(ctx, docs, options);
  return docs.map((d) => toProposal(d, view));
}

export async function viewContext(
  ctx: Ctx,
  docs: readonly ProposalDoc[],
  options: PresentOptions = {},
): Promise<ViewContext> {
  const user = await ctx.profile();
  const viewer = viewerOf(ctx, user);
  const _ = ctx.db.command;
  const ids = docs.map((d) => d._id);
  const keptIds = [...new Set(docs.flatMap((d) => (d.mergedInto ? [d.mergedInto._id] : [])))];
  const staffWindows = isStaff(user.role)
    ? [...new Set(docs.filter((d) => staffInScope(d, viewer)).map((d) => d.windowId))].filter(
        (w) => !options.windows?.has(w),
      )
    : [];
  const [supports, kept, urls, windows] = await Promise.all([
    ids.length && !options.fresh
      ? ctx.db
          .collection('supports')
          .where({ openid: ctx.openid, proposalId: _.in(ids) })
          .field({ proposalId: true })
          .limit(1000)
          .get()
      : Promise.resolve({ data: [] }),
    loadMany(ctx, keptIds),
    tempUrls(
      ctx,
      docs.flatMap((d) => d.attachments.map((a) => a.fileID)),
    ),
    staffWindows.length && !options.fresh ? windowScoring(ctx, staffWindows, user.orgId) : Promise.resolve(new Map()),
  ]);
  const keptRefs = new Map<string, { ref: ProposalRef; projectId: string | null }>();
  for (const k of kept.values()) {
    keptRefs.set(k._id, {
      ref: { _id: k._id, title: k.title, status: k.status },
      projectId: k.decision?.projectId ?? null,
    });
  }
  const projectIds = [
    ...new Set([
      ...docs.flatMap((d) => (d.decision?.projectId ? [d.decision.projectId] : [])),
      ...[...keptRefs.values()].flatMap((k) => (k.projectId ? [k.projectId] : [])),
    ]),
  ];
  const projects = new Map<string, ProjectRef>();
  await Promise.all(
    projectIds.map(async (id) => {
      const res = await ctx.db.collection('projects').where({ _id: id }).limit(1).get();
      const p = res.data[0] as ProjectDoc | undefined;
      if (p) projects.set(p._id, toProjectRef(p));
    }),
  );
  const allWindows = new Map(options.windows ?? []);
  for (const [k, v] of windows as Map<string, { weights: Weights; maxBackers: number }>) allWindows.set(k, v);
  return {
    viewer,
    offlineKey: offlineKeyOf(user),
    supported: new Set((supports.data as Array<{ proposalId: string }>).map((s) => s.proposalId)),
    urls,
    kept: keptRefs,
    projects,
    windows: allWindows,
  };
}
