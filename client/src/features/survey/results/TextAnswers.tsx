import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { formatDateTime, type SurveyDimension, type TextAnswer } from '@shishi/shared-types';
import { AppButton, Badge, PagedList, SearchBar, usePagedList } from '../../../components';
import { showError, toastSuccess } from '../../../utils/feedback';
import { fetchTextAnswers, moderateText } from '../api';

interface TextAnswersProps {
  surveyId: string;
  questionId: string;
  /** Staff see names (named surveys), unchecked texts, and can pass or reject them. */
  staff: boolean;
  by?: SurveyDimension;
  segmentId?: string;
}

const moderationMeta = {
  pass: { label: '已公开', tone: 'success' },
  review: { label: '待审核', tone: 'warning' },
  rejected: { label: '不公开', tone: 'danger' },
} as const;

/** The written answers of one question (or its 其他 texts), 10 at a time, searchable. */
export function TextAnswers({ surveyId, questionId, staff, by, segmentId }: TextAnswersProps) {
  const [keyword, setKeyword] = useState('');
  const [moderated, setModerated] = useState<Record<string, TextAnswer['moderation']>>({});
  const id = `texts-${questionId}`;
  const list = usePagedList(
    (page, pageSize) =>
      fetchTextAnswers({ surveyId, questionId, keyword: keyword || undefined, by, segmentId, page, pageSize }),
    [surveyId, questionId, keyword, by, segmentId],
    { keyOf: (t) => t.answerId },
  );
  const moderate = async (answerId: string, verdict: 'pass' | 'reject') => {
    try {
      const r = await moderateText(surveyId, answerId, verdict);
      setModerated((m) => ({ ...m, [answerId]: r.moderation }));
      toastSuccess(verdict === 'pass' ? '已通过' : '已设为不公开');
    } catch (e) {
      showError(e, '没有成功');
    }
  };
  return (
    <View className="sr-texts" id={id}>
      <SearchBar id={`${id}-search`} placeholder="搜索文字回答" keyword={keyword} onSearch={setKeyword} />
      <PagedList
        id={`${id}-list`}
        list={list}
        keyOf={(t) => t.answerId}
        header={
          <Text className="sr-texts__total" id={`${id}-total`}>
            {keyword ? `包含“${keyword}”的` : ''}共 {list.total} 条
          </Text>
        }
        emptyText={keyword ? '没有找到包含这个词的回答。' : '还没有文字回答。'}
        renderItem={(t) => {
          const m = moderated[t.answerId] ?? t.moderation;
          return (
            <View className="sr-text" id={`text-${t.answerId}`}>
              <Text className="sr-text__body">{t.text}</Text>
              <View className="sr-text__meta">
                <Text>
                  {[
                    t.respondentName,
                    t.orgName,
                    t.channel === 'offline' ? '线下录入' : null,
                    formatDateTime(t.submittedAt),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {staff && m !== 'pass' ? <Badge label={moderationMeta[m].label} tone={moderationMeta[m].tone} /> : null}
              </View>
              {staff && m === 'review' ? (
                <View className="sr-text__actions">
                  <AppButton
                    id={`text-${t.answerId}-pass`}
                    className="sr-small-btn"
                    onClick={() => void moderate(t.answerId, 'pass')}
                  >
                    通过
                  </AppButton>
                  <AppButton
                    id={`text-${t.answerId}-reject`}
                    className="sr-small-btn"
                    onClick={() => void moderate(t.answerId, 'reject')}
                  >
                    不公开
                  </AppButton>
                </View>
              ) : null}
            </View>
          );
        }}
      />
    </View>
  );
}
