import { Text } from '@tarojs/components';
import type { ExportOutputFile } from '@shishi/shared-types';
import { ExportFile } from '../../export/ExportFile';

/**
 * The proposal export, once made: how many proposals the file holds (every proposal of the window in
 * scope, merged ones too, which the list above leaves out), then the file as every export panel shows it.
 */
export function ExportResult({ result, onClose }: { result: ExportOutputFile; onClose: () => void }) {
  return (
    <ExportFile id="export" file={result} count={`已导出 ${result.rows} 条建议（含已合并的）`} onClose={onClose}>
      <Text className="export-file__note" id="export-scope">
        Excel 包括本辖区这个征集期的全部建议；已合并到其他建议的也各占一行，上面的列表不单列它们，所以条数可能比列表多。
      </Text>
    </ExportFile>
  );
}
