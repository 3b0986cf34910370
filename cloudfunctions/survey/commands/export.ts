/**
 * 导出: every answer and the summary, as .xlsx (sheets 汇总 and 答卷) or CSV — a job run in batches
 * (common/jobs.ts), so 100,000 answers fit the function's time limit. Each step reads one page of
 * answers (keyset on shard, _id) and stores its rows as part n of the file under the job's id (CSV
 * text, or the sheet's XML deflated with a sync flush: common/xlsxParts.ts), the running row number and
 * CRC in the job's state; a step cut off before its state was saved writes the same part again, so
 * every answer is in the file once, in order. The last steps join the parts into the file, store it and
 * delete the parts.
 */
import {
  AppError,
  breakdownSegments,
  businessDate,
  MIN_GROUP_SIZE,
  sumCounters,
  type Counters,
  type JobStatusInput,
  type SurveyDimension,
  type SurveyExportFile,
  type SurveyExportOutput,
  type SurveyExportInput,
} from '@shishi/shared-types';
import { isDuplicateKey } from '../../common/app';
import { auditDocs, type AuditInput } from '../../common/audit';
import { createCtx, type Ctx } from '../../common/context';
import { exportPath } from '../../common/exportFiles';
import type { JobKind, StepEnv, StepOutcome } from '../../common/jobs';
import { allOrgs } from '../../common/orgs';
import {
  assembleXlsx,
  deflatePart,
  dropParts,
  readParts,
  emptyStream,
  rowsXml,
  sheetHead,
  sheetTail,
  type SheetStream,
} from '../../common/xlsxParts';
import { continueSurveyJob, startSurveyJob } from '../jobs';
import { loadSurvey, surveyJoins } from '../load';
import { COUNTER_SHARDS, shardId, type AnswerDoc, type SurveyDoc } from '../model';
import { answerTable, csvLine, summaryRows, type AnswerTable } from '../table';
import { buildResults } from './results';

const PAGE = 1000;

function hiddenSegments(c: Counters, by: SurveyDimension, anonymous: boolean): Set<string> {
  if (!anonymous) return new Set();
  const segments = breakdownSegments(c, { by, order: [], labels: new Map(), suppress: true, min: MIN_GROUP_SIZE });
  return new Set(segments.filter((s) => s.suppressed).map((s) => s.id));
}

export const exportJoins = surveyJoins({ counters: 'all' });

/** Answers per step (tests make it small to cut a job into many steps). */
export const exportTuning = { page: PAGE };

interface ExportState {
  phase: 'start' | 'rows' | 'join' | 'cleanup';
  shard: number;
  after: string | null;
  /** Answer rows written. */
  n: number;
  /** Parts of the answers file written (part 0 is the head): their fileIDs, in order. */
  parts: number;
  files: string[];
  summaryFile: string | null;
  /** xlsx: the answers sheet's stream, and the summary sheet's (stored whole as part `summary`). */
  stream: SheetStream;
  summary: SheetStream | null;
  /** Segments too small to show (anonymous surveys), fixed at the start. */
  hidden: { district: string[]; industry: string[]; group: string[] };
  /** Answers counted at the start (the progress bar's total; the summary CSV's rows). */
  counted: number;
  result: SurveyExportFile | null;
}

type ExportParams = { surveyId: string; format: 'xlsx' | 'csv'; part: 'answers' | 'summary' };

const partPath = (jobId: string, name: string) => `jobs/${jobId}/${name}`;

/** Stores a part under a fixed name (a step done again overwrites it); returns its fileID. */
async function putPart(env: StepEnv, name: string, content: Buffer | string): Promise<string> {
  const fileContent = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return (await env.cloud.uploadFile({ cloudPath: partPath(env.job._id, name), fileContent })).fileID;
}

async function surveyOf(env: StepEnv, id: string): Promise<SurveyDoc> {
  const memo = env.memo.get('survey') as SurveyDoc | undefined;
  if (memo) return memo;
  const res = await env.db.collection('surveys').where({ _id: id }).limit(1).get();
  const survey = res.data[0] as SurveyDoc | undefined;
  if (!survey) throw new AppError('NOT_FOUND', '找不到这份调查，可能已被删除');
  env.memo.set('survey', survey);
  return survey;
}

async function tableOf(env: StepEnv, survey: SurveyDoc, state: ExportState): Promise<AnswerTable> {
  const memo = env.memo.get('table') as AnswerTable | undefined;
  if (memo) return memo;
  const orgs = await allOrgs(env.db);
  const table = answerTable(survey, {
    orgNames: new Map(orgs.map((o) => [o._id, o.name])),
    hidden: {
      district: new Set(state.hidden.district),
      industry: new Set(state.hidden.industry),
      group: new Set(state.hidden.group),
    },
  });
  env.memo.set('table', table);
  return table;
}

/** The file name people see (from the job's start, so a step done again names it the same). */
function fileNameOf(survey: SurveyDoc, params: ExportParams, at: Date): string {
  const stamp = businessDate(at).replace(/-/g, '');
  const what = params.format === 'csv' && params.part === 'summary' ? '结果汇总' : '答卷';
  return `${survey.title.replace(/[\\/:*?"<>|\s]+/g, '_')}-${what}-${stamp}.${params.format}`;
}

async function startStep(
  env: StepEnv,
  params: ExportParams,
  state: ExportState,
): Promise<StepOutcome<ExportState, SurveyExportFile>> {
  const survey = await surveyOf(env, params.surveyId);
  const shards = await env.db
    .collection('surveyCounters')
    .where({ surveyId: survey._id })
    .field({ _id: true, c: true })
    .limit(COUNTER_SHARDS * 4)
    .get();
  const c = sumCounters(shards.data as Array<{ c?: Counters }>);
  const hidden = {
    district: [...hiddenSegments(c, 'district', survey.anonymous)],
    industry: [...hiddenSegments(c, 'industry', survey.anonymous)],
    group: [...hiddenSegments(c, 'group', survey.anonymous)],
  };
  const next: ExportState = { ...state, hidden, counted: c.n ?? 0 };
  const table = await tableOf(env, survey, next);
  const summary = summaryRows(survey, buildResults(survey, c, { view: 'staff', now: env.now() }));
  if (params.format === 'csv') {
    // The byte-order mark makes Excel read the file as UTF-8.
    if (params.part === 'summary') {
      const file = await putPart(env, 'p0', '\ufeff' + summary.map(csvLine).join(''));
      return {
        state: { ...next, parts: 1, files: [file], phase: 'join' },
        done: false,
        doneItems: 0,
        total: next.counted,
      };
    }
    next.files = [await putPart(env, 'p0', '\ufeff' + csvLine(table.header))];
  } else {
    const whole = deflatePart(sheetHead() + rowsXml(summary, 1) + sheetTail(), emptyStream(), true);
    next.summaryFile = await putPart(env, 'summary', whole.bytes);
    const head = deflatePart(sheetHead() + rowsXml([table.header], 1), emptyStream());
    next.files = [await putPart(env, 'p0', head.bytes)];
    next.summary = { ...whole.stream, rows: summary.length };
    next.stream = { ...head.stream, rows: 1 };
  }
  return { state: { ...next, parts: 1, phase: 'rows' }, done: false, doneItems: 0, total: next.counted };
}

async function rowsStep(
  env: StepEnv,
  params: ExportParams,
  state: ExportState,
): Promise<StepOutcome<ExportState, SurveyExportFile>> {
  const survey = await surveyOf(env, params.surveyId);
  const table = await tableOf(env, survey, state);
  const _ = env.db.command;
  const shard = shardId(survey._id, state.shard);
  const where: Record<string, unknown> = state.after === null ? { shard } : { shard, _id: _.gt(state.after) };
  const res = await env.db
    .collection('surveyAnswers')
    .where(where)
    .orderBy('_id', 'asc')
    .limit(exportTuning.page)
    .get();
  const page = res.data as AnswerDoc[];
  const next: ExportState = { ...state };
  if (page.length > 0) {
    const rows = page.map((answer, i) => table.row(answer, state.n + i + 1));
    const name = `p${state.parts}`;
    let file: string;
    if (params.format === 'csv') {
      file = await putPart(env, name, rows.map(csvLine).join(''));
    } else {
      const part = deflatePart(rowsXml(rows, state.stream.rows + 1), state.stream);
      file = await putPart(env, name, part.bytes);
      next.stream = { ...part.stream, rows: state.stream.rows + rows.length };
    }
    next.parts = state.parts + 1;
    next.files = [...state.files, file];
    next.n = state.n + page.length;
  }
  if (page.length === exportTuning.page) {
    next.after = page[page.length - 1]._id;
  } else {
    next.shard = state.shard + 1;
    next.after = null;
    if (next.shard >= survey.shards) next.phase = 'join';
  }
  return { state: next, done: false, doneItems: next.n, total: Math.max(next.counted, next.n) };
}

async function joinStep(
  env: StepEnv,
  params: ExportParams,
  state: ExportState,
): Promise<StepOutcome<ExportState, SurveyExportFile>> {
  const survey = await surveyOf(env, params.surveyId);
  let content: Buffer;
  if (params.format === 'csv') {
    content = Buffer.concat(await readParts(env.cloud, state.files));
  } else {
    const [summary, ...rows] = await readParts(env.cloud, [state.summaryFile!, ...state.files]);
    const tail = deflatePart(sheetTail(), state.stream, true);
    content = assembleXlsx([
      { name: '汇总', parts: [summary], stream: state.summary ?? emptyStream() },
      { name: '答卷', parts: [...rows, tail.bytes], stream: tail.stream },
    ]);
  }
  const ext = params.format;
  const cloudPath = exportPath({ now: env.job.createdAt }, 'surveys', ext, env.job._id);
  const { fileID } = await env.cloud.uploadFile({ cloudPath, fileContent: content });
  const temp = await env.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
  // The summary alone has no answer rows: it covers the answers counted.
  const rows = ext === 'csv' && params.part === 'summary' ? state.counted : state.n;
  await auditOnce(env, {
    action: 'exportSurvey',
    targetType: 'survey',
    targetId: survey._id,
    from: null,
    to: ext,
    note: `${rows} 份答卷`,
  });
  const result: SurveyExportFile = {
    fileID,
    url: temp.fileList[0]?.tempFileURL ?? '',
    fileName: fileNameOf(survey, params, env.job.createdAt),
    rows,
    bytes: content.length,
  };
  return { state: { ...state, phase: 'cleanup', result }, done: false, doneItems: state.n };
}

async function cleanupStep(env: StepEnv, state: ExportState): Promise<StepOutcome<ExportState, SurveyExportFile>> {
  await dropParts(env.cloud, [...(state.summaryFile ? [state.summaryFile] : []), ...state.files]);
  return { state, done: true, doneItems: state.n, result: state.result! };
}

/** The export's audit entry under a fixed id: a join step done again does not log it twice. */
async function auditOnce(env: StepEnv, entry: AuditInput): Promise<void> {
  const ctx = createCtx(env.cloud, env.job.owner, env.now());
  const user = await ctx.profile();
  const [doc] = auditDocs(ctx, user.name, [entry]);
  try {
    await env.db.collection('auditLog').add({ data: { ...doc, _id: `job-${env.job._id}` } });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

export const surveyExportJob: JobKind<ExportState, SurveyExportFile> = {
  kind: 'survey.export',
  initial: () => ({
    phase: 'start',
    shard: 0,
    after: null,
    n: 0,
    parts: 0,
    files: [],
    summaryFile: null,
    stream: emptyStream(),
    summary: null,
    hidden: { district: [], industry: [], group: [] },
    counted: 0,
    result: null,
  }),
  async step(env, state) {
    const params = env.job.params as ExportParams;
    switch (state.phase) {
      case 'start':
        return startStep(env, params, state);
      case 'rows':
        return rowsStep(env, params, state);
      case 'join':
        return joinStep(env, params, state);
      case 'cleanup':
        return cleanupStep(env, state);
    }
  },
};

/**
 * survey.export: starts the export job (or joins the caller's running one) and runs its first slice;
 * a small survey is done in it, a large one is continued by `exportStatus` polls.
 */
export async function exportSurvey(ctx: Ctx, input: SurveyExportInput): Promise<SurveyExportOutput> {
  const { survey } = await loadSurvey(ctx);
  await ctx.authorize({ orgPath: survey.audiencePath }, '这份调查');
  const params: ExportParams = { surveyId: survey._id, format: input.format, part: input.part };
  return startSurveyJob(ctx, surveyExportJob, survey._id, params);
}

/** survey.exportStatus: the caller's export job, after one more slice. */
export async function exportStatus(ctx: Ctx, input: JobStatusInput): Promise<SurveyExportOutput> {
  return continueSurveyJob<SurveyExportFile>(ctx, input.jobId, surveyExportJob.kind);
}
