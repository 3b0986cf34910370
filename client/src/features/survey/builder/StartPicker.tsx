import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { surveyTemplates } from '@shishi/shared-types/src/rules/surveyTemplates';
import { Card, ErrorBlock, Loading } from '../../../components';
import { useResource } from '../../../hooks/useResource';
import { showError, toastSuccess } from '../../../utils/feedback';
import { duplicateSurvey, fetchMySurveys } from '../api';
import { dateRange, phaseMeta, questionsLabel } from '../labels';
import { surveyEditUrl } from '../routes';
import { stateFromTemplate, type EditorState } from './model';

/**
 * 新建问卷 · 从哪里开始: a blank survey, a template (the yearly needs survey, a satisfaction survey), or
 * a copy of one of my surveys (questions and settings, no answers).
 */
export function StartPicker({ blank, onStart }: { blank: EditorState; onStart: (state: EditorState) => void }) {
  const mine = useResource(() => fetchMySurveys({}, 1, 5), []);
  const [copying, setCopying] = useState<string | null>(null);

  const copy = async (id: string) => {
    if (copying) return;
    setCopying(id);
    try {
      const result = await duplicateSurvey(id);
      toastSuccess('已复制为新草稿');
      void Taro.redirectTo({ url: surveyEditUrl(result.survey._id) });
    } catch (e) {
      showError(e, '没有复制成功');
      setCopying(null);
    }
  };

  return (
    <View className="page se-start" id="se-start">
      <Text className="page-title">新建问卷</Text>
      <Text className="page-intro">从空白开始，或用模板、已有问卷做底稿，再按需要修改。</Text>
      <Card id="se-start-blank" title="空白问卷" onClick={() => onStart(blank)}>
        <Text className="muted">从第一题开始自己编写</Text>
      </Card>
      <Text className="section-title">模板</Text>
      {surveyTemplates.map((t) => (
        <Card
          key={t.key}
          id={`se-start-${t.key}`}
          title={t.name}
          onClick={() => onStart(stateFromTemplate(t.body, blank))}
        >
          <Text className="muted">{t.summary}</Text>
        </Card>
      ))}
      <Text className="section-title">复制已有问卷</Text>
      {mine.error ? <ErrorBlock error={mine.error} onRetry={mine.reload} /> : null}
      {!mine.error && !mine.data ? <Loading inline text="正在查看已有问卷…" /> : null}
      {mine.data && mine.data.items.length === 0 ? (
        <Text className="muted" id="se-start-copy-empty">
          还没有可以复制的问卷。
        </Text>
      ) : null}
      {mine.data?.items.map((s) => (
        <Card
          key={s._id}
          id={`se-start-copy-${s._id}`}
          title={s.title}
          extra={<Text className="muted">{copying === s._id ? '正在复制…' : phaseMeta(s.phase).label}</Text>}
          onClick={() => void copy(s._id)}
        >
          <Text className="muted">
            {questionsLabel(s)} · {dateRange(s.opensOn, s.closesOn)}
          </Text>
        </Card>
      ))}
    </View>
  );
}
