import type { ExportOutputFile } from '@shishi/shared-types';

/** 已导出…: first the proposals the screening list shows (the same number), then the rows it leaves out. */
export function exportCountText(result: Pick<ExportOutputFile, 'rows' | 'merged' | 'withdrawn'>): string {
  const listed = result.rows - result.merged - result.withdrawn;
  const extra = [
    result.merged > 0 ? `已合并到其他建议的 ${result.merged} 条` : '',
    result.withdrawn > 0 ? `作者已撤回的 ${result.withdrawn} 条` : '',
  ].filter(Boolean);
  return `已导出列表中的 ${listed} 条建议${extra.length ? `，另附${extra.join('、')}` : ''}`;
}
