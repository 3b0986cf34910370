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
  /** Shown questions whose answer is complete (every matrix row, the whole ranking, 其他 with its text). */
  answered: number;
  /** Questions shown for the answers so far: what the worker is asked. */
  shown: number;
  /** Required shown questions not complete yet. */
  requiredLeft: number;
  /** 0–100, of the shown questions; 100 only when every shown question is complete. */
  percent: number;
}

/**
 * Whether a shown question's answer is complete: it fits the question and leaves nothing out — a matrix
 * with a row still open, a ranking not finished or a 其他 without its text is not answered yet.
 */
export function isAnswered(question: SurveyQuestion, value: AnswerValue | undefined): boolean {
  if (isBlank(value) || !value) return false;
  if (typeof checkOne(question, value) === 'string') return false;
  if (question.type === 'matrix') return question.rows.every((r) => value.rows?.[r.id] !== undefined);
  return true;
}

/**
 * What a worker is asked and has answered, given the display logic: the one count behind the home
 * card ("7 题", no answers yet), the answering page's progress and the offline entry form.
 */
export function answerProgress(sections: readonly SurveySection[], answers: Answers): Progress {
  const visible = visibleQuestionIds(sections, answers);
  let answered = 0;
  let requiredLeft = 0;
  for (const { question } of questionsInOrder(sections)) {
    if (!visible.has(question.id)) continue;
    if (isAnswered(question, answers[question.id])) answered += 1;
    else if (question.required) requiredLeft += 1;
  }
  const shown = visible.size;
  const percent = shown === 0 ? 0 : answered === shown ? 100 : Math.min(99, Math.round((answered * 100) / shown));
  return { answered, shown, requiredLeft, percent };
}

/** "第 1 题选“有”", "第 3 题选 4–5 分", "第 2 题有回答": a display condition in words. */
export function conditionPhrase(c: SurveyCondition, sections: readonly SurveySection[], n: number): string {
  switch (c.op) {
    case 'anyOf': {
      const target = questionsInOrder(sections).find((x) => x.question.id === c.questionId)?.question;
      const opts = target && (target.type === 'single' || target.type === 'multiple') ? target.options : [];
      const labels = c.optionIds.map((id) => `“${opts.find((o) => o.id === id)?.label ?? id}”`).join('或');
      return `第 ${n} 题选${labels}`;
    }
    case 'between':
      return c.min === c.max ? `第 ${n} 题选 ${c.min} 分` : `第 ${n} 题选 ${c.min}–${c.max} 分`;
    case 'answered':
      return `第 ${n} 题有回答`;
  }
}

/**
 * Why a question is not asked now, in words that are true: before the question it depends on is
 * answered, when it will be asked ("第 1 题选“有”时才需要填"); once that answer rules it out,
 * "根据第 1 题的回答，这题不用填". null while the question is shown. `numbers` numbers the questions
 * as the reader sees them (the paper form's numbers on the offline form).
 */
export function hiddenQuestionNote(
  sections: readonly SurveySection[],
  answers: Answers,
  questionId: string,
  numbers: ReadonlyMap<string, number>,
): string | null {
  const visible = visibleQuestionIds(sections, answers);
  if (visible.has(questionId)) return null;
  const question = questionsInOrder(sections).find((x) => x.question.id === questionId)?.question;
  if (!question) return null;
  const failing = question.showIf.filter(
    (c) => !(visible.has(c.questionId) && conditionHolds(c, answers[c.questionId])),
  );
  const waiting = failing.filter((c) => !visible.has(c.questionId) || isBlank(answers[c.questionId]));
  const n = (id: string) => numbers.get(id) ?? 0;
  if (waiting.length > 0) {
    const all = question.showIf.map((c) => conditionPhrase(c, sections, n(c.questionId)));
    return `${all.join('，并且')}时才需要填`;
  }
  const by = [...new Set(failing.map((c) => `第 ${n(c.questionId)} 题`))].join('、');
  return `根据${by}的回答，这题不用填`;
}

/** The words under a scale's or score's two ends: only what staff wrote (none when both are empty). */
export function scaleEnds(question: SurveyQuestion): { low: string; high: string } | null {
  if (question.type !== 'scale' && question.type !== 'score') return null;
  const low = question.lowLabel.trim();
  const high = question.highLabel.trim();
  return low || high ? { low, high } : null;
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
