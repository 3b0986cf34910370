/**
 * A new project record (附件1 draft): from adopted proposals (proposal.decide, inside its transaction) or
 * created directly by staff for a temporary need (第四条（三）).
 */
import {
  midtermDueAt,
  subsidyFen,
  totalBudgetFen,
  tranche1PercentOf,
  type Org,
  type ProjectRecord,
} from '@shishi/shared-types';
import { audit, type Writer } from '../../common/audit';
import type { Ctx } from '../../common/context';
import type { ProjectDoc } from '../../common/projects';
import type { Routing } from '../route';
import { midtermDueOf } from './deadline';

export interface DraftArgs {
  record: ProjectRecord;
  applicant: Org;
  routing: Routing;
  origin: string[];
  windowId: string | null;
  year: number;
  /** The audit note (where it came from). */
  note: string;
}

export function newProjectDoc(ctx: Ctx, a: DraftArgs): Omit<ProjectDoc, '_id'> {
  return {
    title: a.record.title,
    status: 'draft',
    statusBeforeAcceptance: null,
    level: a.routing.level,
    orgId: a.applicant._id,
    orgName: a.applicant.name,
    orgPath: a.applicant.path,
    departmentId: a.routing.departmentId,
    departmentName: a.routing.departmentName,
    departmentIds: a.routing.viewerIds,
    reach: [...new Set([...a.applicant.path, ...a.routing.viewerIds])],
    meetings: a.routing.meetings,
    decisions: [],
    origin: a.origin,
    windowId: a.windowId,
    year: a.year,
    record: a.record,
    version: 1,
    frozen: false,
    versions: [],
    reviews: [],
    stepsAt: { draft: ctx.now },
    totalBudgetFen: totalBudgetFen(a.record),
    subsidyFen: subsidyFen(a.record),
    tranche1Percent: tranche1PercentOf(a.routing.level, a.record),
    spentFen: 0,
    spentAidFen: 0,
    spendingCount: 0,
    forms: {},
    midtermDueAt: midtermDueAt(a.year),
    midtermOpen: true,
    finalAccountsFen: null,
    closingSummary: null,
    terminatedReason: null,
    createdAt: ctx.now,
    createdBy: ctx.openid,
    updatedAt: ctx.now,
  };
}

/** Inserts the draft and its audit entry through `t` (the caller's transaction). */
export async function insertDraft(ctx: Ctx, t: Writer, a: DraftArgs): Promise<ProjectDoc> {
  const doc = { ...newProjectDoc(ctx, a), midtermDueAt: await midtermDueOf(t, a.year) };
  const added = await t.collection('projects').add({ data: doc });
  const _id = String(added._id ?? added.id);
  await audit(ctx, t, [
    { action: 'createProject', targetType: 'project', targetId: _id, from: null, to: 'draft', note: a.note },
  ]);
  return { ...doc, _id };
}

/** Keeps the current version of the record readable as it is now (`projectVersions`), through `t`. */
export async function freezeVersion(ctx: Ctx, t: Writer, p: ProjectDoc, reason: string): Promise<void> {
  await t
    .collection('projectVersions')
    .doc(`${p._id}_v${p.version}`)
    .set({ data: { projectId: p._id, version: p.version, record: p.record, frozenAt: ctx.now, reason } });
}
