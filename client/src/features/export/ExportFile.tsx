import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { AppButton } from '../../components';
import { PrivacyPrompt } from '../../components/PrivacyPrompt/PrivacyPrompt';
import { openDownload } from '../../services/download';
import { showError, toastSuccess } from '../../utils/feedback';
import { downloadLabel, fullLink } from './link';
import './ExportFile.scss';

/** What every export reply has: the file's (temporary) link and its name. */
export interface ExportedFile {
  url: string;
  fileName: string;
}

/**
 * Gets the file by its whole link: H5 downloads it in the browser, the mini-program downloads it and
 * opens it in WeChat's document viewer (services/download). A failure is said in a dialog (never thrown).
 */
export function downloadFile(file: ExportedFile): Promise<void> {
  const link = fullLink(file.url);
  // No link (the server could not make one): nothing to get; ExportFile says so.
  if (!link) return Promise.resolve();
  return openDownload(link, file.fileName).catch((e: unknown) => showError(e, '没能下载'));
}

interface ExportFileProps {
  /** Prefix of the ids: `{id}-result`, `-rows`, `-file`, `-link`, `-download`, `-copy`, `-close`. */
  id: string;
  file: ExportedFile;
  /** The heading, 导出完成 unless given (e.g. the document's name). */
  title?: string;
  /** What the file holds, in words (已导出 12 条建议…, 共 3 份答卷 · 8.1 KB). */
  count?: string;
  /** More about what the file holds, under the count. */
  children?: ReactNode;
  /** 收起, when the panel can be put away. */
  onClose?: () => void;
}

/**
 * An export, once made (every export panel shows it the same way): what the file holds, its name, its
 * whole link on a line of its own (selectable, wrapping, 复制链接 to open it on a computer, temporary)
 * and a 下载 button. Lives in features/, used only by subpackage pages (not in the main package).
 */
export function ExportFile({ id, file, title = '导出完成', count, children, onClose }: ExportFileProps) {
  const link = fullLink(file.url);
  const copy = () =>
    Taro.setClipboardData({ data: link })
      .then(() => toastSuccess('链接已复制'))
      .catch((e: unknown) => showError(e, '没能复制'));
  return (
    <View className="export-file" id={`${id}-result`}>
      <PrivacyPrompt feature="复制链接" />
      <View className="export-file__head">
        <Text className="export-file__title">{title}</Text>
        {onClose ? (
          <Text className="export-file__close" id={`${id}-close`} onClick={onClose}>
            收起
          </Text>
        ) : null}
      </View>
      {count ? (
        <Text className="export-file__count" id={`${id}-rows`}>
          {count}
        </Text>
      ) : null}
      {children}
      <Text className="export-file__name" id={`${id}-file`}>
        文件：{file.fileName}
      </Text>
      {link ? (
        <>
          <Text className="export-file__note">
            下载链接（可复制到电脑浏览器打开；链接是临时的，失效后请重新导出）：
          </Text>
          <Text className="export-file__url" id={`${id}-link`} selectable>
            {link}
          </Text>
          <View className="export-file__buttons">
            <AppButton
              id={`${id}-download`}
              kind="primary"
              className="export-file__btn"
              onClick={() => void downloadFile(file)}
            >
              {downloadLabel(file.fileName)}
            </AppButton>
            <AppButton id={`${id}-copy`} className="export-file__btn" onClick={() => void copy()}>
              复制链接
            </AppButton>
          </View>
        </>
      ) : (
        <Text className="export-file__error" id={`${id}-no-link`}>
          文件已生成，但没能拿到下载链接。请再导出一次；一直不行请联系系统管理员。
        </Text>
      )}
    </View>
  );
}
