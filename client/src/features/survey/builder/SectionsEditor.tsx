import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { QuestionType, SurveySection } from '@shishi/shared-types';
import { AppButton, TextBox } from '../../../components';
import { confirm } from '../../../utils/feedback';
import {
  addQuestion,
  addSection,
  allQuestions,
  moveQuestion,
  newQuestion,
  numbering,
  removeOption,
  removeQuestion,
  removeSection,
  updateQuestion,
} from './model';
import { QuestionCard } from './QuestionCard';
import { QuestionEditor } from './QuestionEditor';
import { TypeSheet } from './TypeSheet';
import type { SurveyEditor } from './useSurveyEditor';

/** The pages (sections) and their questions: add, edit one at a time, move, remove. */
export function SectionsEditor({ editor, answeredIds }: { editor: SurveyEditor; answeredIds: ReadonlySet<string> }) {
  const { state, setSections, expanded, setExpanded, errors, problemsAt } = editor;
  const sections = state.sections;
  const [adding, setAdding] = useState<number | null>(null);
  const numbers = numbering(sections);
  const all = allQuestions(sections);
  const locked = answeredIds.size > 0;

  const pick = (type: QuestionType) => {
    if (adding === null) return;
    const q = newQuestion(type, sections);
    // With answers in, a new question can only be optional (earlier respondents never saw it).
    if (locked) q.required = false;
    setSections((s) => addQuestion(s, adding, q));
    setExpanded(q.id);
    setAdding(null);
    setTimeout(() => void Taro.pageScrollTo({ selector: '#qe', duration: 200 }), 80);
  };

  const remove = async (questionId: string) => {
    const n = numbers.get(questionId);
    const used = all.some((q) => q.showIf.some((c) => c.questionId === questionId));
    const ok = await confirm(
      '删除题目',
      used ? `删除第 ${n} 题？引用它的显示条件也会一并去掉。` : `删除第 ${n} 题？`,
      '删除',
    );
    if (!ok) return;
    setSections((s) => removeQuestion(s, questionId));
    if (expanded === questionId) setExpanded(null);
  };

  const dropSection = async (index: number) => {
    const n = sections[index].questions.length;
    const ok = await confirm(
      '删除分页',
      n > 0 ? `这一页的 ${n} 道题会并入${index === 0 ? '下一页' : '上一页'}。` : '删除这个空白分页？',
      '删除分页',
    );
    if (ok) setSections((s) => removeSection(s, index));
  };

  const setSectionField = (index: number, key: 'title' | 'description', value: string) =>
    setSections((s) => s.map((x, i) => (i === index ? { ...x, [key]: value } : x)));

  return (
    <View className="se-sections" id="se-sections">
      {sections.map((section: SurveySection, si) => (
        <View key={section.id} className="se-section" id={`section-${si}`}>
          <View className="se-section__head">
            <Text className="se-section__n">
              第 {si + 1} 页{sections.length > 1 ? ` / 共 ${sections.length} 页` : ''}
            </Text>
            {sections.length > 1 && !locked ? (
              <Text
                className="se-link se-link--danger"
                id={`section-${si}-remove`}
                onClick={() => void dropSection(si)}
              >
                删除分页
              </Text>
            ) : null}
          </View>
          <TextBox
            id={`section-${si}-title`}
            className="se-section__title"
            value={section.title}
            maxlength={60}
            placeholder="分页标题（选填），例如：基本情况"
            onInput={(v) => setSectionField(si, 'title', v)}
          />
          {section.questions.length === 0 ? <Text className="se-section__empty">这一页还没有题目</Text> : null}
          {section.questions.map((q, qi) => {
            const prefix = `sections.${si}.questions.${qi}`;
            const n = numbers.get(q.id) ?? 0;
            const index = n - 1;
            return expanded === q.id ? (
              <QuestionEditor
                key={q.id}
                question={q}
                number={n}
                sections={sections}
                onChange={(next) => setSections((s) => updateQuestion(s, q.id, () => next))}
                onRemoveOption={(optionId) => setSections((s) => removeOption(s, q.id, optionId))}
                onDone={() => setExpanded(null)}
                errorAt={(sub) => errors[`${prefix}.${sub}`]}
                answered={answeredIds.has(q.id)}
              />
            ) : (
              <QuestionCard
                key={q.id}
                question={q}
                number={n}
                sections={sections}
                problems={problemsAt(prefix)}
                onEdit={() => setExpanded(q.id)}
                onMove={(dir) => setSections((s) => moveQuestion(s, q.id, dir) ?? s)}
                onRemove={() => void remove(q.id)}
                canMoveUp={index > 0 || si > 0}
                canMoveDown={index < all.length - 1 || si < sections.length - 1}
                answered={answeredIds.has(q.id)}
              />
            );
          })}
          {errors[`sections.${si}.questions`] ? (
            <Text className="ui-field__error">{errors[`sections.${si}.questions`]}</Text>
          ) : null}
          <AppButton id={`section-${si}-add`} block className="se-section__add" onClick={() => setAdding(si)}>
            ＋ 在这一页添加题目
          </AppButton>
        </View>
      ))}
      {errors.sections ? (
        <Text className="ui-field__error" id="se-sections-error">
          {errors.sections}
        </Text>
      ) : null}
      <AppButton id="section-add" block onClick={() => setSections(addSection)}>
        ＋ 添加分页（职工每次看一页）
      </AppButton>
      {adding !== null ? <TypeSheet onPick={pick} onClose={() => setAdding(null)} /> : null}
    </View>
  );
}
