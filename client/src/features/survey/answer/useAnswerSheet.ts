import { useCallback, useMemo, useState } from 'react';
import {
  answerProgress,
  visibleQuestionIds,
  type Answers,
  type AnswerValue,
  type FieldError,
  type Survey,
  type WorkerGroup,
} from '@shishi/shared-types';
import { answerProblems, questionMessages } from '../answering';

/** Key of the 所属群体 question in the messages map. */
export const GROUPS_KEY = '_groups';

export interface AnswerSheet {
  answers: Answers;
  groups: WorkerGroup[];
  /** Whether the survey asks which worker group the respondent belongs to. */
  askGroups: boolean;
  visible: Set<string>;
  /** Question id (or GROUPS_KEY) → message. */
  errors: Record<string, string>;
  progress: ReturnType<typeof answerProgress>;
  /** Shown questions numbered 1, 2, … in survey order. */
  numbers: Map<string, number>;
  setAnswer: (questionId: string, value: AnswerValue | undefined) => void;
  setGroups: (groups: WorkerGroup[]) => void;
  /** Checks with the shared rules; `ids` limits the messages to some questions (one page). */
  validate: (ids?: readonly string[]) => Record<string, string>;
  /** Messages of an INVALID_INPUT reply. */
  showServerErrors: (fields: readonly FieldError[]) => Record<string, string>;
  reset: () => void;
}

/** The answers being filled in: display logic, progress and messages all come from the shared rules. */
export function useAnswerSheet(survey: Survey, initial: { answers: Answers; groups: WorkerGroup[] }): AnswerSheet {
  const { sections } = survey;
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [groups, setGroupsState] = useState<WorkerGroup[]>(initial.groups);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const askGroups = survey.audience.groups.length > 0;

  const visible = useMemo(() => visibleQuestionIds(sections, answers), [sections, answers]);
  const progress = useMemo(() => answerProgress(sections, answers), [sections, answers]);
  const numbers = useMemo(() => {
    const m = new Map<string, number>();
    let n = 0;
    for (const s of sections) for (const q of s.questions) if (visible.has(q.id)) m.set(q.id, ++n);
    return m;
  }, [sections, visible]);

  const setAnswer = useCallback((questionId: string, value: AnswerValue | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
    setErrors((current) => {
      if (current[questionId] === undefined) return current;
      const next = { ...current };
      delete next[questionId];
      return next;
    });
  }, []);

  const setGroups = useCallback((next: WorkerGroup[]) => {
    setGroupsState(next);
    setErrors((current) => {
      const copy = { ...current };
      delete copy[GROUPS_KEY];
      return copy;
    });
  }, []);

  const validate = (ids?: readonly string[]) => {
    const all = answerProblems(sections, answers);
    if (askGroups && !groups.some((g) => survey.audience.groups.includes(g))) all[GROUPS_KEY] = '请选择您所属的群体';
    const shown: Record<string, string> = {};
    for (const [key, message] of Object.entries(all)) if (!ids || ids.includes(key)) shown[key] = message;
    setErrors(shown);
    return shown;
  };

  const showServerErrors = (fields: readonly FieldError[]) => {
    const messages = questionMessages(fields);
    if (fields.some((f) => f.path.startsWith('groups')))
      messages[GROUPS_KEY] = fields.find((f) => f.path.startsWith('groups'))!.message;
    setErrors(messages);
    return messages;
  };

  const reset = () => {
    setAnswers({});
    setGroupsState([]);
    setErrors({});
  };

  return {
    answers,
    groups,
    askGroups,
    visible,
    errors,
    progress,
    numbers,
    setAnswer,
    setGroups,
    validate,
    showServerErrors,
    reset,
  };
}
