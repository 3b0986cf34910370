/** 问卷模板: every template is a coherent survey that can be published as it is. */
import { answerProgress, publishProblems, questionCount, surveyDefinitionSchema } from '../src';
import { surveyTemplates } from '../src/rules/surveyTemplates';

describe('survey templates', () => {
  it.each(surveyTemplates.map((t) => [t.name, t] as const))('%s parses and could be published', (_name, t) => {
    const parsed = surveyDefinitionSchema.safeParse({ ...t.body, opensOn: '2026-11-24', closesOn: '2026-12-31' });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const def = parsed.success ? parsed.data : null;
    expect(publishProblems(def!)).toEqual([]);
    // Text answers stay private unless staff decide otherwise.
    expect(def!.textsPublic).toBe(false);
    // Some questions show only for certain answers: the count a worker starts at is smaller.
    expect(answerProgress(def!.sections, {}).shown).toBeLessThan(questionCount(def!.sections));
  });

  it('offers the yearly needs survey and a satisfaction survey', () => {
    expect(surveyTemplates.map((t) => t.name)).toEqual(['年度职工需求调查', '职工满意度调查']);
  });
});
