import { AppButton } from '../../../components';
import { openDownload } from '../../../services/download';
import { showError } from '../../../utils/feedback';
import type { DownloadLinkProps } from './downloadLinkProps';

/** weapp: download the file and open it in WeChat's document viewer. (H5: `DownloadLink.h5.tsx`.) */
export function DownloadLink({ id, url, fileName, label }: DownloadLinkProps) {
  return (
    <AppButton
      id={id}
      kind="primary"
      block
      onClick={() => void openDownload(url, fileName).catch((e: unknown) => showError(e, '没能打开文件'))}
    >
      {label}
    </AppButton>
  );
}
