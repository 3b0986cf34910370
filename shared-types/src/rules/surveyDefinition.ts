/**
 * Rules of a survey's definition (需求调查问卷): what makes a question list coherent, and which edits keep
 * the answers already given valid. Pure: plain data in, decisions out.
 */
import type { SurveyCondition, SurveyDefinition, SurveyQuestion, SurveySection, QuestionType } from '../schemas/survey';

export interface DefinitionProblem {
  path: Array<string | number>;
  message: string;
}

/** The definition fields the coherence rules read (before defaults, as zod hands them to a refinement). */
type DefinitionFacts = Pick<SurveyDefinition, 'opensOn' | 'closesOn' | 'sections'>;

const SCALE_RANGE = { min: 1, max: 5 };
const SCORE_RANGE = { min: 0, max: 10 };
export const MAX_QUESTIONS = 100;

/** Every question in order, with where it sits. */
export function questionsInOrder(
  sections: readonly SurveySection[],
): Array<{ question: SurveyQuestion; section: SurveySection; sectionIndex: number; index: number }> {
  return sections.flatMap((section, sectionIndex) =>
    section.questions.map((question, index) => ({ question, section, sectionIndex, index })),
  );
}

export function questionCount(sections: readonly SurveySection[]): number {
  return sections.reduce((n, s) => n + s.questions.length, 0);
}

/** Choice-like questions carry options; matrix carries rows. */
export function optionsOf(q: SurveyQuestion): Array<{ id: string; label: string; other?: boolean }> {
  return q.type === 'single' || q.type === 'multiple' || q.type === 'ranking' ? q.options : [];
}

const conditionTargets: Record<SurveyCondition['op'], readonly QuestionType[] | null> = {
  anyOf: ['single', 'multiple'],
  between: ['scale', 'score'],
  answered: null,
};

/**
 * Problems of a definition, each at its path: repeated ids, impossible pick limits, more than one 其他
 * option, display conditions that name a later (or unknown) question or options it does not have,
 * dates out of order, too many questions. Empty when the definition is coherent.
 */
export function surveyDefinitionProblems(def: DefinitionFacts): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: Array<string | number>, message: string) => problems.push({ path, message });

  if (def.opensOn && def.closesOn && def.closesOn < def.opensOn) add(['closesOn'], '结束日期不能早于开始日期');

  const sectionIds = new Set<string>();
  def.sections.forEach((s, i) => {
    if (sectionIds.has(s.id)) add(['sections', i, 'id'], '分页编号重复');
    sectionIds.add(s.id);
  });
  if (questionCount(def.sections) > MAX_QUESTIONS) add(['sections'], `一份问卷最多 ${MAX_QUESTIONS} 道题`);

  const earlier = new Map<string, SurveyQuestion>();
  for (const { question: q, sectionIndex, index } of questionsInOrder(def.sections)) {
    const at = (...rest: Array<string | number>) => ['sections', sectionIndex, 'questions', index, ...rest];
    if (earlier.has(q.id)) add(at('id'), `题目编号 ${q.id} 重复`);

    const opts = optionsOf(q);
    const seen = new Set<string>();
    opts.forEach((o, k) => {
      if (seen.has(o.id)) add(at('options', k, 'id'), '选项编号重复');
      seen.add(o.id);
    });
    const others = opts.filter((o) => o.other).length;
    if (others > 1) add(at('options'), '只能有一个“其他”选项');
    if (q.type === 'ranking' && others > 0) add(at('options'), '排序题不能有“其他”选项');

    if (q.type === 'multiple') {
      const n = q.options.length;
      const min = q.minPicks ?? 0;
      const max = q.maxPicks ?? null;
      if (min > n) add(at('minPicks'), `最少选择项数不能超过选项数（${n}）`);
      if (max !== null && max < 1) add(at('maxPicks'), '最多选择项数至少为 1');
      if (max !== null && max > n) add(at('maxPicks'), `最多选择项数不能超过选项数（${n}）`);
      if (max !== null && min > max) add(at('minPicks'), '最少选择项数不能大于最多选择项数');
    }
    if (q.type === 'ranking' && q.rankCount != null && q.rankCount > q.options.length)
      add(at('rankCount'), `排序项数不能超过选项数（${q.options.length}）`);
    if (q.type === 'matrix') {
      const rows = new Set<string>();
      q.rows.forEach((r, k) => {
        if (rows.has(r.id)) add(at('rows', k, 'id'), '矩阵行编号重复');
        rows.add(r.id);
      });
    }

    (q.showIf ?? []).forEach((c, k) => {
      const path = at('showIf', k);
      const target = earlier.get(c.questionId);
      if (c.questionId === q.id) return add(path, '显示条件不能引用本题');
      if (!target) return add(path, '显示条件只能引用前面的题目');
      const types = conditionTargets[c.op];
      if (types && !types.includes(target.type)) {
        return add(
          path,
          c.op === 'anyOf' ? '“选中某些选项”只适用于单选题和多选题' : '“分值范围”只适用于量表题和打分题',
        );
      }
      if (c.op === 'anyOf') {
        const ids = new Set(optionsOf(target).map((o) => o.id));
        if (c.optionIds.some((id) => !ids.has(id))) add(path, '显示条件里的选项不存在');
      }
      if (c.op === 'between') {
        const range = target.type === 'scale' ? SCALE_RANGE : SCORE_RANGE;
        if (c.min > c.max) add(path, '分值范围的最小值不能大于最大值');
        else if (c.min < range.min || c.max > range.max) add(path, `分值范围应在 ${range.min}–${range.max} 之间`);
      }
    });
    earlier.set(q.id, q);
  }
  return problems;
}

/** What publishing needs beyond a coherent definition. */
export function publishProblems(def: Pick<SurveyDefinition, 'sections'>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (questionCount(def.sections) === 0) problems.push({ path: ['sections'], message: '问卷还没有题目，不能发布' });
  def.sections.forEach((s, i) => {
    if (s.questions.length === 0 && def.sections.length > 1)
      problems.push({ path: ['sections', i, 'questions'], message: '这一页还没有题目' });
  });
  return problems;
}

/**
 * Once answers exist, an edit may only keep them valid and countable (已有答卷后的修改限制):
 * wording (titles, descriptions, labels), options added at the end of single / multiple choice,
 * new optional questions, a required question made optional, a wider pick limit or text limit,
 * moving questions, a later closing date. Everything else — removing or retyping a question, removing
 * or reordering options or rows, changing columns, narrowing limits, new display conditions, a new
 * required question, anonymity or audience, making text answers public — is refused, each at its path.
 */
export function unsafeEditProblems(
  before: Pick<SurveyDefinition, 'sections' | 'anonymous' | 'audience' | 'opensOn'> & { textsPublic?: boolean },
  after: Pick<SurveyDefinition, 'sections' | 'anonymous' | 'audience' | 'opensOn'> & { textsPublic?: boolean },
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: Array<string | number>, message: string) => problems.push({ path, message });

  if (before.anonymous !== after.anonymous) add(['anonymous'], '已有答卷，不能修改是否匿名');
  // Texts written while they were private stay private; making them private later is allowed.
  if (!before.textsPublic && after.textsPublic) add(['textsPublic'], '已有答卷，不能再公开文字回答');
  const aud = (a: typeof before.audience) =>
    JSON.stringify([a.orgId ?? null, [...a.industryOrgIds].sort(), [...a.groups].sort()]);
  if (aud(before.audience) !== aud(after.audience)) add(['audience'], '已有答卷，不能修改调查对象');
  if (before.opensOn !== after.opensOn) add(['opensOn'], '已有答卷，不能修改开始日期');

  const afterById = new Map(questionsInOrder(after.sections).map((x) => [x.question.id, x]));
  for (const { question: old } of questionsInOrder(before.sections)) {
    const found = afterById.get(old.id);
    if (!found) {
      add(['sections'], `已有答卷，不能删除题目“${old.title}”`);
      continue;
    }
    const q = found.question;
    const at = (...rest: Array<string | number>) => ['sections', found.sectionIndex, 'questions', found.index, ...rest];
    if (q.type !== old.type) {
      add(at('type'), '已有答卷，不能修改题型');
      continue;
    }
    if (!old.required && q.required) add(at('required'), '已有答卷，不能把选答题改为必答题');
    if (JSON.stringify(old.showIf) !== JSON.stringify(q.showIf)) add(at('showIf'), '已有答卷，不能修改显示条件');

    if (old.type === 'single' || old.type === 'multiple' || old.type === 'ranking') {
      const oldOpts = old.options;
      const newOpts = optionsOf(q);
      const keepsPrefix =
        newOpts.length >= oldOpts.length &&
        oldOpts.every((o, k) => newOpts[k].id === o.id && Boolean(newOpts[k].other) === Boolean(o.other));
      if (!keepsPrefix) add(at('options'), '已有答卷，不能删除、调换选项或修改“其他”选项，只能在末尾添加新选项');
      else if (old.type === 'ranking' && newOpts.length !== oldOpts.length)
        add(at('options'), '已有答卷，排序题不能添加选项');
    }
    if (old.type === 'multiple' && q.type === 'multiple') {
      if (q.minPicks > old.minPicks) add(at('minPicks'), '已有答卷，不能提高最少选择项数');
      if (q.maxPicks !== null && (old.maxPicks === null || q.maxPicks < old.maxPicks))
        add(at('maxPicks'), '已有答卷，不能降低最多选择项数');
    }
    if (old.type === 'ranking' && q.type === 'ranking' && old.rankCount !== q.rankCount)
      add(at('rankCount'), '已有答卷，不能修改排序项数');
    if (old.type === 'matrix' && q.type === 'matrix') {
      const sameRows = old.rows.length === q.rows.length && old.rows.every((r, k) => q.rows[k].id === r.id);
      if (!sameRows) add(at('rows'), '已有答卷，不能增删或调换矩阵行');
      if (old.columns.length !== q.columns.length) add(at('columns'), '已有答卷，不能修改矩阵的列数');
    }
    if ((old.type === 'text' || old.type === 'longText') && (q.type === 'text' || q.type === 'longText')) {
      if (q.maxLength < old.maxLength) add(at('maxLength'), '已有答卷，不能降低字数上限');
    }
  }
  const beforeIds = new Set(questionsInOrder(before.sections).map((x) => x.question.id));
  for (const { question: q, sectionIndex, index } of questionsInOrder(after.sections)) {
    if (beforeIds.has(q.id)) continue;
    const at = ['sections', sectionIndex, 'questions', index];
    if (q.required) add([...at, 'required'], '已有答卷，新增的题目只能是选答题');
  }
  return problems;
}
