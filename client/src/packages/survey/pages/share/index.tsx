import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Empty, ErrorBlock, Loading } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { fetchSurvey } from '../../../../features/survey/api';
import { dateRange, phaseMeta } from '../../../../features/survey/labels';
import { surveyAnswerUrl } from '../../../../features/survey/routes';
import { ShareTools } from '../../../../features/survey/share/ShareTools';
import '../../../../features/survey/share/share.scss';
import { withFontScale } from '../../../../components/FontScale';

/**
 * 分享问卷 (staff, `?id=`): a published survey's link and a poster with its QR code (H5), or its 小程序码
 * poster and page path (weapp).
 */
function SurveySharePage() {
  return <StaffOnly>{() => <Share />}</StaffOnly>;
}

function Share() {
  const id = useRouter().params.id ?? '';
  const got = useResource(() => fetchSurvey(id), [id]);
  if (got.error) return <ErrorBlock error={got.error} onRetry={got.reload} />;
  if (got.loading || !got.data) return <Loading />;
  const { survey } = got.data;
  const back = () => void Taro.navigateBack();
  if (survey.status === 'draft')
    return <Empty text="这份问卷还是草稿。发布后才能分享给职工。" actionText="返回" onAction={back} />;
  if (survey.phase === 'closed')
    return <Empty text="这份调查已经结束，不再接受答卷，不用再分享了。" actionText="返回" onAction={back} />;
  const meta = phaseMeta(survey.phase);
  return (
    <View className="page ss">
      <View className="ss-card" id="share-head">
        <Text className="ss-title" id="share-title">
          {survey.title}
        </Text>
        <Text className="ss-hint">
          {meta.label} · {dateRange(survey.opensOn, survey.closesOn)} · 调查对象：{survey.audience.label}
        </Text>
        <Text className="ss-hint">只有调查对象里的职工能填写；别人打开会看到这份问卷不面向他们。</Text>
      </View>
      <ShareTools survey={survey} path={surveyAnswerUrl(survey._id).replace(/^\//, '')} />
    </View>
  );
}

export default withFontScale(SurveySharePage);
