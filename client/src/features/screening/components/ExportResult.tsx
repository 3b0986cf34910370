import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ExportOutputFile } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { openDownload } from '../../../services/download';
import { showError, toastSuccess } from '../../../utils/feedback';
import { PrivacyPrompt } from '../../../components/PrivacyPrompt/PrivacyPrompt';
import './ExportResult.scss';

/**
 * The link as a person can open it elsewhere: the dev host (H5) gives a path on itself, made whole with
 * the page's own origin; the mini-program's temporary links are whole already.
 */
export function fullLink(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || typeof location === 'undefined') return url;
  return new URL(url, location.href).href;
}

/**
 * The export, once made: how many proposals the file holds (every proposal of the window in scope,
 * merged ones too, which the list above leaves out), the file, and ways to get it (download / copy).
 */
export function ExportResult({ result, onClose }: { result: ExportOutputFile; onClose: () => void }) {
  const link = fullLink(result.url);
  const download = () => openDownload(link, result.fileName).catch((e: unknown) => showError(e, '没能下载'));
  const copy = () =>
    Taro.setClipboardData({ data: link })
      .then(() => toastSuccess('链接已复制'))
      .catch((e: unknown) => showError(e, '没能复制'));
  return (
    <View className="export-result" id="export-result">
      <PrivacyPrompt feature="复制链接" />
      <View className="export-result__head">
        <Text className="export-result__title" id="export-rows">
          已导出 {result.rows} 条建议（含已合并的）
        </Text>
        <Text className="export-result__close" id="export-close" onClick={onClose}>
          收起
        </Text>
      </View>
      <Text className="muted export-result__note" id="export-scope">
        Excel 包括本辖区这个征集期的全部建议；已合并到其他建议的也各占一行，上面的列表不单列它们，所以条数可能比列表多。
      </Text>
      <Text className="export-result__file" id="export-file">
        文件：{result.fileName}
      </Text>
      <Text className="muted export-result__note">下载链接（可复制到电脑上打开）：</Text>
      <Text className="export-result__url" id="export-link" selectable>
        {link}
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
