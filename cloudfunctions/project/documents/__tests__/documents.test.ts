/**
 * The printed documents, read back: each .docx is unzipped (jszip), the text of word/document.xml is
 * extracted paragraph by paragraph, and the labels of 附件1–4 — parsed from the policy text
 * (shared/policy/dalian-union-shishi-2020.txt; the lists below are the same labels, used when the
 * policy copy is absent and checked against it when present) — must appear in the policy's order, with
 * the filled values and the sign-offs in their own blocks. The .xlsx is read back with exceljs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { money } from '../common';
import { feasibilityHeadings, feasibilityReportDocx } from '../feasibility';
import { formDocx, formSpecs } from '../forms';
import { LIST_HEADER_ROW, listColumns, projectListXlsx } from '../list';
import type { ProjectDocumentData } from '../types';
import { data, list, opinions } from './fixture';

// ---------------------------------------------------------------- reading a .docx back

interface DocxText {
  xml: string;
  /** Paragraph texts in document order (w:tab as a tab). */
  paragraphs: string[];
  /** All text with whitespace removed and ☑ read as □ (for order checks). */
  flat: string;
  /** Tables → rows → cells → cell text. */
  tables: string[][][];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphText(pXml: string): string {
  let out = '';
  for (const m of pXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g))
    out += m[1] !== undefined ? decode(m[1]) : '\t';
  return out;
}
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => paragraphText(m[1]));
const squeeze = (s: string) => s.replace(/\s+/g, '').replace(/☑/g, '□').replace(/:/g, '：');

async function readDocx(buffer: Buffer): Promise<DocxText> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml in the .docx');
  const xml = await file.async('string');
  const paragraphs = paragraphsOf(xml);
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphsOf(c[1]).join('\n')),
    ),
  );
  return { xml, paragraphs, flat: squeeze(paragraphs.join('')), tables };
}

/** Each piece must appear after the previous one; the error names the first piece out of order. */
function expectInOrder(flat: string, pieces: string[]): void {
  let at = 0;
  for (const piece of pieces) {
    const i = flat.indexOf(piece, at);
    if (i < 0) {
      const anywhere = flat.indexOf(piece);
      throw new Error(
        anywhere < 0
          ? `「${piece}」 is missing`
          : `「${piece}」 is out of order (found at ${anywhere}, expected after ${at}: …${flat.slice(Math.max(0, at - 30), at)}…)`,
      );
    }
    at = i + piece.length;
  }
}

/** The text between two markers (exclusive), from the squeezed text. */
function between(flat: string, from: string, to: string | null): string {
  const a = flat.indexOf(from);
  expect(a).toBeGreaterThanOrEqual(0);
  const b = to === null ? flat.length : flat.indexOf(to, a + from.length);
  expect(b).toBeGreaterThan(a);
  return flat.slice(a + from.length, b);
}

// ---------------------------------------------------------------- the policy's labels

const policyPath = [
  join(__dirname, '../../../../../shared/policy/dalian-union-shishi-2020.txt'),
  join(__dirname, '../../../../shared/policy/dalian-union-shishi-2020.txt'),
  '/work/shared/policy/dalian-union-shishi-2020.txt',
].find((p) => existsSync(p));
const policy = policyPath ? readFileSync(policyPath, 'utf8').replace(/\r\n/g, '\n') : null;

/** The lines of 附件n (from its "附件n" line to the next annex or the end). */
function annexLines(text: string, n: number): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `附件${n}`);
  if (start < 0) throw new Error(`附件${n} not found in the policy`);
  const end = lines.findIndex((l, i) => i > start && /^附件\d$/.test(l.trim()));
  return lines.slice(start, end < 0 ? lines.length : end);
}

/** A policy line as pieces to find in order: whitespace dropped, split after each "：", 年 月 日 apart. */
function piecesOfLine(line: string): string[] {
  const s = squeeze(line);
  if (s === '') return [];
  if (s === '年月日') return ['年', '月', '日'];
  return s
    .split(/(?<=：)/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** 附件1: the cover, the report title, the eight headings and the note (the guidance text is not printed). */
function annex1Pieces(text: string, year: number): string[] {
  const lines = annexLines(text, 1);
  const reportTitle = lines.findIndex((l, i) => i > 2 && l.trim() === '大连市工会为职工办实事项目');
  const picked = [
    ...lines.slice(0, reportTitle + 3),
    ...lines
      .slice(reportTitle + 3)
      .filter((l) => /^（[一二三四五六七八]）/.test(l.trim()) || l.trim().startsWith('（注')),
  ];
  return picked.flatMap((l) => piecesOfLine(l.replace('×××', String(year))));
}

/** 附件2–4: every line, in order. */
const formPieces = (text: string, n: number) => annexLines(text, n).flatMap(piecesOfLine);

/**
 * 附件2–4: the label cells of the table, in order (a label opens with a tab and may run over several
 * lines; a lone tab is its value cell), up to the first sign-off block.
 */
function tableLabels(text: string, n: number): string[] {
  const labels: string[] = [];
  let open: string | null = null;
  for (const line of annexLines(text, n)) {
    if (line.startsWith('\t')) {
      if (open !== null) labels.push(open.replace(/\s+/g, ''));
      const rest = line.trim();
      open = rest === '' ? null : rest;
      if (open?.includes('意见')) return labels;
    } else if (open !== null && line.trim() !== '') {
      open += line.trim();
    }
  }
  return labels;
}

/** The same labels, word for word from 附件2–4 (the fallback when the policy copy is absent). */
const expectedLabels: Record<'start' | 'midterm' | 'acceptance', string[]> = {
  start: [
    '项目名称',
    '申报单位',
    '项目负责人',
    '联系电话',
    '项目总预算',
    '市总扶助资金',
    '项目启动时间',
    '项目结束时间',
    '项目概况及绩效预估描述',
    '项目推进计划',
    '项目总预算明细',
    '市总扶助资金使用预算明细',
  ],
  midterm: [
    '项目名称',
    '上报单位',
    '项目负责人',
    '联系电话',
    '项目总预算',
    '市总扶助资金',
    '资金实际使用',
    '项目结束时间',
    '拟申请验收时间',
    '项目中期推进情况及效果评估',
    '项目资金支出明细',
    '市总扶助资金支出明细',
  ],
  acceptance: [
    '项目名称',
    '验收申请单位',
    '项目负责人',
    '联系电话',
    '项目总预算',
    '市总扶助资金',
    '资金实际使用',
    '项目结束时间',
    '申请验收时间',
    '项目完成情况及效果评估',
    '项目资金支出明细',
    '市总扶助资金支出明细',
  ],
};
const annexOf = { start: 2, midterm: 3, acceptance: 4 } as const;

/** Label cells of the generated table: a 2-cell row has one label, a 4-cell row two, a 1-cell row none. */
function labelCells(rows: string[][]): string[] {
  return rows
    .flatMap((cells) => (cells.length === 2 ? [cells[0]] : cells.length === 4 ? [cells[0], cells[2]] : []))
    .map(squeeze);
}

// ---------------------------------------------------------------- money

describe('money', () => {
  it('prints 元 from integer fen exactly', () => {
    expect(money(0)).toBe('0.00');
    expect(money(5)).toBe('0.05');
    expect(money(100)).toBe('1.00');
    expect(money(12_345_678)).toBe('123,456.78');
    expect(money(-1_050)).toBe('-10.50');
    expect(money(100_000_000_000)).toBe('1,000,000,000.00');
    // 0.1 + 0.2 style drift cannot happen: every digit comes from integer division.
    expect(money(30)).toBe('0.30');
    expect(() => money(1.5)).toThrow('整数分');
  });
});

describe('the policy parse', () => {
  const hasPolicy = policy !== null;
  (hasPolicy ? it : it.skip)('finds the same table labels as the lists in this test', () => {
    for (const kind of ['start', 'midterm', 'acceptance'] as const) {
      expect(tableLabels(policy!, annexOf[kind])).toEqual(expectedLabels[kind]);
    }
  });
  (hasPolicy ? it : it.skip)('names the eight headings of 附件1', () => {
    const heads = annexLines(policy!, 1)
      .map((l) => l.trim())
      .filter((l) => /^（[一二三四五六七八]）/.test(l));
    expect(heads).toEqual([...feasibilityHeadings]);
  });
  it('the order check fails on a swapped order', () => {
    expect(() => expectInOrder('项目名称申报单位', ['申报单位', '项目名称'])).toThrow('out of order');
    expect(() => expectInOrder('项目名称', ['项目名称', '联系电话'])).toThrow('missing');
  });
});

// ---------------------------------------------------------------- 附件1

describe('附件1 可行性研究报告', () => {
  let doc: DocxText;
  beforeAll(async () => {
    doc = await readDocx(await feasibilityReportDocx(data));
  });

  it('has the cover, the title and the eight headings in the policy order, and the 一式三份 note', () => {
    const pieces = policy
      ? annex1Pieces(policy, data.year)
      : [
          '附件1',
          `${data.year}年度大连市工会为职工办实事项目`,
          '可行性研究报告',
          '申报单位：',
          '（公章）',
          '项目层级：',
          '□市级□县区级□产业级',
          '项目负责人：',
          '联系电话：',
          '电子邮箱：',
          '编报日期：',
          '年',
          '月',
          '日',
          '大连市工会为职工办实事项目',
          '可行性研究报告',
          ...feasibilityHeadings,
          '（注：此报告规格为A4纸双面打印，上报一式三份）',
        ];
    expect(pieces).toContain('（八）责任分工');
    expect(pieces).toContain('2027年度大连市工会为职工办实事项目');
    expectInOrder(doc.flat, pieces);
    expect(doc.flat).toContain('一式三份');
    expect(doc.flat.endsWith('（注：此报告规格为A4纸双面打印，上报一式三份）')).toBe(true);
  });

  it('fills the cover: unit, ☑ on the project level only, leader, phone, e-mail, date', () => {
    const cover = between(doc.flat, '申报单位：', '（一）项目名称');
    expect(cover).toContain('大连市甘井子区总工会（公章）');
    const level = doc.paragraphs.find((p) => p.includes('项 目 层 级'))!;
    expect(level.replace(/\s+/g, '')).toBe('项目层级：□市级☑县区级□产业级');
    expectInOrder(cover, [
      '项目负责人：王海涛',
      '联系电话：0411-86651234',
      '电子邮箱：ganjingzi_gh@example.cn',
      '编报日期：2027年2月20日',
    ]);
  });

  it('puts each value under its heading', () => {
    const r = data.record;
    const part = (i: number) => between(doc.flat, feasibilityHeadings[i], feasibilityHeadings[i + 1] ?? '（注：');
    expect(part(0)).toBe(squeeze(r.title));
    expectInOrder(part(1), [
      '必要性分析：',
      squeeze(r.necessity!).slice(0, 20),
      '可行性分析：',
      squeeze(r.feasibility!),
    ]);
    expectInOrder(part(2), [
      '服务对象：',
      squeeze(r.serviceTargets!),
      '服务方式：',
      '目标任务：',
      squeeze(r.goals!),
      '实施标准：',
      '实施范围：',
      '新建驿站',
      '改造提升',
    ]);
    expectInOrder(part(3), [
      '项目启动时间：2027年3月1日',
      '项目结束时间：2027年11月30日',
      '完成选址和场地协议签订',
      '2027年11月30日完成全部驿站改造并申请验收',
    ]);
    expectInOrder(part(5), [
      squeeze(r.expectedResults!),
      '覆盖职工12000人',
      '直接服务职工8000人',
      '职工满意度达到90%以上',
    ]);
    expectInOrder(part(6), ['组织领导：', '监督检查：', '资金保障：', '宣传交流：', squeeze(r.publicity!)]);
    expectInOrder(part(7), [
      '策划王海涛项目总体策划',
      '实施李晓红',
      '督导张建国',
      '检查刘志强',
      '验收陈丽组织自查验收',
    ]);
  });

  it('prints the budget as a table of all 30 lines with exact totals in 元', () => {
    expect(doc.tables).toHaveLength(3); // milestones, budget, duties
    const budget = doc.tables.find((t) => t[0].join('|') === '序号|事项|金额（元）|其中市总扶助（元）|资金来源')!;
    expect(budget).toBeDefined();
    expect(budget).toHaveLength(1 + 30 + 1);
    expect(budget[1]).toEqual(['1', '职工书屋图书采购（第1批）', '123,456.78', '61,728.39', '自筹']);
    expect(budget[30]).toEqual(['30', '职工健康体检（外卖骑手）（第3批）', '4,400.29', '0.00', '区财政配套']);
    // 12,345,678 + Σ(150,000 + 10,001·i, i = 1…29) = 21,046,113 fen; the city part is Σ⌊amount/2⌋ over every third line.
    expect(budget[31]).toEqual(['', '合计', '210,461.13', '75,229.04', '']);
    const sumOfPrinted = budget.slice(1, 31).reduce((s, r) => s + Number(r[2].replace(/[,.]/g, '')), 0);
    expect(sumOfPrinted).toBe(21_046_113);
    expect(between(doc.flat, '（五）资金预算', '（六）')).toContain(
      '项目总预算210,461.13元，其中市总扶助资金75,229.04元',
    );
    expect(between(doc.flat, '（五）资金预算', '（六）')).toContain(`市总扶助资金说明：${data.record.aidStatement}`);
  });

  it('is an A4 page with 宋体/仿宋 and a 小二 bold title', () => {
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toContain('w:eastAsia="FangSong"');
    expect(doc.xml).toContain('w:eastAsia="SimSun"');
    expect(doc.xml).toMatch(/<w:b\/>(<w:bCs\/>)?<w:sz w:val="36"\/>[\s\S]{0,200}大连市工会为职工办实事项目/);
  });

  it('checks a project level other than the fixture one', async () => {
    const city: ProjectDocumentData = { ...data, level: 'city', record: { ...data.record, level: 'city' } };
    const text = await readDocx(await feasibilityReportDocx(city));
    expect(text.paragraphs.find((p) => p.includes('项 目 层 级'))!.replace(/\s+/g, '')).toBe(
      '项目层级：☑市级□县区级□产业级',
    );
  });
});

// ---------------------------------------------------------------- 附件2–4

describe.each([
  ['附件2 启动申报表', 'start'],
  ['附件3 中期推进情况表', 'midterm'],
  ['附件4 验收申报表', 'acceptance'],
] as const)('%s', (_name, kind) => {
  let doc: DocxText;
  beforeAll(async () => {
    doc = await readDocx(await formDocx(kind, data));
  });
  const spec = formSpecs[kind];

  it('prints every line of the policy annex in order (title, cover, rows, sign-offs, note)', () => {
    const pieces = policy
      ? formPieces(policy, annexOf[kind])
      : [
          `附件${annexOf[kind]}`,
          '市总工会扶助区市县、产业工会',
          spec.title,
          ...expectedLabels[kind],
          `${spec.unitOpinion}：`,
          '归口管理部门意见：',
          '归口管理部门分管领导意见：',
          '注：此表规格为A4纸双面打印，上报一式三份。',
        ];
    expect(pieces).toContain(spec.title);
    expect(pieces).toContain(`${spec.unitOpinion}：`);
    expectInOrder(doc.flat, pieces);
    expect(doc.flat.endsWith('注：此表规格为A4纸双面打印，上报一式三份。')).toBe(true);
  });

  it('has ONE table whose label cells are exactly the policy rows, then the three sign-off rows', () => {
    expect(doc.tables).toHaveLength(1);
    const rows = doc.tables[0];
    const want = policy ? tableLabels(policy, annexOf[kind]) : expectedLabels[kind];
    expect(labelCells(rows)).toEqual(want);
    const signRows = rows.filter((r) => r.length === 1).map((r) => squeeze(r[0]));
    expect(signRows).toHaveLength(3);
    expect(signRows[0].startsWith(`${spec.unitOpinion}：`)).toBe(true);
    expect(signRows[0]).toContain('单位公章：');
    expect(signRows[0]).toContain('单位负责人签名：');
    expect(signRows[1].startsWith('归口管理部门意见：')).toBe(true);
    expect(signRows[1]).toContain('归口管理部门负责人签名：');
    expect(signRows[2].startsWith('归口管理部门分管领导意见：')).toBe(true);
    expect(signRows[2]).toContain('签名：');
    // The sign-off rows are the last three rows of the table.
    expect(rows.slice(-3).every((r) => r.length === 1)).toBe(true);
  });

  it('fills the cover and the common rows', () => {
    const fill = data.forms[kind]!.fields.fillDate;
    const [y, m, d] = fill.split('-').map(Number);
    expectInOrder(doc.flat, [
      '项目名称：户外劳动者爱心驿站提质扩面工程',
      `${spec.coverUnit.replace(/\s+/g, '')}：大连市甘井子区总工会（盖章）`,
      '项目负责人：王海涛',
      `填表日期：${y}年${m}月${d}日`,
    ]);
    const rows = doc.tables[0].map((r) => r.map(squeeze));
    expect(rows[0]).toEqual(['项目名称', '户外劳动者爱心驿站提质扩面工程']);
    expect(rows[1]).toEqual([spec.unitRow, '大连市甘井子区总工会']);
    expect(rows[2]).toEqual(['项目负责人', '王海涛', '联系电话', '0411-86651234']);
    expect(rows[3]).toEqual(['项目总预算', '210,461.13元', '市总扶助资金', '75,229.04元']);
  });

  it('fills the rows of its own kind', () => {
    const rows = doc.tables[0].map((r) => r.map(squeeze));
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1] ?? rows.find((r) => r[2] === label)?.[3];
    if (kind === 'start') {
      expect(value('项目启动时间')).toBe('2027年3月1日');
      expect(value('项目结束时间')).toBe('2027年11月30日');
      expect(value('项目概况及绩效预估描述')).toBe(squeeze(data.forms.start!.fields.overview));
      expect(value('项目推进计划')).toBe(squeeze(data.forms.start!.fields.plan));
      const detail = doc.tables[0].find((r) => r[0] === '项目总预算明细')![1].split('\n');
      expect(detail).toHaveLength(31);
      expect(detail[0]).toBe('1. 职工书屋图书采购（第1批）（自筹）\t123,456.78 元');
      expect(detail[30]).toBe('合计\t210,461.13 元');
      const aid = doc.tables[0].find((r) => r[0] === '市总扶助资金使用预算明细')![1].split('\n');
      expect(aid).toHaveLength(10 + 1);
      expect(aid.at(-1)).toBe('合计\t75,229.04 元');
    } else {
      expect(value('资金实际使用')).toBe('58,911.91元（其中市总扶助资金32,345.01元）');
      expect(value('项目结束时间')).toBe('2027年11月30日');
      const spent = doc.tables[0].find((r) => r[0] === '项目资金支出明细')![1].split('\n');
      expect(spent).toEqual([
        '1. 2027年3月20日 驿站冷暖设备采购（政府采购）\t45,678.90 元',
        '2. 2027年4月12日 饮水机及净水设备\t12,345.01 元',
        '3. 2027年5月8日 宣传海报与折页印制（自筹）\t888.00 元',
        '合计\t58,911.91 元',
      ]);
      const aid = doc.tables[0].find((r) => r[0] === '市总扶助资金支出明细')![1].split('\n');
      expect(aid.at(-1)).toBe('合计\t32,345.01 元');
      expect(aid).toHaveLength(3);
    }
    if (kind === 'midterm') {
      expect(value('拟申请验收时间')).toBe('2027年12月10日');
      expect(value('项目中期推进情况及效果评估')).toBe(
        squeeze(`${data.forms.midterm!.fields.progressAssessment}已覆盖职工 9000 人，已直接服务职工 5200 人。`),
      );
    }
    if (kind === 'acceptance') {
      expect(value('申请验收时间')).toBe('2027年12月5日');
      expect(value('项目完成情况及效果评估')).toContain('实际覆盖职工12500人，实际直接服务职工8600人，职工满意度95%');
    }
  });

  it('prints each recorded sign-off in its own block, blank where not signed', () => {
    const unit = between(doc.flat, `${spec.unitOpinion}：`, '归口管理部门意见：');
    const dept = between(doc.flat, '归口管理部门意见：', '归口管理部门分管领导意见：');
    const leader = between(doc.flat, '归口管理部门分管领导意见：', '注：此表');
    if (kind === 'start') {
      expectInOrder(unit, [squeeze(opinions.unit), '单位公章：（已盖章）', '单位负责人签名：赵振华', '2027年2月26日']);
      expectInOrder(dept, [squeeze(opinions.department), '归口管理部门负责人签名：孙立新', '2027年3月2日']);
      // Signed at 00:30 on 3月4日 Beijing time (16:30 UTC on 3月3日): the date printed is the Beijing one.
      expectInOrder(leader, [squeeze(opinions.leader), '签名：周明', '2027年3月4日']);
      expect(dept).not.toContain('赵振华');
      expect(leader).not.toContain('孙立新');
    }
    if (kind === 'midterm') {
      expectInOrder(unit, [squeeze(opinions.midUnit), '单位负责人签名：赵振华', '2027年8月11日']);
      expectInOrder(dept, [squeeze(opinions.midDept), '归口管理部门负责人签名：孙立新', '2027年8月13日']);
      expect(leader).toBe('签名：年月日');
    }
    if (kind === 'acceptance') {
      expect(unit).toBe('单位公章：单位负责人签名：年月日');
      expect(dept).toBe('归口管理部门负责人签名：年月日');
      expect(leader).toBe('签名：年月日');
    }
  });

  it('prints a form not filed yet as the blank paper form', async () => {
    const blank = await readDocx(await formDocx(kind, { ...data, forms: {} }));
    expect(blank.tables).toHaveLength(1);
    expect(labelCells(blank.tables[0])).toEqual(expectedLabels[kind]);
    expect(blank.flat).toContain('填表日期：年月日');
    expect(blank.flat).not.toContain('赵振华');
  });
});

describe('a returned sign-off', () => {
  it('prints the return with its opinion and the latest signature of each step', async () => {
    const returned: ProjectDocumentData = {
      ...data,
      forms: {
        start: {
          ...data.forms.start!,
          signatures: [
            {
              step: 'unit',
              decision: 'approve',
              opinion: '先前的意见',
              sealConfirmed: true,
              byName: '赵振华',
              at: '2027-02-01T02:00:00.000Z',
            },
            {
              step: 'unit',
              decision: 'approve',
              opinion: '同意',
              sealConfirmed: true,
              byName: '钱伟',
              at: '2027-02-26T02:00:00.000Z',
            },
            {
              step: 'department',
              decision: 'return',
              opinion: '预算明细不全，请补充',
              sealConfirmed: false,
              byName: '孙立新',
              at: '2027-03-02T02:00:00.000Z',
            },
          ],
        },
      },
    };
    const doc = await readDocx(await formDocx('start', returned));
    const unit = between(doc.flat, '项目申报所在单位意见：', '归口管理部门意见：');
    expect(unit).toContain('单位负责人签名：钱伟');
    expect(unit).not.toContain('先前的意见');
    expect(between(doc.flat, '归口管理部门意见：', '归口管理部门分管领导意见：')).toContain(
      '（退回）预算明细不全，请补充',
    );
  });
});

// ---------------------------------------------------------------- the annual list

describe('annual project list (.xlsx)', () => {
  it('reads back with the title, frozen header, one row per project and exact totals', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await projectListXlsx(list)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell(1, 1).value)).toBe('2027年度大连市工会为职工办实事项目清单');
    const header = (sheet.getRow(LIST_HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([...listColumns]);
    // The columns of the brief, in order.
    expect(header.map((h) => String(h).replace(/（元）$/, ''))).toEqual([
      '序号',
      '项目名称',
      '层级',
      '申报单位',
      '归口管理部门',
      '状态',
      '总预算',
      '市总扶助',
      '首次拨付',
      '二次拨付',
      '实际支出',
      '启动时间',
      '结束时间',
      '中期报告',
      '验收',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: LIST_HEADER_ROW });
    expect(sheet.rowCount).toBe(LIST_HEADER_ROW + list.rows.length + 1);

    const first = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(first.slice(0, 6)).toEqual([
      1,
      '户外劳动者爱心驿站提质扩面工程',
      '县区级',
      '甘井子区总工会',
      '组织和基层工作部',
      '实施中',
    ]);
    expect(first[6]).toBe(210461.13);
    expect(first[7]).toBe(75229.04);
    expect(first[8]).toBe(30091.61); // ⌊7,522,904 × 40 / 100⌋ fen
    expect(first[9] ?? null).toBeNull();
    expect(first.slice(11)).toEqual(['2027-03-01', '2027-11-30', '待分管领导签署意见', '']);
    const second = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(second[2]).toBe('市级');
    expect(second[6]).toBe(123456.78);
    expect(sheet.getCell(4, 7).numFmt).toBe('#,##0.00');

    const totals = sheet.getRow(LIST_HEADER_ROW + list.rows.length + 1);
    expect(totals.getCell(1).value).toBe('合计');
    const result = (col: number) => (totals.getCell(col).value as { formula: string; result: number }).result;
    expect((totals.getCell(7).value as { formula: string }).formula).toBe('SUM(G3:G5)');
    // 21,046,113 + 12,345,678 + 1 = 33,391,792 fen.
    expect(result(7)).toBe(333917.92);
    expect(result(8)).toBe(75229.04);
    expect(result(9)).toBe(30091.61);
    expect(result(10) ?? 0).toBe(0); // exceljs leaves out a cached result of 0
    expect(result(11)).toBe((data.money.spentFen + 12_000_001) / 100);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });

  it('writes an empty year with a zero totals row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await projectListXlsx({ year: 2030, rows: [], scope: '全市' })) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell(1, 1).value)).toBe('2030年度大连市工会为职工办实事项目清单（全市）');
    expect(sheet.getRow(3).getCell(1).value).toBe('合计');
    expect(sheet.getRow(3).getCell(7).value).toBe(0);
  });
});
