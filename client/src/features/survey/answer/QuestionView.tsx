import { View, Text, Input } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  charCount,
  OTHER_TEXT_MAX,
  scaleEnds,
  type AnswerValue,
  type QuestionOf,
  type SurveyQuestion,
} from '@shishi/shared-types';
import { TextBox } from '../../../components/FormField';
import './QuestionView.scss';

export interface QuestionViewProps {
  question: SurveyQuestion;
  /** Number shown before the title (counts shown questions only). */
  number: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error?: string;
}

/** What the question asks for beyond its title: 多选 limits, ranking, scale ends. */
function hintOf(q: SurveyQuestion): string {
  switch (q.type) {
    case 'single':
      return '单选';
    case 'multiple': {
      const min = Math.max(q.minPicks, q.required ? 1 : 0);
      const parts = ['多选'];
      if (min > 1) parts.push(`至少选 ${min} 项`);
      if (q.maxPicks !== null) parts.push(`最多选 ${q.maxPicks} 项`);
      return parts.join('，');
    }
    case 'ranking':
      return q.rankCount !== null && q.rankCount < q.options.length
        ? `选出最重要的 ${q.rankCount} 项，按先后点选`
        : '按重要程度依次点选，先点的排在前面';
    case 'scale':
      return '请选 1–5 分';
    case 'score':
      return '请打 0–10 分';
    case 'matrix':
      return '每一行选一项';
    default:
      return '';
  }
}

/** One question on the phone: title (with 必答 / 选填), its input, and the message under it. */
export function QuestionView({ question: q, number, value, onChange, error }: QuestionViewProps) {
  const id = `q-${q.id}`;
  const hint = hintOf(q);
  return (
    <View className={`sq ${error ? 'sq--invalid' : ''}`} id={id}>
      <View className="sq__head">
        <Text className="sq__title">
          <Text className="sq__no">{number}. </Text>
          {q.title}
          {q.required ? <Text className="sq__required"> *</Text> : <Text className="sq__optional">（选填）</Text>}
        </Text>
        {hint ? <Text className="sq__hint">{hint}</Text> : null}
        {q.description ? <Text className="sq__desc">{q.description}</Text> : null}
      </View>
      <QuestionInput q={q} id={id} value={value} onChange={onChange} />
      {error ? (
        <Text className="sq__error" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

interface InputProps<T extends SurveyQuestion = SurveyQuestion> {
  q: T;
  id: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

function QuestionInput(props: InputProps) {
  const { q } = props;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return <ChoiceInput {...props} q={q} />;
    case 'ranking':
      return <RankingInput {...props} q={q} />;
    case 'scale':
    case 'score':
      return <ValueInput {...props} q={q} />;
    case 'matrix':
      return <MatrixInput {...props} q={q} />;
    case 'text':
    case 'longText':
      return <TextInput {...props} q={q} />;
  }
}

function ChoiceInput({ q, id, value, onChange }: InputProps<QuestionOf<'single'> | QuestionOf<'multiple'>>) {
  const multiple = q.type === 'multiple';
  const picked = multiple ? (value?.choices ?? []) : value?.choice !== undefined ? [value.choice] : [];
  const other = q.options.find((o) => o.other);
  const otherPicked = other !== undefined && picked.includes(other.id);

  const toggle = (optionId: string) => {
    let next: string[];
    if (!multiple) next = picked.includes(optionId) && !q.required ? [] : [optionId];
    else if (picked.includes(optionId)) next = picked.filter((x) => x !== optionId);
    else {
      if (q.type === 'multiple' && q.maxPicks !== null && picked.length >= q.maxPicks) {
        void Taro.showToast({ title: `最多选 ${q.maxPicks} 项`, icon: 'none' });
        return;
      }
      next = [...picked, optionId];
    }
    const keepOther = other !== undefined && next.includes(other.id);
    const otherText = keepOther ? value?.otherText : undefined;
    if (next.length === 0) return onChange(undefined);
    onChange(multiple ? { choices: next, otherText } : { choice: next[0], otherText });
  };

  return (
    <View className="sq__options">
      {q.options.map((o) => {
        const on = picked.includes(o.id);
        return (
          <View key={o.id}>
            <View id={`${id}-opt-${o.id}`} className={`sq-opt ${on ? 'sq-opt--on' : ''}`} onClick={() => toggle(o.id)}>
              <View className={`sq-opt__mark ${multiple ? 'sq-opt__mark--box' : ''}`}>
                {on && multiple ? <Text>✓</Text> : null}
              </View>
              <Text className="sq-opt__label">{o.label}</Text>
            </View>
            {o.other && otherPicked ? (
              <Input
                id={`${id}-other`}
                className="ui-input sq__other"
                placeholderClass="ui-input-placeholder"
                value={value?.otherText ?? ''}
                maxlength={OTHER_TEXT_MAX}
                placeholder={`请写明“${o.label}”的内容`}
                onInput={(e) =>
                  onChange(
                    multiple
                      ? { choices: picked, otherText: e.detail.value }
                      : { choice: picked[0], otherText: e.detail.value },
                  )
                }
              />
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

function RankingInput({ q, id, value, onChange }: InputProps<QuestionOf<'ranking'>>) {
  const ranking = value?.ranking ?? [];
  const need = q.rankCount ?? q.options.length;
  const tap = (optionId: string) => {
    if (ranking.includes(optionId)) {
      const next = ranking.filter((x) => x !== optionId);
      return onChange(next.length > 0 ? { ranking: next } : undefined);
    }
    if (ranking.length >= need) {
      void Taro.showToast({ title: `只排前 ${need} 项，可先点已排的取消`, icon: 'none' });
      return;
    }
    onChange({ ranking: [...ranking, optionId] });
  };
  return (
    <View className="sq__options">
      {q.options.map((o) => {
        const pos = ranking.indexOf(o.id);
        return (
          <View
            key={o.id}
            id={`${id}-opt-${o.id}`}
            className={`sq-opt ${pos >= 0 ? 'sq-opt--on' : ''}`}
            onClick={() => tap(o.id)}
          >
            <View className={`sq-opt__rank ${pos >= 0 ? 'sq-opt__rank--on' : ''}`}>
              <Text>{pos >= 0 ? pos + 1 : ''}</Text>
            </View>
            <Text className="sq-opt__label">{o.label}</Text>
          </View>
        );
      })}
      <View className="sq__rank-foot">
        <Text className="sq__rank-count">
          已排 {ranking.length}/{need} 项
        </Text>
        {ranking.length > 0 ? (
          <Text className="sq__link" id={`${id}-reset`} onClick={() => onChange(undefined)}>
            重新排序
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function ValueInput({ q, id, value, onChange }: InputProps<QuestionOf<'scale'> | QuestionOf<'score'>>) {
  const min = q.type === 'scale' ? 1 : 0;
  const max = q.type === 'scale' ? 5 : 10;
  const steps: number[] = [];
  for (let n = min; n <= max; n += 1) steps.push(n);
  const current = value?.value;
  // Only the words staff chose; a scale without them shows its numbers alone.
  const ends = scaleEnds(q);
  return (
    <View className="sq__values">
      <View className={`sq-values ${q.type === 'score' ? 'sq-values--score' : ''}`}>
        {steps.map((n) => (
          <View
            key={n}
            id={`${id}-v-${n}`}
            className={`sq-value ${current === n ? 'sq-value--on' : ''}`}
            onClick={() => onChange(current === n && !q.required ? undefined : { value: n })}
          >
            <Text>{n}</Text>
          </View>
        ))}
      </View>
      {ends ? (
        <View className="sq__ends" id={`${id}-ends`}>
          <Text>{ends.low ? `${min} 分 = ${ends.low}` : ''}</Text>
          <Text>{ends.high ? `${max} 分 = ${ends.high}` : ''}</Text>
        </View>
      ) : null}
    </View>
  );
}

function MatrixInput({ q, id, value, onChange }: InputProps<QuestionOf<'matrix'>>) {
  const rows = value?.rows ?? {};
  const pick = (rowId: string, col: number) => {
    const next = { ...rows, [rowId]: col };
    onChange({ rows: next });
  };
  return (
    <View className="sq__matrix">
      {q.rows.map((row) => (
        <View key={row.id} className="sq-mrow" id={`${id}-r-${row.id}`}>
          <Text className="sq-mrow__label">{row.label}</Text>
          <View className="sq-mrow__cols">
            {q.columns.map((label, k) => (
              <View
                key={k}
                id={`${id}-r-${row.id}-${k + 1}`}
                className={`sq-mcol ${rows[row.id] === k + 1 ? 'sq-mcol--on' : ''}`}
                onClick={() => pick(row.id, k + 1)}
              >
                <Text>{label}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

function TextInput({ q, id, value, onChange }: InputProps<QuestionOf<'text'> | QuestionOf<'longText'>>) {
  const text = value?.text ?? '';
  const n = charCount(text.trim());
  const set = (t: string) => onChange(t === '' ? undefined : { text: t });
  return (
    <View className="sq__text">
      {/* Some room over the limit, so the count can say 超出 rather than the box silently cutting. */}
      <TextBox
        id={`${id}-text`}
        multiline={q.type === 'longText'}
        value={text}
        maxlength={q.maxLength + (q.type === 'longText' ? 20 : 10)}
        placeholder="请在这里填写"
        onInput={set}
      />
      <Text className={`ui-count sq__count ${n > q.maxLength ? 'ui-count--over' : ''}`}>
        {n}/{q.maxLength}
      </Text>
    </View>
  );
}
