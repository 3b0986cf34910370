import {
  categoryLabels,
  decisionMeta,
  formatDateTime,
  proposalStatusMeta,
  targetGroupLabels,
  weightedScore,
  type ExportInput,
  type ExportOutput,
  type ExportOutputFile,
  type JobStatusInput,
  type Weights,
} from '@shishi/shared-types';
import { tempUrls } from '../../common/attachments';
import { createCtx, type Ctx } from '../../common/context';
import { exportPath } from '../../common/exportFiles';
import type { JobKind, StepEnv } from '../../common/jobs';
import {
  assembleXlsx,
  colName,
  deflatePart,
  dropParts,
  emptyStream,
  readParts,
  rowsXml,
  sheetHead,
  sheetTail,
  type SheetStream,
} from '../../common/xlsxParts';
import { continueProposalJob, startProposalJob } from '../jobs';
import { filterOrg } from '../../common/scope';
import { staffWindow } from '../../common/windows';
import { supportsOf } from '../credits';
import { windowScoring } from '../load';
import { withDefaults, type ProposalDoc } from '../model';

const moderationLabels: Record<string, string> = {
  pass: '通过',
  review: '待审核',
  rejected: '未通过',
  pending: '检查中',
};

/** The columns of the export, in order (the header row). */
export const exportColumns = [
  '编号',
  '标题',
  '内容',
  '类别',
  '服务对象',
  '作者',
  '所在工会',
  '提交方式',
  '附议人数',
  '附议人',
  '意愿集中度（人）',
  '合并的建议及作者',
  '需求迫切度（1-5）',
  '调查依据',
  '办结条件（1-5）',
  '办结条件说明',
  '综合得分',
  '状态',
  '决定说明',
  '合并到',
  '内容审核',
  '附件链接',
  '提交时间',
] as const;

/** Column widths (characters), in the order of exportColumns. */
const widths = [14, 28, 60, 10, 14, 18, 24, 10, 10, 30, 14, 40, 14, 30, 14, 30, 10, 10, 30, 24, 10, 50, 18];

/** Proposals per step (tests make it small to cut a job into many steps). */
export const proposalExportTuning = { page: 500 };

interface ProposalExportParams {
  windowId: string | null;
  windowTitle: string | null;
  scopeId: string;
  /** The exporter's org (window scoring is the one that applies there). */
  orgId: string;
  creator: string;
}

interface ProposalExportState {
  phase: 'start' | 'rows' | 'join' | 'cleanup';
  /** Keyset cursor: the last proposal written (createdAt ms, _id). */
  after: { at: number; id: string } | null;
  n: number;
  /** Of the n written, merged and withdrawn ones (the rows the screening list leaves out). */
  merged?: number;
  withdrawn?: number;
  files: string[];
  /** Per part, its links (`{ ref, url }[]` as JSON), joined into the sheet's hyperlinks at the end. */
  linkFiles: string[];
  stream: SheetStream;
  scoring: { weights: Weights; maxBackers: number } | null;
  total: number;
  result: ExportOutputFile | null;
}

const partPath = (jobId: string, name: string) => `jobs/${jobId}/${name}`;

async function putPart(env: StepEnv, name: string, content: Buffer | string): Promise<string> {
  const fileContent = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return (await env.cloud.uploadFile({ cloudPath: partPath(env.job._id, name), fileContent })).fileID;
}

function pageWhere(env: StepEnv, params: ProposalExportParams, after: ProposalExportState['after']) {
  const _ = env.db.command;
  const base = { orgPath: params.scopeId, windowId: params.windowId };
  if (!after) return base;
  const at = new Date(after.at);
  return _.and([base, _.or([{ createdAt: _.gt(at) }, { createdAt: at, _id: _.gt(after.id) }])]);
}

async function rowsOf(env: StepEnv, state: ProposalExportState, docs: ProposalDoc[]) {
  const ctx = createCtx(env.cloud, env.job.owner, env.now());
  const _ = env.db.command;
  const byId = new Map(docs.map((d) => [d._id, d]));
  const others = [...new Set(docs.flatMap((d) => d.mergedFrom.map((m) => m._id)))].filter((id) => !byId.has(id));
  const mergedAuthors = new Map<string, string>();
  for (let i = 0; i < others.length; i += 100) {
    const res = await env.db
      .collection('proposals')
      .where({ _id: _.in(others.slice(i, i + 100)) })
      .field({ _id: true, authorName: true })
      .limit(100)
      .get();
    for (const d of res.data as Array<{ _id: string; authorName: string }>) mergedAuthors.set(d._id, d.authorName);
  }
  for (const d of docs) mergedAuthors.set(d._id, d.authorName);
  const [supports, urls] = await Promise.all([
    supportsOf(
      ctx,
      docs.map((d) => d._id),
    ),
    tempUrls(
      ctx,
      docs.flatMap((d) => d.attachments.map((a) => a.fileID)),
    ),
  ]);
  const supportersOf = new Map<string, string[]>();
  for (const s of supports) supportersOf.set(s.proposalId, [...(supportersOf.get(s.proposalId) ?? []), s.name]);
  const win = state.scoring;
  const links: Array<{ ref: string; url: string }> = [];
  const linkCol = colName(exportColumns.indexOf('附件链接'));
  const rows = docs.map((d, i) => {
    const author =
      d.channel === 'offline' && d.offline ? `${d.authorName}（${d.offline.enteredByName}代录）` : d.authorName;
    const merged = d.mergedFrom.map((m) => `《${m.title}》${mergedAuthors.get(m._id) ?? ''}`).join('；');
    const total = win
      ? weightedScore(
          { backers: d.backerCount, urgency: d.scores?.urgency ?? null, feasibility: d.scores?.feasibility ?? null },
          win.maxBackers,
          win.weights,
        )
      : null;
    const attachmentLinks = d.attachments.map((a) => urls.get(a.fileID) || a.fileID);
    // Row 1 is the header.
    if (attachmentLinks.length > 0) links.push({ ref: `${linkCol}${state.n + i + 2}`, url: attachmentLinks[0] });
    return [
      d._id,
      d.title,
      d.content,
      categoryLabels[d.category],
      targetGroupLabels[d.targetGroup],
      author,
      d.orgName,
      d.channel === 'offline' ? '线下代录' : '线上',
      d.supportCount,
      (supportersOf.get(d._id) ?? []).join('、'),
      d.backerCount,
      merged,
      d.scores?.urgency ?? '',
      d.scores?.urgencyEvidence ?? '',
      d.scores?.feasibility ?? '',
      d.scores?.feasibilityNote ?? '',
      total ?? '',
      proposalStatusMeta[d.status].label,
      d.decision ? `${decisionMeta[d.decision.kind].label}${d.decision.reason ? `：${d.decision.reason}` : ''}` : '',
      d.mergedInto ? `《${d.mergedInto.title}》` : '',
      moderationLabels[d.moderation] ?? d.moderation,
      attachmentLinks.join('\n'),
      formatDateTime(d.createdAt),
    ];
  });
  return { rows, links };
}

/**
 * 导出 as a job (common/jobs.ts): a page of the window's proposals in the subtree a step (keyset on
 * createdAt, _id), each page's rows deflated as part n of the sheet (common/xlsxParts.ts) with its links
 * beside it; the last steps join the parts into the .xlsx and delete them. A step done again writes the
 * same part: every proposal is in the file once, in order.
 */
export const proposalExportJob: JobKind<ProposalExportState, ExportOutputFile> = {
  kind: 'proposal.export',
  initial: () => ({
    phase: 'start',
    after: null,
    n: 0,
    merged: 0,
    withdrawn: 0,
    files: [],
    linkFiles: [],
    stream: emptyStream(),
    scoring: null,
    total: 0,
    result: null,
  }),
  async step(env, state) {
    const params = env.job.params as unknown as ProposalExportParams;
    switch (state.phase) {
      case 'start': {
        const ctx = createCtx(env.cloud, env.job.owner, env.now());
        const scoring = params.windowId
          ? ((await windowScoring(ctx, [params.windowId], params.orgId)).get(params.windowId) ?? null)
          : null;
        const total = params.windowId
          ? ((
              await env.db
                .collection('proposals')
                .where(pageWhere(env, params, null))
                .count()
            ).total as number)
          : 0;
        const head = deflatePart(
          sheetHead({ widths, freezeHeader: true }) + rowsXml([[...exportColumns]], 1, 1),
          emptyStream(),
        );
        const file = await putPart(env, 'p0', head.bytes);
        const next: ProposalExportState = {
          ...state,
          phase: params.windowId ? 'rows' : 'join',
          files: [file],
          stream: { ...head.stream, rows: 1 },
          scoring: scoring ? { weights: scoring.weights, maxBackers: scoring.maxBackers } : null,
          total,
        };
        return { state: next, done: false, doneItems: 0, total };
      }
      case 'rows': {
        const res = await env.db
          .collection('proposals')
          .where(pageWhere(env, params, state.after))
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(proposalExportTuning.page)
          .get();
        const docs = (res.data as ProposalDoc[]).map((d) => withDefaults(d));
        const next: ProposalExportState = { ...state };
        if (docs.length > 0) {
          const { rows, links } = await rowsOf(env, state, docs);
          const part = deflatePart(rowsXml(rows, state.stream.rows + 1), state.stream);
          const k = state.files.length;
          next.files = [...state.files, await putPart(env, `p${k}`, part.bytes)];
          if (links.length > 0)
            next.linkFiles = [...state.linkFiles, await putPart(env, `l${k}`, JSON.stringify(links))];
          next.stream = { ...part.stream, rows: state.stream.rows + rows.length };
          next.n = state.n + docs.length;
          next.merged = (state.merged ?? 0) + docs.filter((d) => d.status === 'merged').length;
          next.withdrawn = (state.withdrawn ?? 0) + docs.filter((d) => d.status === 'withdrawn').length;
          const last = docs[docs.length - 1];
          next.after = { at: new Date(last.createdAt).getTime(), id: last._id };
        }
        if (docs.length < proposalExportTuning.page) next.phase = 'join';
        return { state: next, done: false, doneItems: next.n, total: Math.max(state.total, next.n) };
      }
      case 'join': {
        const [parts, linkParts] = await Promise.all([
          readParts(env.cloud, state.files),
          readParts(env.cloud, state.linkFiles),
        ]);
        const links = linkParts.flatMap((b) => JSON.parse(b.toString('utf8')) as Array<{ ref: string; url: string }>);
        const tail = deflatePart(sheetTail(links), state.stream, true);
        const buffer = assembleXlsx([{ name: '建议', parts: [...parts, tail.bytes], stream: tail.stream, links }]);
        const created = env.job.createdAt;
        const stamp = formatDateTime(created).replace(/[-: ]/g, '');
        const fileName = `${params.windowTitle ?? '建议'}-${params.scopeId}-${stamp}.xlsx`;
        const cloudPath = exportPath({ now: created }, 'proposals', 'xlsx', env.job._id);
        const { fileID } = await env.cloud.uploadFile({ cloudPath, fileContent: buffer });
        const ctx = createCtx(env.cloud, env.job.owner, env.now());
        const url = (await tempUrls(ctx, [fileID])).get(fileID) ?? '';
        const result: ExportOutputFile = {
          fileID,
          url,
          fileName,
          rows: state.n,
          merged: state.merged ?? 0,
          withdrawn: state.withdrawn ?? 0,
        };
        return { state: { ...state, phase: 'cleanup', result }, done: false, doneItems: state.n };
      }
      case 'cleanup': {
        await dropParts(env.cloud, [...state.files, ...state.linkFiles]);
        return { state, done: true, doneItems: state.n, result: state.result! };
      }
    }
  },
};

/**
 * 导出: the window's proposals in the staff member's subtree as an .xlsx — authors (merged ones
 * included), supporters, scores, status, decision and attachment links — stored in cloud storage. A job:
 * the first slice runs here, `exportStatus` polls run the rest.
 */
export async function exportProposals(ctx: Ctx, input: ExportInput): Promise<ExportOutput> {
  const user = await ctx.profile();
  const scope = await filterOrg(ctx, input.orgId);
  const window = await staffWindow(ctx, user, input.windowId);
  const params: ProposalExportParams = {
    windowId: window?._id ?? null,
    windowTitle: window?.title ?? null,
    scopeId: scope._id,
    orgId: user.orgId,
    creator: user.name,
  };
  return startProposalJob(ctx, proposalExportJob, `${params.windowId ?? 'none'}:${scope._id}`, { ...params });
}

/** proposal.exportStatus: the caller's export job, after one more slice. */
export async function exportStatus(ctx: Ctx, input: JobStatusInput): Promise<ExportOutput> {
  return continueProposalJob<ExportOutputFile>(ctx, input.jobId, proposalExportJob.kind);
}
