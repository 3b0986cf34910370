/**
 * Rules of answering a survey: which questions are shown given the answers so far (display logic), and
 * whether a set of answers fits the survey's own questions. Pure: the phone runs the same code for its
 * progress indicator and field messages that the cloud function runs before storing anything.
 */
import type { FieldError } from '../envelope';
import type {
  AnswerItem,
  AnswerValue,
  Answers,
  QuestionType,
  SurveyCondition,
  SurveyQuestion,
  SurveySection,
} from '../schemas/survey';
import { questionsInOrder } from './surveyDefinition';

const OTHER_TEXT_MAX = 100;
const RANGES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  scale: { min: 1, max: 5 },
  score: { min: 0, max: 10 },
};

/** The answer keys each question type takes. */
const keysOf: Record<QuestionType, ReadonlyArray<keyof AnswerValue>> = {
  single: ['choice', 'otherText'],
  multiple: ['choices', 'otherText'],
  ranking: ['ranking'],
  scale: ['value'],
  score: ['value'],
  matrix: ['rows'],
  text: ['text'],
  longText: ['text'],
};

/** Characters as people count them (a Chinese character or an emoji is one). */
export function charCount(s: string): number {
  return Array.from(s).length;
}

/** Whether an answer says nothing (a question left blank). */
export function isBlank(value: AnswerValue | undefined): boolean {
  if (!value) return true;
  if (value.choice !== undefined && value.choice !== '') return false;
  if (value.choices && value.choices.length > 0) return false;
  if (value.ranking && value.ranking.length > 0) return false;
  if (value.value !== undefined) return false;
  if (value.rows && Object.keys(value.rows).length > 0) return false;
  if (value.text !== undefined && value.text.trim() !== '') return false;
  return true;
}

function conditionHolds(c: SurveyCondition, value: AnswerValue | undefined): boolean {
  if (isBlank(value) || !value) return false;
  switch (c.op) {
    case 'answered':
      return true;
    case 'anyOf': {
      const picked = value.choices ?? (value.choice !== undefined ? [value.choice] : []);
      return picked.some((id) => c.optionIds.includes(id));
    }
    case 'between':
      return typeof value.value === 'number' && value.value >= c.min && value.value <= c.max;
  }
}

/**
 * The questions shown for these answers, in order. A question shows when each of its conditions holds:
 * the earlier question it names is itself shown, answered, and the answer matches. Hiding cascades.
 */
export function visibleQuestionIds(sections: readonly SurveySection[], answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const { question } of questionsInOrder(sections)) {
    const shown = question.showIf.every((c) => visible.has(c.questionId) && conditionHolds(c, answers[c.questionId]));
    if (shown) visible.add(question.id);
  }
  return visible;
}

export interface Progress {
  /** Shown questions that are answered. */
  answered: number;
  /** Questions shown for the answers so far. */
  shown: number;
  /** Required shown questions still blank. */
  requiredLeft: number;
  /** 0–100, of the shown questions. */
  percent: number;
}

/** The progress indicator while answering. */
export function answerProgress(sections: readonly SurveySection[], answers: Answers): Progress {
  const visible = visibleQuestionIds(sections, answers);
  let answered = 0;
  let requiredLeft = 0;
  for (const { question } of questionsInOrder(sections)) {
    if (!visible.has(question.id)) continue;
    if (!isBlank(answers[question.id])) answered += 1;
    else if (question.required) requiredLeft += 1;
  }
  const shown = visible.size;
  return { answered, shown, requiredLeft, percent: shown === 0 ? 0 : Math.round((answered * 100) / shown) };
}

export interface AnswerCheck {
  /** Each problem at `answers.<questionId>`, Chinese, fit to show next to the question. */
  fields: FieldError[];
  /** The answers as stored: one item per answered, shown question, texts trimmed. */
  items: AnswerItem[];
}

/**
 * Checks answers against the survey's own questions: unknown questions or options, the wrong kind of
 * answer, too few or too many picks, an incomplete ranking or matrix, a value out of range, a 其他
 * without its text, text over the limit, a required shown question left blank, and an answer to a
 * question that the earlier answers hide. Nothing is stored unless `fields` is empty.
 */
export function checkAnswers(sections: readonly SurveySection[], answers: Answers): AnswerCheck {
  const fields: FieldError[] = [];
  const items: AnswerItem[] = [];
  const byId = new Map(questionsInOrder(sections).map((x) => [x.question.id, x.question]));
  const visible = visibleQuestionIds(sections, answers);

  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) fields.push({ path: `answers.${id}`, message: '问卷里没有这道题' });
  }
  for (const { question } of questionsInOrder(sections)) {
    const path = `answers.${question.id}`;
    const value = answers[question.id];
    const fail = (message: string) => fields.push({ path, message });
    if (!visible.has(question.id)) {
      if (!isBlank(value)) fail('根据前面的回答，这道题不需要回答');
      continue;
    }
    if (value) {
      const stray = (Object.keys(value) as Array<keyof AnswerValue>).filter(
        (k) => value[k] !== undefined && !keysOf[question.type].includes(k),
      );
      if (stray.length > 0) {
        fail('答案格式不对');
        continue;
      }
    }
    if (isBlank(value) || !value) {
      if (question.required) fail(requiredMessage(question));
      else if (value?.otherText?.trim()) fail('没有选择“其他”，不需要填写');
      continue;
    }
    const result = checkOne(question, value);
    if (typeof result === 'string') fail(result);
    else items.push(result);
  }
  return { fields, items };
}

function requiredMessage(q: SurveyQuestion): string {
  if (q.type === 'ranking') return '请完成排序';
  if (q.type === 'matrix') return '请回答每一行';
  if (q.type === 'multiple' || q.type === 'single') return '请选择';
  return '请回答这道题';
}

/** One shown, non-blank answer: its stored item, or why it does not fit. */
function checkOne(q: SurveyQuestion, value: AnswerValue): AnswerItem | string {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const picked = q.type === 'single' ? (value.choice !== undefined ? [value.choice] : []) : (value.choices ?? []);
      const ids = new Map(q.options.map((o) => [o.id, o]));
      if (picked.some((id) => !ids.has(id))) return '选项不存在';
      if (new Set(picked).size !== picked.length) return '选项重复';
      if (q.type === 'multiple') {
        const min = Math.max(q.minPicks, q.required ? 1 : 0);
        if (picked.length < min) return `至少选 ${min} 项`;
        if (q.maxPicks !== null && picked.length > q.maxPicks) return `最多选 ${q.maxPicks} 项`;
      }
      const other = q.options.find((o) => o.other);
      const otherText = value.otherText?.trim() ?? '';
      const otherPicked = other !== undefined && picked.includes(other.id);
      if (otherPicked && otherText === '') return `请填写“${other.label}”的具体内容`;
      if (!otherPicked && otherText !== '') return '没有选择“其他”，不需要填写';
      if (charCount(otherText) > OTHER_TEXT_MAX) return `“${other?.label ?? '其他'}”最多 ${OTHER_TEXT_MAX} 个字`;
      // Multiple choice is kept in the options' order, so the same picks are stored the same way.
      const ordered = q.type === 'multiple' ? q.options.map((o) => o.id).filter((id) => picked.includes(id)) : picked;
      return otherPicked ? { q: q.id, c: ordered, o: otherText } : { q: q.id, c: ordered };
    }
    case 'ranking': {
      const ranking = value.ranking ?? [];
      const ids = new Set(q.options.map((o) => o.id));
      if (ranking.some((id) => !ids.has(id))) return '选项不存在';
      if (new Set(ranking).size !== ranking.length) return '排序里有重复的选项';
      const need = q.rankCount ?? q.options.length;
      if (ranking.length !== need)
        return need === q.options.length ? '请把所有选项排好顺序' : `请选出最重要的 ${need} 项并排好顺序`;
      return { q: q.id, c: ranking };
    }
    case 'scale':
    case 'score': {
      const range = RANGES[q.type]!;
      const v = value.value;
      if (typeof v !== 'number' || !Number.isInteger(v)) return '请选择一个分值';
      if (v < range.min || v > range.max) return `分值应在 ${range.min}–${range.max} 之间`;
      return { q: q.id, v };
    }
    case 'matrix': {
      const rows = value.rows ?? {};
      const known = new Set(q.rows.map((r) => r.id));
      if (Object.keys(rows).some((id) => !known.has(id))) return '矩阵行不存在';
      const m: Array<{ r: string; v: number }> = [];
      for (const row of q.rows) {
        const v = rows[row.id];
        if (v === undefined) {
          if (q.required) return `请回答“${row.label}”`;
          continue;
        }
        if (!Number.isInteger(v) || v < 1 || v > q.columns.length) return `“${row.label}”的选择不对`;
        m.push({ r: row.id, v });
      }
      return { q: q.id, m };
    }
    case 'text':
    case 'longText': {
      const t = (value.text ?? '').trim();
      if (charCount(t) > q.maxLength) return `最多 ${q.maxLength} 个字`;
      return { q: q.id, t };
    }
  }
}

/** Every text a respondent wrote (answers and 其他), for the content check before others see it. */
export function textsOf(items: readonly AnswerItem[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.t) out.push(item.t);
    if (item.o) out.push(item.o);
  }
  return out;
}
