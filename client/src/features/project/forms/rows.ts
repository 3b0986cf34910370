/**
 * The rows of 附件2–4 as printed: those derived from the record (项目名称, 申报单位, 负责人, 电话, 总预算,
 * 市总扶助资金, 启动/结束时间, 资金实际使用 …) and those the applicant fills in, in the policy's order.
 */
import {
  acceptanceFormFieldsSchema,
  midtermFormFieldsSchema,
  startFormFieldsSchema,
  subsidyFen,
  totalBudgetFen,
  yuan,
  type FormKind,
  type Project,
  type ProjectForm,
} from '@shishi/shared-types';
import { dayLabel, type Row } from '../actions/ui';

type Staff = NonNullable<Project['staff']>;

/** What the applicant fills in on each form: key, label, kind of input. */
export interface FormFieldSpec {
  key: string;
  label: string;
  input: 'longText' | 'date' | 'count' | 'percent';
  optional?: boolean;
  hint?: string;
  /** The zod schema of this field (for its limits). */
  schema: unknown;
}

export const formFieldSpecs: Record<FormKind, FormFieldSpec[]> = {
  start: [
    {
      key: 'overview',
      label: '项目概况及绩效预估描述',
      input: 'longText',
      hint: '在覆盖职工数量、直接服务职工数量和职工满意度等方面提出明确指标（第五条（八））。',
      schema: startFormFieldsSchema.shape.overview,
    },
    {
      key: 'plan',
      label: '项目推进计划',
      input: 'longText',
      hint: '各项内容指标均要有明确进度计划。',
      schema: startFormFieldsSchema.shape.plan,
    },
    { key: 'fillDate', label: '填表日期', input: 'date', schema: startFormFieldsSchema.shape.fillDate },
  ],
  midterm: [
    {
      key: 'plannedAcceptanceDate',
      label: '拟申请验收时间',
      input: 'date',
      schema: midtermFormFieldsSchema.shape.plannedAcceptanceDate,
    },
    {
      key: 'progressAssessment',
      label: '项目中期推进情况及效果评估',
      input: 'longText',
      hint: '写清已完成的工作、投入的资金、遇到的困难和需要协调解决的问题。',
      schema: midtermFormFieldsSchema.shape.progressAssessment,
    },
    {
      key: 'coveredSoFar',
      label: '目前已覆盖职工数（人）',
      input: 'count',
      optional: true,
      schema: midtermFormFieldsSchema.shape.coveredSoFar,
    },
    {
      key: 'servedSoFar',
      label: '目前已直接服务职工数（人）',
      input: 'count',
      optional: true,
      schema: midtermFormFieldsSchema.shape.servedSoFar,
    },
    { key: 'fillDate', label: '填表日期', input: 'date', schema: midtermFormFieldsSchema.shape.fillDate },
  ],
  acceptance: [
    {
      key: 'requestedAcceptanceDate',
      label: '申请验收时间',
      input: 'date',
      schema: acceptanceFormFieldsSchema.shape.requestedAcceptanceDate,
    },
    {
      key: 'completionAssessment',
      label: '项目完成情况及效果评估',
      input: 'longText',
      hint: '着重写覆盖职工数量、直接服务职工数量、资金使用效率和职工满意度（第五条（八））。',
      schema: acceptanceFormFieldsSchema.shape.completionAssessment,
    },
    {
      key: 'coveredActual',
      label: '实际覆盖职工数（人）',
      input: 'count',
      optional: true,
      schema: acceptanceFormFieldsSchema.shape.coveredActual,
    },
    {
      key: 'servedActual',
      label: '实际直接服务职工数（人）',
      input: 'count',
      optional: true,
      schema: acceptanceFormFieldsSchema.shape.servedActual,
    },
    {
      key: 'satisfactionActual',
      label: '职工满意度（%）',
      input: 'percent',
      optional: true,
      schema: acceptanceFormFieldsSchema.shape.satisfactionActual,
    },
    { key: 'fillDate', label: '填表日期', input: 'date', schema: acceptanceFormFieldsSchema.shape.fillDate },
  ],
};

/** 申报单位 / 上报单位 / 验收申请单位: the same cell, worded as each form words it. */
const unitLabel: Record<FormKind, string> = { start: '申报单位', midterm: '上报单位', acceptance: '验收申请单位' };

function budgetDetail(staff: Staff, aidOnly: boolean): string {
  const lines = staff.record.budgetLines.filter((l) => !aidOnly || l.cityAidFen > 0);
  if (lines.length === 0) return '';
  return lines
    .map((l) => `${l.item}：${yuan(aidOnly ? l.cityAidFen : l.amountFen)}${aidOnly ? '' : `（${l.source}）`}`)
    .join('\n');
}

function spendingDetail(staff: Staff, aidOnly: boolean): string {
  const lines = staff.spending.filter((l) => !aidOnly || l.cityAidFen > 0);
  if (lines.length === 0) return '';
  return lines.map((l) => `${dayLabel(l.date)} ${l.item}：${yuan(aidOnly ? l.cityAidFen : l.amountFen)}`).join('\n');
}

/** The rows a form takes from the record and the money ledger (shown read-only above its fields). */
export function derivedRows(kind: FormKind, p: Project): Row[] {
  const staff = p.staff;
  if (!staff) return [{ label: '项目名称', value: p.title }];
  const r = staff.record;
  const total = staff.money.totalBudgetFen || totalBudgetFen(r);
  const aid = staff.money.subsidyFen || subsidyFen(r);
  const rows: Row[] = [
    { label: '项目名称', value: r.title },
    { label: unitLabel[kind], value: r.applicantUnit },
    { label: '项目负责人', value: r.leaderName ?? '' },
    { label: '联系电话', value: r.phone ?? '' },
    { label: '项目总预算', value: yuan(total) },
    { label: '市总扶助资金', value: aid > 0 ? yuan(aid) : '无' },
  ];
  if (kind === 'start') {
    rows.push(
      { label: '项目启动时间', value: dayLabel(r.startDate) },
      { label: '项目结束时间', value: dayLabel(r.endDate) },
    );
  } else {
    rows.push(
      {
        label: '资金实际使用',
        value: `${yuan(staff.money.spentFen)}（其中市总扶助 ${yuan(staff.money.spentAidFen)}）`,
      },
      { label: '项目结束时间', value: dayLabel(r.endDate) },
    );
  }
  return rows;
}

/** The money detail rows that close each form (总预算明细 / 支出明细), from the record or the ledger. */
export function detailRows(kind: FormKind, p: Project): Row[] {
  const staff = p.staff;
  if (!staff) return [];
  if (kind === 'start') {
    return [
      { label: '项目总预算明细', value: budgetDetail(staff, false), long: true },
      { label: '市总扶助资金使用预算明细', value: budgetDetail(staff, true), long: true },
    ];
  }
  return [
    { label: '项目资金支出明细', value: spendingDetail(staff, false), long: true },
    { label: '市总扶助资金支出明细', value: spendingDetail(staff, true), long: true },
  ];
}

function fieldText(spec: FormFieldSpec, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (spec.input === 'date') return dayLabel(String(value));
  if (spec.input === 'percent') return `${String(value)}%`;
  if (spec.input === 'count') return `${String(value)} 人`;
  return String(value);
}

/** A filed form as printed: derived rows, what was filled in, then the money details. */
export function filedRows(form: ProjectForm, p: Project): Row[] {
  const filled = formFieldSpecs[form.kind].map((spec) => ({
    label: spec.label,
    value: fieldText(spec, form.fields[spec.key]),
    long: spec.input === 'longText',
  }));
  return [...derivedRows(form.kind, p), ...filled, ...detailRows(form.kind, p)];
}

/** The latest form of a kind (highest version), or null. */
export function latestForm(p: Project, kind: FormKind): ProjectForm | null {
  const forms = (p.staff?.forms ?? []).filter((f) => f.kind === kind);
  return forms.reduce<ProjectForm | null>((best, f) => (!best || f.version > best.version ? f : best), null);
}

/** The opinion that returned a form (the last 退回 signature), or null. */
export function returningSignature(form: ProjectForm) {
  const back = form.signatures.filter((s) => s.decision === 'return');
  return back.length > 0 ? back[back.length - 1] : null;
}
