import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { surveyDimensionLabels, surveyDimensions, type SurveyDimension } from '@shishi/shared-types';
import { Badge, ErrorBlock, FilterTabs, Loading } from '../../../../components';
import { useResource } from '../../../../hooks/useResource';
import { StaffOnly } from '../../../../features/profile';
import { fetchResults, fetchSurvey } from '../../../../features/survey/api';
import { dateRange, phaseMeta } from '../../../../features/survey/labels';
import { CheckPanel } from '../../../../features/survey/results/CheckPanel';
import { ExportPanel } from '../../../../features/survey/results/ExportPanel';
import { ResponseSummary, ResultsView } from '../../../../features/survey/results/ResultsView';
import '../../../../features/survey/results/results.scss';
import { withFontScale } from '../../../../components/FontScale';

const dimensionOptions = surveyDimensions.map((d) => ({ value: d, label: `按${shortLabel(d)}` }));

function shortLabel(d: SurveyDimension): string {
  return d === 'district' ? '区市县' : surveyDimensionLabels[d];
}

/** 调查结果 (staff): responses against the target, each question as bars, cross-tabs, texts, export, 核对统计. */
function SurveyResultsPage() {
  return <StaffOnly>{() => <Results />}</StaffOnly>;
}

function Results() {
  const id = useRouter().params.id ?? '';
  const [by, setBy] = useState<SurveyDimension | undefined>(undefined);
  const survey = useResource(() => fetchSurvey(id), [id]);
  const results = useResource(() => fetchResults(id, by), [id, by]);
  usePullDownRefresh(() => {
    void Promise.all([survey.refresh(), results.refresh()]).finally(() => void Taro.stopPullDownRefresh());
  });

  if (survey.error) return <ErrorBlock error={survey.error} onRetry={survey.reload} />;
  if (!survey.data) return <Loading />;
  const s = survey.data.survey;
  const meta = phaseMeta(s.phase);
  return (
    <View className="page">
      <View className="sr-card" id="results-head">
        <View className="sr-head">
          <Text className="sr-card__title" id="results-title">
            {s.title}
          </Text>
          <Badge label={meta.label} tone={meta.tone} />
        </View>
        <Text className="sr-card__meta">
          {s.audience.label} · {dateRange(s.opensOn, s.closesOn)} · {s.anonymous ? '匿名' : '实名'}
        </Text>
      </View>
      {results.error ? (
        <ErrorBlock error={results.error} onRetry={results.reload} />
      ) : !results.data ? (
        <Loading text="正在统计…" />
      ) : (
        <>
          <ResponseSummary results={results.data} />
          <Text className="section-title">交叉分析</Text>
          <FilterTabs options={dimensionOptions} value={by} onChange={setBy} idPrefix="results-by" allLabel="总体" />
          {s.anonymous && by ? (
            <Text className="sr-note" id="results-suppression-note">
              匿名调查：不足 5 人的分组不显示数字，以免认出个人。
            </Text>
          ) : null}
          {results.loading ? <Loading inline text="正在统计…" /> : null}
          <ResultsView results={results.data} survey={s} staff />
        </>
      )}
      <ExportPanel surveyId={s._id} />
      <CheckPanel surveyId={s._id} sections={s.sections} onApplied={results.refresh} />
    </View>
  );
}

export default withFontScale(SurveyResultsPage);
