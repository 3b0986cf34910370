import { View, Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { answeringMinutes } from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { closingLine } from '../labels';
import { drawPoster } from './poster.h5';
import type { ShareToolsProps } from './shareProps';

/** The full link of the answering page in this H5 build (Taro's hash router). */
function linkOf(path: string): string {
  return `${window.location.origin}${window.location.pathname}#/${path}`;
}

/** H5: the share link (copy) and a poster with its QR code, shown as an image to download. */
export function ShareTools({ survey, path }: ShareToolsProps) {
  const link = linkOf(path);
  const [copied, setCopied] = useState(false);
  const poster = useMemo(() => {
    try {
      return drawPoster({
        title: survey.title,
        link,
        closing: closingLine(survey.closesAt).replace(/。$/, ''),
        audience: `调查对象：${survey.audience.label}`,
        meta: `约 ${answeringMinutes(survey.questionCount)} 分钟 · ${survey.anonymous ? '匿名填写' : '实名填写'}`,
      });
    } catch {
      return null;
    }
  }, [survey, link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
      window.prompt('复制下面的链接', link);
    }
  };

  return (
    <View>
      <View className="ss-card" id="share-link-card">
        <Text className="ss-card__label">问卷链接</Text>
        <Text className="ss-link" id="share-link" userSelect>
          {link}
        </Text>
        <AppButton id="share-copy" kind="primary" block onClick={() => void copy()}>
          {copied ? '已复制，可以粘贴到群里' : '复制链接'}
        </AppButton>
      </View>
      <View className="ss-card" id="share-poster-card">
        <Text className="ss-card__label">二维码海报</Text>
        {poster ? (
          <>
            <img className="ss-poster" id="share-poster" src={poster} alt={`${survey.title} 的二维码海报`} />
            <a
              id="share-poster-download"
              className="ui-btn ui-btn--primary ui-btn--block ss-download"
              href={poster}
              download={`问卷海报-${survey.title}.png`}
            >
              下载海报图片
            </a>
            <Text className="ss-hint">可以打印张贴，或发到工作群；职工用微信或手机浏览器扫码就能填写。</Text>
          </>
        ) : (
          <Text className="ss-hint" id="share-poster-error">
            这个浏览器画不出海报，请复制上面的链接发送。
          </Text>
        )}
      </View>
    </View>
  );
}
