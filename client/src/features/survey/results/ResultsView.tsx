import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import {
  MIN_GROUP_SIZE,
  questionTypeLabels,
  type QuestionResult,
  type Survey,
  type SurveyResults,
} from '@shishi/shared-types';
import { AppButton } from '../../../components';
import { pct } from '../labels';
import { Bars } from './Bars';
import { StatsView } from './StatsView';
import { TextAnswers } from './TextAnswers';
import './results.scss';

/** "不足 5 人，不显示": a small group of an anonymous survey is never shown, so nobody can be singled out. */
export const SUPPRESSED_LABEL = `不足 ${MIN_GROUP_SIZE} 人，不显示`;

interface ResultsViewProps {
  results: SurveyResults;
  /** The definition, for matrix columns and 其他 options (staff have it; workers get it from `get`). */
  survey?: Survey | null;
  staff: boolean;
}

/** Every question's numbers, in survey order; texts open on demand. */
export function ResultsView({ results, survey, staff }: ResultsViewProps) {
  const questions = survey ? new Map(survey.sections.flatMap((s) => s.questions).map((q) => [q.id, q])) : null;
  return (
    <View className="sr" id="results-questions">
      {results.questions.map((r, i) => {
        const q = questions?.get(r.questionId);
        const hasOther = q && (q.type === 'single' || q.type === 'multiple') && q.options.some((o) => o.other);
        return (
          <QuestionResultCard
            key={r.questionId}
            result={r}
            index={i + 1}
            results={results}
            staff={staff}
            // Workers read texts only when the survey made them public before anyone answered.
            textsOpen={staff || results.survey.textsPublic}
            hasOther={Boolean(hasOther)}
            matrixColumns={q && q.type === 'matrix' ? q.columns.length : 5}
          />
        );
      })}
    </View>
  );
}

interface CardProps {
  result: QuestionResult;
  index: number;
  results: SurveyResults;
  staff: boolean;
  textsOpen: boolean;
  hasOther: boolean;
  matrixColumns: number;
}

function QuestionResultCard({ result: r, index, results, staff, textsOpen, hasOther, matrixColumns }: CardProps) {
  const [texts, setTexts] = useState(false);
  const id = `result-${r.questionId}`;
  const isText = r.overall.kind === 'text';
  const breakdown = results.breakdown;
  return (
    <View className="sr-card" id={id}>
      <Text className="sr-card__title">
        {index}. {r.title}
      </Text>
      <Text className="sr-card__meta" id={`${id}-answered`}>
        {questionTypeLabels[r.type]} · {r.overall.answered} 人作答
        {results.responses > 0 && r.overall.answered < results.responses ? `（共 ${results.responses} 份答卷）` : ''}
      </Text>
      {r.type === 'multiple' && r.overall.answered > 0 ? (
        <Text className="sr-note">多选题：比例按作答人数计算，合计可能超过 100%</Text>
      ) : null}
      {r.overall.answered === 0 && !isText ? (
        <Text className="sr-note">还没有人回答这道题。</Text>
      ) : (
        <StatsView type={r.type} stats={r.overall} idPrefix={`${id}-bar`} matrixColumns={matrixColumns} />
      )}
      {isText && !textsOpen ? (
        <Text className="sr-note" id={`${id}-texts-private`}>
          填写的文字不公开。
        </Text>
      ) : null}
      {textsOpen && (isText || hasOther) ? (
        <AppButton id={`${id}-texts`} className="sr-card__texts-btn" block onClick={() => setTexts((v) => !v)}>
          {texts ? '收起文字回答' : isText ? `查看文字回答（${r.overall.answered} 条）` : '查看“其他”填写的内容'}
        </AppButton>
      ) : null}
      {texts ? <TextAnswers surveyId={results.survey._id} questionId={r.questionId} staff={staff} /> : null}
      {breakdown && !isText ? (
        <View className="sr-cross" id={`${id}-cross`}>
          <Text className="sr-cross__head">按{breakdown.label}</Text>
          {breakdown.segments.map((seg, k) => {
            const stats = r.segments[k]?.stats ?? null;
            return (
              <View key={seg.id} className="sr-seg" id={`${id}-seg-${seg.id}`}>
                <View className="sr-seg__line">
                  <Text className="sr-seg__label">{seg.label}</Text>
                  <Text className={`sr-seg__n ${seg.suppressed ? 'sr-seg__n--hidden' : ''}`}>
                    {seg.suppressed || !stats ? SUPPRESSED_LABEL : `${stats.answered} 人作答`}
                  </Text>
                </View>
                {!seg.suppressed && stats && stats.answered > 0 ? (
                  <StatsView
                    type={r.type}
                    stats={stats}
                    idPrefix={`${id}-seg-${seg.id}-bar`}
                    compact
                    matrixColumns={matrixColumns}
                  />
                ) : null}
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
}

/** 回收情况: answers against the target population, online / offline, and the breakdown's segments. */
export function ResponseSummary({ results }: { results: SurveyResults }) {
  const { responses, targetCount, responseRate, channels, breakdown } = results;
  return (
    <View className="sr-card sr-summary" id="results-summary">
      <View className="sr-summary__big">
        <Text className="sr-summary__n" id="results-responses">
          {responses}
        </Text>
        <Text className="sr-summary__unit">份答卷{targetCount ? ` / 目标 ${targetCount} 人` : ''}</Text>
      </View>
      {responseRate !== null ? (
        <View className="sr-summary__rate" id="results-rate">
          <View className="sr-bar__line">
            <Text className="sr-bar__label sr-bar__label--top">回收率</Text>
            <Text className="sr-bar__value">{pct(responseRate)}</Text>
          </View>
          <View className="sr-bar__track sr-bar__track--thick">
            <View className="sr-bar__fill sr-bar__fill--top" style={{ width: `${Math.min(100, responseRate)}%` }} />
          </View>
        </View>
      ) : (
        <Text className="sr-note">没有设置目标人数，不计算回收率。</Text>
      )}
      <Text className="sr-summary__channels" id="results-channels">
        线上填写 {channels.online} 份 · 线下录入 {channels.offline} 份
      </Text>
      {breakdown ? (
        <View className="sr-summary__segments" id="results-segments">
          <Text className="sr-cross__head">按{breakdown.label}的答卷数</Text>
          <Bars
            idPrefix="results-segment"
            rows={breakdown.segments.map((s) => ({
              key: s.id,
              label: s.label,
              count: s.responses ?? 0,
              percent: s.responses !== null && responses > 0 ? (s.responses * 100) / responses : 0,
              value: s.suppressed || s.responses === null ? SUPPRESSED_LABEL : `${s.responses} 份`,
              hidden: s.suppressed || s.responses === null,
            }))}
          />
        </View>
      ) : null}
    </View>
  );
}
