/**
 * 导出评价 (.xlsx): one row per rating — district, industry union, groups, the four scores with their
 * words, and the comment only once it passed the content check. Never a name, OPENID, key or time (a
 * time could be matched against a check-in); rows are ordered by their facts, not by submission.
 */
import {
  NO_SEGMENT,
  noSegmentLabels,
  ratingDimensionLabels,
  ratingDimensions,
  ratingScoreWord,
  workerGroupLabels,
  type RatingExportOutput,
  type RatingProjectInput,
} from '@shishi/shared-types';
import ExcelJS from 'exceljs';
import { tempUrls } from '../../common/attachments';
import { audit } from '../../common/audit';
import type { Ctx } from '../../common/context';
import { exportPath } from '../../common/exportFiles';
import { loadProject } from '../../project/load';
import { readProjectRatings } from '../counting';
import type { RatingDoc } from '../model';

export const exportColumns = [
  '序号',
  '区市县',
  '产业工会',
  '职工群体',
  ...ratingDimensions.map((d) => ratingDimensionLabels[d]),
  '评价意见',
] as const;

const commentText = (r: RatingDoc): string =>
  r.commentState === 'pass'
    ? (r.comment ?? '')
    : r.commentState === 'rejected'
      ? '（意见未通过审核）'
      : r.commentState === 'review'
        ? '（意见待审核）'
        : '';

export async function exportRatings(ctx: Ctx, input: RatingProjectInput): Promise<RatingExportOutput> {
  const p = await loadProject(ctx, input.projectId);
  await ctx.authorize({ orgPath: p.orgPath }, '这个项目');
  const ratings = await readProjectRatings(ctx.db, p._id);
  const orgIds = [...new Set(ratings.flatMap((r) => [r.dims.d, r.dims.i]).filter((id) => id !== NO_SEGMENT))];
  const names = new Map<string, string>();
  const _ = ctx.db.command;
  for (let i = 0; i < orgIds.length; i += 100) {
    const chunk = orgIds.slice(i, i + 100);
    const res = await ctx.db
      .collection('orgs')
      .where({ _id: _.in(chunk) })
      .field({ _id: true, name: true })
      .limit(chunk.length)
      .get();
    for (const o of res.data as Array<{ _id: string; name: string }>) names.set(o._id, o.name);
  }
  const rows = ratings
    .map((r) => [
      r.dims.d === NO_SEGMENT ? noSegmentLabels.district : (names.get(r.dims.d) ?? ''),
      r.dims.i === NO_SEGMENT ? noSegmentLabels.industry : (names.get(r.dims.i) ?? ''),
      r.dims.g.map((g) => workerGroupLabels[g]).join('、'),
      ...ratingDimensions.map((d) => `${r.scores[d]} ${ratingScoreWord(d, r.scores[d])}`),
      commentText(r),
    ])
    .sort((a, b) => a.join('\u0001').localeCompare(b.join('\u0001')));

  const book = new ExcelJS.Workbook();
  book.creator = '大连市总工会为职工办实事';
  const sheet = book.addWorksheet('职工评价');
  sheet.addRow([`${p.title} 职工评价（匿名，共 ${rows.length} 条）`]);
  const header = sheet.addRow([...exportColumns]);
  header.font = { bold: true };
  rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.columns.forEach((col, i) => {
    col.width = [6, 16, 18, 20, 14, 14, 14, 14, 50][i] ?? 14;
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const cloudPath = exportPath(ctx, 'ratings', 'xlsx');
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx, [fileID])).get(fileID) ?? '';
  // Who exported which project's ratings (as the survey exports are logged).
  await audit(ctx, ctx.db, [
    {
      action: 'rating.export',
      targetType: 'project',
      targetId: p._id,
      from: null,
      to: fileID,
      note: `导出职工评价 ${rows.length} 条`,
    },
  ]);
  return { fileID, url, fileName: `职工评价-${p.title}.xlsx`, rows: rows.length };
}
