/**
 * 附件2 启动申报表, 附件3 中期推进情况表, 附件4 验收申报表 (.docx): the official title, the cover lines, then ONE
 * table with the policy's rows and labels in the policy's order, ending with the three sign-off blocks
 * (单位 → 归口管理部门 → 分管领导) filled from the recorded signatures, then the 一式三份 note.
 * A form not filed yet prints blank (the paper form).
 */
import { signSteps, type FormKind, type SignStep } from '@shishi/shared-types';
import { PageBreak, type Paragraph, type TableRow } from 'docx';
import {
  CONTENT_WIDTH,
  FANGSONG,
  HEI,
  SONG,
  businessDayOf,
  cell,
  dayWords,
  money,
  pack,
  para,
  paragraphs,
  row,
  run,
  shortDay,
  size,
  table,
  type ParaStyle,
} from './common';
import type {
  AcceptanceFormFields,
  DocumentSignature,
  MidtermFormFields,
  ProjectDocumentData,
  StartFormFields,
} from './types';

export const FORM_NOTE = '注：此表规格为A4纸双面打印，上报一式三份。';
export const FORM_TITLE_LINE1 = '市总工会扶助区市县、产业工会';

/** What differs between the three forms, word for word from 附件2–4. */
export const formSpecs = {
  start: {
    annex: 2,
    title: '办实事项目启动申报表',
    coverUnit: '申  请  单  位',
    unitRow: '申报单位',
    unitOpinion: '项目申报所在单位意见',
  },
  midterm: {
    annex: 3,
    title: '办实事项目中期推进情况表',
    coverUnit: '上  报  单  位',
    unitRow: '上报单位',
    unitOpinion: '项目上报所在单位意见',
  },
  acceptance: {
    annex: 4,
    title: '办实事项目验收申报表',
    coverUnit: '验收申请单位',
    unitRow: '验收申请单位',
    unitOpinion: '项目验收申报所在单位意见',
  },
} as const satisfies Record<
  FormKind,
  { annex: number; title: string; coverUnit: string; unitRow: string; unitOpinion: string }
>;

// Column widths (twips): label | value | label | value.
const COLS = [1750, 2690, 1750, CONTENT_WIDTH - 1750 - 2690 - 1750];
const VALUE_SPAN_WIDTH = CONTENT_WIDTH - COLS[0];

const cellText: ParaStyle = { font: FANGSONG, size: size.xiaoSi, linePt: 22 };
const labelText: ParaStyle = { font: SONG, size: size.xiaoSi, bold: true, align: 'center', linePt: 22 };
const blockText: ParaStyle = { font: FANGSONG, size: size.xiaoSi, linePt: 24 };

const label = (text: string, width = COLS[0]) => cell(text, { ...labelText, width });
const value = (content: string | Paragraph[], span = 1, width = COLS[1]) =>
  typeof content === 'string'
    ? cell(content, { ...cellText, span, width })
    : cell(content, { span, width, vAlign: 'top' });

/** 项目名称 | value across the row. */
function wide(labelText: string, content: string | Paragraph[], minHeight?: number): TableRow {
  return row([label(labelText), value(content, 3, VALUE_SPAN_WIDTH)], { minHeight });
}
/** label | value | label | value. */
function pair(l1: string, v1: string, l2: string, v2: string): TableRow {
  return row([label(l1), value(v1, 1, COLS[1]), label(l2, COLS[2]), value(v2, 1, COLS[3])], {
    minHeight: 560,
    cantSplit: true,
  });
}

/** One detail line: "n. item（note）" then the amount right-aligned at the cell's edge; a 合计 line last. */
const detailTabs: ParaStyle['tabStops'] = [{ type: 'right', position: VALUE_SPAN_WIDTH - 240 }];
const detailText: ParaStyle = { font: FANGSONG, size: size.wu, linePt: 18, align: 'left', tabStops: detailTabs };
function detailLines(lines: Array<{ head: string; fen: number; note: string }>, empty: string): Paragraph[] {
  if (lines.length === 0) return [para(empty, cellText)];
  const total = lines.reduce((s, l) => s + l.fen, 0);
  return [
    ...lines.map((l, i) =>
      para([run(`${i + 1}. ${l.head}${l.note ? `（${l.note}）` : ''}\t${money(l.fen)} 元`, detailText)], detailText),
    ),
    para([run(`合计\t${money(total)} 元`, { ...detailText, bold: true })], { ...detailText, before: 2 }),
  ];
}

function textBlock(text: string | undefined, extra: string[] = []): Paragraph[] {
  const style: ParaStyle = { ...cellText, indentChars: 2 };
  return [...paragraphs(text, style), ...extra.map((e) => para(e, style))];
}

// ---------------------------------------------------------------- sign-off blocks

const blockLabels: Record<SignStep, { signer: string; seal: boolean }> = {
  unit: { signer: '单位负责人签名：', seal: true },
  department: { signer: '归口管理部门负责人签名：', seal: false },
  leader: { signer: '签名：', seal: false },
};

/** The last recorded signature of each step. */
function latestByStep(signatures: DocumentSignature[]): Partial<Record<SignStep, DocumentSignature>> {
  const out: Partial<Record<SignStep, DocumentSignature>> = {};
  for (const s of [...signatures].sort((a, b) => a.at.localeCompare(b.at))) out[s.step] = s;
  return out;
}

function signatureRow(kind: FormKind, step: SignStep, sig: DocumentSignature | undefined): TableRow {
  const title =
    step === 'unit'
      ? formSpecs[kind].unitOpinion
      : step === 'department'
        ? '归口管理部门意见'
        : '归口管理部门分管领导意见';
  const meta = blockLabels[step];
  const signerIndent: ParaStyle = { ...blockText, leftIndent: 3900, align: 'left' };
  const opinion = sig
    ? paragraphs(
        `${sig.decision === 'return' ? '（退回）' : ''}${sig.opinion}`,
        { ...blockText, indentChars: 2 },
        '（无意见）',
      )
    : [para('', blockText), para('', blockText)];
  const kids: Paragraph[] = [
    para(`${title}：`, { ...blockText, bold: true, font: SONG }),
    ...opinion,
    para('', blockText),
  ];
  if (meta.seal) kids.push(para(`单位公章：${sig?.sealConfirmed ? '（已盖章）' : ''}`, signerIndent));
  kids.push(para(`${meta.signer}${sig?.byName ?? ''}`, signerIndent));
  kids.push(para(sig ? dayWords(businessDayOf(sig.at)) : dayWords(null), { ...blockText, align: 'right', after: 4 }));
  return row([cell(kids, { span: 4, width: CONTENT_WIDTH, vAlign: 'top' })], { minHeight: 2300, cantSplit: true });
}

// ---------------------------------------------------------------- cover

function cover(kind: FormKind, d: ProjectDocumentData, fillDate: string | undefined): Paragraph[] {
  const spec = formSpecs[kind];
  const line: ParaStyle = { font: FANGSONG, size: size.san, linePt: 44, leftIndent: 900, align: 'left' };
  const under = (text: string) => run(` ${text} `, { ...line, underline: true });
  const unit = d.record.applicantUnit || d.applicantOrgName;
  return [
    para(`附件${spec.annex}`, { font: HEI, size: size.san, align: 'left' }),
    para('', { size: size.er, before: 60 }),
    para(FORM_TITLE_LINE1, { font: SONG, size: size.xiaoEr, bold: true, align: 'center' }),
    para(spec.title, { font: SONG, size: size.er, bold: true, align: 'center', before: 12, after: 140 }),
    para([run('项  目  名  称：', line), under(d.record.title)], line),
    para([run(`${spec.coverUnit}：`, line), under(unit), run('（盖章）', line)], line),
    para([run('项 目 负 责 人：', line), under(d.record.leaderName ?? '')], line),
    para([run('填  表  日  期：', line), run(dayWords(fillDate), line), new PageBreak()], line),
  ];
}

// ---------------------------------------------------------------- the three tables

function moneyRows(d: ProjectDocumentData): TableRow {
  return pair('项目总预算', `${money(d.money.totalBudgetFen)} 元`, '市总扶助资金', `${money(d.money.subsidyFen)} 元`);
}

function spendingDetail(d: ProjectDocumentData): Paragraph[] {
  return detailLines(
    d.spending.map((s) => ({ head: `${shortDay(s.date)} ${s.item}`, fen: s.amountFen, note: s.note ?? '' })),
    '（尚无支出记录）',
  );
}
function aidSpendingDetail(d: ProjectDocumentData): Paragraph[] {
  return detailLines(
    d.spending
      .filter((s) => s.cityAidFen > 0)
      .map((s) => ({ head: `${shortDay(s.date)} ${s.item}`, fen: s.cityAidFen, note: s.note ?? '' })),
    '（尚无市总扶助资金支出）',
  );
}
function spentRow(d: ProjectDocumentData): TableRow {
  return wide(
    '资金实际使用',
    `${money(d.money.spentFen)} 元（其中市总扶助资金 ${money(d.money.spentAidFen)} 元）`,
    560,
  );
}

function startRows(d: ProjectDocumentData, f: Partial<StartFormFields>): TableRow[] {
  const r = d.record;
  return [
    pair('项目启动时间', shortDay(d.startDate ?? r.startDate), '项目结束时间', shortDay(d.endDate ?? r.endDate)),
    wide('项目概况及绩效预估描述', textBlock(f.overview), 2400),
    wide('项目推进计划', textBlock(f.plan), 2400),
    wide(
      '项目总预算明细',
      detailLines(
        r.budgetLines.map((l) => ({ head: l.item, fen: l.amountFen, note: l.source })),
        '（未填写预算明细）',
      ),
      1800,
    ),
    wide(
      '市总扶助资金使用预算明细',
      detailLines(
        r.budgetLines.filter((l) => l.cityAidFen > 0).map((l) => ({ head: l.item, fen: l.cityAidFen, note: '' })),
        '（无市总扶助资金）',
      ),
      1400,
    ),
  ];
}

function midtermRows(d: ProjectDocumentData, f: Partial<MidtermFormFields>): TableRow[] {
  const counts = [
    f.coveredSoFar !== undefined ? `已覆盖职工 ${f.coveredSoFar} 人` : null,
    f.servedSoFar !== undefined ? `已直接服务职工 ${f.servedSoFar} 人` : null,
  ].filter((x): x is string => x !== null);
  return [
    spentRow(d),
    pair('项目结束时间', shortDay(d.endDate ?? d.record.endDate), '拟申请验收时间', shortDay(f.plannedAcceptanceDate)),
    wide(
      '项目中期推进情况及效果评估',
      textBlock(f.progressAssessment, counts.length ? [`${counts.join('，')}。`] : []),
      3000,
    ),
    wide('项目资金支出明细', spendingDetail(d), 1800),
    wide('市总扶助资金支出明细', aidSpendingDetail(d), 1400),
  ];
}

function acceptanceRows(d: ProjectDocumentData, f: Partial<AcceptanceFormFields>): TableRow[] {
  const counts = [
    f.coveredActual !== undefined ? `实际覆盖职工 ${f.coveredActual} 人` : null,
    f.servedActual !== undefined ? `实际直接服务职工 ${f.servedActual} 人` : null,
    f.satisfactionActual !== undefined ? `职工满意度 ${f.satisfactionActual}%` : null,
  ].filter((x): x is string => x !== null);
  return [
    spentRow(d),
    pair('项目结束时间', shortDay(d.endDate ?? d.record.endDate), '申请验收时间', shortDay(f.requestedAcceptanceDate)),
    wide(
      '项目完成情况及效果评估',
      textBlock(f.completionAssessment, counts.length ? [`${counts.join('，')}。`] : []),
      3000,
    ),
    wide('项目资金支出明细', spendingDetail(d), 1800),
    wide('市总扶助资金支出明细', aidSpendingDetail(d), 1400),
  ];
}

/** 附件2–4 as .docx bytes. */
export async function formDocx(kind: FormKind, d: ProjectDocumentData): Promise<Buffer> {
  const spec = formSpecs[kind];
  const form = d.forms[kind];
  const fields = (form?.fields ?? {}) as Record<string, unknown>;
  const r = d.record;
  const head: TableRow[] = [
    wide('项目名称', r.title, 560),
    wide(spec.unitRow, r.applicantUnit || d.applicantOrgName, 560),
    pair('项目负责人', r.leaderName ?? '', '联系电话', r.phone ?? ''),
    moneyRows(d),
  ];
  const body =
    kind === 'start'
      ? startRows(d, fields as Partial<StartFormFields>)
      : kind === 'midterm'
        ? midtermRows(d, fields as Partial<MidtermFormFields>)
        : acceptanceRows(d, fields as Partial<AcceptanceFormFields>);
  const signed = latestByStep(form?.signatures ?? []);
  const signRows = signSteps.map((step) => signatureRow(kind, step, signed[step]));
  return pack({ title: `${FORM_TITLE_LINE1}${spec.title}`, subject: r.title }, [
    [
      ...cover(kind, d, fields.fillDate as string | undefined),
      table(COLS, [...head, ...body, ...signRows]),
      para(FORM_NOTE, { font: FANGSONG, size: size.xiaoSi, before: 6, align: 'left' }),
    ],
  ]);
}

/** 附件2 启动申报表. */
export const startFormDocx = (d: ProjectDocumentData) => formDocx('start', d);
/** 附件3 中期推进情况表. */
export const midtermFormDocx = (d: ProjectDocumentData) => formDocx('midterm', d);
/** 附件4 验收申报表. */
export const acceptanceFormDocx = (d: ProjectDocumentData) => formDocx('acceptance', d);
