/**
 * The stored project (`projects`) and the documents around it. The `project` function owns them; the
 * `proposal` function reads a project's ref and creates the draft through `project/commands/draft.ts`.
 */
import {
  projectStatusMeta,
  type FormKind,
  type FormStatus,
  type MeetingKind,
  type ProjectLevel,
  type ProjectRecord,
  type ProjectRef,
  type ProjectStatus,
  type SignStep,
} from '@shishi/shared-types';

export interface ReviewDoc {
  kind: 'argument' | 'seminar' | 'survey';
  date: string;
  participants: string;
  conclusion: 'pass' | 'revise' | 'reject';
  conclusionText: string;
  by: string;
  byName: string;
  at: Date;
}

export interface DecisionRefDoc {
  _id: string;
  meetingKind: MeetingKind;
  date: string;
  resolution: string;
}

export interface FormRefDoc {
  formId: string;
  version: number;
  status: FormStatus;
}

export interface ProjectDoc {
  _id: string;
  title: string;
  status: ProjectStatus;
  /** Status before the acceptance form was filed (a returned acceptance goes back to it). */
  statusBeforeAcceptance?: ProjectStatus | null;
  level: ProjectLevel;
  /** Applicant unit (申报单位). */
  orgId: string;
  orgName: string;
  orgPath: string[];
  /** 归口管理部门 whose head and leader sign the forms. */
  departmentId: string;
  departmentName: string;
  /** Every department node that reviews or follows the record (routed ones and 调查研究室). */
  departmentIds: string[];
  /**
   * Every node whose staff see the record: the applicant's path and the departments. One multikey
   * field, so "the projects I see" is one indexed condition, not an $or the index cannot serve.
   */
  reach: string[];
  /** The committee chain that establishes it, and the meetings recorded so far. */
  meetings: MeetingKind[];
  decisions: DecisionRefDoc[];
  /** The kept proposal first, then those merged into it (empty for a project created directly). */
  origin: string[];
  windowId: string | null;
  year: number;
  /** The current version of 附件1 (being edited, or frozen under review). */
  record: ProjectRecord;
  version: number;
  frozen: boolean;
  versions: Array<{ version: number; frozenAt: Date; reason: string }>;
  reviews: ReviewDoc[];
  /** When each step was reached (status → instant). */
  stepsAt: Partial<Record<ProjectStatus, Date>>;
  /** Money kept at write time (fen); spending sums with _.inc, equal to a recompute of projectSpending. */
  totalBudgetFen: number;
  subsidyFen: number;
  tranche1Percent: number;
  spentFen: number;
  spentAidFen: number;
  spendingCount: number;
  /** Latest filing of each form. */
  forms: Partial<Record<FormKind, FormRefDoc>>;
  /** The mid-term form's due instant (end of 08-15 of the project year, Asia/Shanghai). */
  midtermDueAt: Date | null;
  /** True until a mid-term form is filed (for the due/overdue index). */
  midtermOpen: boolean;
  finalAccountsFen: number | null;
  closingSummary: string | null;
  terminatedReason: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export interface SignatureDoc {
  step: SignStep;
  decision: 'approve' | 'return';
  opinion: string;
  sealConfirmed: boolean;
  by: string;
  byName: string;
  at: Date;
}

export interface FormDoc {
  _id: string;
  projectId: string;
  projectTitle: string;
  orgPath: string[];
  kind: FormKind;
  version: number;
  status: FormStatus;
  /** Who signs next (null once approved or returned). */
  pendingStep: SignStep | null;
  pendingRole: string | null;
  pendingOrgId: string | null;
  pendingOrgName: string | null;
  fields: Record<string, unknown>;
  signatures: SignatureDoc[];
  submittedAt: Date;
  submittedBy: string;
  submittedByName: string;
  decidedAt: Date | null;
  /** A returned version that a newer filing replaced (no longer in 退回待修改). */
  superseded: boolean;
}

export interface TrancheDoc {
  _id: string;
  projectId: string;
  n: 1 | 2;
  amountFen: number;
  formId: string;
  at: Date;
}

export interface SpendingDoc {
  _id: string;
  projectId: string;
  date: string;
  item: string;
  amountFen: number;
  cityAidFen: number;
  note: string | null;
  by: string;
  byName: string;
  at: Date;
}

export interface CommitteeDecisionDoc {
  _id: string;
  meetingKind: MeetingKind;
  date: string;
  resolution: string;
  projectIds: string[];
  by: string;
  byName: string;
  at: Date;
}

export function toProjectRef(p: Pick<ProjectDoc, '_id' | 'title' | 'status'>): ProjectRef {
  const meta = projectStatusMeta[p.status];
  return { _id: p._id, title: p.title, status: p.status, statusLabel: meta.label, progress: meta.progress };
}
