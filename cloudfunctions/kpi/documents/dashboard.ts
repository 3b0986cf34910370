/**
 * 绩效看板 (.xlsx): sheet 1 the dashboard's figures (指标, 数值, 项目数), sheet 2 one row per project with
 * its KPIs and signal. Money columns hold 元 as numbers (fen ÷ 100, formatted #,##0.00); percentages
 * as numbers with one decimal.
 */
import {
  kpiSignalLabels,
  projectLevelLabels,
  projectStatusMeta,
  yuanText,
  type KpiDashboard,
} from '@shishi/shared-types';
import ExcelJS from 'exceljs';
import type { KpiRow } from '../figures';

const MONEY_FORMAT = '#,##0.00';
const yuanValue = (fen: number): number => fen / 100;

export const projectColumns = [
  '序号',
  '项目名称',
  '层级',
  '申报单位',
  '状态',
  '覆盖职工目标',
  '项目页访问职工',
  '直接服务目标',
  '直接服务职工',
  '目标完成率（%）',
  '总预算（元）',
  '市总扶助（元）',
  '已拨付（元）',
  '实际支出（元）',
  '评价人数',
  '满意率（%）',
  '平均满意度',
  '信号',
  '信号依据',
  '工作人员决定',
  '中期表逾期',
  '现场座谈（场）',
  '座谈参加（人次）',
  '座谈待办事项',
  '其中逾期',
] as const;

export async function dashboardXlsx(board: KpiDashboard, rows: readonly KpiRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '大连市总工会为职工办实事';
  const scope = [board.orgName, board.level ? projectLevelLabels[board.level] : ''].filter(Boolean).join(' · ');

  const figures = book.addWorksheet('看板数字');
  figures.columns = [
    { header: '指标', width: 30 },
    { header: '数值', width: 22 },
    { header: '项目数', width: 10 },
  ];
  figures.getRow(1).font = { bold: true };
  const add = (label: string, value: string | number | null, count?: number) =>
    figures.addRow([label, value ?? '', count ?? '']);
  add(`${board.year}年度 ${scope}`, `截至 ${board.asOf.slice(0, 10)}`);
  add('项目总数', board.total.count, board.total.count);
  for (const s of board.byStatus) add(`状态：${s.label}`, s.count, s.count);
  for (const l of board.byLevel) add(`层级：${l.label}`, l.count, l.count);
  add('总预算（元）', yuanText(board.money.totalBudgetFen));
  add('市总扶助资金（元）', yuanText(board.money.subsidyFen), board.money.withSubsidy.count);
  add('已拨付（元）', yuanText(board.money.paidFen), board.money.paid.count);
  add('未拨付的扶助项目', board.money.paidNone.count, board.money.paidNone.count);
  add('已拨付首笔的扶助项目', board.money.paidFirst.count, board.money.paidFirst.count);
  add('两笔均已拨付的扶助项目', board.money.paidBoth.count, board.money.paidBoth.count);
  add('实际支出（元）', yuanText(board.money.spentFen));
  add('直接服务职工 / 目标', `${board.workers.served} / ${board.workers.targetServed}`);
  add('达到直接服务目标的项目', board.workers.metTarget.count, board.workers.metTarget.count);
  add('未达到直接服务目标的项目', board.workers.belowTarget.count, board.workers.belowTarget.count);
  add('项目页访问职工 / 覆盖目标', `${board.workers.viewers} / ${board.workers.targetCovered}`);
  add('职工评价人数', board.satisfaction.ratings, board.satisfaction.rated.count);
  for (const s of board.satisfaction.byScore) add(`${s.label}（评价份数）`, s.ratings, s.count);
  add('满意率（满意度 4–5 分，%）', board.satisfaction.satisfiedPercent);
  add('平均满意度', board.satisfaction.mean);
  for (const s of board.signals) add(`信号：${s.label}`, s.count, s.count);
  add('中期表逾期未报', board.overdue.midterm.count, board.overdue.midterm.count);
  add('中期表 7 天内到期', board.overdue.dueSoon.count, board.overdue.dueSoon.count);
  add('推进节点逾期', board.overdue.late.count, board.overdue.late.count);
  add('现场座谈待办事项逾期', board.overdue.followUps.items, board.overdue.followUps.count);
  add('现场座谈（场）', board.forums.forums);
  add('现场座谈参加（人次）', board.forums.attendance);
  add('现场座谈待办事项（未办结）', board.forums.openFollowUps);

  const list = book.addWorksheet('项目绩效');
  list.addRow([...projectColumns]).font = { bold: true };
  list.views = [{ state: 'frozen', ySplit: 1 }];
  rows.forEach((r, i) => {
    const p = r.p;
    const row = list.addRow([
      i + 1,
      p.title,
      projectLevelLabels[p.level],
      p.orgName,
      projectStatusMeta[p.status].label,
      p.record?.targetCovered ?? '',
      r.m.viewers,
      p.record?.targetServed ?? '',
      r.m.served,
      r.servedPercent ?? '',
      yuanValue(p.totalBudgetFen),
      yuanValue(p.subsidyFen),
      yuanValue(r.m.paidFen),
      yuanValue(p.spentFen),
      r.ratings,
      r.satisfiedPercent ?? '',
      r.satisfactionMean ?? '',
      kpiSignalLabels[r.effective],
      r.reasons.join('；'),
      r.decision
        ? `${r.decision.decision === 'accept' ? '采纳' : '调整'}：${r.decision.reason}（${r.decision.byName}）`
        : '',
      r.overdue ? '是' : '',
      r.f.forums,
      r.f.attendance,
      r.f.openFollowUps,
      r.f.overdueFollowUps,
    ]);
    for (const c of [11, 12, 13, 14]) row.getCell(c).numFmt = MONEY_FORMAT;
    row.alignment = { vertical: 'top', wrapText: true };
  });
  [6, 36, 8, 24, 12, 12, 12, 12, 12, 12, 16, 16, 16, 16, 10, 10, 10, 18, 40, 30, 10, 12, 14, 12, 10].forEach(
    (w, i) => (list.getColumn(i + 1).width = w),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
