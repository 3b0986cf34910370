import { Text } from '@tarojs/components';
import type { ExportOutputFile } from '@shishi/shared-types';
import { ExportFile } from '../../export/ExportFile';
import { exportCountText } from '../exportCount';

/**
 * The proposal export, once made: how many proposals the file holds — the list's own count first, then
 * the merged and withdrawn ones the list leaves out — then the file as every export panel shows it.
 */
export function ExportResult({ result, onClose }: { result: ExportOutputFile; onClose: () => void }) {
  return (
    <ExportFile id="export" file={result} count={exportCountText(result)} onClose={onClose}>
      <Text className="export-file__note" id="export-scope">
        Excel 包括本辖区这个征集期的全部建议，不受上面筛选条件的影响；已合并和已撤回的建议也各占一行，方便查对。
      </Text>
    </ExportFile>
  );
}
