import { View, Text } from '@tarojs/components';
import type { SurveyQuestion, SurveySection } from '@shishi/shared-types';
import { Badge } from '../../../components';
import { conditionText, questionLabel } from './model';

interface QuestionCardProps {
  question: SurveyQuestion;
  number: number;
  sections: readonly SurveySection[];
  /** Every message about this question (collapsed view). */
  problems: string[];
  onEdit: () => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Answers exist and the question has them: it cannot be removed. */
  answered: boolean;
}

/** A question as a summary line: tap 编辑 to open it. */
export function QuestionCard(props: QuestionCardProps) {
  const { question: q, number, sections, problems, onEdit, onMove, onRemove, canMoveUp, canMoveDown, answered } = props;
  const id = `qcard-${q.id}`;
  const options =
    q.type === 'single' || q.type === 'multiple' || q.type === 'ranking'
      ? q.options.map((o, i) => o.label || `选项 ${i + 1}`).join(' / ')
      : q.type === 'matrix'
        ? q.rows.map((r, i) => r.label || `第 ${i + 1} 行`).join(' / ')
        : '';
  return (
    <View className={`se-q ${problems.length > 0 ? 'se-q--invalid' : ''}`} id={id}>
      <View className="se-q__top">
        <Text className="se-q__label">{questionLabel(q, number)}</Text>
        <Badge label={q.required ? '必答' : '选答'} tone={q.required ? 'danger' : 'neutral'} />
      </View>
      <Text className="se-q__title" onClick={onEdit}>
        {q.title || '（还没有填写题目）'}
      </Text>
      {options ? <Text className="se-q__options">{options}</Text> : null}
      {q.showIf.map((c, k) => (
        <Text key={k} className="se-q__logic" id={`${id}-logic-${k}`}>
          {conditionText(c, sections)}
        </Text>
      ))}
      {problems.map((p, k) => (
        <Text key={k} className="ui-field__error" id={k === 0 ? `${id}-error` : undefined}>
          {p}
        </Text>
      ))}
      <View className="se-q__actions">
        <Text className="se-link" id={`${id}-edit`} onClick={onEdit}>
          编辑
        </Text>
        {canMoveUp ? (
          <Text className="se-link" id={`${id}-up`} onClick={() => onMove(-1)}>
            上移
          </Text>
        ) : null}
        {canMoveDown ? (
          <Text className="se-link" id={`${id}-down`} onClick={() => onMove(1)}>
            下移
          </Text>
        ) : null}
        {!answered ? (
          <Text className="se-link se-link--danger" id={`${id}-remove`} onClick={onRemove}>
            删除
          </Text>
        ) : null}
      </View>
    </View>
  );
}
