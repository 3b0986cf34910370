import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { answeringMinutes } from '@shishi/shared-types';
import { AppButton, ErrorBlock, Loading } from '../../../components';
import { PrivacyPrompt } from '../../../components/PrivacyPrompt/PrivacyPrompt';
import { useResource } from '../../../hooks/useResource';
import { showError, toastSuccess } from '../../../utils/feedback';
import { MiniCodePoster } from '../../poster/MiniCodePoster';
import { fetchSurveyPoster } from '../api';
import { closingLine } from '../labels';
import type { ShareToolsProps } from './shareProps';

/**
 * weapp: the poster with the survey's 小程序码 (survey.poster: made once per survey, it opens the
 * answering page with the survey id as `scene`) to save to the album and print or post, and the page
 * path to copy into an article, a menu or another mini-program. (H5: `ShareTools.h5.tsx`, a QR code of
 * the H5 link.)
 */
export function ShareTools({ survey, path }: ShareToolsProps) {
  const code = useResource(() => fetchSurveyPoster(survey._id), [survey._id]);
  const copy = () =>
    Taro.setClipboardData({ data: path })
      .then(() => toastSuccess('路径已复制'))
      .catch((e: unknown) => showError(e, '没能复制'));
  return (
    <View>
      {/* One prompt for the page's privacy calls: saving the poster, copying the path. */}
      <PrivacyPrompt feature="保存海报或复制路径" />
      <View className="ss-card" id="share-poster-card">
        <Text className="ss-card__label">小程序码海报</Text>
        {code.error ? (
          <ErrorBlock error={code.error} onRetry={code.reload} />
        ) : code.loading || !code.data ? (
          <Loading inline text="正在生成小程序码…" />
        ) : code.data.miniCodeUrl ? (
          <>
            <MiniCodePoster
              id="share"
              miniCodeUrl={code.data.miniCodeUrl}
              kicker="为职工办实事 · 需求调查"
              title={survey.title}
              action="扫码填写问卷"
              actionHint="用微信扫一扫"
              lines={[
                closingLine(survey.closesAt).replace(/。$/, ''),
                `调查对象：${survey.audience.label}`,
                `约 ${answeringMinutes(survey.questionCount)} 分钟 · ${survey.anonymous ? '匿名填写' : '实名填写'}`,
              ]}
            />
            <Text className="ss-hint">保存后可以打印张贴，或发到工作群；职工用微信扫码就能填写。</Text>
          </>
        ) : (
          <Text className="ss-hint" id="share-poster-none">
            现在生成不了小程序码（小程序正式发布后才能生成）。可以先复制下面的路径，或在电脑浏览器打开本页下载带二维码的海报。
          </Text>
        )}
      </View>
      <View className="ss-card" id="share-weapp">
        <Text className="ss-card__label">小程序页面路径</Text>
        <Text className="ss-link" id="share-path" userSelect>
          {path}
        </Text>
        <AppButton id="share-copy-path" block onClick={() => void copy()}>
          复制路径
        </AppButton>
        <Text className="ss-hint">把路径放进公众号文章、菜单或其他小程序，职工点开就是这份问卷的填写页。</Text>
      </View>
    </View>
  );
}
