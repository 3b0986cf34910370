/** A realistic, fully filled project for the document tests (a district union project, 30 budget lines). */
import type { ProjectRecord } from '@shishi/shared-types';
import type { DocumentSpendingLine, ProjectDocumentData, ProjectListData } from '../types';

const items = [
  '职工书屋图书采购',
  '心理咨询师服务费',
  '户外劳动者驿站冷暖设备',
  '驿站饮水机及净水设备',
  '急救药箱及常用药品',
  '宣传海报与折页印制',
  '服务点标识标牌制作',
  '志愿者培训课时费',
  '法律援助律师咨询费',
  '职工健康体检（外卖骑手）',
];
const sources = ['自筹', '区财政配套', '企业配套', '市总扶助'];

/** 30 budget lines; the first is 123,456.78 元 so the money format is checked on a real value. */
export const budgetLines: ProjectRecord['budgetLines'] = Array.from({ length: 30 }, (_, i) => {
  const amountFen = i === 0 ? 12_345_678 : 150_000 + i * 10_001;
  return {
    item: `${items[i % items.length]}（第${Math.floor(i / items.length) + 1}批）`,
    amountFen,
    cityAidFen: i % 3 === 0 ? Math.floor(amountFen / 2) : 0,
    source: sources[i % sources.length],
  };
});

export const record: ProjectRecord = {
  level: 'district',
  applicantUnit: '大连市甘井子区总工会',
  leaderName: '王海涛',
  phone: '0411-86651234',
  email: 'ganjingzi_gh@example.cn',
  reportDate: '2027-02-20',
  title: '户外劳动者爱心驿站提质扩面工程',
  necessity:
    '甘井子区现有快递员、外卖送餐员、环卫工人等户外劳动者约1.2万人，夏季高温、冬季严寒，缺少歇脚、饮水、热饭的场所。\n职工代表在2026年征集中提出建议，附议人数居全区第一。',
  feasibility:
    '区总工会已建成驿站18个，管理制度健全；辖区企业和社区愿意提供场地，区财政承诺配套资金，项目具备实施条件。',
  serviceTargets: '辖区内快递员、外卖送餐员、环卫工人、出租车司机等户外劳动者。',
  serviceMethod: '在商圈、交通要道新建和改造驿站，提供饮水、热饭、充电、休息、应急药品等服务。',
  goals: '新建驿站12个、改造提升驿站18个，实现街道全覆盖。',
  standards: '按照全国总工会户外劳动者服务站点建设标准，做到“有场地、有设施、有标识、有制度、有人管”。',
  coverage: '甘井子区所辖14个街道。',
  subProjects: [
    { name: '新建驿站', content: '在红旗、泉水、辛寨子等街道新建驿站12个。' },
    { name: '改造提升', content: '对已建18个驿站更换冷暖设备、饮水设备，增设急救药箱。' },
  ],
  startDate: '2027-03-01',
  endDate: '2027-11-30',
  milestones: [
    { date: '2027-03-15', task: '完成选址和场地协议签订' },
    { date: '2027-05-31', task: '完成设备采购和安装，新建驿站投入使用' },
    { date: '2027-08-15', task: '报送中期推进情况表' },
    { date: '2027-11-30', task: '完成全部驿站改造并申请验收' },
  ],
  budgetLines,
  aidStatement: '市总扶助资金专项用于驿站冷暖设备、饮水设备和急救药品采购，单独核算。',
  expectedResults: '户外劳动者“冷可取暖、热可纳凉、渴可喝水、累可歇脚”，职工获得感明显增强。',
  targetCovered: 12000,
  targetServed: 8000,
  targetSatisfaction: 90,
  organisation: '成立以区总工会主席为组长的项目领导小组，下设办公室具体负责。',
  supervision: '区总工会经审会全程监督，每季度检查一次资金使用情况。',
  fundingAssurance: '专款专用、专项核算，严格执行政府采购规定。',
  publicity: '通过“甘井子工会”公众号和驿站地图小程序宣传推广。',
  duties: {
    planning: { person: '王海涛', scope: '项目总体策划和方案制定' },
    implementation: { person: '李晓红', scope: '驿站选址、建设和日常运行' },
    supervision: { person: '张建国', scope: '进度督导，按月通报' },
    inspection: { person: '刘志强', scope: '资金使用和服务质量检查' },
    acceptance: { person: '陈丽', scope: '组织自查验收，报送验收申报表' },
  },
  temporaryNeed: false,
  workflowText: '职工凭工会会员卡或工作证即可免费使用驿站。',
} as ProjectRecord;

export const spending: DocumentSpendingLine[] = [
  { date: '2027-03-20', item: '驿站冷暖设备采购', amountFen: 4_567_890, cityAidFen: 2_000_000, note: '政府采购' },
  { date: '2027-04-12', item: '饮水机及净水设备', amountFen: 1_234_501, cityAidFen: 1_234_501, note: null },
  { date: '2027-05-08', item: '宣传海报与折页印制', amountFen: 88_800, cityAidFen: 0, note: '自筹' },
];

const at = (day: string, hm = '10:30') => new Date(`${day}T${hm}:00+08:00`).toISOString();

export const opinions = {
  unit: '同意申报。项目符合职工实际需求，配套资金已落实。',
  department: '经审核，项目预算合理，同意启动。',
  leader: '同意。',
  midUnit: '情况属实，同意上报。',
  midDept: '推进情况良好，请按期完成。',
};

export const data: ProjectDocumentData = {
  year: 2027,
  level: 'district',
  applicantOrgName: '甘井子区总工会',
  record,
  money: {
    totalBudgetFen: budgetLines.reduce((s, l) => s + l.amountFen, 0),
    subsidyFen: budgetLines.reduce((s, l) => s + l.cityAidFen, 0),
    spentFen: spending.reduce((s, l) => s + l.amountFen, 0),
    spentAidFen: spending.reduce((s, l) => s + l.cityAidFen, 0),
  },
  spending,
  forms: {
    start: {
      fields: {
        overview: '新建户外劳动者驿站12个，改造提升18个，预计覆盖户外劳动者1.2万人，直接服务8000人，满意度90%以上。',
        plan: '3月完成选址；5月底前新建驿站投入使用；8月中旬报送中期推进情况；11月底完成并申请验收。',
        fillDate: '2027-02-25',
      },
      signatures: [
        {
          step: 'unit',
          decision: 'approve',
          opinion: opinions.unit,
          sealConfirmed: true,
          byName: '赵振华',
          at: at('2027-02-26'),
        },
        {
          step: 'department',
          decision: 'approve',
          opinion: opinions.department,
          sealConfirmed: false,
          byName: '孙立新',
          at: at('2027-03-02'),
        },
        // 23:30 on 3月3日 in Dalian is 15:30 UTC the same day; 00:30 on 3月4日 is still 3月3日 in UTC.
        {
          step: 'leader',
          decision: 'approve',
          opinion: opinions.leader,
          sealConfirmed: false,
          byName: '周明',
          at: at('2027-03-04', '00:30'),
        },
      ],
    },
    midterm: {
      fields: {
        plannedAcceptanceDate: '2027-12-10',
        progressAssessment: '新建驿站10个已投入使用，改造提升完成15个；累计服务户外劳动者5200人次，抽样满意度93%。',
        coveredSoFar: 9000,
        servedSoFar: 5200,
        fillDate: '2027-08-10',
      },
      // Only the unit and the department have signed: the leader's block prints blank.
      signatures: [
        {
          step: 'unit',
          decision: 'approve',
          opinion: opinions.midUnit,
          sealConfirmed: true,
          byName: '赵振华',
          at: at('2027-08-11'),
        },
        {
          step: 'department',
          decision: 'approve',
          opinion: opinions.midDept,
          sealConfirmed: false,
          byName: '孙立新',
          at: at('2027-08-13'),
        },
      ],
    },
    acceptance: {
      fields: {
        requestedAcceptanceDate: '2027-12-05',
        completionAssessment: '全部30个驿站建成或改造完毕，服务户外劳动者8600人，满意度95%。',
        coveredActual: 12500,
        servedActual: 8600,
        satisfactionActual: 95,
        fillDate: '2027-12-01',
      },
      signatures: [],
    },
  },
  startDate: '2027-03-01',
  endDate: '2027-11-30',
};

export const list: ProjectListData = {
  year: 2027,
  rows: [
    {
      title: record.title,
      level: 'district',
      applicantOrgName: '甘井子区总工会',
      departmentName: '组织和基层工作部',
      statusLabel: '实施中',
      totalBudgetFen: data.money.totalBudgetFen,
      subsidyFen: data.money.subsidyFen,
      tranche1Fen: Math.floor((data.money.subsidyFen * 40) / 100),
      tranche2Fen: null,
      spentFen: data.money.spentFen,
      startDate: '2027-03-01',
      endDate: '2027-11-30',
      midterm: '待分管领导签署意见',
      acceptance: '',
    },
    {
      title: '职工心理健康关爱行动',
      level: 'city',
      applicantOrgName: '市总工会女职工部',
      departmentName: '调查研究室',
      statusLabel: '已结项',
      totalBudgetFen: 12_345_678,
      subsidyFen: 0,
      tranche1Fen: null,
      tranche2Fen: null,
      spentFen: 12_000_001,
      startDate: '2027-01-10',
      endDate: '2027-10-31',
      midterm: '已审核通过 2027-08-01',
      acceptance: '已审核通过 2027-11-20',
    },
    {
      title: '港口一线职工午餐补助',
      level: 'industry',
      applicantOrgName: '大连港口产业工会',
      departmentName: '大连港口产业工会',
      statusLabel: '已确立',
      totalBudgetFen: 1,
      subsidyFen: 0,
      tranche1Fen: null,
      tranche2Fen: null,
      spentFen: 0,
      startDate: null,
      endDate: null,
      midterm: '',
      acceptance: '',
    },
  ],
};
