/**
 * Answering helpers on top of the shared rules (`visibleQuestionIds`, `checkAnswers`, `isBlank` from
 * shared-types): which sections are pages right now, what gets sent, and messages per question.
 */
import {
  checkAnswers,
  isBlank,
  visibleQuestionIds,
  type Answers,
  type AnswerValue,
  type FieldError,
  type SurveySection,
} from '@shishi/shared-types';

/** Indexes of the sections that show at least one question for these answers (the pages to walk). */
export function pageIndexes(sections: readonly SurveySection[], answers: Answers): number[] {
  const visible = visibleQuestionIds(sections, answers);
  const pages = sections.map((s, i) => ({ s, i })).filter(({ s }) => s.questions.some((q) => visible.has(q.id)));
  return pages.length > 0 ? pages.map(({ i }) => i) : [0];
}

/**
 * The answers to send: shown questions only (an answer to a question the earlier answers now hide is
 * left out, as the rule wants), blanks dropped, and a 其他 text dropped when 其他 is not chosen.
 */
export function answersToSend(sections: readonly SurveySection[], answers: Answers): Answers {
  const visible = visibleQuestionIds(sections, answers);
  const out: Answers = {};
  for (const section of sections) {
    for (const q of section.questions) {
      const value = answers[q.id];
      if (!visible.has(q.id) || isBlank(value) || !value) continue;
      const v: AnswerValue = { ...value };
      if (q.type === 'single' || q.type === 'multiple') {
        const other = q.options.find((o) => o.other);
        const picked = q.type === 'single' ? [v.choice] : (v.choices ?? []);
        if (!other || !picked.includes(other.id)) delete v.otherText;
      }
      if (v.text !== undefined) v.text = v.text.trim();
      out[q.id] = v;
    }
  }
  return out;
}

/** Problems of the answers so far, question id → message (the same rules the function applies). */
export function answerProblems(sections: readonly SurveySection[], answers: Answers): Record<string, string> {
  return questionMessages(checkAnswers(sections, answersToSend(sections, answers)).fields);
}

/** `answers.<questionId>` field errors (client or server) as question id → first message. */
export function questionMessages(fields: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const m = /^answers\.([^.]+)/.exec(f.path);
    if (m && out[m[1]] === undefined) out[m[1]] = f.message;
  }
  return out;
}

/** Question ids of a section, in order. */
export const idsOf = (section: SurveySection) => section.questions.map((q) => q.id);

/** The answers kept for the questions this survey still has (a saved draft may be older). */
export function knownAnswers(sections: readonly SurveySection[], answers: Answers): Answers {
  const ids = new Set(sections.flatMap(idsOf));
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) if (ids.has(id)) out[id] = v;
  return out;
}
