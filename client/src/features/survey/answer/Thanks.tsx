import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AppButton, Card } from '../../../components';
import { surveyResultUrl } from '../routes';

interface ThanksProps {
  surveyId: string;
  title: string;
  /** Just now, or on an earlier visit. */
  fresh: boolean;
  canSeeResults: boolean;
  /** Results are public, but not yet readable (e.g. after the survey closes). */
  resultsLater?: boolean;
}

/** After submitting (or coming back to a survey already answered): thanks, and the public results. */
export function Thanks({ surveyId, title, fresh, canSeeResults, resultsLater }: ThanksProps) {
  return (
    <Card className="sa-thanks" id="survey-thanks">
      <Text className="sa-thanks__mark">✓</Text>
      <Text className="sa-thanks__title">{fresh ? '提交成功' : '您已经提交过这份问卷'}</Text>
      <Text className="sa-thanks__line">“{title}”</Text>
      <Text className="sa-thanks__line">谢谢您的参与！您的意见会作为工会为职工办实事的依据。</Text>
      {canSeeResults ? (
        <AppButton
          id="survey-view-results"
          kind="primary"
          block
          onClick={() => void Taro.redirectTo({ url: surveyResultUrl(surveyId) })}
        >
          查看调查结果
        </AppButton>
      ) : resultsLater ? (
        <Text className="muted sa-thanks__later">调查结果公布后，可以在首页查看。</Text>
      ) : null}
      <View className="sa-thanks__gap" />
      <AppButton id="survey-home" block onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
        回到首页
      </AppButton>
    </Card>
  );
}
