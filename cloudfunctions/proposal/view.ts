import {
  canSeeProposal,
  concentrationScore,
  inSubtree,
  isStaff,
  maskName,
  seesAuthorName,
  weightedScore,
  type ProjectRef,
  type Proposal,
  type ProposalRef,
  type Viewer,
  type Weights,
} from '@shishi/shared-types';
import { toAttachments } from '../common/attachments';
import { iso } from '../common/serialize';
import type { ProposalDoc } from './model';

/** What a page of proposals needs besides the documents, loaded in a few requests (see load.ts). */
export interface ViewContext {
  viewer: Viewer;
  /** The viewer's offline author key (name + union): offline entries for them count as theirs. */
  offlineKey: string | null;
  supported: ReadonlySet<string>;
  urls: ReadonlyMap<string, string>;
  /** Kept proposals that proposals of the page were merged into, with the project they became. */
  kept: ReadonlyMap<string, { ref: ProposalRef; projectId: string | null }>;
  projects: ReadonlyMap<string, ProjectRef>;
  /** Per window: weights and the largest backerCount (staff scores). */
  windows: ReadonlyMap<string, { weights: Weights; maxBackers: number }>;
}

export function isMine(doc: ProposalDoc, ctx: Pick<ViewContext, 'viewer' | 'offlineKey'>): boolean {
  if (doc.authorOpenid !== null) return doc.authorOpenid === ctx.viewer.openid;
  return ctx.offlineKey !== null && doc.authorKey === ctx.offlineKey;
}

/** Scope facts with an offline entry the viewer matches counted as their own. */
function facts(doc: ProposalDoc, ctx: Pick<ViewContext, 'viewer' | 'offlineKey'>) {
  return { ...doc, authorOpenid: isMine(doc, ctx) ? ctx.viewer.openid : doc.authorOpenid };
}

export function viewerMaySee(doc: ProposalDoc, ctx: Pick<ViewContext, 'viewer' | 'offlineKey'>): boolean {
  return canSeeProposal(ctx.viewer, facts(doc, ctx)) || doc.offline?.enteredBy === ctx.viewer.openid;
}

/** Staff whose subtree holds the proposal. */
export function staffInScope(doc: ProposalDoc, viewer: Viewer): boolean {
  return isStaff(viewer.role) && inSubtree(doc.orgPath, viewer.orgId);
}

/** A proposal as this viewer may see it (author name masked for other workers, scores for staff only). */
export function toProposal(doc: ProposalDoc, ctx: ViewContext): Proposal {
  const mine = isMine(doc, ctx);
  const staff = staffInScope(doc, ctx.viewer);
  // The cadre who entered an offline proposal sees it as its author would.
  const enterer = doc.offline?.enteredBy === ctx.viewer.openid;
  const full = mine || staff || enterer;
  const kept = doc.mergedInto ? ctx.kept.get(doc.mergedInto._id) : undefined;
  const projectId = doc.decision?.projectId ?? kept?.projectId ?? null;
  const win = ctx.windows.get(doc.windowId);
  return {
    _id: doc._id,
    title: doc.title,
    content: doc.content,
    category: doc.category,
    targetGroup: doc.targetGroup,
    status: doc.status,
    moderation: doc.moderation,
    authorName: full || seesAuthorName(ctx.viewer, facts(doc, ctx)) ? doc.authorName : maskName(doc.authorName),
    orgId: doc.orgId,
    orgName: doc.orgName,
    windowId: doc.windowId,
    year: doc.year,
    channel: doc.channel,
    supportCount: doc.supportCount,
    supportedByMe: ctx.supported.has(doc._id),
    backerCount: doc.backerCount,
    similarCount: doc.similarCount,
    mine,
    attachments: toAttachments(doc.attachments, ctx.urls, full),
    mergedInto: doc.mergedInto
      ? (kept?.ref ?? { _id: doc.mergedInto._id, title: doc.mergedInto.title, status: 'submitted' })
      : null,
    mergedFrom: doc.mergedFrom.map((m) => ({ _id: m._id, title: m.title, status: 'merged' as const })),
    decision: doc.decision
      ? {
          kind: doc.decision.kind,
          reason: doc.decision.reason,
          projectId: doc.decision.projectId,
          at: iso(doc.decision.at),
          byName: doc.decision.byName,
        }
      : null,
    project: projectId ? (ctx.projects.get(projectId) ?? null) : null,
    scores: staff
      ? {
          concentration: doc.backerCount,
          concentrationScore: concentrationScore(doc.backerCount, win?.maxBackers ?? doc.backerCount),
          urgency: doc.scores?.urgency ?? null,
          urgencyEvidence: doc.scores?.urgencyEvidence ?? null,
          feasibility: doc.scores?.feasibility ?? null,
          feasibilityNote: doc.scores?.feasibilityNote ?? null,
          total: win
            ? weightedScore(
                {
                  backers: doc.backerCount,
                  urgency: doc.scores?.urgency ?? null,
                  feasibility: doc.scores?.feasibility ?? null,
                },
                win.maxBackers,
                win.weights,
              )
            : null,
          scoredAt: doc.scores ? iso(doc.scores.scoredAt) : null,
          scoredByName: doc.scores?.scoredByName ?? null,
        }
      : null,
    offline: doc.offline
      ? {
          enteredByName: doc.offline.enteredByName,
          enteredByOrgName: doc.offline.enteredByOrgName,
          enteredAt: iso(doc.offline.enteredAt),
          unit: doc.offline.unit,
          phone: staff || enterer ? doc.offline.phone : null,
        }
      : null,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}
