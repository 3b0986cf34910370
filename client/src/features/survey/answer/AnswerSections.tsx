import { View, Text } from '@tarojs/components';
import { hiddenQuestionNote, workerGroupLabels, type Survey, type WorkerGroup } from '@shishi/shared-types';
import { QuestionView } from './QuestionView';
import { GROUPS_KEY, type AnswerSheet } from './useAnswerSheet';
import './QuestionView.scss';

interface AnswerSectionsProps {
  survey: Survey;
  /** Indexes of the sections to show (one page, or all of them for offline entry). */
  sections: readonly number[];
  sheet: AnswerSheet;
  /** Show the 所属群体 question (first page). */
  withGroups: boolean;
  /** Offline entry speaks of the worker, not to them. */
  thirdPerson?: boolean;
  /** Number every question as on the paper form (offline entry), not only the shown ones. */
  paperNumbers?: boolean;
}

/** The shown questions of some sections, with their section titles. */
export function AnswerSections({
  survey,
  sections,
  sheet,
  withGroups,
  thirdPerson,
  paperNumbers,
}: AnswerSectionsProps) {
  const paper = paperNumbers ? new Map(survey.sections.flatMap((s) => s.questions).map((q, i) => [q.id, i + 1])) : null;
  return (
    <View>
      {withGroups && sheet.askGroups ? (
        <GroupsQuestion
          options={survey.audience.groups}
          value={sheet.groups}
          onChange={sheet.setGroups}
          error={sheet.errors[GROUPS_KEY]}
          thirdPerson={thirdPerson}
        />
      ) : null}
      {sections.map((index) => {
        const section = survey.sections[index];
        // Offline entry lists hidden questions too (greyed), so the paper form's numbers line up.
        const shown = section.questions.filter((q) => paper || sheet.visible.has(q.id));
        return (
          <View key={section.id} className="sq-section" id={`section-${section.id}`}>
            {section.title || section.description ? (
              <View className="sq-section__head">
                {section.title ? <Text className="sq-section__title">{section.title}</Text> : null}
                {section.description ? <Text className="sq-section__desc">{section.description}</Text> : null}
              </View>
            ) : null}
            {shown.map((q) =>
              !sheet.visible.has(q.id) ? (
                <Text key={q.id} className="sq-skipped" id={`q-${q.id}-skipped`}>
                  {paper?.get(q.id)}. {q.title}（
                  {paper ? hiddenQuestionNote(survey.sections, sheet.answers, q.id, paper) : ''}）
                </Text>
              ) : (
                <QuestionView
                  key={q.id}
                  question={q}
                  number={(paper ?? sheet.numbers).get(q.id) ?? 0}
                  value={sheet.answers[q.id]}
                  onChange={(v) => sheet.setAnswer(q.id, v)}
                  error={sheet.errors[q.id]}
                />
              ),
            )}
          </View>
        );
      })}
    </View>
  );
}

function GroupsQuestion({
  options,
  value,
  onChange,
  error,
  thirdPerson,
}: {
  options: readonly WorkerGroup[];
  value: WorkerGroup[];
  onChange: (groups: WorkerGroup[]) => void;
  error?: string;
  thirdPerson?: boolean;
}) {
  const toggle = (g: WorkerGroup) => onChange(value.includes(g) ? value.filter((x) => x !== g) : [...value, g]);
  return (
    <View className={`sq ${error ? 'sq--invalid' : ''}`} id="q-groups">
      <View className="sq__head">
        <Text className="sq__title">
          {thirdPerson ? '这位职工属于以下哪些群体？' : '您属于以下哪些群体？'}
          <Text className="sq__required"> *</Text>
        </Text>
        <Text className="sq__hint">多选。这份调查面向这些职工，不属于的不用填写</Text>
      </View>
      <View className="sq__options">
        {options.map((g) => {
          const on = value.includes(g);
          return (
            <View key={g} id={`q-groups-${g}`} className={`sq-opt ${on ? 'sq-opt--on' : ''}`} onClick={() => toggle(g)}>
              <View className="sq-opt__mark sq-opt__mark--box">{on ? <Text>✓</Text> : null}</View>
              <Text className="sq-opt__label">{workerGroupLabels[g]}</Text>
            </View>
          );
        })}
      </View>
      {error ? (
        <Text className="sq__error" id="q-groups-error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
