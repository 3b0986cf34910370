/**
 * Demo projects (issue 9), so a newcomer sees the project lists, 待我办理 and a worker's project page
 * with content right after `npm start`. Made through the real functions (proposal.submit,
 * proposal.decide, project.*) as the demo identities, on a clock of its own that walks from last year's
 * collection window up to yesterday, so every record, date, tranche and message is what the workflow
 * itself writes. Idempotent: skipped when any project exists. Called by the dev host at start only
 * (not by `seed`, which the integration tests use).
 *
 * Five 中山区总工会 projects (县区级 → 组织和基层工作部, 市总党组会), from proposals by 王秀梅 and 李建国:
 * 1. a draft an adoption created;  2. under 论证;  3. established, its 启动申报表 waiting for the
 * 组织和基层工作部 head (刘强);  4. in progress with tranche 1 paid and some spending;  5. accepted, both
 * tranches paid. The project in progress has a service point (checkin.createPoint) and rating open
 * (rating.configure) with six workers' ratings (rating.submit).
 */
import { functions } from '@shishi/cloudfunctions/registry';
import type { LocalCloud } from '@shishi/local-cloud';
import {
  businessDate,
  businessDayStart,
  inBusinessTz,
  type DecideOutput,
  type Forum,
  type Project,
  type ProjectRecordInput,
  type Reply,
} from '@shishi/shared-types';

const DAY = 24 * 3600 * 1000;

export interface SeedProjectsReport {
  /** True when projects were there already and nothing was added. */
  skipped: boolean;
  /** Ids of the projects added, in the order above. */
  projectIds: string[];
}

interface DemoProject {
  title: string;
  author: 'demo-worker' | 'demo-cadre';
  proposal: { title: string; content: string; targetGroup: 'frontline' | 'newEmployment' | 'women' };
  /** How far it goes. */
  until: 'draft' | 'feasibility' | 'startAwaitingDepartment' | 'inProgress' | 'accepted';
  record: Omit<ProjectRecordInput, 'level' | 'applicantUnit' | 'title' | 'startDate' | 'endDate' | 'milestones'>;
  milestoneTasks: [string, string, string];
}

const common = {
  leaderName: '张丽',
  phone: '0411-82345678',
  email: 'zs@example.cn',
  organisation: '区总工会成立工作专班，主席任组长，分管副主席具体负责',
  supervision: '区总工会经费审查委员会全程监督，每季度检查一次进度',
  fundingAssurance: '专款专用，单独核算，市总扶助资金只用于预算所列事项',
  publicity: '通过工会公众号、班组宣传栏和职工微信群发布',
  temporaryNeed: false,
  subProjects: [],
};

const duties = (implementer: string) => ({
  planning: { person: '张丽', scope: '方案策划和组织协调' },
  implementation: { person: implementer, scope: '具体实施' },
  supervision: { person: '王刚', scope: '督导进度' },
  inspection: { person: '赵芳', scope: '质量检查' },
  acceptance: { person: '孙伟', scope: '组织验收' },
});

const demoProjects: DemoProject[] = [
  {
    title: '环卫工人休息室冬季取暖改造',
    author: 'demo-worker',
    proposal: {
      title: '环卫工人休息室冬天太冷',
      content: '我们班组的休息室是铁皮房，冬天没有暖气，凌晨收工回来手脚都是凉的。希望给休息室装上取暖设备。',
      targetGroup: 'frontline',
    },
    until: 'draft',
    record: { ...common, budgetLines: [], duties: {} },
    milestoneTasks: ['摸排休息室', '采购安装取暖设备', '验收'],
  },
  {
    title: '新就业形态劳动者职业伤害保障帮办',
    author: 'demo-cadre',
    proposal: {
      title: '快递外卖骑手职业伤害保障帮办点',
      content: '骑手和快递员不知道职业伤害保障怎么参保、出了事怎么报。建议在站点设帮办点，工会派人每周值守。',
      targetGroup: 'newEmployment',
    },
    until: 'feasibility',
    record: {
      ...common,
      necessity: '辖区新就业形态劳动者约六千人，对职业伤害保障政策知晓率低，出险后不会申报的情况多。',
      feasibility: '区人社局提供政策培训，快递物流行业联合工会有站点和联络员，条件具备。',
      serviceTargets: '中山区快递员、外卖送餐员、网约车司机',
      serviceMethod: '在 6 个站点设帮办点，每周两次值守；开展专场宣讲',
      goals: '年内宣讲 12 场，帮办 600 人次',
      standards: '帮办点有标识、资料和专人值守，咨询当场答复',
      coverage: '中山区主要商圈和快递站点',
      budgetLines: [
        { item: '帮办点标识和资料', amountFen: 3_000_000, cityAidFen: 1_500_000, source: '市总扶助、区总工会经费' },
        { item: '宣讲场地和讲师', amountFen: 2_000_000, cityAidFen: 1_000_000, source: '市总扶助、区总工会经费' },
      ],
      aidStatement: '市总扶助资金用于帮办点建设和宣讲',
      expectedResults: '新就业形态劳动者知道怎么参保、出险后有人帮着申报。',
      targetCovered: 6000,
      targetServed: 600,
      targetSatisfaction: 90,
      duties: duties('李明'),
    },
    milestoneTasks: ['选定站点', '帮办点投入使用', '全年宣讲完成'],
  },
  {
    title: '环卫一线职工职业健康专项体检',
    author: 'demo-worker',
    proposal: {
      title: '给环卫工人做一次职业健康体检',
      content: '环卫工人常年在粉尘和噪声里作业，很多人腰椎、听力都有问题，建议工会组织一次职业健康专项体检。',
      targetGroup: 'frontline',
    },
    until: 'startAwaitingDepartment',
    record: {
      ...common,
      necessity: '一线环卫工人一千二百余人，常年户外作业，职业病风险高，多数人从未做过专项体检。',
      feasibility: '区中心医院可承接体检，区总工会与环卫服务中心已商定分批安排，不影响作业。',
      serviceTargets: '中山区环卫服务中心一线环卫工人',
      serviceMethod: '分批到定点医院体检，建立健康档案，异常结果跟踪复查',
      goals: '为 1200 名环卫工人完成体检并建档',
      standards: '体检项目含肺功能、听力、腰椎影像，报告一周内送达本人',
      coverage: '中山区 8 个街道的环卫班组',
      budgetLines: [
        { item: '体检费用', amountFen: 18_000_000, cityAidFen: 9_000_000, source: '市总扶助、区总工会经费' },
        { item: '健康档案和复查', amountFen: 2_000_000, cityAidFen: 0, source: '区总工会经费' },
      ],
      aidStatement: '市总扶助资金全部用于体检费用',
      expectedResults: '环卫工人的职业健康有底数，早发现早治疗。',
      targetCovered: 1200,
      targetServed: 1200,
      targetSatisfaction: 92,
      duties: duties('刘芳'),
    },
    milestoneTasks: ['与医院签订协议', '完成一半人员体检', '全部体检并建档'],
  },
  {
    title: '环卫职工子女暑期托管班',
    author: 'demo-cadre',
    proposal: {
      title: '暑假孩子没人看，办个托管班',
      content: '环卫工人暑假照常上早班，孩子放假在家没人照看。建议工会办暑期托管班，看护孩子、辅导作业。',
      targetGroup: 'women',
    },
    until: 'inProgress',
    record: {
      ...common,
      necessity: '环卫职工双职工家庭多，暑期子女无人照看，安全隐患大，职工建议集中。',
      feasibility: '区青少年宫提供场地和老师，区总工会有往年托管经验。',
      serviceTargets: '中山区环卫职工 6 至 12 岁子女',
      serviceMethod: '暑期开办四期托管班，每期两周，提供看护、作业辅导和兴趣课程',
      goals: '托管 200 名职工子女',
      standards: '每班不超过 25 人，配两名老师，午餐和保险由工会承担',
      coverage: '中山区青少年宫',
      budgetLines: [
        { item: '老师课酬', amountFen: 6_000_000, cityAidFen: 3_000_000, source: '市总扶助、区总工会经费' },
        { item: '午餐和保险', amountFen: 4_000_000, cityAidFen: 2_000_000, source: '市总扶助、区总工会经费' },
      ],
      aidStatement: '市总扶助资金用于课酬、午餐和保险',
      expectedResults: '职工安心上班，孩子暑期安全、有收获。',
      targetCovered: 1200,
      targetServed: 200,
      targetSatisfaction: 95,
      duties: duties('周敏'),
    },
    milestoneTasks: ['报名和分班', '第一、二期开班', '四期全部结束'],
  },
  {
    title: '环卫工人爱心驿站提档升级',
    author: 'demo-worker',
    proposal: {
      title: '爱心驿站加微波炉和充电设备',
      content: '现在的爱心驿站只有饮水机，冬天饭菜凉了没处热，手机也没处充电。建议给驿站添微波炉和充电设备。',
      targetGroup: 'frontline',
    },
    until: 'accepted',
    record: {
      ...common,
      necessity: '辖区 20 处爱心驿站设备简单，户外劳动者热饭、充电需求集中。',
      feasibility: '驿站都在工会阵地内，设备采购安装简单，当年可以办结。',
      serviceTargets: '中山区环卫工人、快递员、外卖送餐员等户外劳动者',
      serviceMethod: '为 20 处驿站添置微波炉、充电设备和药箱',
      goals: '20 处驿站全部升级',
      standards: '每处驿站有微波炉、充电柜、药箱和标识，开放不少于 10 小时',
      coverage: '中山区 8 个街道',
      budgetLines: [
        { item: '驿站设备', amountFen: 8_000_001, cityAidFen: 5_000_001, source: '市总扶助、区总工会经费' },
        { item: '标识和宣传', amountFen: 4_000_000, cityAidFen: 0, source: '区总工会经费' },
      ],
      aidStatement: '市总扶助资金全部用于驿站设备购置',
      expectedResults: '户外劳动者有地方热饭、充电、休息，工会阵地作用得到发挥。',
      targetCovered: 20000,
      targetServed: 5000,
      targetSatisfaction: 90,
      duties: duties('李明'),
    },
    milestoneTasks: ['完成设备采购', '10 处驿站升级', '20 处驿站全部升级'],
  },
];

/** Workers who rate the project in progress (bound through profile.bind, as a worker binds). */
const demoRaters: Array<{
  id: string;
  name: string;
  orgId: string;
  scores: { awareness: number; participation: number; benefit: number; satisfaction: number };
  comment?: string;
  groups: Array<'frontline' | 'women' | 'youth'>;
}> = [
  {
    id: 'demo-rater-1',
    name: '孙丽华',
    orgId: 'gr-zs-sanitation',
    scores: { awareness: 5, participation: 4, benefit: 5, satisfaction: 5 },
    comment: '孩子放学有人管了，下班不用着急。',
    groups: ['women', 'frontline'],
  },
  {
    id: 'demo-rater-2',
    name: '周建军',
    orgId: 'gr-zs-sanitation',
    scores: { awareness: 4, participation: 3, benefit: 4, satisfaction: 4 },
    groups: ['frontline'],
  },
  {
    id: 'demo-rater-3',
    name: '吴晓燕',
    orgId: 'gr-zs-mall',
    scores: { awareness: 4, participation: 4, benefit: 5, satisfaction: 5 },
    comment: '希望托管时间再长一点。',
    groups: ['women'],
  },
  {
    id: 'demo-rater-4',
    name: '郑海涛',
    orgId: 'gr-zs-couriers',
    scores: { awareness: 3, participation: 2, benefit: 3, satisfaction: 4 },
    groups: ['youth'],
  },
  {
    id: 'demo-rater-5',
    name: '冯桂芝',
    orgId: 'gr-zs-sanitation',
    scores: { awareness: 5, participation: 5, benefit: 5, satisfaction: 5 },
    groups: ['women', 'frontline'],
  },
  {
    id: 'demo-rater-6',
    name: '陈志强',
    orgId: 'gr-zs-mall',
    scores: { awareness: 4, participation: 3, benefit: 4, satisfaction: 3 },
    comment: '报名方式可以再简单些。',
    groups: [],
  },
];

const rank: Record<DemoProject['until'], number> = {
  draft: 0,
  feasibility: 1,
  startAwaitingDepartment: 2,
  inProgress: 3,
  accepted: 4,
};

class SeedError extends Error {}

/**
 * Adds the demo projects unless there is a project already. `hostNow` is the dev host's clock; the
 * seed's own clock runs from 20 November of last year (last year's window) to the day before it.
 */
export async function seedProjects(cloud: LocalCloud, hostNow: Date): Promise<SeedProjectsReport> {
  const existing = await cloud.database().collection('projects').count();
  if (existing.total > 0) return { skipped: true, projectIds: [] };

  const year = inBusinessTz(hostNow).year();
  const from = businessDayStart(`${year - 1}-11-20`).getTime() + 10 * 3600 * 1000;
  const until = hostNow.getTime() - DAY;
  let clock = from;
  /** Moves the seed's clock to a share (0–1) of the way from last November to yesterday. */
  const at = (share: number) => {
    clock = Math.max(clock, Math.round(from + share * (until - from)));
  };
  const day = (share: number) => businessDate(new Date(from + share * (until - from)));
  const now = () => clock;

  async function call<T>(openid: string, fn: string, action: string, data: unknown): Promise<T> {
    const target = functions[fn];
    if (!target) throw new SeedError(`seedProjects: no function ${fn}`);
    clock += 60_000;
    const reply = (await cloud.local.runAs({ OPENID: openid }, () =>
      target.handle(cloud, { action, data }, { now }),
    )) as Reply<T>;
    if (!reply.ok) throw new SeedError(`seedProjects: ${fn}.${action} as ${openid}: ${JSON.stringify(reply.error)}`);
    return reply.data;
  }
  const move = (openid: string, projectId: string, m: string, extra: Record<string, unknown> = {}) =>
    call<Project>(openid, 'project', 'move', { projectId, move: m, ...extra });
  const openForm = async (projectId: string, kind: string) => {
    const p = await call<Project>('demo-district', 'project', 'get', { projectId });
    const form = p.staff?.forms.find((f) => f.kind === kind && f.pending);
    if (!form) throw new SeedError(`seedProjects: no ${kind} form waiting on ${p.title}`);
    return form._id;
  };
  const sign = async (projectId: string, kind: string, steps: number, share: number) => {
    const signers = ['demo-district-head', 'demo-org-head', 'demo-org-leader'];
    for (let i = 0; i < steps; i++) {
      at(share + i * 0.005);
      await call(signers[i], 'project', 'sign', {
        formId: await openForm(projectId, kind),
        decision: 'approve',
        opinion: ['同意申报，已加盖公章。', '同意，材料齐全。', '同意。'][i],
        sealConfirmed: i === 0,
      });
    }
  };

  // Proposals in last year's window (the seed's clock is inside it), adopted by 中山区总工会.
  at(0);
  const ids: string[] = [];
  for (const d of demoProjects) {
    const proposal = await call<{ _id: string }>(d.author, 'proposal', 'submit', {
      ...d.proposal,
      category: 'labourEconomy',
      attachments: [],
    });
    at(0.04);
    const decided = await call<DecideOutput>('demo-district', 'proposal', 'decide', {
      proposalId: proposal._id,
      kind: 'adopt',
      confirmUnscored: true,
      projectTitle: d.title,
    });
    if (!decided.project) throw new SeedError('seedProjects: the adoption made no project');
    ids.push(decided.project._id);
  }

  // Each phase for every project that goes that far, so the dates keep the workflow's order.
  const reaching = (stage: DemoProject['until']) =>
    demoProjects.flatMap((d, i) => (rank[d.until] >= rank[stage] ? [{ d, id: ids[i] }] : []));

  // 附件1 filled in and submitted for 论证.
  const [startDay, endDay, acceptedEnd] = [day(0.3), `${year}-12-20`, day(0.8)];
  at(0.08);
  for (const { d, id } of reaching('feasibility')) {
    const end = accepted(d) ? acceptedEnd : endDay;
    const span = Date.parse(`${end}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`);
    const record: ProjectRecordInput = {
      ...d.record,
      level: 'district',
      applicantUnit: '中山区总工会',
      title: d.title,
      reportDate: day(0.08),
      startDate: startDay,
      endDate: end,
      milestones: d.milestoneTasks.map((task, k) => ({
        date: new Date(Date.parse(`${startDay}T00:00:00Z`) + Math.floor(((k + 1) * span) / 3 / DAY) * DAY)
          .toISOString()
          .slice(0, 10),
        task,
      })),
      workflowText: '职工向所在班组或基层工会报名，工会统一安排，完成后在小程序里评价。',
    };
    await call('demo-district', 'project', 'update', { projectId: id, version: 1, record });
    await move('demo-district', id, 'submitFeasibility');
  }

  // 论证会 and 提交审定 (组织和基层工作部), then one 市总党组会 decides them together.
  at(0.12);
  const going = reaching('startAwaitingDepartment');
  for (const { id } of going) {
    await move('demo-org-reviewer', id, 'recordReview', {
      review: {
        kind: 'argument',
        date: day(0.12),
        participants: '区总工会、组织和基层工作部、相关行业专家 3 人',
        conclusion: 'pass',
        conclusionText: '需求真实，方案可行，预算合理，同意提交审定。',
      },
    });
    await move('demo-org-reviewer', id, 'submitForDecision');
  }
  at(0.18);
  await call('demo-research-staff', 'project', 'recordDecision', {
    meetingKind: 'cityPartyGroup',
    meetingDate: day(0.18),
    resolution: '同意将以上县区级项目列入年度为职工办实事项目，按规定给予市总扶助。',
    projectIds: going.map((g) => g.id),
  });

  // 启动申报表 and its sign-offs (the third project waits for the 组织和基层工作部 head).
  at(0.22);
  for (const { d, id } of going) {
    await call('demo-district', 'project', 'submitForm', {
      projectId: id,
      kind: 'start',
      fields: {
        overview: `${d.record.serviceMethod ?? ''}。预计直接服务 ${d.record.targetServed ?? 0} 人。`,
        plan: d.milestoneTasks.join('；'),
        fillDate: day(0.22),
      },
    });
  }
  for (const { d, id } of going) await sign(id, 'start', d.until === 'startAwaitingDepartment' ? 1 : 3, 0.23);

  // 发布, 开始实施 and a first spending line.
  at(0.3);
  for (const { d, id } of reaching('inProgress')) {
    // The plan (实施方案) is the project's first announcement: publishing it publishes the project, and
    // 首页's feed shows it to the district's workers.
    await call('demo-district', 'announce', 'publish', {
      projectId: id,
      draftId: `seed-plan-${id.slice(0, 12)}`,
      title: d.title,
      serviceTargets: d.record.serviceTargets ?? '中山区职工',
      serviceContent: d.record.serviceMethod ?? d.record.goals ?? d.title,
      workflow: '职工向所在班组或基层工会报名，工会统一安排，完成后在小程序里评价。',
      time: `${startDay} 至 ${accepted(d) ? acceptedEnd : endDay}`,
      place: d.record.coverage ?? '中山区',
      contact: `${common.leaderName} ${common.phone}`,
      images: [],
    });
    await move('demo-district', id, 'start');
    // The project in progress gets a service point (服务点与签到), made as staff make one.
    if (d.until === 'inProgress') {
      await call('demo-district', 'checkin', 'createPoint', {
        projectId: id,
        name: `${d.record.coverage ?? '中山区'}报到处`,
        address: '中山区五五路 2 号一楼大厅',
        startDate: startDay,
        endDate: endDay,
        hours: '周一至周五 8:30–17:00',
        contact: `${common.leaderName} ${common.phone}`,
      });
    }
  }
  at(0.4);
  for (const { d, id } of reaching('inProgress')) {
    await call('demo-district', 'project', 'recordSpending', {
      projectId: id,
      date: day(0.4),
      item: d.record.budgetLines?.[0]?.item ?? '支出',
      amountFen: 2_000_000,
      cityAidFen: 1_000_000,
      note: '第一批',
    });
  }

  // 现场座谈 (forum.record): the project in progress had a forum with workers; one follow-up is done.
  at(0.45);
  for (const { d, id } of reaching('inProgress').filter(({ d }) => d.until === 'inProgress')) {
    const forum = await call<Forum>('demo-district', 'forum', 'record', {
      projectId: id,
      date: day(0.45),
      place: `${d.record.coverage ?? '中山区'}会议室`,
      attendance: 28,
      participants: [
        { unit: '中山区环卫服务中心', count: 18 },
        { unit: '中山区青少年宫', count: 4 },
      ],
      summary: '参加的职工家长对托管班总体满意，希望延长下午接孩子的时间，并增加游泳和阅读课程。',
      issues: ['下午五点接孩子赶不上下班', '希望增加游泳课'],
      followUps: [
        { what: '和青少年宫商量把托管延长到下午六点', owner: common.leaderName, dueDate: day(0.5) },
        { what: '问一问附近游泳馆能否开职工子女专场', owner: common.leaderName, dueDate: day(0.95) },
      ],
    });
    at(0.48);
    await call('demo-district', 'forum', 'completeFollowUp', {
      forumId: forum._id,
      key: forum.detail?.followUps[0]?.key,
      doneOn: day(0.48),
    });
  }

  // 职工评价 (rating.configure, rating.submit): the project in progress opened rating to its audience and
  // six workers of 中山区 rated it (enough for workers to see the summary); 王秀梅 (demo-worker) has not,
  // so a newcomer can rate it as her.
  at(0.5);
  for (const { id } of reaching('inProgress').filter(({ d }) => d.until === 'inProgress')) {
    await call('demo-district', 'rating', 'configure', { projectId: id, opensOn: day(0.5), eligibility: 'audience' });
    for (const [k, r] of demoRaters.entries()) {
      at(0.5 + k * 0.01);
      await call(r.id, 'profile', 'bind', { name: r.name, orgId: r.orgId });
      await call(r.id, 'rating', 'submit', { projectId: id, scores: r.scores, comment: r.comment, groups: r.groups });
    }
  }

  // 中期推进情况表 and 验收申报表 (after the end date), each signed by the three.
  for (const { id } of reaching('accepted')) {
    at(0.55);
    await call('demo-district', 'project', 'submitForm', {
      projectId: id,
      kind: 'midterm',
      fields: {
        plannedAcceptanceDate: day(0.85),
        progressAssessment: '已完成过半，职工反映良好，按计划推进。',
        coveredSoFar: 12000,
        servedSoFar: 2600,
        fillDate: day(0.55),
      },
    });
    await sign(id, 'midterm', 3, 0.56);
    at(0.85);
    await call('demo-district', 'project', 'submitForm', {
      projectId: id,
      kind: 'acceptance',
      fields: {
        requestedAcceptanceDate: day(0.85),
        completionAssessment: '全部完成，服务人数超过预期，职工满意度调查 94%。',
        coveredActual: 20000,
        servedActual: 5600,
        satisfactionActual: 94,
        fillDate: day(0.85),
      },
    });
    await sign(id, 'acceptance', 3, 0.86);
  }
  return { skipped: false, projectIds: ids };
}

function accepted(d: DemoProject): boolean {
  return d.until === 'accepted';
}
