import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ErrorBlock, Loading } from '../../components';
import { useResource } from '../../hooks/useResource';
import { fetchResults, fetchSurvey } from '../../features/survey/api';
import { dateRange } from '../../features/survey/labels';
import { ResultsView } from '../../features/survey/results/ResultsView';
import '../../features/survey/results/results.scss';
import { withFontScale } from '../../components/FontScale';

/** 调查结果 (`?id=`): the public results of a survey the worker answered. */
function SurveyResultPage() {
  const id = useRouter().params.id ?? '';
  const data = useResource(async () => {
    const [results, got] = await Promise.all([fetchResults(id), fetchSurvey(id)]);
    return { results, survey: got.survey };
  }, [id]);
  usePullDownRefresh(() => void data.refresh().finally(() => void Taro.stopPullDownRefresh()));

  if (data.error) return <ErrorBlock error={data.error} onRetry={data.reload} />;
  if (data.loading || !data.data) return <Loading />;
  const { results, survey } = data.data;
  return (
    <View className="page">
      <View className="sr-card" id="result-head">
        <Text className="sr-card__title" id="result-title">
          {survey.title}
        </Text>
        <Text className="sr-card__meta">{dateRange(survey.opensOn, survey.closesOn)}</Text>
        <View className="sr-summary__big">
          <Text className="sr-summary__n" id="result-responses">
            {results.responses}
          </Text>
          <Text className="sr-summary__unit">人参与了调查</Text>
        </View>
        <Text className="sr-note" id="result-privacy">
          {survey.textsPublic
            ? '结果显示人数和比例；大家填写的文字经内容检查后显示，不显示姓名。'
            : '结果只显示人数和比例，不显示任何人填写的内容。'}
        </Text>
      </View>
      <ResultsView results={results} survey={survey} staff={false} />
    </View>
  );
}

export default withFontScale(SurveyResultPage);
