/** Answering a survey: display logic, progress, and answers checked against the survey's own questions. */
import {
  answerProgress,
  checkAnswers,
  hiddenQuestionNote,
  scaleEnds,
  scaleLabelSets,
  defaultMatrixColumns,
  surveyDefinitionSchema,
  textsOf,
  visibleQuestionIds,
  type Answers,
} from '../src';
import { anyOf, between, other, q, testSurvey } from '../src/fixtures/survey';

const def = surveyDefinitionSchema.parse(
  testSurvey([
    {
      id: 's1',
      questions: [
        q.single('job', '岗位', { front: '一线', office: '管理', other: other() }),
        q.single('outdoor', '户外时长', { short: '短', long: '长' }, { showIf: [anyOf('job', 'front')] }),
        q.scale('heat', '防暑降温满意度', { showIf: [anyOf('outdoor', 'long')] }),
        q.text('why', '为什么不满意', { maxLength: 10, showIf: [between('heat', 1, 2)] }),
      ],
    },
    {
      id: 's2',
      questions: [
        q.multiple(
          'wants',
          '需求',
          { a: '托管', b: '培训', c: '驿站', d: '体检', o: other() },
          { minPicks: 2, maxPicks: 3 },
        ),
        q.ranking('rank', '排序', { x: '收入', y: '安全', z: '健康' }, { rankCount: 2 }),
        q.score('nps', '推荐', { required: false }),
        q.matrix('grid', '评价', { r1: '食堂', r2: '通勤' }, { columns: ['差', '中', '好'] }),
        q.longText('note', '建议', { required: false, maxLength: 20 }),
      ],
    },
  ]),
);

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

describe('counts and logic messages agree everywhere', () => {
  const all = { ...valid, nps: { value: 9 }, note: { text: '多办实事' } };
  it('a matrix with a row still open is not answered: never 100% while something is missing', () => {
    const full = answerProgress(def.sections, all);
    expect(full).toMatchObject({ answered: full.shown, percent: 100 });
    const oneRowOpen = { ...all, grid: { rows: { r1: 2 } } };
    expect(answerProgress(def.sections, oneRowOpen)).toMatchObject({
      answered: full.shown - 1,
      requiredLeft: 1,
    });
    expect(answerProgress(def.sections, oneRowOpen).percent).toBeLessThan(100);
  });

  it('an unfinished ranking or a 其他 without its text is not counted as answered', () => {
    const base = answerProgress(def.sections, all).answered;
    expect(answerProgress(def.sections, { ...all, rank: { ranking: ['z'] } }).answered).toBe(base - 1);
    expect(answerProgress(def.sections, { ...all, wants: { choices: ['a', 'o'] } }).answered).toBe(base - 1);
  });

  it('a hidden question says when it will be asked before its question is answered, and why not after', () => {
    const numbers = new Map(def.sections.flatMap((s) => s.questions).map((x, i) => [x.id, i + 1]));
    expect(hiddenQuestionNote(def.sections, {}, 'outdoor', numbers)).toBe('第 1 题选“一线”时才需要填');
    expect(hiddenQuestionNote(def.sections, { job: { choice: 'office' } }, 'outdoor', numbers)).toBe(
      '根据第 1 题的回答，这题不用填',
    );
    expect(hiddenQuestionNote(def.sections, { job: { choice: 'front' } }, 'outdoor', numbers)).toBeNull();
    // Hidden because the question it depends on is itself not asked yet.
    expect(hiddenQuestionNote(def.sections, { job: { choice: 'front' } }, 'heat', numbers)).toBe(
      '第 2 题选“长”时才需要填',
    );
    expect(hiddenQuestionNote(def.sections, {}, 'why', numbers)).toBe('第 3 题选 1–2 分时才需要填');
  });

  it('a scale shows only the end words staff wrote; label sets come from one constant', () => {
    const scale = def.sections[0].questions.find((x) => x.id === 'heat')!;
    expect(scaleEnds(scale)).toBeNull();
    expect(scaleEnds({ ...scale, lowLabel: '很难' } as typeof scale)).toEqual({ low: '很难', high: '' });
    expect(scaleLabelSets.map((x) => x.name)).toEqual(['满意度', '难易', '同意', '频率']);
    expect(scaleLabelSets.every((x) => x.points.length === 5)).toBe(true);
    expect(defaultMatrixColumns).toEqual(scaleLabelSets[0].points);
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
