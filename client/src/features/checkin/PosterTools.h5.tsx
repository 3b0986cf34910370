/**
 * H5: the poster as one PNG — title, time, place and the code that opens the page (the QR code of the
 * H5 link here; production's weapp prints the mini-program code from checkin.code) — shown and
 * downloaded for printing. Drawn by utils/poster.h5.ts, the same drawing as the survey poster.
 */
import { Text } from '@tarojs/components';
import { useMemo } from 'react';
import { Card } from '../../components';
import { drawPosterPng } from '../../utils/poster.h5';
import type { PosterToolsProps } from './posterProps';

function linkOf(path: string): string {
  return `${window.location.origin}${window.location.pathname}#/${path}`;
}

export function PosterTools({ kicker, title, path, action, lines, fileName }: PosterToolsProps) {
  const link = linkOf(path);
  const png = useMemo(() => {
    try {
      return drawPosterPng({ kicker, title, link, action, actionHint: '用微信或手机相机扫一扫', lines });
    } catch {
      return null;
    }
  }, [kicker, title, link, action, lines]);
  return (
    <Card title="海报" id="poster-card">
      {png ? (
        <>
          <img className="ck-poster" id="poster-image" src={png} alt={`${title} 的海报`} />
          <a
            id="poster-download"
            className="ui-btn ui-btn--primary ui-btn--block ck-download"
            href={png}
            download={`${fileName}.png`}
          >
            下载海报图片
          </a>
          <Text className="ck-hint">打印后张贴在服务点；职工扫码就能打开。</Text>
        </>
      ) : (
        <Text className="ck-hint" id="poster-error">
          这个浏览器画不出海报，请复制下面的链接发送。
        </Text>
      )}
      <Text className="ck-hint">链接：</Text>
      <Text className="ck-hint" id="poster-link" userSelect>
        {link}
      </Text>
    </Card>
  );
}
