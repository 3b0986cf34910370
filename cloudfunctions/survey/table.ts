/**
 * The tables an export writes: one row per answer (columns follow the questions) and the summary of
 * every question as the results show it. Plain values only; the writers (xlsx, CSV) stream them.
 */
import {
  formatDateTime,
  NO_SEGMENT,
  questionsInOrder,
  workerGroupLabels,
  type AnswerItem,
  type SurveyQuestion,
  type SurveyResults,
  type WorkerGroup,
} from '@shishi/shared-types';
import type { AnswerDoc, SurveyDoc } from './model';

export type Cell = string | number | null;

export interface AnswerTable {
  header: string[];
  row(answer: AnswerDoc, index: number): Cell[];
}

export interface DimLabels {
  orgNames: ReadonlyMap<string, string>;
  /** Anonymous surveys: segments too small to show (a row in one shows no value for that column). */
  hidden: { district: ReadonlySet<string>; industry: ReadonlySet<string>; group: ReadonlySet<string> };
}

const channelLabels = { online: '线上', offline: '线下代录' } as const;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * `YYYY-MM-DD HH:mm` in Asia/Shanghai, for every row of a large export. Shanghai has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset gives what dayjs' zone lookup gives, about 50× faster.
 */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function optionLabel(q: SurveyQuestion, id: string): string {
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ranking')
    return q.options.find((o) => o.id === id)?.label ?? id;
  return id;
}

/** One question's answer as the cell people read. */
function cellOf(q: SurveyQuestion, item: AnswerItem | undefined): Cell[] {
  if (q.type === 'matrix') {
    return q.rows.map((r) => {
      const v = item?.m?.find((c) => c.r === r.id)?.v;
      return v === undefined ? null : (q.columns[v - 1] ?? String(v));
    });
  }
  if (!item) return [null];
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const labels = (item.c ?? []).map((id) => optionLabel(q, id));
      const text = labels.join('；');
      return [item.o ? `${text}：${item.o}` : text];
    }
    case 'ranking':
      return [(item.c ?? []).map((id, k) => `${k + 1}.${optionLabel(q, id)}`).join(' ')];
    case 'scale':
    case 'score':
      return [item.v ?? null];
    case 'text':
    case 'longText':
      return [item.t ?? null];
  }
}

export function answerTable(survey: SurveyDoc, dims: DimLabels): AnswerTable {
  const questions = questionsInOrder(survey.sections).map((x) => x.question);
  const header = ['序号', '提交时间', '渠道'];
  if (!survey.anonymous) header.push('姓名', '基层工会');
  header.push('区市县', '产业工会', '职工群体', '纸质问卷编号', '录入人');
  questions.forEach((q, k) => {
    if (q.type === 'matrix') for (const r of q.rows) header.push(`${k + 1}. ${q.title} - ${r.label}`);
    else header.push(`${k + 1}. ${q.title}`);
  });
  const orgName = (id: string, hidden: ReadonlySet<string>) =>
    hidden.has(id) ? '（人数较少，不显示）' : id === NO_SEGMENT ? '' : (dims.orgNames.get(id) ?? id);
  return {
    header,
    row(answer, index) {
      const byQ = new Map(answer.items.map((i) => [i.q, i]));
      const groups = answer.dims.g;
      const groupHidden =
        groups.length === 0 ? dims.hidden.group.has(NO_SEGMENT) : groups.some((g) => dims.hidden.group.has(g));
      const cells: Cell[] = [index, shanghaiMinute(answer.createdAt), channelLabels[answer.channel]];
      if (!survey.anonymous) cells.push(answer.respondent?.name ?? '', answer.respondent?.orgName ?? '');
      cells.push(
        orgName(answer.dims.d, dims.hidden.district),
        orgName(answer.dims.i, dims.hidden.industry),
        groupHidden ? '（人数较少，不显示）' : groups.map((g: WorkerGroup) => workerGroupLabels[g] ?? g).join('、'),
        answer.offline?.paperNo ?? '',
        answer.offline?.enteredByName ?? '',
      );
      for (const q of questions) cells.push(...cellOf(q, byQ.get(q.id)));
      return cells;
    },
  };
}

/** The summary: a heading block, then every question's numbers (as `results` gives them). */
export function summaryRows(survey: SurveyDoc, results: SurveyResults): Cell[][] {
  const rows: Cell[][] = [
    ['调查', survey.title],
    ['调查对象', results.survey.audienceLabel],
    ['起止日期', `${survey.opensOn} 至 ${survey.closesOn}`],
    ['答卷数', results.responses],
    ['其中线上 / 线下代录', `${results.channels.online} / ${results.channels.offline}`],
    ['目标人数', results.targetCount ?? '未设'],
    ['回收率（%）', results.responseRate ?? '—'],
    ['导出时间', formatDateTime(results.generatedAt)],
    [],
    ['题号', '题目', '选项 / 分值', '人数', '比例（%）', '平均'],
  ];
  results.questions.forEach((q, k) => {
    const no = k + 1;
    const s = q.overall;
    switch (s.kind) {
      case 'choice':
        rows.push([no, q.title, `回答人数`, s.answered, null, null]);
        for (const o of s.options) rows.push([null, null, o.label, o.count, o.percent, null]);
        break;
      case 'numeric':
        rows.push([no, q.title, '回答人数', s.answered, null, s.average]);
        for (const d of s.distribution) rows.push([null, null, d.label, d.count, d.percent, null]);
        break;
      case 'ranking':
        rows.push([no, q.title, '回答人数', s.answered, null, null]);
        for (const o of s.options)
          rows.push([null, null, `${o.label}（排第一 ${o.firstCount} 人）`, o.timesRanked, null, o.averageRank]);
        break;
      case 'matrix':
        rows.push([no, q.title, '回答人数', s.answered, null, null]);
        for (const r of s.rows) {
          rows.push([null, r.label, '回答人数', r.answered, null, r.average]);
          for (const d of r.distribution) rows.push([null, null, d.label, d.count, d.percent, null]);
        }
        break;
      case 'text':
        rows.push([no, q.title, '回答人数（文字内容见答卷）', s.answered, null, null]);
        break;
    }
  });
  return rows;
}

/**
 * One CSV line (RFC 4180). A text cell starting with = + - @ is prefixed with ' so a spreadsheet never
 * runs what a respondent typed as a formula.
 */
export function csvLine(cells: readonly Cell[]): string {
  return (
    cells
      .map((cell) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell === 'number') return String(cell);
        const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}
