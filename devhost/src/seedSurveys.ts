/**
 * Demo surveys (需求调查): a city-wide survey open now with some answers (their counters computed by the
 * same rules submission uses, so results and a recompute agree), and a district draft. Dates follow the
 * seed's clock. Idempotent like the rest of the seed: fixed ids, added only when missing.
 */
import {
  answerIncrements,
  checkAnswers,
  inBusinessTz,
  respondentDims,
  surveyDefinitionSchema,
  type Answers,
  type Counters,
  type Org,
  type SurveyDefinitionInput,
  type WorkerGroup,
} from '@shishi/shared-types';
import { anyOf, other, q } from '@shishi/shared-types/src/fixtures/survey';
import {
  COUNTER_SHARDS,
  definitionFields,
  newDraft,
  newShards,
  shardId,
  type SurveyDoc,
} from '@shishi/cloudfunctions/survey/model';
import type { WxDatabase } from '@shishi/local-cloud';
import { addIfMissing } from './seedStore';

const cityDefinition: SurveyDefinitionInput = {
  title: '2027年度职工需求调查',
  intro:
    '为把职工最关心、最迫切的事办好，市总工会开展年度职工需求调查。调查结果将作为确定明年为职工办实事项目的重要依据。填写约需 3 分钟，感谢您的参与！',
  opensOn: '',
  closesOn: '',
  anonymous: false,
  resultsPublic: true,
  targetCount: 200,
  sections: [
    {
      id: 'basic',
      title: '基本情况',
      questions: [
        q.single('work', '您的工作岗位属于', {
          frontline: '一线生产、服务',
          tech: '专业技术',
          office: '经营管理',
          other: other(),
        }),
        q.single(
          'outdoor',
          '您每天在户外工作大约多长时间？',
          { lt2: '2 小时以内', '2to6': '2–6 小时', gt6: '6 小时以上' },
          { showIf: [anyOf('work', 'frontline')] },
        ),
      ],
    },
    {
      id: 'needs',
      title: '需求和期待',
      questions: [
        q.multiple(
          'wants',
          '您最希望工会明年为职工办哪些实事？（最多选 3 项）',
          {
            childcare: '职工子女托管',
            skills: '职业技能培训',
            stations: '户外劳动者爱心驿站',
            checkup: '职工健康体检',
            legal: '法律援助',
            other: other(),
          },
          { maxPicks: 3 },
        ),
        q.ranking(
          'priority',
          '请选出您认为最重要的 3 项并排序',
          { income: '收入和福利', safety: '劳动安全', health: '身心健康', growth: '职业发展', family: '照顾家庭' },
          { rankCount: 3 },
        ),
        q.scale('satisfaction', '您对所在工会的服务满意吗？', { lowLabel: '非常不满意', highLabel: '非常满意' }),
        q.matrix('services', '请评价以下职工服务', { canteen: '职工食堂', commute: '通勤', rest: '休息场所' }),
        q.score('recommend', '您有多大可能向同事推荐工会的服务？', {
          required: false,
          lowLabel: '不可能',
          highLabel: '非常可能',
        }),
        q.longText('advice', '您还有哪些意见和建议？', { required: false, maxLength: 500 }),
      ],
    },
  ],
};

const draftDefinition: SurveyDefinitionInput = {
  title: '中山区女职工需求专项调查',
  intro: '了解女职工在孕期保护、子女照护和职业发展方面的需求。',
  audience: { orgId: 'dist-zhongshan', industryOrgIds: [], groups: ['women'] },
  opensOn: '',
  closesOn: '',
  anonymous: true,
  resultsPublic: false,
  sections: [
    {
      id: 'main',
      questions: [
        q.multiple('care', '您最需要哪些关爱服务？', {
          room: '爱心妈咪小屋',
          checkup: '女职工专项体检',
          childcare: '寒暑假托管',
        }),
        q.text('say', '一句话说说您的期待', { required: false, maxLength: 50 }),
      ],
    },
  ],
};

/** Respondents of the open survey: seeded workers spread over the demo unions. */
const respondentOrgs = [
  'gr-zs-sanitation',
  'gr-zs-couriers',
  'gr-zs-mall',
  'gr-xg-hotel',
  'gr-shk-school',
  'gr-gjz-steel',
  'gr-gjz-riders',
  'gr-jp-auto',
  'gr-ht-software',
  'gr-mach-tool',
  'gr-tr-bus',
  'gr-tr-port',
  'gr-edu-24',
  'gr-health-central',
];
const familyNames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const givenNames = ['建华', '秀英', '海涛', '丽娜', '志强', '晓东', '桂兰', '明', '静', '伟', '芳', '磊'];
const advice = [
  '希望驿站冬天能提供热水和暖气。',
  '夜班职工下班晚，希望食堂延长供应时间。',
  '孩子放暑假没人照看，托管班很需要。',
  '希望多组织技能培训，考证有补贴。',
];

/**
 * A small deterministic generator (mulberry32, 32-bit integer steps), so every seed gives the same answers.
 * `pick(n)` is 0 … n − 1. (The linear congruential step it replaces overflowed JS doubles: its state was
 * always a multiple of 256, so `pick(4)` was always 0 and 24 of the 24 answers gave 满意度 2.)
 */
function generator(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** One of `values`, each equally likely: repeat a value to make it likelier. */
const oneOf = <T>(pick: (n: number) => number, values: readonly T[]): T => values[pick(values.length)];

/** The k-th seeded answer (0 … 23) to the city survey, and the respondent's worker groups. */
function answersFor(k: number): { answers: Answers; groups: WorkerGroup[] } {
  const pick = generator(k + 7);
  const work = oneOf(pick, ['frontline', 'frontline', 'tech', 'office', 'other']);
  const answers: Answers = {
    work: work === 'other' ? { choice: 'other', otherText: '后勤保障' } : { choice: work },
  };
  if (work === 'frontline') answers.outdoor = { choice: oneOf(pick, ['lt2', '2to6', 'gt6']) };
  const wants = ['childcare', 'skills', 'stations', 'checkup', 'legal'];
  const chosen = [...new Set([oneOf(pick, wants), oneOf(pick, wants), oneOf(pick, wants)])];
  answers.wants = { choices: chosen };
  const order = ['income', 'safety', 'health', 'growth', 'family'];
  const ranking: string[] = [];
  while (ranking.length < 3) {
    const o = oneOf(pick, order);
    if (!ranking.includes(o)) ranking.push(o);
  }
  answers.priority = { ranking };
  // Leaning to the satisfied side, as such surveys do, with a spread.
  answers.satisfaction = { value: oneOf(pick, [2, 3, 3, 4, 4, 4, 5, 5]) };
  answers.services = {
    rows: {
      canteen: oneOf(pick, [1, 2, 3, 3, 4, 4, 4, 5]),
      commute: oneOf(pick, [1, 2, 2, 3, 3, 4, 4, 5]),
      rest: oneOf(pick, [2, 3, 3, 4, 4, 5]),
    },
  };
  if (pick(3) > 0) answers.recommend = { value: oneOf(pick, [4, 5, 6, 7, 7, 8, 8, 8, 9, 9, 10]) };
  if (k % 4 === 0) answers.advice = { text: advice[(k / 4) % advice.length] };
  const groups: WorkerGroup[] = [];
  if (k % 3 === 0) groups.push('women');
  if (work === 'frontline') groups.push('frontline');
  if (k % 7 === 0) groups.push('migrant');
  return { answers, groups };
}

/** A demo survey as the `survey` function stores it: a draft, published at `now` when `status` says so. */
function surveyDoc(
  id: string,
  input: SurveyDefinitionInput,
  orgs: ReadonlyMap<string, Org>,
  opensOn: string,
  closesOn: string,
  status: 'draft' | 'published',
  creator: { openid: string; name: string },
  now: Date,
): SurveyDoc {
  const def = surveyDefinitionSchema.parse({ ...input, opensOn, closesOn });
  const org = orgs.get(def.audience.orgId ?? 'dl')!;
  const audience = {
    audienceOrgId: org._id,
    audienceOrgName: org.name,
    audiencePath: org.path,
    industryOrgIds: [],
    industryNames: [],
  };
  const draft = newDraft(definitionFields(def, audience), creator, now, null);
  return { _id: id, ...draft, status, publishedAt: status === 'published' ? now : null };
}

/** Adds the demo surveys that are missing; returns how many records were added. */
export async function seedSurveys(db: WxDatabase, now: Date, orgList: readonly Org[]): Promise<number> {
  let added = 0;
  const count = (ok: boolean) => void (ok && (added += 1));
  const orgs = new Map(orgList.map((o) => [o._id, o]));
  const day = (offset: number) => inBusinessTz(now).add(offset, 'day').format('YYYY-MM-DD');

  const city = surveyDoc(
    'seed-survey-needs',
    cityDefinition,
    orgs,
    day(-10),
    day(30),
    'published',
    { openid: 'demo-research', name: '孙静' },
    new Date(now.getTime() - 10 * 86_400_000),
  );
  count(await addIfMissing(db, 'surveys', city));
  count(
    await addIfMissing(
      db,
      'surveys',
      surveyDoc(
        'seed-survey-women',
        draftDefinition,
        orgs,
        day(7),
        day(37),
        'draft',
        { openid: 'demo-district', name: '张丽' },
        now,
      ),
    ),
  );

  const counters: Counters = {};
  for (let k = 0; k < 24; k += 1) {
    const org = orgs.get(respondentOrgs[k % respondentOrgs.length])!;
    const { answers, groups } = answersFor(k);
    const { fields, items } = checkAnswers(city.sections, answers);
    if (fields.length > 0) throw new Error(`seed: survey answer ${k} does not fit: ${JSON.stringify(fields)}`);
    const dims = respondentDims(
      org.path.map((id) => orgs.get(id)!),
      groups,
    );
    const openid = `seed-respondent-${k + 1}`;
    const at = new Date(now.getTime() - (10 - (k % 10)) * 86_400_000 + k * 60_000);
    count(
      await addIfMissing(db, 'surveyAnswers', {
        _id: `seed-answer-${k + 1}`,
        surveyId: city._id,
        respondentKey: openid,
        // Every seeded answer is counted in shard 0 (below).
        shard: shardId(city._id, 0),
        channel: k % 6 === 5 ? 'offline' : 'online',
        dims,
        items,
        textModeration: items.some((i) => i.t || i.o) ? 'pass' : 'none',
        respondent: {
          openid,
          name: familyNames[k % familyNames.length] + givenNames[(k * 5) % givenNames.length],
          orgId: org._id,
          orgName: org.name,
        },
        offline: k % 6 === 5 ? { enteredBy: 'demo-cadre', enteredByName: '李建国', paperNo: `ZS-${k + 1}` } : null,
        createdAt: at,
      }),
    );
    const inc = answerIncrements(city.sections, items, dims, k % 6 === 5 ? 'offline' : 'online');
    for (const [key, by] of Object.entries(inc)) counters[key] = (counters[key] ?? 0) + by;
  }
  // All seeded answers count in shard 0, settled (created before its `vt`); results sum the shards, and
  // new answers spread over all of them.
  const settled = new Date(now.getTime() - 86_400_000 + 24 * 60_000);
  for (const shard of newShards(city._id, COUNTER_SHARDS)) {
    count(await addIfMissing(db, 'surveyCounters', shard.k === 0 ? { ...shard, c: counters, vt: settled } : shard));
  }
  return added;
}
