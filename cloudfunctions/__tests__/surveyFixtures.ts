/** Survey test fixtures: a definition with every question type and display logic, and answers that fit it. */
import type { Answers, SurveyDefinitionInput, WorkerGroup } from '@shishi/shared-types';
import { anyOf, other, q } from '@shishi/shared-types/src/fixtures/survey';
import { ok, type World } from './world';

export const TODAY = '2026-11-24';

export function definition(over: Partial<SurveyDefinitionInput> = {}): SurveyDefinitionInput {
  return {
    title: '职工需求测试调查',
    intro: '测试用',
    opensOn: TODAY,
    closesOn: '2026-12-31',
    sections: [
      {
        id: 's1',
        title: '基本情况',
        questions: [
          q.single('q1', '岗位', { front: '一线', office: '管理', other: other() }),
          q.single('q2', '户外时长', { short: '短', long: '长' }, { showIf: [anyOf('q1', 'front')] }),
        ],
      },
      {
        id: 's2',
        title: '需求',
        questions: [
          q.multiple('q3', '希望办的实事', { a: '托管', b: '培训', c: '驿站', o: other() }, { maxPicks: 2 }),
          q.scale('q4', '满意度'),
          q.score('q5', '推荐度', { required: false }),
          q.ranking('q6', '排序', { x: '收入', y: '安全', z: '健康' }, { rankCount: 2 }),
          q.matrix('q7', '服务评价', { r1: '食堂', r2: '通勤' }),
          q.text('q8', '一句话', { required: false, maxLength: 10 }),
          q.longText('q9', '建议', { required: false }),
        ],
      },
    ],
    ...over,
  };
}

/** A complete, valid set of answers; `k` varies them. */
export function answers(k = 0): Answers {
  const q1 = ['front', 'office', 'other'][k % 3];
  const a: Answers = {
    q1: q1 === 'other' ? { choice: 'other', otherText: `后勤${k}` } : { choice: q1 },
    q3: { choices: [['a'], ['a', 'b'], ['c', 'o']][k % 3], ...(k % 3 === 2 ? { otherText: '法律' } : {}) },
    q4: { value: 1 + (k % 5) },
    q6: {
      ranking: [
        ['x', 'y'],
        ['z', 'x'],
        ['y', 'z'],
      ][k % 3],
    },
    q7: { rows: { r1: 1 + (k % 5), r2: 5 - (k % 5) } },
  };
  if (q1 === 'front') a.q2 = { choice: k % 2 ? 'short' : 'long' };
  if (k % 2 === 0) a.q5 = { value: k % 11 };
  if (k % 4 === 0) a.q9 = { text: `建议${k}：食堂晚餐延长` };
  return a;
}

/** Creates and publishes a survey as `staff`; returns its id. */
export async function publishedSurvey(
  world: World,
  staff = 'demo-research',
  over: Partial<SurveyDefinitionInput> = {},
) {
  const created = ok<{ survey: { _id: string } }>(await world.call(staff, 'survey', 'create', definition(over)));
  ok(await world.call(staff, 'survey', 'publish', { surveyId: created.survey._id }));
  return created.survey._id;
}

/** Binds `n` workers spread over unions; returns their openids. */
export async function workers(world: World, n: number, orgIds: readonly string[], prefix = 'w'): Promise<string[]> {
  const names = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
  const ids: string[] = [];
  for (let k = 0; k < n; k += 1) {
    const id = `${prefix}-${k}`;
    ok(
      await world.call(id, 'profile', 'bind', {
        name: `${names[k % names.length]}测试${'甲乙丙丁戊己庚辛'[k % 8]}`,
        orgId: orgIds[k % orgIds.length],
      }),
    );
    ids.push(id);
  }
  return ids;
}

export const groupsOf = (k: number): WorkerGroup[] =>
  k % 3 === 0 ? ['women'] : k % 3 === 1 ? ['women', 'migrant'] : [];
