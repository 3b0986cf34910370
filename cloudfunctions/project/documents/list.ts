/**
 * 年度项目清单 (.xlsx): a title row with the year, a frozen header, one row per project, a totals row.
 * Money columns hold 元 as numbers formatted #,##0.00; each value is fen ÷ 100 and the totals are summed
 * in integer fen first, so no rounding drift accumulates.
 */
import { projectLevelLabels } from '@shishi/shared-types';
import ExcelJS from 'exceljs';
import type { ProjectListData, ProjectListRow } from './types';

/** The header row, in order. */
export const listColumns = [
  '序号',
  '项目名称',
  '层级',
  '申报单位',
  '归口管理部门',
  '状态',
  '总预算（元）',
  '市总扶助（元）',
  '首次拨付（元）',
  '二次拨付（元）',
  '实际支出（元）',
  '启动时间',
  '结束时间',
  '中期报告',
  '验收',
] as const;

const widths = [6, 36, 8, 26, 20, 12, 16, 16, 15, 15, 16, 12, 12, 24, 24];
const moneyKeys = ['totalBudgetFen', 'subsidyFen', 'tranche1Fen', 'tranche2Fen', 'spentFen'] as const;
const MONEY_FORMAT = '#,##0.00';
/** Header row number (row 1 is the title). */
export const LIST_HEADER_ROW = 2;

const yuanValue = (fen: number | null): number | null => (fen === null ? null : fen / 100);

/** The annual project list as .xlsx bytes. */
export async function projectListXlsx(data: ProjectListData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '大连市总工会为职工办实事';
  const sheet = book.addWorksheet(`${data.year}年度项目清单`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = listColumns.length;

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = `${data.year}年度大连市工会为职工办实事项目清单${data.scope ? `（${data.scope}）` : ''}`;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  const header = sheet.getRow(LIST_HEADER_ROW);
  header.values = [...listColumns];
  header.font = { name: '宋体', bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 22;

  const thin = { style: 'thin' as const };
  const border = { top: thin, bottom: thin, left: thin, right: thin };

  data.rows.forEach((r: ProjectListRow, i) => {
    const row = sheet.addRow([
      i + 1,
      r.title,
      projectLevelLabels[r.level] ?? r.level,
      r.applicantOrgName,
      r.departmentName,
      r.statusLabel,
      yuanValue(r.totalBudgetFen),
      yuanValue(r.subsidyFen),
      yuanValue(r.tranche1Fen),
      yuanValue(r.tranche2Fen),
      yuanValue(r.spentFen),
      r.startDate ?? '',
      r.endDate ?? '',
      r.midterm,
      r.acceptance,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });

  const sums = moneyKeys.map((k) => data.rows.reduce((s, r) => s + (r[k] ?? 0), 0));
  const firstData = LIST_HEADER_ROW + 1;
  const lastData = LIST_HEADER_ROW + data.rows.length;
  const totals = sheet.addRow(['合计', `共 ${data.rows.length} 个项目`]);
  sums.forEach((fen, i) => {
    const col = 7 + i;
    const letter = sheet.getColumn(col).letter;
    totals.getCell(col).value =
      data.rows.length > 0
        ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: fen / 100 }
        : fen / 100;
  });
  totals.font = { bold: true };

  widths.forEach((w, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = w;
    if (i >= 6 && i <= 10) col.numFmt = MONEY_FORMAT;
  });
  for (let r = LIST_HEADER_ROW; r <= totals.number; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (c) => {
      c.border = border;
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: LIST_HEADER_ROW, xSplit: 2 }];
  sheet.autoFilter = { from: { row: LIST_HEADER_ROW, column: 1 }, to: { row: LIST_HEADER_ROW, column: last } };

  return Buffer.from(await book.xlsx.writeBuffer());
}
