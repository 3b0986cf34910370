/**
 * 导出: every answer and the summary, as .xlsx (sheets 汇总 and 答卷) or CSV. Answers are read a page at a
 * time (by _id) and streamed to a temporary file — exceljs' WorkbookWriter commits each row as it goes —
 * so memory stays flat however many answers there are; the file then goes to cloud storage.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  breakdownSegments,
  businessDate,
  MIN_GROUP_SIZE,
  sumCounters,
  type Counters,
  type SurveyDimension,
  type SurveyExportInput,
  type SurveyExportOutput,
} from '@shishi/shared-types';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../common/context';
import { allOrgs } from '../../common/orgs';
import { loadSurvey, surveyJoins } from '../load';
import { shardId, type AnswerDoc, type SurveyDoc } from '../model';
import { audit } from '../../common/audit';
import { answerTable, csvLine, summaryRows, type AnswerTable, type Cell, type DimLabels } from '../table';
import { buildResults } from './results';

const PAGE = 1000;

/**
 * The survey's answers, a page at a time: shard by shard, in _id order within a shard (keyset paging, so
 * every page is one range of the (shard, _id) index however many answers there are).
 */
export async function* answerPages(ctx: Ctx, survey: Pick<SurveyDoc, '_id' | 'shards'>): AsyncGenerator<AnswerDoc[]> {
  const _ = ctx.db.command;
  for (let k = 0; k < survey.shards; k += 1) {
    const shard = shardId(survey._id, k);
    let after: string | null = null;
    for (;;) {
      const where: Record<string, unknown> = after === null ? { shard } : { shard, _id: _.gt(after) };
      const res = await ctx.db.collection('surveyAnswers').where(where).orderBy('_id', 'asc').limit(PAGE).get();
      const page = res.data as AnswerDoc[];
      if (page.length > 0) yield page;
      if (page.length < PAGE) break;
      after = page[page.length - 1]._id;
    }
  }
}

function hiddenSegments(c: Counters, by: SurveyDimension, anonymous: boolean): Set<string> {
  if (!anonymous) return new Set();
  const segments = breakdownSegments(c, { by, order: [], labels: new Map(), suppress: true, min: MIN_GROUP_SIZE });
  return new Set(segments.filter((s) => s.suppressed).map((s) => s.id));
}

async function writeXlsx(ctx: Ctx, path: string, survey: SurveyDoc, summary: Cell[][], table: AnswerTable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet1 = workbook.addWorksheet('汇总');
  for (const row of summary) sheet1.addRow(row).commit();
  sheet1.commit();
  const sheet2 = workbook.addWorksheet('答卷');
  sheet2.addRow(table.header).commit();
  let n = 0;
  for await (const page of answerPages(ctx, survey)) {
    for (const answer of page) sheet2.addRow(table.row(answer, (n += 1))).commit();
  }
  sheet2.commit();
  await workbook.commit();
  return n;
}

async function writeCsv(
  ctx: Ctx,
  path: string,
  survey: SurveyDoc,
  part: 'answers' | 'summary',
  summary: Cell[][],
  table: AnswerTable,
) {
  const out = createWriteStream(path);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  // The byte-order mark makes Excel read the file as UTF-8.
  await write('\ufeff');
  let n = 0;
  if (part === 'summary') {
    await write(summary.map(csvLine).join(''));
  } else {
    await write(csvLine(table.header));
    for await (const page of answerPages(ctx, survey)) {
      await write(page.map((answer) => csvLine(table.row(answer, (n += 1)))).join(''));
    }
  }
  out.end();
  await once(out, 'finish');
  return n;
}

export const exportJoins = surveyJoins({ counters: 'all' });

export async function exportSurvey(ctx: Ctx, input: SurveyExportInput): Promise<SurveyExportOutput> {
  const { survey, counters } = await loadSurvey(ctx);
  await ctx.authorize({ orgPath: survey.audiencePath }, '这份调查');
  const c = sumCounters(counters);
  const orgs = await allOrgs(ctx.db);
  const dims: DimLabels = {
    orgNames: new Map(orgs.map((o) => [o._id, o.name])),
    hidden: {
      district: hiddenSegments(c, 'district', survey.anonymous),
      industry: hiddenSegments(c, 'industry', survey.anonymous),
      group: hiddenSegments(c, 'group', survey.anonymous),
    },
  };
  const table = answerTable(survey, dims);
  const summary = summaryRows(survey, buildResults(survey, c, { view: 'staff', now: ctx.now }));

  const dir = await mkdtemp(join(tmpdir(), 'survey-export-'));
  const ext = input.format;
  const path = join(dir, `export.${ext}`);
  try {
    const written =
      ext === 'xlsx'
        ? await writeXlsx(ctx, path, survey, summary, table)
        : await writeCsv(ctx, path, survey, input.part, summary, table);
    // The summary alone has no answer rows: it covers the answers counted.
    const rows = ext === 'csv' && input.part === 'summary' ? (c.n ?? 0) : written;
    const content = await readFile(path);
    const stamp = businessDate(ctx.now).replace(/-/g, '');
    const what = ext === 'csv' && input.part === 'summary' ? '结果汇总' : '答卷';
    const fileName = `${survey.title.replace(/[\\/:*?"<>|\s]+/g, '_')}-${what}-${stamp}.${ext}`;
    const cloudPath = `exports/surveys/${survey._id}/${ctx.now.getTime()}-${ctx.openid.slice(0, 8)}.${ext}`;
    const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: content });
    const temp = await ctx.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
    // An export changes no record: its entry is the only write.
    await audit(ctx, ctx.db, [
      {
        action: 'exportSurvey',
        targetType: 'survey',
        targetId: survey._id,
        from: null,
        to: ext,
        note: `${rows} 份答卷`,
      },
    ]);
    return { fileID, url: temp.fileList[0]?.tempFileURL ?? '', fileName, rows, bytes: content.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
