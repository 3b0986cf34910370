import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ExportOutputFile } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { openDownload } from '../../../services/download';
import { showError, toastSuccess } from '../../../utils/feedback';
import { PrivacyPrompt } from '../../../components/PrivacyPrompt/PrivacyPrompt';
import './ExportResult.scss';

/** The export, once made: how many rows, the file, and ways to get it (download / copy the link). */
export function ExportResult({ result, onClose }: { result: ExportOutputFile; onClose: () => void }) {
  const download = () => openDownload(result.url, result.fileName).catch((e: unknown) => showError(e, '没能下载'));
  const copy = () =>
    Taro.setClipboardData({ data: result.url })
      .then(() => toastSuccess('链接已复制'))
      .catch((e: unknown) => showError(e, '没能复制'));
  return (
    <View className="export-result" id="export-result">
      <PrivacyPrompt feature="复制链接" />
      <View className="export-result__head">
        <Text className="export-result__title">已导出 {result.rows} 条建议</Text>
        <Text className="export-result__close" id="export-close" onClick={onClose}>
          收起
        </Text>
      </View>
      <Text className="export-result__file" id="export-file">
        {result.fileName}
      </Text>
      <Text className="export-result__url" id="export-link" selectable>
        {result.url}
      </Text>
      <View className="export-result__buttons">
        <AppButton id="export-download" kind="primary" className="export-result__btn" onClick={() => void download()}>
          下载 Excel
        </AppButton>
        <AppButton id="export-copy" className="export-result__btn" onClick={() => void copy()}>
          复制链接
        </AppButton>
      </View>
    </View>
  );
}
