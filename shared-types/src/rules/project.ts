/**
 * The rules of a project record (第四条 routing, 第五条（三）–（九）workflow, 第六条 money): pure, no I/O.
 * Handlers in cloudfunctions/project/commands load the record, ask these rules, and write.
 */
import { defineLifecycle } from '../lifecycle';
import { collectionStaffRoles, type Role } from '../roles';
import { access } from './access';
import {
  formKindLabels,
  meetingKindLabels,
  signStepLabels,
  type FormKind,
  type FormStatus,
  type MeetingKind,
  type ProjectLevel,
  type ProjectRecord,
  type SignStep,
} from '../schemas/project';
import { projectStatuses, projectStatusMeta, type ProjectStatus } from '../schemas/proposal';
import { businessInstant, onBusinessDay } from '../time';

// ---------------------------------------------------------------- who

/** Staff of the applicant unit who write the record and file forms. */
export const projectOwnerRoles: readonly Role[] = collectionStaffRoles;
/** Routed-department staff who review (论证) and move a record to the committee. */
export const projectReviewerRoles: readonly Role[] = ['reviewer', 'deptHead', 'leader', 'research', 'admin'];
/** Who records committee decisions (调查研究室 submits the list and records the meetings). */
export const decisionRecorderRoles: readonly Role[] = ['research', 'admin'];

// ---------------------------------------------------------------- the project's lifecycle

const owner = access(projectOwnerRoles, 'subtree');
const reviewer = access(projectReviewerRoles, 'department');
/** The main line of the programme, in order (退回/终止 stand beside it). */
export const projectMainSteps: readonly ProjectStatus[] = projectStatuses.filter(
  (s) => s !== 'returned' && s !== 'terminated',
);
/** The main-line statuses from `from` to `to`, both included. */
function stepsBetween(from: ProjectStatus, to: ProjectStatus): ProjectStatus[] {
  return projectMainSteps.slice(projectMainSteps.indexOf(from), projectMainSteps.indexOf(to) + 1);
}
const beforeClosing: ProjectStatus[] = projectStatuses.filter((s) => s !== 'closed' && s !== 'terminated');

export const projectLifecycle = defineLifecycle({
  noun: '这个项目',
  states: projectStatusMeta,
  transitions: {
    /** 提交可研论证: the whole 附件1 is needed (recordGaps). */
    submitFeasibility: { label: '提交可研论证', from: ['draft', 'returned'], to: 'feasibility', access: owner },
    /** 论证会 record; the state stays (a revise conclusion is followed by a return). */
    recordReview: { label: '记录论证会', from: ['feasibility'], to: 'feasibility', access: reviewer },
    /** 提交审定: after a 论证会 that passed it. */
    submitForDecision: { label: '提交审定', from: ['feasibility'], to: 'submitted', access: reviewer },
    /** 退回修改 at any review step before establishment. */
    returnForRevision: { label: '退回修改', from: ['feasibility', 'submitted'], to: 'returned', access: reviewer },
    /** The committee chain is complete (recordDecision). */
    establish: { label: '确立', from: ['submitted'], to: 'established', access: access(decisionRecorderRoles, 'any') },
    /** 信息发布: the plan's public text goes out; the start form must be approved. */
    publish: { label: '发布', from: ['established'], to: 'published', access: owner },
    start: { label: '开始实施', from: ['published'], to: 'inProgress', access: owner },
    /** The mid-term form's last sign-off. */
    fileMidterm: {
      label: '中期推进情况表审核通过',
      from: ['inProgress'],
      to: 'midtermFiled',
      access: access(['leader'], 'department'),
    },
    /** Filing the acceptance form (after the end date). */
    fileAcceptance: { label: '申报验收', from: ['inProgress', 'midtermFiled'], to: 'acceptanceFiled', access: owner },
    /** The acceptance form's last sign-off. */
    accept: { label: '验收通过', from: ['acceptanceFiled'], to: 'accepted', access: access(['leader'], 'department') },
    /** A returned acceptance form sends the project back to work. */
    reopenAcceptance: {
      label: '验收退回',
      from: ['acceptanceFiled'],
      to: 'inProgress',
      access: access(['unitHead', 'deptHead', 'leader'], 'department'),
    },
    close: { label: '结项', from: ['accepted'], to: 'closed', access: owner },
    terminate: {
      label: '终止',
      from: beforeClosing,
      to: 'terminated',
      access: access(['research', 'admin', 'deptHead', 'leader'], 'department'),
    },
  },
});
export type ProjectTransition = keyof typeof projectLifecycle.transitions;

/** Statuses in which the record may be 调整 (adjusted, with a reason): established, before acceptance. */
export const adjustableStatuses: readonly ProjectStatus[] = stepsBetween('established', 'midtermFiled');
/** Statuses in which the record is edited directly (a new version opens on return). */
export const editableStatuses: readonly ProjectStatus[] = ['draft', 'returned'];
/** Statuses a worker sees (the plan is public from publication on). */
export const publicStatuses: readonly ProjectStatus[] = stepsBetween('published', 'closed');
/** Spending is recorded from establishment until closing. */
export const spendingStatuses: readonly ProjectStatus[] = stepsBetween('established', 'accepted');

// ---------------------------------------------------------------- routing (第四条)

export interface RouteFacts {
  level: ProjectLevel;
  /** Applicant org (the unit that files): a department (市级), a district union, an industry union or an enterprise union under it. */
  applicantOrgId: string;
  /** For an industry project: the 产业工会 the applicant belongs to (itself when it applies). */
  industryUnionId: string | null;
  /** 调查研究室 and 组织和基层工作部 org ids. */
  researchDeptId: string;
  organisationDeptId: string;
  /** 市级: the responsible department (责任部门), if not the applicant itself. */
  responsibleDeptId?: string | null;
}

export interface Route {
  /** 归口管理部门 whose head and leader sign forms. */
  departmentId: string;
  /** Every department node that sees and reviews the record. */
  departmentIds: string[];
  /** The committee chain that establishes the project. */
  meetings: MeetingKind[];
}

/**
 * 第四条: 市级 → 调查研究室 (and the responsible department); 区市县 asking city support → 组织和基层工作部;
 * an industry union's enterprise projects → that 产业工会. City list: 党组会 → 常委会 → 全委会; county and
 * industry projects: 市总党组会.
 */
export function routeProject(f: RouteFacts): Route {
  if (f.level === 'city') {
    const responsible = f.responsibleDeptId ?? f.applicantOrgId;
    return {
      departmentId: f.researchDeptId,
      departmentIds: [...new Set([f.researchDeptId, responsible])],
      meetings: ['partyGroup', 'standing', 'plenary'],
    };
  }
  if (f.level === 'district') {
    return { departmentId: f.organisationDeptId, departmentIds: [f.organisationDeptId], meetings: ['cityPartyGroup'] };
  }
  const industry = f.industryUnionId ?? f.applicantOrgId;
  return { departmentId: industry, departmentIds: [industry], meetings: ['cityPartyGroup'] };
}

/**
 * Which meeting this project may be decided at now, given those already recorded, or why not: the chain
 * goes in order, each meeting once.
 */
export function decisionRefusal(
  required: readonly MeetingKind[],
  done: readonly MeetingKind[],
  next: MeetingKind,
): string | null {
  if (!required.includes(next)) {
    return `这个项目应由${required.map((m) => meetingKindLabels[m]).join('、')}审定，不由${meetingKindLabels[next]}审定`;
  }
  if (done.includes(next)) return `${meetingKindLabels[next]}已经审议过这个项目`;
  const expected = required.find((m) => !done.includes(m));
  if (expected !== next) {
    return `要先经${meetingKindLabels[expected!]}审议，再提交${meetingKindLabels[next]}`;
  }
  return null;
}

/** What the committee chain still needs, in words (empty when complete). */
export function decisionsNeeded(required: readonly MeetingKind[], done: readonly MeetingKind[]): string[] {
  return required.filter((m) => !done.includes(m)).map((m) => `${meetingKindLabels[m]}审议`);
}

// ---------------------------------------------------------------- money (第六条), integer fen

export const SUBSIDY_SHARE_PERCENT = 50;
export const TRANCHE1_PERCENT = 40;

export function totalBudgetFen(r: Pick<ProjectRecord, 'budgetLines'>): number {
  return r.budgetLines.reduce((s, l) => s + l.amountFen, 0);
}
export function subsidyFen(r: Pick<ProjectRecord, 'budgetLines'>): number {
  return r.budgetLines.reduce((s, l) => s + l.cityAidFen, 0);
}

/** Largest subsidy for a county or industry project: half the total budget, rounded down to the fen. */
export function maxSubsidyFen(level: ProjectLevel, totalFen: number): number | null {
  if (level === 'city') return null;
  return Math.floor((totalFen * SUBSIDY_SHARE_PERCENT) / 100);
}

/** The first tranche: 40% (or the industry project's own share) of the subsidy, rounded down to the fen. */
export function tranche1Fen(subsidy: number, percent: number = TRANCHE1_PERCENT): number {
  return Math.floor((subsidy * percent) / 100);
}
/** The second tranche: the rest, so the two always add up to the subsidy exactly. */
export function tranche2Fen(subsidy: number, percent: number = TRANCHE1_PERCENT): number {
  return subsidy - tranche1Fen(subsidy, percent);
}

/** The tranche split of a project: 40/60 for county projects, the project's own for industry ones. */
export function tranche1PercentOf(level: ProjectLevel, record: Pick<ProjectRecord, 'tranche1Percent'>): number {
  return level === 'industry' && record.tranche1Percent !== undefined ? record.tranche1Percent : TRANCHE1_PERCENT;
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** 元 with two decimals, for messages (from fen; no floating point in the stored value). */
export function yuan(fenAmount: number): string {
  const sign = fenAmount < 0 ? '-' : '';
  const abs = Math.abs(fenAmount);
  const y = Math.floor(abs / 100);
  const f = abs % 100;
  return `${sign}${y.toLocaleString('en-US')}.${String(f).padStart(2, '0')} 元`;
}

/** Money and date problems of a record (each with its field), empty when sound. */
export function recordProblems(r: ProjectRecord): FieldProblem[] {
  const out: FieldProblem[] = [];
  r.budgetLines.forEach((l, i) => {
    if (l.cityAidFen > l.amountFen) {
      out.push({
        path: `record.budgetLines.${i}.cityAidFen`,
        message: `第 ${i + 1} 行的市总扶助部分不能超过这一行的金额`,
      });
    }
  });
  const total = totalBudgetFen(r);
  const subsidy = subsidyFen(r);
  const cap = maxSubsidyFen(r.level, total);
  if (r.level === 'city' && subsidy > 0) {
    out.push({ path: 'record.budgetLines', message: '市级项目由市总工会直接安排经费，不填“其中市总扶助”' });
  }
  if (cap !== null && subsidy > cap) {
    out.push({
      path: 'record.budgetLines',
      message: `市总扶助资金不能超过项目总预算的 ${SUBSIDY_SHARE_PERCENT}%：总预算 ${yuan(total)}，最多可申请 ${yuan(cap)}，现在是 ${yuan(subsidy)}`,
    });
  }
  if (r.startDate && r.endDate && r.endDate < r.startDate) {
    out.push({ path: 'record.endDate', message: '项目结束时间不能早于启动时间' });
  }
  r.milestones.forEach((m, i) => {
    if ((r.startDate && m.date < r.startDate) || (r.endDate && m.date > r.endDate)) {
      out.push({ path: `record.milestones.${i}.date`, message: `第 ${i + 1} 项推进计划的时间要在项目起止时间之内` });
    }
  });
  if (r.tranche1Percent !== undefined && r.level !== 'industry') {
    out.push({ path: 'record.tranche1Percent', message: '只有产业级项目可以按有关财务规定另定拨付比例' });
  }
  return out;
}

const requiredForReview: Array<[keyof ProjectRecord, string]> = [
  ['leaderName', '项目负责人'],
  ['phone', '联系电话'],
  ['reportDate', '编报日期'],
  ['necessity', '项目背景：必要性分析'],
  ['feasibility', '项目背景：可行性分析'],
  ['serviceTargets', '项目内容：服务对象'],
  ['serviceMethod', '项目内容：服务方式'],
  ['goals', '项目内容：目标任务'],
  ['standards', '项目内容：实施标准'],
  ['coverage', '项目内容：实施范围'],
  ['startDate', '推进方案：项目启动时间'],
  ['endDate', '推进方案：项目结束时间'],
  ['expectedResults', '绩效目标：预期成果和社会效益'],
  ['targetCovered', '绩效目标：覆盖职工数量'],
  ['targetServed', '绩效目标：直接服务职工数量'],
  ['targetSatisfaction', '绩效目标：职工满意度'],
  ['organisation', '保障措施：组织领导'],
  ['supervision', '保障措施：监督检查'],
  ['fundingAssurance', '保障措施：资金保障'],
  ['publicity', '保障措施：宣传交流'],
];

/** What the feasibility report still lacks before it can go to 论证 (附件1's eight parts), with fields. */
export function recordGaps(r: ProjectRecord): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [key, label] of requiredForReview) {
    if (r[key] === undefined || r[key] === '') out.push({ path: `record.${key}`, message: `请填写${label}` });
  }
  if (r.milestones.length === 0)
    out.push({ path: 'record.milestones', message: '请填写推进方案：至少一项带时间的推进计划' });
  if (r.budgetLines.length === 0) out.push({ path: 'record.budgetLines', message: '请填写资金预算：至少一行预算明细' });
  if (r.level !== 'city' && subsidyFen(r) > 0 && !r.aidStatement) {
    out.push({
      path: 'record.aidStatement',
      message: '请说明市总扶助资金的用途（对市总工会扶持资金部分要有明确表述）',
    });
  }
  for (const [k, label] of Object.entries({
    planning: '策划',
    implementation: '实施',
    supervision: '督导',
    inspection: '检查',
    acceptance: '验收',
  })) {
    if (!r.duties[k as keyof ProjectRecord['duties']]) {
      out.push({ path: `record.duties.${k}`, message: `请填写责任分工：${label}的责任人和责任范围` });
    }
  }
  return out;
}

// ---------------------------------------------------------------- forms and sign-offs

/** The order of sign-offs on every form, and who signs each (the unit head, then the routed department). */
export const signOrder: ReadonlyArray<{
  step: SignStep;
  role: Role;
  status: FormStatus;
  where: 'unit' | 'department';
}> = [
  { step: 'unit', role: 'unitHead', status: 'awaitingUnit', where: 'unit' },
  { step: 'department', role: 'deptHead', status: 'awaitingDepartment', where: 'department' },
  { step: 'leader', role: 'leader', status: 'awaitingLeader', where: 'department' },
];

export const formStatusLabels: Record<FormStatus, string> = {
  awaitingUnit: '待申报单位签署意见',
  awaitingDepartment: '待归口管理部门签署意见',
  awaitingLeader: '待分管领导签署意见',
  approved: '已审核通过',
  returned: '已退回',
};

/**
 * One sign-off lifecycle for every form (附件2–4): each step's signer approves (the next step waits) or
 * returns it. A signer acting twice, or two at once, finds the form already moved: CONFLICT.
 * The scope target of a step is the signer's org node (see `signTarget`).
 */
export const formLifecycle = defineLifecycle({
  noun: '这张表',
  states: {
    awaitingUnit: { label: formStatusLabels.awaitingUnit, tone: 'progress', progress: 25 },
    awaitingDepartment: { label: formStatusLabels.awaitingDepartment, tone: 'progress', progress: 50 },
    awaitingLeader: { label: formStatusLabels.awaitingLeader, tone: 'progress', progress: 75 },
    approved: { label: formStatusLabels.approved, tone: 'success', progress: 100 },
    returned: { label: formStatusLabels.returned, tone: 'warning', progress: 0 },
  },
  transitions: {
    approveUnit: {
      label: '签署申报单位意见',
      from: ['awaitingUnit'],
      to: 'awaitingDepartment',
      access: access(['unitHead'], 'department'),
    },
    returnUnit: { label: '退回', from: ['awaitingUnit'], to: 'returned', access: access(['unitHead'], 'department') },
    approveDepartment: {
      label: '签署归口管理部门意见',
      from: ['awaitingDepartment'],
      to: 'awaitingLeader',
      access: access(['deptHead'], 'department'),
    },
    returnDepartment: {
      label: '退回',
      from: ['awaitingDepartment'],
      to: 'returned',
      access: access(['deptHead'], 'department'),
    },
    approveLeader: {
      label: '签署分管领导意见',
      from: ['awaitingLeader'],
      to: 'approved',
      access: access(['leader'], 'department'),
    },
    returnLeader: { label: '退回', from: ['awaitingLeader'], to: 'returned', access: access(['leader'], 'department') },
  },
});
export type FormTransition = keyof typeof formLifecycle.transitions;

const stepOfStatus: Partial<Record<FormStatus, SignStep>> = {
  awaitingUnit: 'unit',
  awaitingDepartment: 'department',
  awaitingLeader: 'leader',
};

/** The step a form in `status` waits for, or null. */
export function pendingStep(status: FormStatus): SignStep | null {
  return stepOfStatus[status] ?? null;
}

/** The lifecycle transition of a decision at a step. */
export function signTransition(step: SignStep, decision: 'approve' | 'return'): FormTransition {
  const cap = step === 'unit' ? 'Unit' : step === 'department' ? 'Department' : 'Leader';
  return `${decision}${cap}` as FormTransition;
}

/** The org node whose signer acts at a step: the applicant unit, then the routed department. */
export function signerOrgId(step: SignStep, p: { orgId: string; departmentId: string }): string {
  return step === 'unit' ? p.orgId : p.departmentId;
}

/**
 * The policy target of a sign-off: only a signer bound at that very node reaches it (the department
 * scope with no subtree), so a head of another department, or of a parent node, cannot sign.
 */
export function signTarget(step: SignStep, p: { orgId: string; departmentId: string }) {
  return { orgPath: [] as string[], departmentIds: [signerOrgId(step, p)] };
}

/** Which forms a project may file in which state, and which must come first. */
export function formRefusal(
  kind: FormKind,
  status: ProjectStatus,
  facts: { startApproved: boolean; open: boolean; endDate: string | null; today: string },
): string | null {
  if (facts.open) return `${formKindLabels[kind]}正在审核中，不能重复提交`;
  if (kind === 'start') {
    if (facts.startApproved) return '启动申报表已经审核通过，不需要再报';
    if (status !== 'established')
      return `项目确立后才能报${formKindLabels.start}（现在是「${projectStatusMeta[status].label}」）`;
    return null;
  }
  if (kind === 'midterm') {
    if (status !== 'inProgress')
      return `项目实施中才能报${formKindLabels.midterm}（现在是「${projectStatusMeta[status].label}」）`;
    return null;
  }
  if (status !== 'inProgress' && status !== 'midtermFiled') {
    return `项目实施中才能申报验收（现在是「${projectStatusMeta[status].label}」）`;
  }
  if (facts.endDate && facts.today < facts.endDate) return `项目结束时间（${facts.endDate}）之后才能申报验收`;
  return null;
}

export function signStepLabel(step: SignStep): string {
  return signStepLabels[step];
}

// ---------------------------------------------------------------- deadlines

/**
 * Projects that owe the mid-term form: those in progress (the only state it can be filed in). Reminders,
 * 中期临近 and 已逾期 concern them alone; a project not started yet cannot file it.
 */
export const midtermOwingStatuses: readonly ProjectStatus[] = ['inProgress'];

/** Default due date of the mid-term form (第五条（八）: 每年度8月中旬前). */
export const DEFAULT_MIDTERM_DUE = '08-15';
/** Reminders go this many days before the due date, once each. */
export const MIDTERM_REMINDER_DAYS = [7, 1] as const;

/** The end of the due day (23:59:59.999, Asia/Shanghai) as an instant. */
export function midtermDueAt(year: number, monthDay: string = DEFAULT_MIDTERM_DUE): Date {
  return businessInstant(onBusinessDay(`${year}-${monthDay}`).endOf('day'));
}

/** Which reminder (days before) is due at `now` for a deadline, or null; each is sent once (by its key). */
export function reminderDue(now: Date, dueAt: Date): (typeof MIDTERM_REMINDER_DAYS)[number] | null {
  if (now.getTime() > dueAt.getTime()) return null;
  const msLeft = dueAt.getTime() - now.getTime();
  const dayMs = 24 * 3600 * 1000;
  // Smallest window first: 1 day before beats 7 days before.
  for (const days of [...MIDTERM_REMINDER_DAYS].sort((a, b) => a - b)) {
    if (msLeft <= days * dayMs) return days;
  }
  return null;
}
