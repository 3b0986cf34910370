/** A survey's definition: coherent question lists, and which edits keep existing answers valid. */
import {
  createSurveyInputSchema,
  publishProblems,
  surveyDefinitionProblems,
  surveyDefinitionSchema,
  unsafeEditProblems,
  updateSurveyInputSchema,
  type SurveyDefinition,
  type SurveyDefinitionInput,
} from '../src';
import { anyOf, between, optionList, other, q, testSurvey } from '../src/fixtures/survey';

const base = testSurvey([
  {
    id: 's1',
    questions: [
      q.single('q1', '岗位', { a: '一线', b: '管理', o: other() }),
      q.multiple('q2', '需求', { x: '托管', y: '培训', z: '驿站' }, { maxPicks: 2, showIf: [anyOf('q1', 'a')] }),
      q.scale('q3', '满意度'),
      q.text('q4', '建议', { required: false, maxLength: 50 }),
      q.matrix('q5', '评价', { r1: '食堂', r2: '通勤' }),
      q.ranking('q6', '排序', { m: '收入', n: '安全' }),
    ],
  },
]);

const parse = (input: SurveyDefinitionInput): SurveyDefinition => surveyDefinitionSchema.parse(input);
const withQuestions = (questions: unknown[]) =>
  ({ ...base, sections: [{ id: 's1', questions }] }) as SurveyDefinitionInput;
const messages = (input: SurveyDefinitionInput) => {
  const r = createSurveyInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('survey definition', () => {
  it('fills defaults: required, no display logic, five matrix columns, not anonymous, results private', () => {
    const def = parse(base);
    const [q1, q2, , q4, q5, q6] = def.sections[0].questions;
    expect(q1).toMatchObject({ required: true, showIf: [], description: '' });
    expect(q2).toMatchObject({ minPicks: 0, maxPicks: 2 });
    expect(q4).toMatchObject({ required: false, maxLength: 50 });
    expect(q5).toMatchObject({ columns: ['非常不满意', '不满意', '一般', '满意', '非常满意'] });
    expect(q6).toMatchObject({ rankCount: null });
    expect(def).toMatchObject({ anonymous: false, resultsPublic: false, targetCount: null, intro: '' });
    expect(def.audience).toEqual({ industryOrgIds: [], groups: [] });
  });

  it('refuses repeated question and option ids', () => {
    expect(
      messages(
        withQuestions([
          { id: 'q1', type: 'text', title: 'a' },
          {
            id: 'q1',
            type: 'single',
            title: 'b',
            options: [
              { id: 'x', label: '1' },
              { id: 'x', label: '2' },
            ],
          },
        ]),
      ),
    ).toEqual(['sections.0.questions.1.id: 题目编号 q1 重复', 'sections.0.questions.1.options.1.id: 选项编号重复']);
  });

  it('refuses more than one 其他 option, and 其他 in a ranking', () => {
    const others = { a: other('其他'), b: other('另外') };
    expect(messages(withQuestions([q.single('q1', 't', others)]))).toEqual([
      'sections.0.questions.0.options: 只能有一个“其他”选项',
    ]);
    expect(messages(withQuestions([q.ranking('q1', 't', { a: '1', b: other() })]))).toEqual([
      'sections.0.questions.0.options: 排序题不能有“其他”选项',
    ]);
  });

  it('refuses pick limits a respondent cannot meet', () => {
    const opts = optionList({ a: '1', b: '2' });
    expect(messages(withQuestions([{ id: 'q', type: 'multiple', title: 't', options: opts, minPicks: 3 }]))).toEqual([
      'sections.0.questions.0.minPicks: 最少选择项数不能超过选项数（2）',
    ]);
    expect(messages(withQuestions([{ id: 'q', type: 'multiple', title: 't', options: opts, maxPicks: 3 }]))).toEqual([
      'sections.0.questions.0.maxPicks: 最多选择项数不能超过选项数（2）',
    ]);
    expect(
      messages(withQuestions([{ id: 'q', type: 'multiple', title: 't', options: opts, minPicks: 2, maxPicks: 1 }])),
    ).toEqual(['sections.0.questions.0.minPicks: 最少选择项数不能大于最多选择项数']);
    expect(messages(withQuestions([{ id: 'q', type: 'ranking', title: 't', options: opts, rankCount: 3 }]))).toEqual([
      'sections.0.questions.0.rankCount: 排序项数不能超过选项数（2）',
    ]);
  });

  it('display logic may only name an earlier question of a fitting type and its real options', () => {
    const single = q.single('q1', 't', { a: '1', b: '2' });
    expect(
      messages(
        withQuestions([
          { ...single, showIf: [{ op: 'answered', questionId: 'q2' }] },
          { ...single, id: 'q2' },
        ]),
      ),
    ).toEqual(['sections.0.questions.0.showIf.0: 显示条件只能引用前面的题目']);
    expect(messages(withQuestions([single, { ...single, id: 'q2', showIf: [anyOf('q1', 'c')] }]))).toEqual([
      'sections.0.questions.1.showIf.0: 显示条件里的选项不存在',
    ]);
    expect(messages(withQuestions([single, { ...single, id: 'q2', showIf: [between('q1', 1, 2)] }]))).toEqual([
      'sections.0.questions.1.showIf.0: “分值范围”只适用于量表题和打分题',
    ]);
    expect(
      messages(
        withQuestions([
          { id: 's', type: 'scale', title: 't' },
          { ...single, id: 'q2', showIf: [between('s', 4, 6)] },
        ]),
      ),
    ).toEqual(['sections.0.questions.1.showIf.0: 分值范围应在 1–5 之间']);
  });

  it('the closing date may not come before the opening date', () => {
    expect(surveyDefinitionProblems({ ...parse(base), closesOn: '2026-11-01' })).toEqual([
      { path: ['closesOn'], message: '结束日期不能早于开始日期' },
    ]);
  });

  it('rejects a date that does not exist', () => {
    expect(messages({ ...base, opensOn: '2026-02-30' })).toContain('opensOn: 开始日期不是有效日期');
  });

  it('publishing needs at least one question and no empty page', () => {
    expect(publishProblems({ sections: [{ id: 's', title: '', description: '', questions: [] }] })).toEqual([
      { path: ['sections'], message: '问卷还没有题目，不能发布' },
    ]);
    const def = parse(base);
    expect(publishProblems(def)).toEqual([]);
    expect(
      publishProblems({ sections: [...def.sections, { id: 's2', title: '', description: '', questions: [] }] }),
    ).toEqual([{ path: ['sections', 1, 'questions'], message: '这一页还没有题目' }]);
  });

  it('an update carries the version it was made on', () => {
    const r = updateSurveyInputSchema.safeParse({ ...base, surveyId: 'abc' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['version']);
  });
});

describe('edits once answers exist', () => {
  const before = parse(base);
  const edit = (change: (d: SurveyDefinition) => void) => {
    const after = structuredClone(before);
    change(after);
    return unsafeEditProblems(before, after).map((p) => p.message);
  };
  const q = (d: SurveyDefinition, k: number) => d.sections[0].questions[k];

  it('wording, options added at the end, new optional questions and wider limits are safe', () => {
    expect(
      edit((d) => {
        d.title = '新的标题';
        q(d, 0).title = '您的岗位';
        const q1 = q(d, 0);
        if (q1.type === 'single') {
          q1.options[0].label = '一线职工';
          q1.options.push({ id: 'new', label: '新选项', other: false });
        }
        const q2 = q(d, 1);
        if (q2.type === 'multiple') q2.maxPicks = 3;
        const q4 = q(d, 3);
        if (q4.type === 'text') q4.maxLength = 100;
        q(d, 2).required = true;
        d.sections[0].questions.push({
          id: 'q9',
          type: 'text',
          title: '补充',
          description: '',
          required: false,
          showIf: [],
          maxLength: 50,
        });
        d.closesOn = '2027-01-31';
      }),
    ).toEqual([]);
  });

  it('removing a question or an option, reordering options, or changing the type is refused', () => {
    expect(edit((d) => d.sections[0].questions.splice(3, 1))).toEqual(['已有答卷，不能删除题目“建议”']);
    expect(
      edit((d) => {
        const q1 = q(d, 0);
        if (q1.type === 'single') q1.options.splice(1, 1);
      }),
    ).toEqual(['已有答卷，不能删除、调换选项或修改“其他”选项，只能在末尾添加新选项']);
    expect(
      edit((d) => {
        const q1 = q(d, 0);
        if (q1.type === 'single') q1.options.reverse();
      }),
    ).toEqual(['已有答卷，不能删除、调换选项或修改“其他”选项，只能在末尾添加新选项']);
    expect(
      edit((d) => {
        d.sections[0].questions[3] = { ...q(d, 3), type: 'longText', maxLength: 500 } as never;
      }),
    ).toEqual(['已有答卷，不能修改题型']);
  });

  it('narrower limits, new conditions, required questions and a different audience are refused', () => {
    expect(
      edit((d) => {
        const q2 = q(d, 1);
        if (q2.type === 'multiple') q2.maxPicks = 1;
      }),
    ).toEqual(['已有答卷，不能降低最多选择项数']);
    expect(edit((d) => (q(d, 3).required = true))).toEqual(['已有答卷，不能把选答题改为必答题']);
    expect(edit((d) => (q(d, 2).showIf = [{ op: 'answered', questionId: 'q1' }]))).toEqual([
      '已有答卷，不能修改显示条件',
    ]);
    expect(
      edit((d) =>
        d.sections[0].questions.push({
          id: 'q9',
          type: 'scale',
          title: '新',
          description: '',
          required: true,
          showIf: [],
          lowLabel: '',
          highLabel: '',
        }),
      ),
    ).toEqual(['已有答卷，新增的题目只能是选答题']);
    expect(edit((d) => (d.anonymous = true))).toEqual(['已有答卷，不能修改是否匿名']);
    expect(edit((d) => (d.audience = { ...d.audience, groups: ['women'] }))).toEqual(['已有答卷，不能修改调查对象']);
    expect(
      edit((d) => {
        const q5 = q(d, 4);
        if (q5.type === 'matrix') q5.rows.push({ id: 'r3', label: '宿舍' });
      }),
    ).toEqual(['已有答卷，不能增删或调换矩阵行']);
    expect(
      edit((d) => {
        const q6 = q(d, 5);
        if (q6.type === 'ranking') q6.options.push({ id: 'k', label: '健康', other: false });
      }),
    ).toEqual(['已有答卷，排序题不能添加选项']);
  });
});
