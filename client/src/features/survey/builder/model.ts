/**
 * The survey editor's state and its pure edits: adding, moving and removing questions, options and
 * pages, keeping ids stable (answers refer to them) and display conditions pointing at real things.
 */
import type { SurveyTemplateBody } from '@shishi/shared-types/src/rules/surveyTemplates';
import {
  defaultMatrixColumns,
  surveyDefinitionSchema,
  questionTypeLabels,
  type CreateSurveyInput,
  type QuestionType,
  type Survey,
  type SurveyCondition,
  type SurveyQuestion,
  type SurveySection,
  type WorkerGroup,
} from '@shishi/shared-types';

export interface EditorState {
  title: string;
  intro: string;
  /** Audience root ('' = my own org). */
  orgId: string;
  industryOrgIds: string[];
  groups: WorkerGroup[];
  opensOn: string;
  closesOn: string;
  anonymous: boolean;
  resultsPublic: boolean;
  /** Workers who see the results also read the text answers (set before anyone answers). */
  textsPublic: boolean;
  /** As typed; '' = not set. */
  targetCount: string;
  sections: SurveySection[];
}

export function emptyState(orgId: string, today: string, twoWeeksOn: string): EditorState {
  return {
    title: '',
    intro: '',
    orgId,
    industryOrgIds: [],
    groups: [],
    opensOn: today,
    closesOn: twoWeeksOn,
    anonymous: false,
    resultsPublic: true,
    textsPublic: false,
    targetCount: '',
    sections: [{ id: 's1', title: '', description: '', questions: [] }],
  };
}

/**
 * A new survey started from a template (问卷模板): its questions and settings, this editor's audience and
 * dates. The template is parsed by the same schema, so defaults (必答, 其他 …) are filled in.
 */
export function stateFromTemplate(body: SurveyTemplateBody, blank: EditorState): EditorState {
  const def = surveyDefinitionSchema.parse({ ...body, opensOn: blank.opensOn, closesOn: blank.closesOn });
  return {
    ...blank,
    title: def.title,
    intro: def.intro,
    anonymous: def.anonymous,
    resultsPublic: def.resultsPublic,
    textsPublic: def.textsPublic,
    sections: def.sections,
  };
}

export function stateFromSurvey(s: Survey): EditorState {
  return {
    title: s.title,
    intro: s.intro,
    orgId: s.audience.orgId,
    industryOrgIds: [...s.audience.industryOrgIds],
    groups: [...s.audience.groups],
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    anonymous: s.anonymous,
    resultsPublic: s.resultsPublic,
    textsPublic: s.textsPublic,
    targetCount: s.targetCount === null ? '' : String(s.targetCount),
    sections: s.sections,
  };
}

/** What `survey.create` / `update` take (the schema checks it on both sides). */
export function toInput(state: EditorState): CreateSurveyInput {
  const target = state.targetCount.trim();
  return {
    title: state.title,
    intro: state.intro,
    audience: { orgId: state.orgId || undefined, industryOrgIds: state.industryOrgIds, groups: state.groups },
    opensOn: state.opensOn,
    closesOn: state.closesOn,
    anonymous: state.anonymous,
    resultsPublic: state.resultsPublic,
    // Texts are public only together with the results.
    textsPublic: state.resultsPublic && state.textsPublic,
    // A non-number is passed on as NaN so the schema says 目标人数要填数字.
    targetCount: target === '' ? null : /^\d+$/.test(target) ? Number(target) : Number.NaN,
    sections: state.sections,
  };
}

/** `q7` after q1 … q6: the next free number for a prefix. */
export function nextId(prefix: string, existing: Iterable<string>): string {
  let max = 0;
  for (const id of existing) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

export const allQuestions = (sections: readonly SurveySection[]) => sections.flatMap((s) => s.questions);

const blankOptions = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, label: '', other: false }));

export function newQuestion(type: QuestionType, sections: readonly SurveySection[]): SurveyQuestion {
  const base = {
    id: nextId(
      'q',
      allQuestions(sections).map((q) => q.id),
    ),
    title: '',
    description: '',
    required: true,
    showIf: [] as SurveyCondition[],
  };
  switch (type) {
    case 'single':
      return { ...base, type, options: blankOptions(2) };
    case 'multiple':
      return { ...base, type, options: blankOptions(3), minPicks: 0, maxPicks: null };
    case 'scale':
      // No words until staff choose them (a label set or their own): workers see only what staff chose.
      return { ...base, type, lowLabel: '', highLabel: '' };
    case 'score':
      return { ...base, type, lowLabel: '', highLabel: '' };
    case 'ranking':
      return { ...base, type, options: blankOptions(3), rankCount: null };
    case 'matrix':
      return {
        ...base,
        type,
        rows: [
          { id: 'r1', label: '' },
          { id: 'r2', label: '' },
        ],
        columns: [...defaultMatrixColumns],
      };
    case 'text':
      return { ...base, type, maxLength: 50 };
    case 'longText':
      return { ...base, type, maxLength: 500 };
  }
}

/** Where a question sits. */
export function locate(sections: readonly SurveySection[], questionId: string): { si: number; qi: number } | null {
  for (let si = 0; si < sections.length; si += 1) {
    const qi = sections[si].questions.findIndex((q) => q.id === questionId);
    if (qi >= 0) return { si, qi };
  }
  return null;
}

export function updateQuestion(
  sections: SurveySection[],
  questionId: string,
  change: (q: SurveyQuestion) => SurveyQuestion,
): SurveySection[] {
  return sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.id === questionId ? change(q) : q)) }));
}

export function addQuestion(sections: SurveySection[], sectionIndex: number, q: SurveyQuestion): SurveySection[] {
  return sections.map((s, i) => (i === sectionIndex ? { ...s, questions: [...s.questions, q] } : s));
}

/** Removes a question and every display condition that names it. */
export function removeQuestion(sections: SurveySection[], questionId: string): SurveySection[] {
  return sections.map((s) => ({
    ...s,
    questions: s.questions
      .filter((q) => q.id !== questionId)
      .map((q) =>
        q.showIf.some((c) => c.questionId === questionId)
          ? { ...q, showIf: q.showIf.filter((c) => c.questionId !== questionId) }
          : q,
      ),
  }));
}

/**
 * Moves a question one place up or down; at the edge of a page it crosses to the neighbouring page.
 * Null when it cannot move further.
 */
export function moveQuestion(sections: SurveySection[], questionId: string, dir: -1 | 1): SurveySection[] | null {
  const at = locate(sections, questionId);
  if (!at) return null;
  const { si, qi } = at;
  const next = sections.map((s) => ({ ...s, questions: [...s.questions] }));
  const list = next[si].questions;
  const target = qi + dir;
  if (target >= 0 && target < list.length) {
    [list[qi], list[target]] = [list[target], list[qi]];
    return next;
  }
  const ns = si + dir;
  if (ns < 0 || ns >= next.length) return null;
  const [q] = list.splice(qi, 1);
  if (dir < 0) next[ns].questions.push(q);
  else next[ns].questions.unshift(q);
  return next;
}

export function addSection(sections: SurveySection[]): SurveySection[] {
  return [
    ...sections,
    {
      id: nextId(
        's',
        sections.map((s) => s.id),
      ),
      title: '',
      description: '',
      questions: [],
    },
  ];
}

/** Removes a page; its questions join the page before it (or after it, for the first page). */
export function removeSection(sections: SurveySection[], index: number): SurveySection[] {
  if (sections.length <= 1) return sections;
  const into = index === 0 ? 1 : index - 1;
  const moved = sections[index].questions;
  return sections
    .map((s, i) =>
      i === into ? { ...s, questions: index === 0 ? [...moved, ...s.questions] : [...s.questions, ...moved] } : s,
    )
    .filter((_, i) => i !== index);
}

/** Removes an option, and drops it from conditions that named it. */
export function removeOption(sections: SurveySection[], questionId: string, optionId: string): SurveySection[] {
  return sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) => {
      let out = q;
      if (q.id === questionId && (q.type === 'single' || q.type === 'multiple' || q.type === 'ranking')) {
        out = { ...q, options: q.options.filter((o) => o.id !== optionId) } as SurveyQuestion;
      }
      if (out.showIf.some((c) => c.op === 'anyOf' && c.questionId === questionId)) {
        out = {
          ...out,
          showIf: out.showIf.map((c) =>
            c.op === 'anyOf' && c.questionId === questionId
              ? { ...c, optionIds: c.optionIds.filter((id) => id !== optionId) }
              : c,
          ),
        };
      }
      return out;
    }),
  }));
}

/** Display numbers of every question (1, 2, … across pages), as the editor shows them. */
export function numbering(sections: readonly SurveySection[]): Map<string, number> {
  return new Map(allQuestions(sections).map((q, i) => [q.id, i + 1]));
}

const quote = (s: string) => `“${s || '（未填写）'}”`;

/** 当第 2 题选择“是”或“有时”时显示 */
export function conditionText(c: SurveyCondition, sections: readonly SurveySection[]): string {
  const numbers = numbering(sections);
  const target = allQuestions(sections).find((q) => q.id === c.questionId);
  const n = numbers.get(c.questionId);
  if (!target || n === undefined) return '引用的题目已不存在';
  switch (c.op) {
    case 'anyOf': {
      const opts = target.type === 'single' || target.type === 'multiple' ? target.options : [];
      const labels = c.optionIds.map((id) => quote(opts.find((o) => o.id === id)?.label ?? '')).join('或');
      return c.optionIds.length === 0 ? `当第 ${n} 题选择……时显示（请选择选项）` : `当第 ${n} 题选择${labels}时显示`;
    }
    case 'between':
      return c.min === c.max ? `当第 ${n} 题选 ${c.min} 分时显示` : `当第 ${n} 题选 ${c.min}–${c.max} 分时显示`;
    case 'answered':
      return `当第 ${n} 题已作答时显示`;
  }
}

/** A sensible first condition on an earlier question: its first option, the top scores, or "answered". */
export function defaultCondition(target: SurveyQuestion): SurveyCondition {
  switch (target.type) {
    case 'single':
    case 'multiple':
      return { op: 'anyOf', questionId: target.id, optionIds: target.options.length > 0 ? [target.options[0].id] : [] };
    case 'scale':
      return { op: 'between', questionId: target.id, min: 1, max: 2 };
    case 'score':
      return { op: 'between', questionId: target.id, min: 0, max: 6 };
    default:
      return { op: 'answered', questionId: target.id };
  }
}

/** 第 3 题 · 单选题 */
export function questionLabel(q: SurveyQuestion, n: number): string {
  return `第 ${n} 题 · ${questionTypeLabels[q.type]}`;
}

/**
 * The survey as a worker would get it from `survey.get`, built from what the editor holds now (saved or
 * not), for the preview. Labels are trimmed and defaults filled as the schema does when it parses.
 */
export function previewSurvey(state: EditorState, saved: Survey | null): Survey {
  const parsed = surveyDefinitionSchema.safeParse(toInput(state));
  const sections = parsed.success ? parsed.data.sections : state.sections;
  const count = sections.reduce((n, s) => n + s.questions.length, 0);
  return {
    _id: saved?._id ?? 'preview',
    title: state.title.trim(),
    intro: state.intro.trim(),
    audience: {
      orgId: state.orgId,
      orgName: saved?.audience.orgName ?? '',
      industryOrgIds: state.industryOrgIds,
      groups: state.groups,
      label: saved?.audience.label ?? '',
    },
    opensOn: state.opensOn,
    closesOn: state.closesOn,
    opensAt: saved?.opensAt ?? '',
    closesAt: saved?.closesAt ?? '',
    anonymous: state.anonymous,
    resultsPublic: state.resultsPublic,
    textsPublic: state.resultsPublic && state.textsPublic,
    targetCount: null,
    sections,
    status: 'draft',
    phase: 'draft',
    version: saved?.version ?? 1,
    questionCount: count,
    createdByName: saved?.createdByName ?? '',
    createdAt: saved?.createdAt ?? '',
    updatedAt: saved?.updatedAt ?? '',
    publishedAt: null,
    closedAt: null,
    copiedFrom: null,
  };
}
