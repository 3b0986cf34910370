import {
  categoryLabels,
  decisionMeta,
  formatDateTime,
  proposalStatusMeta,
  targetGroupLabels,
  weightedScore,
  type ExportInput,
  type ExportOutput,
} from '@shishi/shared-types';
import ExcelJS from 'exceljs';
import { tempUrls } from '../../common/attachments';
import type { Ctx } from '../../common/context';
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

/**
 * 导出: the window's proposals in the staff member's subtree as an .xlsx — authors (merged ones
 * included), supporters, scores, status, decision and attachment links — stored in cloud storage.
 */
export async function exportProposals(ctx: Ctx, input: ExportInput): Promise<ExportOutput> {
  const user = await ctx.profile();
  const scope = await filterOrg(ctx, input.orgId);
  const window = await staffWindow(ctx, user, input.windowId);
  const docs: ProposalDoc[] = [];
  if (window) {
    for (let offset = 0; ; offset += 1000) {
      const res = await ctx.db
        .collection('proposals')
        .where({ orgPath: scope._id, windowId: window._id })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(offset)
        .limit(1000)
        .get();
      docs.push(...(res.data as ProposalDoc[]).map((d) => withDefaults(d)));
      if (res.data.length < 1000) break;
    }
  }
  const [supports, urls, scoring] = await Promise.all([
    supportsOf(
      ctx,
      docs.map((d) => d._id),
    ),
    tempUrls(
      ctx,
      docs.flatMap((d) => d.attachments.map((a) => a.fileID)),
    ),
    window ? windowScoring(ctx, [window._id], user.orgId) : Promise.resolve(new Map()),
  ]);
  const supportersOf = new Map<string, string[]>();
  for (const s of supports) supportersOf.set(s.proposalId, [...(supportersOf.get(s.proposalId) ?? []), s.name]);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const win = window ? scoring.get(window._id) : undefined;

  const book = new ExcelJS.Workbook();
  book.creator = user.name;
  book.created = ctx.now;
  const sheet = book.addWorksheet('建议');
  sheet.addRow([...exportColumns]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const d of docs) {
    const author =
      d.channel === 'offline' && d.offline ? `${d.authorName}（${d.offline.enteredByName}代录）` : d.authorName;
    const merged = d.mergedFrom.map((m) => `《${m.title}》${byId.get(m._id)?.authorName ?? ''}`).join('；');
    const total = win
      ? weightedScore(
          { backers: d.backerCount, urgency: d.scores?.urgency ?? null, feasibility: d.scores?.feasibility ?? null },
          win.maxBackers,
          win.weights,
        )
      : null;
    const links = d.attachments.map((a) => urls.get(a.fileID) || a.fileID);
    const row = sheet.addRow([
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
      links.join('\n'),
      formatDateTime(d.createdAt),
    ]);
    if (links.length > 0) {
      const cell = row.getCell(exportColumns.indexOf('附件链接') + 1);
      cell.value = { text: links.join('\n'), hyperlink: links[0] };
    }
  }
  sheet.columns.forEach((col, i) => {
    col.width = [14, 28, 60, 10, 14, 18, 24, 10, 10, 30, 14, 40, 14, 30, 14, 30, 10, 10, 30, 24, 10, 50, 18][i] ?? 14;
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const stamp = formatDateTime(ctx.now).replace(/[-: ]/g, '');
  const fileName = `${window ? window.title : '建议'}-${scope._id}-${stamp}.xlsx`;
  const cloudPath = `exports/${ctx.openid}/${window?._id ?? 'none'}-${scope._id}-${stamp}-${ctx.now.getTime()}.xlsx`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx, [fileID])).get(fileID) ?? '';
  return { fileID, url, fileName, rows: docs.length };
}
