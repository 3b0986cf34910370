/**
 * Project benchmark data (issue 9): what happens to each generated project, as a script of the calls
 * staff make (create → 论证 → 审定 → forms and their three sign-offs → money → closing), with the
 * instant of each. The same script is played two ways: through the real `project` handlers (the check)
 * or applied in memory and written in bulk (lib/project-child.ts), and both must store the same documents.
 *
 * Five project years (2023–2027), the clock at NOW (2027-08-10, five days before the mid-term forms are
 * due): past years are mostly closed (a few terminated, stuck at a form or overdue), 2027 is spread over
 * every step so the work queues have items.
 */
import type { ProjectRecordInput } from '@shishi/shared-types';

export const NOW_ISO = '2027-08-10T10:00:00+08:00';
export const NOW = Date.parse(NOW_ISO);
export const YEARS = [2023, 2024, 2025, 2026, 2027] as const;

/** A deterministic 32-bit hash of (k, salt). */
export function mix(k: number, salt: number): number {
  let h = (k * 2654435761 + salt * 40503 + 0x9e3779b9) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822519) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 3266489917) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
const pick = <T>(list: readonly T[], k: number, salt: number): T => list[mix(k, salt) % list.length];

// ------------------------------------------------------------------------------------------ who

export interface Applicant {
  orgId: string;
  name: string;
  kind: 'district' | 'industry' | 'enterprise' | 'department';
  /** Owner staff (creates, moves, files forms), the unit head (first sign-off). */
  staff: string;
  head: string;
  /** Reviewer, department head and leader of the routed department (second and third sign-offs). */
  reviewer: string;
  deptHead: string;
  leader: string;
}

/** Extra signers for the nodes the seed has no person for (users written straight into `users`). */
export interface BenchUser {
  id: string;
  name: string;
  role: string;
  orgId: string;
}

const DISTRICTS: Array<[string, string]> = [
  ['dist-zhongshan', '中山区总工会'],
  ['dist-xigang', '西岗区总工会'],
  ['dist-shahekou', '沙河口区总工会'],
  ['dist-ganjingzi', '甘井子区总工会'],
  ['dist-lvshunkou', '旅顺口区总工会'],
  ['dist-jinzhou', '金州区总工会'],
  ['dist-pulandian', '普兰店区总工会'],
  ['dist-wafangdian', '瓦房店市总工会'],
  ['dist-zhuanghe', '庄河市总工会'],
  ['dist-changhai', '长海县总工会'],
  ['dist-jinpu', '金普新区总工会（开放先导区）'],
  ['dist-hitech', '高新技术产业园区总工会（开放先导区）'],
];
const INDUSTRIES: Array<[string, string, string[]]> = [
  ['ind-machinery', '大连市机械冶金工会', ['gr-mach-tool']],
  ['ind-transport', '大连市交通运输工会', ['gr-tr-bus', 'gr-tr-port']],
  ['ind-education', '大连市教育工会', ['gr-edu-24']],
  ['ind-health', '大连市卫生健康工会', ['gr-health-central']],
];
const ENTERPRISE_NAMES: Record<string, string> = {
  'gr-mach-tool': '大连机床集团工会',
  'gr-tr-bus': '大连公交客运集团工会',
  'gr-tr-port': '大连港湾运输有限公司工会',
  'gr-edu-24': '大连市第二十四中学工会',
  'gr-health-central': '大连市中心医院工会',
};
const DEPARTMENTS: Array<[string, string]> = [
  ['dept-rights', '权益保障部'],
  ['dept-women', '女职工部'],
  ['dept-labour', '劳动和经济工作部'],
  ['dept-publicity', '宣传教育部'],
  ['dept-org', '组织和基层工作部'],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['建华', '丽娟', '志刚', '海燕', '立新', '春梅', '国庆', '晓东', '秀兰', '文斌', '红霞', '振宇'];

export function benchSigners(): { applicants: Applicant[]; users: BenchUser[] } {
  const users: BenchUser[] = [];
  let n = 0;
  const person = (role: string, orgId: string, id = `bench-${role}-${orgId}`): string => {
    users.push({ id, name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`, role, orgId });
    n++;
    return id;
  };
  const org = { reviewer: 'demo-org-reviewer', deptHead: 'demo-org-head', leader: 'demo-org-leader' };
  const research = { reviewer: 'demo-research-staff', deptHead: 'demo-research-head', leader: 'demo-research-leader' };
  const applicants: Applicant[] = [];
  for (const [orgId, name] of DISTRICTS) {
    const zs = orgId === 'dist-zhongshan';
    applicants.push({
      orgId,
      name,
      kind: 'district',
      staff: zs ? 'demo-district' : person('unionStaff', orgId),
      head: zs ? 'demo-district-head' : person('unitHead', orgId),
      ...org,
    });
  }
  for (const [orgId, name, enterprises] of INDUSTRIES) {
    const tr = orgId === 'ind-transport';
    const route = {
      reviewer: tr ? 'demo-industry-reviewer' : person('reviewer', orgId),
      deptHead: tr ? 'demo-industry-depthead' : person('deptHead', orgId),
      leader: tr ? 'demo-industry-leader' : person('leader', orgId),
    };
    const staff = tr ? 'demo-industry-staff' : person('unionStaff', orgId);
    applicants.push({
      orgId,
      name,
      kind: 'industry',
      staff,
      head: tr ? 'demo-industry-head' : person('unitHead', orgId),
      ...route,
    });
    for (const e of enterprises) {
      // The industry union's staff file for its enterprises (its subtree); the enterprise head signs first.
      applicants.push({
        orgId: e,
        name: ENTERPRISE_NAMES[e],
        kind: 'enterprise',
        staff,
        head: person('unitHead', e),
        ...route,
      });
    }
  }
  for (const [orgId, name] of DEPARTMENTS) {
    applicants.push({
      orgId,
      name,
      kind: 'department',
      // 调查研究室 (research bound at the city: owner of the whole subtree) files the city list.
      staff: 'demo-research',
      head: orgId === 'dept-rights' ? 'demo-rights-head' : person('unitHead', orgId),
      ...research,
    });
  }
  return { applicants, users };
}

// ------------------------------------------------------------------------------------------ what

export type Event =
  | { at: number; by: string; op: 'create'; input: { record: ProjectRecordInput; orgId: string; year: number } }
  | { at: number; by: string; op: 'move'; input: Record<string, unknown> }
  | {
      at: number;
      by: string;
      op: 'decision';
      /** Projects of one group are decided by one meeting (one committeeDecisions document). */
      group: string;
      input: { meetingKind: string; meetingDate: string; resolution: string };
    }
  | { at: number; by: string; op: 'submitForm'; input: { kind: 'start' | 'midterm' | 'acceptance'; fields: object } }
  | {
      at: number;
      by: string;
      op: 'sign';
      kind: 'start' | 'midterm' | 'acceptance';
      input: { decision: 'approve' | 'return'; opinion: string; sealConfirmed?: boolean };
    }
  | {
      at: number;
      by: string;
      op: 'spending';
      input: { date: string; item: string; amountFen: number; cityAidFen: number };
    }
  | { at: number; by: string; op: 'close'; input: { finalAccountsFen: number; summary: string } };

export interface Script {
  k: number;
  year: number;
  applicant: Applicant;
  /** Where the project stops (for the report). */
  outcome: string;
  events: Event[];
}

const THEMES: Array<{ title: string; targets: string; method: string; goal: string; items: string[] }> = [
  {
    title: '户外劳动者爱心驿站建设',
    targets: '环卫工人、快递员、外卖送餐员等户外劳动者',
    method: '在工会阵地设立爱心驿站，提供饮水、热饭、充电、休息和如厕',
    goal: '年内建成 20 处爱心驿站',
    items: ['驿站设备', '饮水机及净水设备', '冷暖设备', '标识标牌', '急救药箱'],
  },
  {
    title: '职工子女暑期托管班',
    targets: '双职工家庭的小学生子女',
    method: '依托职工之家和学校开设暑期托管班，提供看护、作业辅导和兴趣课程',
    goal: '开设托管班 10 个，服务职工子女 800 人',
    items: ['托管场地租用', '辅导教师课时费', '课程材料', '保险', '餐饮'],
  },
  {
    title: '一线职工健康体检',
    targets: '一线生产和服务岗位职工',
    method: '与定点医院合作组织免费体检和健康讲座',
    goal: '完成 3000 名一线职工体检',
    items: ['体检费用', '健康讲座专家费', '体检组织', '宣传资料'],
  },
  {
    title: '职工技能提升培训',
    targets: '企业青年职工和农民工',
    method: '开设技能培训班和岗位练兵，考核合格发放证书',
    goal: '培训职工 1500 人次，取证率不低于 80%',
    items: ['培训教师课时费', '实训耗材', '考核鉴定费', '场地租用'],
  },
  {
    title: '职工食堂改造提升',
    targets: '园区内中小企业职工',
    method: '改造职工食堂，延长供餐时间，增设夜班餐',
    goal: '改造食堂 5 处，日均供餐 3000 人次',
    items: ['厨房设备', '餐厅桌椅', '消防改造', '卫生检测'],
  },
  {
    title: '女职工关爱室建设',
    targets: '女职工，特别是哺乳期女职工',
    method: '在企业建设标准化女职工关爱室（母婴室）',
    goal: '建成关爱室 30 个',
    items: ['关爱室设备', '冰箱及消毒柜', '装修', '标识'],
  },
  {
    title: '职工心理健康服务',
    targets: '高强度岗位职工',
    method: '开通心理咨询热线，组织心理疏导进企业',
    goal: '服务职工 2000 人次',
    items: ['心理咨询师服务费', '热线运营', '讲座', '测评系统'],
  },
  {
    title: '新就业形态劳动者入会服务',
    targets: '网约车司机、外卖骑手、快递员',
    method: '集中入会、法律援助和意外保险',
    goal: '新入会 5000 人，投保 3000 人',
    items: ['意外保险', '法律援助律师费', '宣传', '服务站点'],
  },
];
const PLACES = ['街道', '园区', '商圈', '港区', '社区', '开发区'];

/** A whole 附件1 (the test's fullRecord, varied per project): `lines` budget lines, subsidy ≤ half. */
export function recordFor(k: number, year: number, a: Applicant, level: 'city' | 'district' | 'industry') {
  const theme = pick(THEMES, k, 1);
  const batch = 1 + (mix(k, 2) % 9);
  const title = `${a.name.replace(/工会$|总工会.*$/, '')}${theme.title}（${PLACES[mix(k, 3) % PLACES.length]}第${batch}期）`;
  const lines = 3 + (mix(k, 4) % 6);
  const budgetLines = Array.from({ length: lines }, (_, i) => {
    const amountFen = 500_000 + (mix(k, 10 + i) % 6_000_000);
    const cityAidFen = level === 'city' || i % 2 === 1 ? 0 : Math.floor(amountFen / 2) - (mix(k, 20 + i) % 1000);
    return {
      item: theme.items[i % theme.items.length] + (i >= theme.items.length ? `（二期）` : ''),
      amountFen,
      cityAidFen,
      source: cityAidFen > 0 ? '市总扶助、单位自筹' : level === 'city' ? '市总工会经费' : '单位自筹',
    };
  });
  const head = pick(SURNAMES, k, 5) + pick(GIVEN, k, 6);
  const who = () => pick(SURNAMES, k, 7 + mix(k, 8)) + pick(GIVEN, k, 9 + mix(k, 8));
  const record: ProjectRecordInput = {
    level,
    applicantUnit: a.name,
    leaderName: head,
    phone: `0411-8${String(mix(k, 11) % 10_000_000).padStart(7, '0')}`,
    email: `p${k}@example.cn`,
    reportDate: `${year - 1}-11-20`,
    title,
    necessity: `${a.name}所属${theme.targets}约 ${2 + (mix(k, 12) % 20)} 千人，职工在征集中反映集中，附议人数多。`,
    feasibility: `${a.name}已有阵地和经费，管理制度健全，项目当年可以办结。`,
    serviceTargets: theme.targets,
    serviceMethod: theme.method,
    goals: theme.goal,
    standards: '有场地、有设施、有标识、有制度、有人管，按季度检查',
    coverage: `${a.name}所辖范围`,
    subProjects: [],
    startDate: `${year}-03-01`,
    endDate: `${year}-10-31`,
    milestones: [
      { date: `${year}-03-31`, task: '完成选址和实施方案' },
      { date: `${year}-06-30`, task: '完成一半任务' },
      { date: `${year}-10-31`, task: '全部完成并申请验收' },
    ],
    budgetLines,
    ...(level === 'city' ? {} : { aidStatement: '市总扶助资金全部用于设备和服务采购，专款专用' }),
    expectedResults: '职工急难愁盼问题得到解决，工会服务阵地作用得到发挥。',
    targetCovered: 1000 * (2 + (mix(k, 13) % 20)),
    targetServed: 500 * (1 + (mix(k, 14) % 10)),
    targetSatisfaction: 85 + (mix(k, 15) % 11),
    organisation: `${a.name}成立领导小组，主要负责人任组长`,
    supervision: '经审会全程监督，每季度检查一次',
    fundingAssurance: '专款专用，单独核算',
    publicity: '通过工会网站、公众号和宣传栏发布',
    duties: {
      planning: { person: head, scope: '方案策划' },
      implementation: { person: who(), scope: '组织实施' },
      supervision: { person: who(), scope: '督导进度' },
      inspection: { person: who(), scope: '质量和资金检查' },
      acceptance: { person: who(), scope: '组织验收' },
    },
    temporaryNeed: mix(k, 16) % 5 === 0,
    ...(level === 'industry' && mix(k, 17) % 3 === 0 ? { tranche1Percent: 30 } : {}),
  };
  return record;
}

// ------------------------------------------------------------------------------------------ when

const at = (day: string, hm = '10:00', k = 0) => Date.parse(`${day}T${hm}:00+08:00`) + (k % 3600) * 1000;
const day = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.toISOString().slice(0, 10);
};

/**
 * Where project k stops: past years mostly closed; 2027 spread over every step up to NOW. Returns the
 * outcome name. `forced` picks one for the check.
 */
function outcomeFor(k: number, year: number): string {
  const r = mix(k, 30) % 1000;
  if (year < 2027) {
    if (r < 850) return 'closed';
    if (r < 900) return 'terminated';
    if (r < 925) return 'returned';
    if (r < 950) return 'accepted';
    if (r < 970) return 'acceptancePending';
    if (r < 985) return 'overdue';
    return 'acceptanceReturned';
  }
  const steps: Array<[number, string]> = [
    [70, 'draft'],
    [120, 'feasibility'],
    [160, 'reviewed'],
    [210, 'submitted'],
    [240, 'returned'],
    [270, 'established'],
    [310, 'startUnit'],
    [350, 'startDepartment'],
    [390, 'startLeader'],
    [410, 'startReturned'],
    [450, 'published'],
    [750, 'inProgress'],
    [800, 'midtermUnit'],
    [840, 'midtermDepartment'],
    [870, 'midtermLeader'],
    [890, 'midtermReturned'],
    [960, 'midtermFiled'],
    [1000, 'terminated'],
  ];
  return steps.find(([limit]) => r < limit)![1];
}

const LAST = [
  'draft',
  'feasibility',
  'reviewed',
  'submitted',
  'established',
  'startUnit',
  'startDepartment',
  'startLeader',
  'published',
  'inProgress',
  'midtermUnit',
  'midtermDepartment',
  'midtermLeader',
  'midtermFiled',
  'acceptancePending',
  'accepted',
  'closed',
];

export function scriptFor(
  k: number,
  applicants: Applicant[],
  forced?: { year: number; outcome: string; applicant?: string },
): Script {
  // Applicants: district unions 60 %, industry unions and their enterprises 25 %, city departments 15 %.
  const r = mix(k, 40) % 100;
  const pool = applicants.filter((a) =>
    r < 60
      ? a.kind === 'district'
      : r < 85
        ? a.kind === 'industry' || a.kind === 'enterprise'
        : a.kind === 'department',
  );
  const a = forced?.applicant ? applicants.find((x) => x.orgId === forced.applicant)! : pick(pool, k, 41);
  const year = forced?.year ?? YEARS[k % YEARS.length];
  const outcome = forced?.outcome ?? outcomeFor(k, year);
  const level = a.kind === 'department' ? 'city' : a.kind === 'district' ? 'district' : 'industry';
  const record = recordFor(k, year, a, level);
  const y0 = year - 1;
  const ev: Event[] = [];
  const d0 = 1 + (mix(k, 42) % 14);
  ev.push({ at: at(day(y0, 11, d0), '09:30', k), by: a.staff, op: 'create', input: { record, orgId: a.orgId, year } });
  const stop = (name: string) => outcome === name;
  const reached = (name: string) => {
    const i = LAST.indexOf(name);
    const j = LAST.indexOf(outcome);
    return j >= i && i >= 0;
  };
  const done = () => ({ k, year, applicant: a, outcome, events: ev });
  if (stop('draft')) return done();
  ev.push({ at: at(day(y0, 11, d0 + 5), '10:00', k), by: a.staff, op: 'move', input: { move: 'submitFeasibility' } });
  if (stop('feasibility')) return done();
  if (stop('returned')) {
    ev.push({
      at: at(day(y0, 11, d0 + 9), '15:00', k),
      by: a.reviewer,
      op: 'move',
      input: { move: 'returnForRevision', note: '预算请按项目细化，补充服务对象人数的依据' },
    });
    return done();
  }
  ev.push({
    at: at(day(y0, 11, d0 + 12), '14:00', k),
    by: a.reviewer,
    op: 'move',
    input: {
      move: 'recordReview',
      review: {
        kind: pick(['argument', 'seminar', 'survey'] as const, k, 43),
        date: day(y0, 11, d0 + 12),
        participants: '归口部门、财务部、职工代表',
        conclusion: 'pass',
        conclusionText: '需求集中，方案可行，同意上报',
      },
    },
  });
  if (stop('reviewed')) return done();
  ev.push({
    at: at(day(y0, 11, d0 + 13), '16:00', k),
    by: a.reviewer,
    op: 'move',
    input: { move: 'submitForDecision' },
  });
  if (stop('submitted')) return done();
  const meetings =
    level === 'city'
      ? ([
          ['partyGroup', day(y0, 12, 15)],
          ['standing', day(y0, 12, 22)],
          ['plenary', day(year, 1, 8)],
        ] as const)
      : ([['cityPartyGroup', day(y0, 12, 20)]] as const);
  for (const [kind, date] of meetings) {
    ev.push({
      at: at(date, '17:00'),
      by: 'demo-research-staff',
      op: 'decision',
      group: `${year}-${kind}`,
      input: { meetingKind: kind, meetingDate: date, resolution: `同意${year}年度为职工办实事项目清单` },
    });
  }
  if (stop('established')) return done();
  if (stop('terminated')) {
    ev.push({
      at: at(day(year, 3, 10 + (k % 10)), '11:00', k),
      by: a.deptHead,
      op: 'move',
      input: { move: 'terminate', note: '配套资金未落实，经研究终止实施' },
    });
    return done();
  }
  const s0 = 10 + (mix(k, 44) % 10);
  ev.push({
    at: at(day(year, 1, s0), '09:00', k),
    by: a.staff,
    op: 'submitForm',
    input: {
      kind: 'start',
      fields: {
        overview: `${record.goals}，预计直接服务 ${record.targetServed} 人`,
        plan: '3 月启动，6 月过半，10 月完成',
        fillDate: day(year, 1, s0),
      },
    },
  });
  const sign = (
    kind: 'start' | 'midterm' | 'acceptance',
    when: number,
    who: string,
    decision: 'approve' | 'return',
    opinion: string,
    seal = false,
  ) =>
    ev.push({
      at: when,
      by: who,
      op: 'sign',
      kind,
      input: { decision, opinion, ...(seal ? { sealConfirmed: true } : {}) },
    });
  if (stop('startUnit')) return done();
  sign('start', at(day(year, 1, s0 + 1), '10:00', k), a.head, 'approve', '同意申报', true);
  if (stop('startDepartment')) return done();
  if (stop('startReturned')) {
    sign('start', at(day(year, 1, s0 + 3), '10:00', k), a.deptHead, 'return', '推进计划请细化到月');
    return done();
  }
  sign('start', at(day(year, 1, s0 + 3), '10:00', k), a.deptHead, 'approve', '同意');
  if (stop('startLeader')) return done();
  sign('start', at(day(year, 1, s0 + 5), '10:00', k), a.leader, 'approve', '同意');
  ev.push({ at: at(day(year, 2, 10), '10:00', k), by: a.staff, op: 'move', input: { move: 'publish' } });
  if (stop('published')) return done();
  ev.push({ at: at(day(year, 2, 20), '10:00', k), by: a.staff, op: 'move', input: { move: 'start' } });
  const lines = record.budgetLines ?? [];
  const subsidy = lines.reduce((s, l) => s + l.cityAidFen, 0);
  const total = lines.reduce((s, l) => s + l.amountFen, 0);
  const spend = (date: string, item: string, share: number) =>
    ev.push({
      at: at(date, '15:00', k),
      by: a.staff,
      op: 'spending',
      input: { date, item, amountFen: Math.floor(total * share), cityAidFen: Math.floor(subsidy * share) },
    });
  spend(day(year, 4, 10), lines[0].item, 0.3);
  if (year < 2027 || mix(k, 45) % 2 === 0) spend(day(year, 6, 12), lines[1].item, 0.25);
  if (stop('inProgress') || stop('overdue')) return done();
  // 2027 mid-term forms come in from 07-25 on (the due day is 08-15; NOW is 08-10).
  const m0 = year < 2027 ? 20 + (mix(k, 46) % 20) : 25 + (mix(k, 46) % 7);
  const md = (n: number) => (m0 + n <= 31 ? day(year, 7, m0 + n) : day(year, 8, m0 + n - 31));
  ev.push({
    at: at(md(0), '09:00', k),
    by: a.staff,
    op: 'submitForm',
    input: {
      kind: 'midterm',
      fields: {
        plannedAcceptanceDate: day(year, 11, 10),
        progressAssessment: '已完成过半任务，职工反映良好，按计划推进',
        servedSoFar: Math.floor((record.targetServed ?? 1000) / 2),
        fillDate: md(0),
      },
    },
  });
  if (stop('midtermUnit')) return done();
  sign('midterm', at(md(1), '10:00', k), a.head, 'approve', '情况属实，同意上报', true);
  if (stop('midtermDepartment')) return done();
  if (stop('midtermReturned')) {
    sign('midterm', at(md(2), '10:00', k), a.deptHead, 'return', '请补充服务人次的统计依据');
    return done();
  }
  sign('midterm', at(md(2), '10:00', k), a.deptHead, 'approve', '推进情况良好');
  if (stop('midtermLeader')) return done();
  sign('midterm', at(md(3), '10:00', k), a.leader, 'approve', '同意');
  if (stop('midtermFiled')) return done();
  ev.push({
    at: at(day(year, 11, 5), '09:00', k),
    by: a.staff,
    op: 'submitForm',
    input: {
      kind: 'acceptance',
      fields: {
        requestedAcceptanceDate: day(year, 11, 10),
        completionAssessment: '任务全部完成，服务人数达到预期，职工满意',
        servedActual: record.targetServed,
        coveredActual: record.targetCovered,
        satisfactionActual: 93,
        fillDate: day(year, 11, 5),
      },
    },
  });
  if (stop('acceptancePending')) return done();
  sign('acceptance', at(day(year, 11, 6), '10:00', k), a.head, 'approve', '同意申请验收', true);
  if (stop('acceptanceReturned')) {
    sign('acceptance', at(day(year, 11, 9), '10:00', k), a.deptHead, 'return', '请补充资金使用凭证');
    return done();
  }
  sign('acceptance', at(day(year, 11, 9), '10:00', k), a.deptHead, 'approve', '同意验收');
  sign('acceptance', at(day(year, 11, 12), '10:00', k), a.leader, 'approve', '同意');
  if (!reached('closed')) return done();
  ev.push({
    at: at(day(year, 12, 15), '10:00', k),
    by: a.staff,
    op: 'close',
    input: { finalAccountsFen: Math.floor(total * 0.55), summary: `${record.goals}，已全部完成，经费决算见附表` },
  });
  return done();
}

/** Every outcome, for the check (one project each, over the three routes). */
export const CHECK_CASES: Array<{ year: number; outcome: string; applicant: string }> = [
  { year: 2026, outcome: 'closed', applicant: 'dist-zhongshan' },
  { year: 2026, outcome: 'closed', applicant: 'ind-transport' },
  { year: 2026, outcome: 'closed', applicant: 'dept-rights' },
  { year: 2025, outcome: 'acceptanceReturned', applicant: 'dist-zhongshan' },
  { year: 2025, outcome: 'overdue', applicant: 'ind-transport' },
  { year: 2024, outcome: 'terminated', applicant: 'dist-zhongshan' },
  { year: 2027, outcome: 'draft', applicant: 'dept-rights' },
  { year: 2027, outcome: 'returned', applicant: 'dist-zhongshan' },
  { year: 2027, outcome: 'reviewed', applicant: 'ind-transport' },
  { year: 2027, outcome: 'submitted', applicant: 'dist-zhongshan' },
  { year: 2027, outcome: 'startDepartment', applicant: 'dist-zhongshan' },
  { year: 2027, outcome: 'startReturned', applicant: 'ind-transport' },
  { year: 2027, outcome: 'midtermLeader', applicant: 'dist-zhongshan' },
  { year: 2027, outcome: 'midtermReturned', applicant: 'dist-zhongshan' },
  { year: 2027, outcome: 'midtermFiled', applicant: 'dept-rights' },
  { year: 2027, outcome: 'inProgress', applicant: 'dist-zhongshan' },
];
