/** A valid project record for tests and benchmarks. */
import type { ProjectRecordInput } from '@shishi/shared-types';

/** A whole 附件1 for a county project: 120,000.01 元 in all, 50,000.01 元 of it from the city. */
export function fullRecord(over: Partial<ProjectRecordInput> = {}): ProjectRecordInput {
  return {
    level: 'district',
    applicantUnit: '中山区总工会',
    leaderName: '张丽',
    phone: '0411-82345678',
    email: 'zs@example.cn',
    reportDate: '2026-12-01',
    title: '户外劳动者爱心驿站建设',
    necessity: '中山区有环卫、快递、外卖等户外劳动者两万余人，冬季取暖、饮水、如厕困难，职工建议集中。',
    feasibility: '辖区内已有 20 处工会阵地可改造，区总工会有经费和管理经验，当年可以办结。',
    serviceTargets: '中山区环卫工人、快递员、外卖送餐员等户外劳动者',
    serviceMethod: '在工会阵地设立爱心驿站，提供饮水、热饭、充电、休息和如厕',
    goals: '年内建成 20 处爱心驿站，覆盖全区户外劳动者',
    standards: '每处驿站有标识、饮水机、微波炉、充电设备、桌椅和药箱，开放时间不少于 10 小时',
    coverage: '中山区 8 个街道',
    subProjects: [],
    startDate: '2027-03-01',
    endDate: '2027-10-31',
    milestones: [
      { date: '2027-03-31', task: '完成选址和改造方案' },
      { date: '2027-06-30', task: '建成 10 处驿站' },
      { date: '2027-10-31', task: '建成 20 处驿站并验收' },
    ],
    budgetLines: [
      { item: '驿站设备', amountFen: 8_000_001, cityAidFen: 5_000_001, source: '市总扶助、区总工会经费' },
      { item: '标识和宣传', amountFen: 4_000_000, cityAidFen: 0, source: '区总工会经费' },
    ],
    aidStatement: '市总扶助资金全部用于驿站设备购置',
    expectedResults: '户外劳动者冬季有地方取暖喝水，工会服务阵地作用得到发挥。',
    targetCovered: 20000,
    targetServed: 5000,
    targetSatisfaction: 90,
    organisation: '区总工会成立领导小组，主席任组长',
    supervision: '区总工会经审会全程监督',
    fundingAssurance: '专款专用，单独核算',
    publicity: '通过工会网站、公众号和街道宣传栏发布',
    duties: {
      planning: { person: '张丽', scope: '方案策划' },
      implementation: { person: '李明', scope: '驿站建设' },
      supervision: { person: '王刚', scope: '督导进度' },
      inspection: { person: '赵芳', scope: '质量检查' },
      acceptance: { person: '孙伟', scope: '组织验收' },
    },
    temporaryNeed: false,
    ...over,
  };
}
