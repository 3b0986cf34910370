/**
 * weapp: the poster around the page's 小程序码 (wxacode.getUnlimited PNG, made once: checkin.code for a
 * service point, checkin.summary with `poster` for the project) — title, code, what to do, time and
 * place — to save to the album and print (features/poster/MiniCodePoster, the survey share poster's
 * too). Without a code (WeChat made none) the facts and the page path are shown; a full poster with a QR
 * code of the H5 link comes from the H5 build in a desktop browser (PosterTools.h5.tsx).
 */
import { Text } from '@tarojs/components';
import { Card } from '../../components';
import { PrivacyPrompt } from '../../components/PrivacyPrompt/PrivacyPrompt';
import { MiniCodePoster } from '../poster/MiniCodePoster';
import type { PosterToolsProps } from './posterProps';

export function PosterTools({ kicker, title, path, action, lines, miniCodeUrl }: PosterToolsProps) {
  return (
    <Card title="海报" id="poster-card">
      <PrivacyPrompt feature="保存海报" />
      {miniCodeUrl ? (
        <MiniCodePoster
          id="poster"
          miniCodeUrl={miniCodeUrl}
          kicker={kicker}
          title={title}
          action={action}
          actionHint="用微信扫一扫"
          lines={lines}
        />
      ) : (
        <>
          <Text className="ck-point__name">{title}</Text>
          {lines.map((l) => (
            <Text className="ck-hint" key={l}>
              {l}
            </Text>
          ))}
          <Text className="ck-hint" id="poster-none">
            现在生成不了小程序码（小程序正式发布后才能生成）。要打印带二维码的整张海报，请在电脑浏览器打开本页，点“下载海报图片”。
          </Text>
        </>
      )}
      <Text className="ck-hint">页面路径：{path}</Text>
    </Card>
  );
}
