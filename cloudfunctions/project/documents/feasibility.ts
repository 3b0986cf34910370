/**
 * 附件1 大连市工会为职工办实事项目可行性研究报告 (.docx): the cover, then （一）–（八） in the policy's order
 * with the record's values (budget, milestones and duties as tables), then the 一式三份 note.
 */
import { dutyKinds, dutyLabels, projectLevelLabels, projectLevels } from '@shishi/shared-types';
import type { Paragraph, Table } from 'docx';
import {
  CONTENT_WIDTH,
  FANGSONG,
  HEI,
  SONG,
  dayWords,
  grid,
  money,
  pack,
  para,
  paragraphs,
  run,
  shortDay,
  size,
  type ParaStyle,
} from './common';
import type { ProjectDocumentData } from './types';

/** The eight headings of 附件1, in order. */
export const feasibilityHeadings = [
  '（一）项目名称',
  '（二）项目背景',
  '（三）项目内容',
  '（四）推进方案（计划）',
  '（五）资金预算',
  '（六）绩效目标',
  '（七）保障措施',
  '（八）责任分工',
] as const;

export const FEASIBILITY_NOTE = '（注：此报告规格为A4纸双面打印，上报一式三份）';
const MISSING = '（未填写）';

const body: ParaStyle = { font: FANGSONG, size: size.si, linePt: 28, indentChars: 2 };
const heading = (text: string): Paragraph =>
  para(text, { font: HEI, size: size.si, linePt: 28, before: 8, after: 2, keepNext: true, align: 'left' });

/** A labelled paragraph: "服务对象：" in bold, then the text (each further line its own indented paragraph). */
function labelled(label: string, text: string | null | undefined): Paragraph[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines.shift() ?? MISSING;
  return [
    para([run(`${label}：`, { ...body, bold: true }), run(first, body)], body),
    ...lines.map((l) => para(l, body)),
  ];
}

function cover(d: ProjectDocumentData): Paragraph[] {
  const r = d.record;
  const field: ParaStyle = { font: FANGSONG, size: size.san, linePt: 40, leftIndent: 1100, align: 'left' };
  const value = (text: string) => run(text, { ...field, underline: true });
  const blank = '                              ';
  const levelBoxes = projectLevels.map((l) => `${l === d.level ? '☑' : '□'}${projectLevelLabels[l]}`).join('    ');
  return [
    para('附件1', { font: HEI, size: size.san, align: 'left' }),
    para('', { size: size.er, before: 40 }),
    para(`${d.year}年度大连市工会为职工办实事项目`, {
      font: SONG,
      size: size.er,
      bold: true,
      align: 'center',
      before: 24,
    }),
    para('可行性研究报告', { font: SONG, size: 52, bold: true, align: 'center', before: 24, after: 120 }),
    para(
      [run('申 报 单 位：', field), value(` ${r.applicantUnit || d.applicantOrgName} `), run('（公章）', field)],
      field,
    ),
    para([run('项 目 层 级：', field), run(levelBoxes, field)], field),
    para([run('项目负责人：  ', field), value(` ${r.leaderName || blank} `)], field),
    para([run('联 系 电 话：', field), value(` ${r.phone || blank} `)], field),
    para([run('电 子 邮 箱：', field), value(` ${r.email || blank} `)], field),
    para([run('编 报 日 期：', field), run(dayWords(r.reportDate), field)], field),
  ];
}

function budgetTable(d: ProjectDocumentData): Table {
  const lines = d.record.budgetLines;
  const total = lines.reduce((s, l) => s + l.amountFen, 0);
  const aid = lines.reduce((s, l) => s + l.cityAidFen, 0);
  const cols = [620, 3624, 1550, 1650, 1400];
  cols[1] += CONTENT_WIDTH - cols.reduce((s, w) => s + w, 0);
  return grid(
    cols,
    ['序号', '事项', '金额（元）', '其中市总扶助（元）', '资金来源'],
    [
      ...lines.map((l, i) => [String(i + 1), l.item, money(l.amountFen), money(l.cityAidFen), l.source]),
      ['', '合计', money(total), money(aid), ''],
    ],
    { aligns: ['center', 'left', 'right', 'right', 'center'], boldLast: true, cellSize: size.wu },
  );
}

function milestoneTable(d: ProjectDocumentData): Table {
  const cols = [700, 2500, 0];
  cols[2] = CONTENT_WIDTH - cols[0] - cols[1];
  return grid(
    cols,
    ['序号', '时间节点', '推进内容'],
    d.record.milestones.map((m, i) => [String(i + 1), shortDay(m.date), m.task]),
    { aligns: ['center', 'center', 'left'] },
  );
}

function dutyTable(d: ProjectDocumentData): Table {
  const cols = [1300, 1800, 0];
  cols[2] = CONTENT_WIDTH - cols[0] - cols[1];
  return grid(
    cols,
    ['分工', '责任人', '责任范围'],
    dutyKinds.map((k) => {
      const duty = d.record.duties[k];
      return [dutyLabels[k], duty?.person ?? '', duty?.scope ?? ''];
    }),
    { aligns: ['center', 'center', 'left'] },
  );
}

function report(d: ProjectDocumentData): Array<Paragraph | Table> {
  const r = d.record;
  const out: Array<Paragraph | Table> = [];
  const title: ParaStyle = { font: SONG, size: size.xiaoEr, bold: true, align: 'center' };
  out.push(para('大连市工会为职工办实事项目', { ...title, pageBreakBefore: true }));
  out.push(para('可行性研究报告', { ...title, after: 16 }));

  out.push(heading(feasibilityHeadings[0]));
  out.push(para(r.title || MISSING, body));

  out.push(heading(feasibilityHeadings[1]));
  out.push(...labelled('必要性分析', r.necessity));
  out.push(...labelled('可行性分析', r.feasibility));

  out.push(heading(feasibilityHeadings[2]));
  out.push(...labelled('服务对象', r.serviceTargets));
  out.push(...labelled('服务方式', r.serviceMethod));
  out.push(...labelled('目标任务', r.goals));
  out.push(...labelled('实施标准', r.standards));
  out.push(...labelled('实施范围', r.coverage));
  r.subProjects.forEach((s, i) => out.push(...labelled(`子项目${i + 1}\u3000${s.name}`, s.content)));

  out.push(heading(feasibilityHeadings[3]));
  out.push(
    para(
      `项目启动时间：${shortDay(d.startDate ?? r.startDate) || MISSING}；项目结束时间：${shortDay(d.endDate ?? r.endDate) || MISSING}。`,
      body,
    ),
  );
  if (r.milestones.length > 0) out.push(milestoneTable(d), para('', { size: size.wu }));
  else out.push(para(`推进计划：${MISSING}`, body));

  out.push(heading(feasibilityHeadings[4]));
  const total = r.budgetLines.reduce((s, l) => s + l.amountFen, 0);
  const aid = r.budgetLines.reduce((s, l) => s + l.cityAidFen, 0);
  out.push(para(`项目总预算 ${money(total)} 元，其中市总扶助资金 ${money(aid)} 元。预算明细如下：`, body));
  out.push(budgetTable(d), para('', { size: size.wu }));
  if (r.aidStatement) out.push(...labelled('市总扶助资金说明', r.aidStatement));

  out.push(heading(feasibilityHeadings[5]));
  out.push(...paragraphs(r.expectedResults, body, MISSING));
  const targets = [
    r.targetCovered !== undefined ? `覆盖职工 ${r.targetCovered} 人` : null,
    r.targetServed !== undefined ? `直接服务职工 ${r.targetServed} 人` : null,
    r.targetSatisfaction !== undefined ? `职工满意度达到 ${r.targetSatisfaction}% 以上` : null,
  ].filter(Boolean);
  if (targets.length > 0)
    out.push(para([run('事前预估：', { ...body, bold: true }), run(`${targets.join('，')}。`, body)], body));

  out.push(heading(feasibilityHeadings[6]));
  out.push(...labelled('组织领导', r.organisation));
  out.push(...labelled('监督检查', r.supervision));
  out.push(...labelled('资金保障', r.fundingAssurance));
  out.push(...labelled('宣传交流', r.publicity));

  out.push(heading(feasibilityHeadings[7]));
  out.push(dutyTable(d));

  out.push(para(FEASIBILITY_NOTE, { font: FANGSONG, size: size.xiaoSi, before: 18, align: 'left' }));
  return out;
}

/** 附件1 as .docx bytes. */
export async function feasibilityReportDocx(d: ProjectDocumentData): Promise<Buffer> {
  return pack({ title: `${d.year}年度大连市工会为职工办实事项目可行性研究报告`, subject: d.record.title }, [
    [...cover(d), ...report(d)],
  ]);
}
