/** 附件1–4 of one project as .docx, and the annual project list as .xlsx, stored and linked for download. */
import {
  businessDate,
  formStatusLabels,
  projectStatusMeta,
  type ExportFormInput,
  type FormKind,
  type ProjectExportOutput,
} from '@shishi/shared-types';
import { tempUrls } from '../../common/attachments';
import type { Ctx } from '../../common/context';
import { exportPath } from '../../common/exportFiles';
import type { FormDoc, ProjectDoc, TrancheDoc } from '../../common/projects';
import type { DocumentForm, ProjectDocumentData, ProjectListRow } from '../documents/types';
import { loadExtras, loadProject } from '../load';
import { staffScope } from './read';
import { scopeOf } from '../view';
import { iso } from '../../common/serialize';

const documentTitles: Record<ExportFormInput['document'], string> = {
  feasibility: '附件1 可行性研究报告',
  start: '附件2 启动申报表',
  midterm: '附件3 中期推进情况表',
  acceptance: '附件4 验收申报表',
};

function latest(forms: FormDoc[], kind: FormKind): FormDoc | undefined {
  return forms
    .filter((f) => f.kind === kind)
    .sort((a, b) => a.version - b.version)
    .at(-1);
}

function toDocumentForm(f: FormDoc | undefined): DocumentForm | undefined {
  if (!f) return undefined;
  return {
    fields: f.fields as never,
    signatures: f.signatures.map((s) => ({
      step: s.step,
      decision: s.decision,
      opinion: s.opinion,
      sealConfirmed: s.sealConfirmed,
      byName: s.byName,
      at: iso(s.at),
    })),
  };
}

export function documentData(
  p: ProjectDoc,
  forms: FormDoc[],
  spending: Awaited<ReturnType<typeof loadExtras>>['spending'],
): ProjectDocumentData {
  return {
    year: p.year,
    level: p.level,
    applicantOrgName: p.orgName,
    record: p.record,
    money: {
      totalBudgetFen: p.totalBudgetFen,
      subsidyFen: p.subsidyFen,
      spentFen: p.spentFen,
      spentAidFen: p.spentAidFen,
    },
    spending: spending.map((s) => ({
      date: s.date,
      item: s.item,
      amountFen: s.amountFen,
      cityAidFen: s.cityAidFen,
      note: s.note,
    })),
    forms: {
      start: toDocumentForm(latest(forms, 'start')) as ProjectDocumentData['forms']['start'],
      midterm: toDocumentForm(latest(forms, 'midterm')) as ProjectDocumentData['forms']['midterm'],
      acceptance: toDocumentForm(latest(forms, 'acceptance')) as ProjectDocumentData['forms']['acceptance'],
    },
    startDate: p.record.startDate ?? null,
    endDate: p.record.endDate ?? null,
  };
}

async function store(
  ctx: Ctx,
  buffer: Buffer,
  fileName: string,
  ext: string,
  rows: number,
): Promise<ProjectExportOutput> {
  const cloudPath = exportPath(ctx, 'projects', ext);
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx, [fileID])).get(fileID) ?? '';
  return { fileID, url, fileName, rows };
}

export async function exportForm(ctx: Ctx, input: ExportFormInput): Promise<ProjectExportOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize(scopeOf(p), '这个项目');
  const extras = await loadExtras(ctx, p);
  const data = documentData(p, extras.forms, extras.spending);
  // The generators (docx, exceljs) load only when a document is asked for: a cold start of the function
  // for any other action does not pay for them.
  const buffer =
    input.document === 'feasibility'
      ? await (await import('../documents/feasibility')).feasibilityReportDocx(data)
      : await (await import('../documents/forms')).formDocx(input.document, data);
  const fileName = `${documentTitles[input.document]}-${p.title}.docx`;
  return store(ctx, buffer, fileName, 'docx', 1);
}

function formWords(f: FormDoc | undefined): string {
  if (!f) return '';
  const day = f.decidedAt ? ` ${businessDate(new Date(f.decidedAt))}` : '';
  return `${formStatusLabels[f.status]}${day}`;
}

/** 年度项目清单: every project of the year the caller's bindings reach (their subtree and departments). */
export async function exportList(ctx: Ctx, input: { year: number }): Promise<ProjectExportOutput> {
  const _ = ctx.db.command;
  const scope = (await staffScope(ctx)).where;
  const projects: ProjectDoc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const res = await ctx.db
      .collection('projects')
      .where({ year: input.year, ...scope })
      .orderBy('updatedAt', 'desc')
      .skip(offset)
      .limit(1000)
      .get();
    projects.push(...(res.data as ProjectDoc[]));
    if (res.data.length < 1000) break;
  }
  const rows: ProjectListRow[] = [];
  for (let i = 0; i < projects.length; i += 100) {
    const chunk = projects.slice(i, i + 100);
    const ids = chunk.map((p) => p._id);
    const [forms, tranches] = await Promise.all([
      ctx.db
        .collection('projectForms')
        .where({ projectId: _.in(ids) })
        .limit(1000)
        .get(),
      ctx.db
        .collection('tranches')
        .where({ projectId: _.in(ids) })
        .limit(1000)
        .get(),
    ]);
    for (const p of chunk) {
      const mine = (forms.data as FormDoc[]).filter((f) => f.projectId === p._id);
      const paid = (tranches.data as TrancheDoc[]).filter((t) => t.projectId === p._id);
      rows.push({
        title: p.title,
        level: p.level,
        applicantOrgName: p.orgName,
        departmentName: p.departmentName,
        statusLabel: projectStatusMeta[p.status].label,
        totalBudgetFen: p.totalBudgetFen,
        subsidyFen: p.subsidyFen,
        tranche1Fen: paid.find((t) => t.n === 1)?.amountFen ?? null,
        tranche2Fen: paid.find((t) => t.n === 2)?.amountFen ?? null,
        spentFen: p.spentFen,
        startDate: p.record.startDate ?? null,
        endDate: p.record.endDate ?? null,
        midterm: formWords(latest(mine, 'midterm')),
        acceptance: formWords(latest(mine, 'acceptance')),
      });
    }
  }
  const buffer = await (await import('../documents/list')).projectListXlsx({ year: input.year, rows });
  return store(ctx, buffer, `${input.year}年度为职工办实事项目清单.xlsx`, 'xlsx', rows.length);
}
