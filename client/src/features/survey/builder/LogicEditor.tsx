import { View, Text } from '@tarojs/components';
import type { SurveyCondition, SurveyQuestion, SurveySection } from '@shishi/shared-types';
import { allQuestions, conditionText, defaultCondition, numbering } from './model';
import { Stepper } from './Stepper';

interface LogicEditorProps {
  question: SurveyQuestion;
  sections: readonly SurveySection[];
  onChange: (showIf: SurveyCondition[]) => void;
  /** `showIf.<k>` → message. */
  errorAt: (path: string) => string | undefined;
  locked?: boolean;
}

/**
 * 显示条件: "当第 N 题选择 X 时显示". Only earlier questions can be named; a question with several
 * conditions shows when all of them hold.
 */
export function LogicEditor({ question, sections, onChange, errorAt, locked }: LogicEditorProps) {
  const all = allQuestions(sections);
  const earlier = all.slice(
    0,
    all.findIndex((q) => q.id === question.id),
  );
  const numbers = numbering(sections);
  const conds = question.showIf;
  const set = (k: number, c: SurveyCondition) => onChange(conds.map((x, i) => (i === k ? c : x)));

  return (
    <View className="se-logic" id="qe-logic">
      <Text className="se-block-label">显示条件</Text>
      {conds.length === 0 ? (
        <Text className="se-logic__none" id="qe-logic-none">
          总是显示
        </Text>
      ) : null}
      {conds.map((c, k) => {
        const target = earlier.find((q) => q.id === c.questionId);
        const id = `qe-logic-${k}`;
        return (
          <View key={k} className="se-logic__item" id={id}>
            <View className="se-logic__head">
              <Text className="se-logic__summary" id={`${id}-summary`}>
                {conditionText(c, sections)}
              </Text>
              {!locked ? (
                <Text
                  className="se-link se-link--danger"
                  id={`${id}-remove`}
                  onClick={() => onChange(conds.filter((_, i) => i !== k))}
                >
                  删除
                </Text>
              ) : null}
            </View>
            {!locked ? (
              <>
                <Text className="se-logic__step">1. 看哪一题的回答</Text>
                <View className="ui-chips se-chips">
                  {earlier.map((q) => (
                    <View
                      key={q.id}
                      id={`${id}-q-${q.id}`}
                      className={`ui-chip ui-chip--small ${q.id === c.questionId ? 'ui-chip--selected' : ''}`}
                      onClick={() => q.id !== c.questionId && set(k, defaultCondition(q))}
                    >
                      <Text>第 {numbers.get(q.id)} 题</Text>
                    </View>
                  ))}
                </View>
                {target ? (
                  <Text className="se-logic__target">
                    第 {numbers.get(target.id)} 题：{target.title || '（未填写题目）'}
                  </Text>
                ) : null}
                {target ? <ConditionValue id={id} c={c} target={target} onChange={(next) => set(k, next)} /> : null}
              </>
            ) : null}
            {errorAt(`showIf.${k}`) ? <Text className="ui-field__error">{errorAt(`showIf.${k}`)}</Text> : null}
          </View>
        );
      })}
      {locked ? (
        <Text className="muted">已有答卷，不能修改显示条件。</Text>
      ) : earlier.length === 0 ? (
        <Text className="muted">这是第一题，前面没有可以作为条件的题目。</Text>
      ) : conds.length < 5 ? (
        <Text
          className="se-link"
          id="qe-logic-add"
          onClick={() => onChange([...conds, defaultCondition(earlier[earlier.length - 1])])}
        >
          ＋ 添加显示条件（只在前面某题选了特定答案时才显示本题）
        </Text>
      ) : null}
    </View>
  );
}

function ConditionValue({
  id,
  c,
  target,
  onChange,
}: {
  id: string;
  c: SurveyCondition;
  target: SurveyQuestion;
  onChange: (c: SurveyCondition) => void;
}) {
  if (c.op === 'anyOf' && (target.type === 'single' || target.type === 'multiple')) {
    const toggle = (optionId: string) =>
      onChange({
        ...c,
        optionIds: c.optionIds.includes(optionId)
          ? c.optionIds.filter((x) => x !== optionId)
          : [...c.optionIds, optionId],
      });
    return (
      <View>
        <Text className="se-logic__step">2. 选了下面哪一项时显示（可多选，满足一项即可）</Text>
        <View className="ui-chips se-chips">
          {target.options.map((o, i) => (
            <View
              key={o.id}
              id={`${id}-opt-${o.id}`}
              className={`ui-chip ui-chip--small ${c.optionIds.includes(o.id) ? 'ui-chip--selected' : ''}`}
              onClick={() => toggle(o.id)}
            >
              <Text>{o.label || `选项 ${i + 1}`}</Text>
            </View>
          ))}
        </View>
      </View>
    );
  }
  if (c.op === 'between' && (target.type === 'scale' || target.type === 'score')) {
    const lo = target.type === 'scale' ? 1 : 0;
    const hi = target.type === 'scale' ? 5 : 10;
    return (
      <View>
        <Text className="se-logic__step">2. 分数在这个范围内时显示</Text>
        <Stepper
          id={`${id}-min`}
          label="最低"
          value={c.min}
          min={lo}
          max={hi}
          onChange={(v) => onChange({ ...c, min: v ?? lo })}
        />
        <Stepper
          id={`${id}-max`}
          label="最高"
          value={c.max}
          min={lo}
          max={hi}
          onChange={(v) => onChange({ ...c, max: v ?? hi })}
        />
      </View>
    );
  }
  return <Text className="se-logic__step">2. 只要这一题作答了就显示</Text>;
}
