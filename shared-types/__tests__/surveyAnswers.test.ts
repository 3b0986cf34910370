/** Answering a survey: display logic, progress, and answers checked against the survey's own questions. */
import {
  answerProgress,
  checkAnswers,
  surveyDefinitionSchema,
  textsOf,
  visibleQuestionIds,
  type Answers,
  type SurveyDefinitionInput,
} from '../src';

const def = surveyDefinitionSchema.parse({
  title: '职工需求调查',
  opensOn: '2026-11-24',
  closesOn: '2026-12-31',
  sections: [
    {
      id: 's1',
      questions: [
        {
          id: 'job',
          type: 'single',
          title: '岗位',
          options: [
            { id: 'front', label: '一线' },
            { id: 'office', label: '管理' },
            { id: 'other', label: '其他', other: true },
          ],
        },
        {
          id: 'outdoor',
          type: 'single',
          title: '户外时长',
          showIf: [{ op: 'anyOf', questionId: 'job', optionIds: ['front'] }],
          options: [
            { id: 'short', label: '短' },
            { id: 'long', label: '长' },
          ],
        },
        {
          id: 'heat',
          type: 'scale',
          title: '防暑降温满意度',
          showIf: [{ op: 'anyOf', questionId: 'outdoor', optionIds: ['long'] }],
        },
        {
          id: 'why',
          type: 'text',
          title: '为什么不满意',
          maxLength: 10,
          showIf: [{ op: 'between', questionId: 'heat', min: 1, max: 2 }],
        },
      ],
    },
    {
      id: 's2',
      questions: [
        {
          id: 'wants',
          type: 'multiple',
          title: '需求',
          minPicks: 2,
          maxPicks: 3,
          options: [
            { id: 'a', label: '托管' },
            { id: 'b', label: '培训' },
            { id: 'c', label: '驿站' },
            { id: 'd', label: '体检' },
            { id: 'o', label: '其他', other: true },
          ],
        },
        {
          id: 'rank',
          type: 'ranking',
          title: '排序',
          rankCount: 2,
          options: [
            { id: 'x', label: '收入' },
            { id: 'y', label: '安全' },
            { id: 'z', label: '健康' },
          ],
        },
        { id: 'nps', type: 'score', title: '推荐', required: false },
        {
          id: 'grid',
          type: 'matrix',
          title: '评价',
          columns: ['差', '中', '好'],
          rows: [
            { id: 'r1', label: '食堂' },
            { id: 'r2', label: '通勤' },
          ],
        },
        { id: 'note', type: 'longText', title: '建议', required: false, maxLength: 20 },
      ],
    },
  ],
} satisfies SurveyDefinitionInput);

const valid: Answers = {
  job: { choice: 'office' },
  wants: { choices: ['b', 'a'] },
  rank: { ranking: ['z', 'x'] },
  grid: { rows: { r1: 3, r2: 1 } },
};

const check = (answers: Answers) => checkAnswers(def.sections, answers);
const fieldsOf = (answers: Answers) => check(answers).fields;

describe('display logic', () => {
  it('shows a question only when the earlier answer matches, and hiding cascades', () => {
    expect([...visibleQuestionIds(def.sections, {})]).toEqual(['job', 'wants', 'rank', 'nps', 'grid', 'note']);
    expect(visibleQuestionIds(def.sections, { job: { choice: 'front' } }).has('outdoor')).toBe(true);
    const deep = { job: { choice: 'front' }, outdoor: { choice: 'long' }, heat: { value: 2 } };
    expect(visibleQuestionIds(def.sections, deep).has('why')).toBe(true);
    expect(visibleQuestionIds(def.sections, { ...deep, heat: { value: 4 } }).has('why')).toBe(false);
    // job changed: outdoor hides, and with it heat and why, whatever they hold.
    const changed = visibleQuestionIds(def.sections, { ...deep, job: { choice: 'office' } });
    expect(['outdoor', 'heat', 'why'].filter((id) => changed.has(id))).toEqual([]);
  });

  it('the progress indicator counts only the questions shown', () => {
    expect(answerProgress(def.sections, {})).toEqual({ answered: 0, shown: 6, requiredLeft: 4, percent: 0 });
    expect(answerProgress(def.sections, { job: { choice: 'front' } })).toEqual({
      answered: 1,
      shown: 7,
      requiredLeft: 4,
      percent: 14,
    });
    expect(answerProgress(def.sections, valid)).toMatchObject({ answered: 4, requiredLeft: 0 });
  });
});

describe('answers checked against the survey', () => {
  it('a complete answer passes and is stored as items, multiple choice in the options’ order', () => {
    const { fields, items } = check({ ...valid, note: { text: '  多办实事  ' } });
    expect(fields).toEqual([]);
    expect(items).toEqual([
      { q: 'job', c: ['office'] },
      { q: 'wants', c: ['a', 'b'] },
      { q: 'rank', c: ['z', 'x'] },
      {
        q: 'grid',
        m: [
          { r: 'r1', v: 3 },
          { r: 'r2', v: 1 },
        ],
      },
      { q: 'note', t: '多办实事' },
    ]);
  });

  it('an unknown question is refused at its path', () => {
    expect(fieldsOf({ ...valid, q99: { choice: 'a' } })).toEqual([
      { path: 'answers.q99', message: '问卷里没有这道题' },
    ]);
  });

  it('an unknown option is refused', () => {
    expect(fieldsOf({ ...valid, job: { choice: 'boss' } })).toEqual([{ path: 'answers.job', message: '选项不存在' }]);
    expect(fieldsOf({ ...valid, rank: { ranking: ['x', 'q'] } })).toEqual([
      { path: 'answers.rank', message: '选项不存在' },
    ]);
  });

  it('too many or too few picks are refused', () => {
    expect(fieldsOf({ ...valid, wants: { choices: ['a', 'b', 'c', 'd'] } })).toEqual([
      { path: 'answers.wants', message: '最多选 3 项' },
    ]);
    expect(fieldsOf({ ...valid, wants: { choices: ['a'] } })).toEqual([
      { path: 'answers.wants', message: '至少选 2 项' },
    ]);
    expect(fieldsOf({ ...valid, wants: { choices: ['a', 'a'] } })).toEqual([
      { path: 'answers.wants', message: '选项重复' },
    ]);
  });

  it('a required answer missing is refused, an optional one is not', () => {
    const { grid: _grid, ...noGrid } = valid;
    expect(fieldsOf(noGrid)).toEqual([{ path: 'answers.grid', message: '请回答每一行' }]);
    expect(fieldsOf({ ...valid, grid: { rows: { r1: 2 } } })).toEqual([
      { path: 'answers.grid', message: '请回答“通勤”' },
    ]);
    expect(fieldsOf({ ...valid, job: { choice: 'front' } })).toEqual([{ path: 'answers.outdoor', message: '请选择' }]);
    expect(fieldsOf({ ...valid, note: { text: '   ' } })).toEqual([]);
  });

  it('an answer to a question the earlier answers hide is refused', () => {
    expect(fieldsOf({ ...valid, outdoor: { choice: 'long' } })).toEqual([
      { path: 'answers.outdoor', message: '根据前面的回答，这道题不需要回答' },
    ]);
  });

  it('text over the limit is refused, counting characters as people do', () => {
    expect(fieldsOf({ ...valid, note: { text: '多'.repeat(21) } })).toEqual([
      { path: 'answers.note', message: '最多 20 个字' },
    ]);
    expect(fieldsOf({ ...valid, note: { text: '😀'.repeat(20) } })).toEqual([]);
  });

  it('其他 needs its text, and a text without 其他 is refused', () => {
    expect(fieldsOf({ ...valid, job: { choice: 'other' } })).toEqual([
      { path: 'answers.job', message: '请填写“其他”的具体内容' },
    ]);
    expect(fieldsOf({ ...valid, job: { choice: 'office', otherText: '后勤' } })).toEqual([
      { path: 'answers.job', message: '没有选择“其他”，不需要填写' },
    ]);
    const { items } = check({ ...valid, wants: { choices: ['o', 'a'], otherText: '法律援助' } });
    expect(items.find((i) => i.q === 'wants')).toEqual({ q: 'wants', c: ['a', 'o'], o: '法律援助' });
  });

  it('values out of range, incomplete rankings and the wrong kind of answer are refused', () => {
    expect(fieldsOf({ ...valid, nps: { value: 11 } })).toEqual([
      { path: 'answers.nps', message: '分值应在 0–10 之间' },
    ]);
    expect(fieldsOf({ ...valid, nps: { value: 2.5 } })).toEqual([{ path: 'answers.nps', message: '请选择一个分值' }]);
    expect(fieldsOf({ ...valid, rank: { ranking: ['x'] } })).toEqual([
      { path: 'answers.rank', message: '请选出最重要的 2 项并排好顺序' },
    ]);
    expect(fieldsOf({ ...valid, grid: { rows: { r1: 4, r2: 1 } } })).toEqual([
      { path: 'answers.grid', message: '“食堂”的选择不对' },
    ]);
    expect(fieldsOf({ ...valid, job: { value: 3 } })).toEqual([{ path: 'answers.job', message: '答案格式不对' }]);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ wants: { choices: ['zz'] }, extra: { text: 'x' } }).map((f) => f.path)).toEqual([
      'answers.extra',
      'answers.job',
      'answers.wants',
      'answers.rank',
      'answers.grid',
    ]);
  });

  it('collects every text a respondent wrote for the content check', () => {
    const { items } = check({ ...valid, job: { choice: 'other', otherText: '后勤' }, note: { text: '建议' } });
    expect(textsOf(items)).toEqual(['后勤', '建议']);
  });
});
