/**
 * The record editor's state: 附件1 as the person types it (text everywhere, amounts in 元 as typed),
 * and its conversion into the `projectRecordSchema` input (amounts in fen, by string arithmetic).
 */
import Taro from '@tarojs/taro';
import {
  dutyKinds,
  projectRecordSchema,
  recordGaps,
  recordProblems,
  type DutyKind,
  type FieldProblem,
  type ProjectLevel,
  type ProjectRecord,
  type ProjectRecordInput,
} from '@shishi/shared-types';
import { fenToYuanText, parseCount, parseYuan } from '../actions/money';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../utils/fieldErrors';

export interface BudgetRow {
  item: string;
  /** 金额（元） as typed. */
  amount: string;
  /** 其中市总扶助（元） as typed. */
  aid: string;
  source: string;
}

export interface RecordState {
  level: ProjectLevel | '';
  applicantUnit: string;
  leaderName: string;
  phone: string;
  email: string;
  reportDate: string;
  title: string;
  necessity: string;
  feasibility: string;
  serviceTargets: string;
  serviceMethod: string;
  goals: string;
  standards: string;
  coverage: string;
  subProjects: { name: string; content: string }[];
  startDate: string;
  endDate: string;
  milestones: { date: string; task: string }[];
  workflowText: string;
  budgetLines: BudgetRow[];
  aidStatement: string;
  expectedResults: string;
  targetCovered: string;
  targetServed: string;
  targetSatisfaction: string;
  organisation: string;
  supervision: string;
  fundingAssurance: string;
  publicity: string;
  duties: Record<DutyKind, { person: string; scope: string }>;
  temporaryNeed: boolean;
  tranche1Percent: string;
}

/** The keys of RecordState that hold one line or block of text. */
export type TextKey = {
  [K in keyof RecordState]: RecordState[K] extends string ? (K extends 'level' ? never : K) : never;
}[keyof RecordState];

const emptyDuties = () =>
  Object.fromEntries(dutyKinds.map((k) => [k, { person: '', scope: '' }])) as RecordState['duties'];

export function emptyState(applicantUnit: string, today: string): RecordState {
  return {
    level: '',
    applicantUnit,
    leaderName: '',
    phone: '',
    email: '',
    reportDate: today,
    title: '',
    necessity: '',
    feasibility: '',
    serviceTargets: '',
    serviceMethod: '',
    goals: '',
    standards: '',
    coverage: '',
    subProjects: [],
    startDate: '',
    endDate: '',
    milestones: [],
    workflowText: '',
    budgetLines: [],
    aidStatement: '',
    expectedResults: '',
    targetCovered: '',
    targetServed: '',
    targetSatisfaction: '',
    organisation: '',
    supervision: '',
    fundingAssurance: '',
    publicity: '',
    duties: emptyDuties(),
    temporaryNeed: true,
    tranche1Percent: '',
  };
}

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

export function stateFromRecord(r: ProjectRecord): RecordState {
  const duties = emptyDuties();
  for (const k of dutyKinds) {
    const d = r.duties[k];
    if (d) duties[k] = { person: d.person, scope: d.scope };
  }
  return {
    level: r.level,
    applicantUnit: r.applicantUnit ?? '',
    leaderName: r.leaderName ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    reportDate: r.reportDate ?? '',
    title: r.title ?? '',
    necessity: r.necessity ?? '',
    feasibility: r.feasibility ?? '',
    serviceTargets: r.serviceTargets ?? '',
    serviceMethod: r.serviceMethod ?? '',
    goals: r.goals ?? '',
    standards: r.standards ?? '',
    coverage: r.coverage ?? '',
    subProjects: r.subProjects.map((s) => ({ name: s.name, content: s.content })),
    startDate: r.startDate ?? '',
    endDate: r.endDate ?? '',
    milestones: r.milestones.map((m) => ({ date: m.date, task: m.task })),
    workflowText: r.workflowText ?? '',
    budgetLines: r.budgetLines.map((l) => ({
      item: l.item,
      amount: fenToYuanText(l.amountFen),
      aid: l.cityAidFen > 0 ? fenToYuanText(l.cityAidFen) : '',
      source: l.source,
    })),
    aidStatement: r.aidStatement ?? '',
    expectedResults: r.expectedResults ?? '',
    targetCovered: num(r.targetCovered),
    targetServed: num(r.targetServed),
    targetSatisfaction: num(r.targetSatisfaction),
    organisation: r.organisation ?? '',
    supervision: r.supervision ?? '',
    fundingAssurance: r.fundingAssurance ?? '',
    publicity: r.publicity ?? '',
    duties,
    temporaryNeed: r.temporaryNeed,
    tranche1Percent: num(r.tranche1Percent),
  };
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

export interface Converted {
  /** What goes to the schema (amounts in fen); money that could not be read is left at 0. */
  input: ProjectRecordInput;
  /** Amounts and counts that could not be read, by record path (`budgetLines.0.amountFen`). */
  errors: FieldErrors;
}

/** The state as the schema's input, with the messages of amounts and counts that are not numbers. */
export function toInput(s: RecordState): Converted {
  const errors: FieldErrors = {};
  const count = (key: 'targetCovered' | 'targetServed' | 'targetSatisfaction' | 'tranche1Percent', label: string) => {
    const c = parseCount(s[key], label);
    if (!c.ok) {
      errors[key] = c.message;
      return undefined;
    }
    return c.value;
  };
  const budgetLines = s.budgetLines.map((l, i) => {
    const amount = parseYuan(l.amount, '金额');
    const aid = l.aid.trim() === '' ? ({ ok: true, fen: 0 } as const) : parseYuan(l.aid, '其中市总扶助');
    if (!amount.ok) errors[`budgetLines.${i}.amountFen`] = amount.message;
    if (!aid.ok) errors[`budgetLines.${i}.cityAidFen`] = aid.message;
    return {
      item: l.item,
      amountFen: amount.ok ? amount.fen : 0,
      cityAidFen: aid.ok ? aid.fen : 0,
      source: l.source,
    };
  });
  const duties: ProjectRecordInput['duties'] = {};
  for (const k of dutyKinds) {
    const d = s.duties[k];
    if (d.person.trim() !== '' || d.scope.trim() !== '') duties[k] = { person: d.person, scope: d.scope };
  }
  const input: ProjectRecordInput = {
    // An unset level goes as '' so the schema says 请选择项目层级.
    level: s.level as ProjectLevel,
    applicantUnit: s.applicantUnit,
    leaderName: opt(s.leaderName),
    phone: opt(s.phone),
    email: opt(s.email),
    reportDate: opt(s.reportDate),
    title: s.title,
    necessity: opt(s.necessity),
    feasibility: opt(s.feasibility),
    serviceTargets: opt(s.serviceTargets),
    serviceMethod: opt(s.serviceMethod),
    goals: opt(s.goals),
    standards: opt(s.standards),
    coverage: opt(s.coverage),
    subProjects: s.subProjects.map((x) => ({ name: x.name, content: x.content })),
    startDate: opt(s.startDate),
    endDate: opt(s.endDate),
    milestones: s.milestones.map((m) => ({ date: m.date, task: m.task })),
    workflowText: opt(s.workflowText),
    budgetLines,
    aidStatement: opt(s.aidStatement),
    expectedResults: opt(s.expectedResults),
    targetCovered: count('targetCovered', '覆盖职工数量'),
    targetServed: count('targetServed', '直接服务职工数量'),
    targetSatisfaction: count('targetSatisfaction', '职工满意度'),
    organisation: opt(s.organisation),
    supervision: opt(s.supervision),
    fundingAssurance: opt(s.fundingAssurance),
    publicity: opt(s.publicity),
    duties,
    temporaryNeed: s.temporaryNeed,
    tranche1Percent: s.level === 'industry' ? count('tranche1Percent', '首次拨付比例') : undefined,
  };
  return { input, errors };
}

/** `record.budgetLines.0.cityAidFen` → `budgetLines.0.cityAidFen` (the editor keys fields by record path). */
export const recordPath = (path: string) => path.replace(/^record\./, '');

export interface Checked {
  record: ProjectRecord | null;
  /** Every message, by record path: unreadable amounts, the schema, then money and date rules. */
  errors: FieldErrors;
  /** The rules' problems (over the cap, end before start …), shown as the person types. */
  problems: FieldProblem[];
  /** What 提交可研论证 still needs (recordGaps), when the record parses. */
  gaps: FieldProblem[];
}

/** Runs the shared schema and rules over the state. */
export function checkState(s: RecordState): Checked {
  const { input, errors } = toInput(s);
  const parsed = projectRecordSchema.safeParse(input);
  const all: FieldErrors = { ...errors };
  if (!parsed.success) {
    for (const [k, m] of Object.entries(fieldErrorsFromIssues(parsed.error.issues)))
      if (all[k] === undefined) all[k] = m;
    return { record: null, errors: all, problems: [], gaps: [] };
  }
  const problems = recordProblems(parsed.data);
  for (const p of problems) {
    const k = recordPath(p.path);
    if (all[k] === undefined) all[k] = p.message;
  }
  return { record: parsed.data, errors: all, problems, gaps: recordGaps(parsed.data) };
}

// ---------------------------------------------------------------- the draft on this device

export interface RecordDraft {
  /** The version the draft was typed on (null for a new project). */
  version: number | null;
  state: RecordState;
  savedAt: string;
}

const draftKey = (projectId: string | null) => `shishi.project-draft.${projectId ?? 'new'}`;

export function loadRecordDraft(projectId: string | null): RecordDraft | null {
  try {
    const d: unknown = Taro.getStorageSync(draftKey(projectId));
    if (!d || typeof d !== 'object') return null;
    const draft = d as Partial<RecordDraft>;
    if (!draft.state || typeof draft.state !== 'object' || !Array.isArray(draft.state.budgetLines)) return null;
    return {
      version: typeof draft.version === 'number' ? draft.version : null,
      state: { ...emptyState('', ''), ...draft.state },
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  } catch {
    return null;
  }
}

export function saveRecordDraft(projectId: string | null, version: number | null, state: RecordState): void {
  try {
    Taro.setStorageSync(draftKey(projectId), { version, state, savedAt: new Date().toISOString() });
  } catch {
    // Storage full or unavailable: editing still works, only the safety copy does not.
  }
}

export function clearRecordDraft(projectId: string | null): void {
  try {
    Taro.removeStorageSync(draftKey(projectId));
  } catch {
    // nothing saved
  }
}

/** Whether two states say the same (a draft equal to the saved record is not worth restoring). */
export const sameState = (a: RecordState, b: RecordState) => JSON.stringify(a) === JSON.stringify(b);
