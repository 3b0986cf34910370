/** The `project` function's actions (项目: 可研论证 → 确立 → 发布 → 实施 → 中期 → 验收 → 结项). */
import { access } from '../rules/access';
import { decisionRecorderRoles, projectOwnerRoles } from '../rules/project';
import { roles, staffRoles } from '../roles';
import {
  closeProjectInputSchema,
  createProjectInputSchema,
  exportFormInputSchema,
  exportListInputSchema,
  getProjectInputSchema,
  listProjectsInputSchema,
  moveProjectInputSchema,
  projectExportOutputSchema,
  projectPageSchema,
  projectSchema,
  recordDecisionInputSchema,
  recordSpendingInputSchema,
  setMidtermDueInputSchema,
  setMidtermDueOutputSchema,
  signInputSchema,
  submitFormInputSchema,
  updateProjectInputSchema,
  workbenchInputSchema,
  workbenchOutputSchema,
} from '../schemas/project';
import {
  replyProgressInputSchema,
  reportProgressInputSchema,
  projectProgressSchema,
  tickMilestoneInputSchema,
} from '../schemas/progress';
import {
  projectFollowInputSchema,
  projectFollowOutputSchema,
  projectViewInputSchema,
  projectViewOutputSchema,
} from '../schemas/announce';
import type { ActionContract } from './contract';

export const projectContracts = {
  create: {
    summary: '新建项目（可行性研究报告草稿）：用于临时性需求（第四条（三））；采纳建议时自动生成草稿',
    input: createProjectInputSchema,
    output: projectSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  get: {
    summary: '项目详情：进展步骤和日期、来源建议；工作人员还能看到可研报告各版本、论证、审定、三张表的签署、资金',
    input: getProjectInputSchema,
    output: projectSchema,
    access: access(roles, 'any'),
  },
  list: {
    summary: '工作人员的项目列表：按年度、层级、状态、归口部门、是否逾期筛选，可搜索，分页',
    input: listProjectsInputSchema,
    output: projectPageSchema,
    access: access(staffRoles, 'any'),
  },
  update: {
    summary: '修改可行性研究报告（草稿或退回后的新版本）；已确立的项目调整时须写明原因。旧版本上的修改会被拒绝',
    input: updateProjectInputSchema,
    output: projectSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  move: {
    summary: '推进项目：提交可研论证、记录论证会、提交审定、退回修改、发布、开始实施、终止',
    input: moveProjectInputSchema,
    output: projectSchema,
    access: access(staffRoles, 'department'),
  },
  submitForm: {
    summary: '提交启动申报表、中期推进情况表或验收申报表（退回后重新提交为新版本）',
    input: submitFormInputSchema,
    output: projectSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  sign: {
    summary: '签署意见：申报单位负责人 → 归口管理部门负责人 → 分管领导，依次同意或退回',
    input: signInputSchema,
    output: projectSchema,
    access: access(['unitHead', 'deptHead', 'leader'], 'department'),
  },
  recordDecision: {
    summary: '记录审定会议（党组会、常委会、全委会、市总党组会）的决议及其涉及的项目',
    input: recordDecisionInputSchema,
    output: projectPageSchema,
    access: access(decisionRecorderRoles, 'any'),
  },
  recordSpending: {
    summary: '登记一笔资金支出（总额和其中市总扶助部分）',
    input: recordSpendingInputSchema,
    output: projectSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  close: {
    summary: '结项：验收合格后登记经费决算和完成情况',
    input: closeProjectInputSchema,
    output: projectSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  exportForm: {
    summary: '导出附件1–4（Word 文档，A4，含签署意见）',
    input: exportFormInputSchema,
    output: projectExportOutputSchema,
    access: access(staffRoles, 'department'),
  },
  exportList: {
    summary: '导出年度项目清单（Excel）',
    input: exportListInputSchema,
    output: projectExportOutputSchema,
    access: access(staffRoles, 'any'),
  },
  setMidtermDue: {
    summary: '设置某年度中期推进情况表的报送截止日（默认 8 月 15 日），该年度尚未报送的项目随之调整',
    input: setMidtermDueInputSchema,
    output: setMidtermDueOutputSchema,
    access: access(decisionRecorderRoles, 'any'),
  },
  workbench: {
    summary: '待我办理：等我签署的表、被退回要修改的表、临近或逾期的中期报告、待论证的项目',
    input: workbenchInputSchema,
    output: workbenchOutputSchema,
    access: access(staffRoles, 'any'),
  },
  reportProgress: {
    summary:
      '报送实施进展（第五条（六））：措施、资金使用、困难、需协调的问题和照片；归口管理部门和分管领导在待我办理中看到；选择向职工公开时，措施和照片显示在项目页面，关注的职工收到消息',
    input: reportProgressInputSchema,
    output: projectProgressSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  replyProgress: {
    summary: '回复进展报告：归口管理部门的工作人员、负责人或分管领导答复申报单位，报告随之移出待我办理',
    input: replyProgressInputSchema,
    output: projectProgressSchema,
    access: access(['reviewer', 'deptHead', 'leader'], 'department'),
  },
  tickMilestone: {
    summary: '标记推进计划的节点已完成（写明完成日期），或撤销标记；计划日期已过仍未完成的节点标为逾期',
    input: tickMilestoneInputSchema,
    output: projectProgressSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  follow: {
    summary: '关注项目：项目的新公告通过“关注项目动态通知”送达；提出和附议来源建议的职工在项目确立时自动关注',
    input: projectFollowInputSchema,
    output: projectFollowOutputSchema,
    access: access(roles, 'any'),
  },
  unfollow: {
    summary: '取消关注项目',
    input: projectFollowInputSchema,
    output: projectFollowOutputSchema,
    access: access(roles, 'any'),
  },
  view: {
    summary: '打开项目页：每位职工每个项目记一次（知晓度），返回浏览人数、目标人数、知晓度和是否已关注',
    input: projectViewInputSchema,
    output: projectViewOutputSchema,
    access: access(roles, 'any'),
  },
} as const satisfies Record<string, ActionContract>;
