/** The `proposal` function's actions. */
import { access } from '../rules/access';
import { collectionStaffRoles, offlineEntryRoles, roles, staffRoles } from '../roles';
import {
  editProposalInputSchema,
  getProposalOutputSchema,
  listMineInputSchema,
  listProposalsInputSchema,
  proposalIdInputSchema,
  proposalPageSchema,
  proposalSchema,
  similarInputSchema,
  similarOutputSchema,
  submitOfflineInputSchema,
  submitProposalInputSchema,
  submitProposalOutputSchema,
  supportOutputSchema,
} from '../schemas/proposal';
import {
  decideInputSchema,
  decideOutputSchema,
  exportInputSchema,
  exportOutputSchema,
  mergeInputSchema,
  mergeOutputSchema,
  moderateInputSchema,
  reviewQueueInputSchema,
  reviewQueueOutputSchema,
  scoreInputSchema,
  screenInputSchema,
  screenOutputSchema,
  unmergeInputSchema,
  unmergeOutputSchema,
} from '../schemas/screening';
import type { ActionContract } from './contract';
import { jobStatusInputSchema } from '../schemas/job';
import {
  mergeStatusOutputSchema,
  unmergeAllInputSchema,
  unmergeAllOutputSchema,
  unmergeAllStatusOutputSchema,
} from '../schemas/screening';

export const proposalContracts = {
  submit: {
    summary: '职工在征集期内提交建议；同一草稿重复提交返回原建议，与自己已提交的建议完全相同时返回那条并说明',
    input: submitProposalInputSchema,
    output: submitProposalOutputSchema,
    access: access(roles),
  },
  listMine: {
    summary: '我的建议（分页，最新在前）',
    input: listMineInputSchema,
    output: proposalPageSchema,
    access: access(roles),
  },
  list: {
    summary: '建议列表（分页）：职工看到通过内容审核的建议，工作人员看到本辖区全部建议',
    input: listProposalsInputSchema,
    output: proposalPageSchema,
    access: access(roles),
  },
  get: {
    summary:
      '一条建议的详情；作者本人和管辖范围内的工作人员还能看到处理记录，作者还能看到进展（接下来会怎样、什么时候）',
    input: proposalIdInputSchema,
    output: getProposalOutputSchema,
    access: access(roles),
  },
  edit: {
    summary: '作者修改自己“已提交”的建议：检查同提交（内容、字数、相同内容），相似建议和词频随之更新',
    input: editProposalInputSchema,
    output: proposalSchema,
    access: access(roles),
  },
  withdraw: {
    summary: '作者撤回自己“已提交”的建议：记录保留（已撤回），不再出现在列表和筛选中，附议的职工收到通知',
    input: proposalIdInputSchema,
    output: proposalSchema,
    access: access(roles),
  },
  submitOffline: {
    summary: '线下代录：基层工会干部为本会职工录入纸质或现场收集的建议',
    input: submitOfflineInputSchema,
    output: proposalSchema,
    access: access(offlineEntryRoles, 'subtree'),
  },
  similar: {
    summary: '输入标题和内容时查找征集期内最相似的建议（最多 5 条）',
    input: similarInputSchema,
    output: similarOutputSchema,
    access: access(roles),
  },
  support: {
    summary: '附议一条建议（重复附议不重复计数）',
    input: proposalIdInputSchema,
    output: supportOutputSchema,
    access: access(roles),
  },
  unsupport: {
    summary: '撤回附议',
    input: proposalIdInputSchema,
    output: supportOutputSchema,
    access: access(roles),
  },
  screen: {
    summary: '筛选列表：按征集期、类别、地区/产业、服务对象、附议数、相似数、状态筛选和排序，按加权得分排名',
    input: screenInputSchema,
    output: screenOutputSchema,
    access: access(staffRoles, 'subtree'),
  },
  merge: {
    summary: '把重复的建议合并到保留的一条：作者和附议人都计入保留的建议（每人只算一次）',
    input: mergeInputSchema,
    output: mergeOutputSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  unmerge: {
    summary: '撤销合并：被合并的建议恢复独立，计数复原',
    input: unmergeInputSchema,
    output: unmergeOutputSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  mergeStatus: {
    summary: '合并任务的进度：继续合并下一批，完成后返回保留的建议和合并的条数（只有发起人能查看）',
    input: jobStatusInputSchema,
    output: mergeStatusOutputSchema,
    access: access(collectionStaffRoles),
  },
  unmergeAll: {
    summary: '撤销全部合并：合并到这条的建议都恢复独立，计数复原；条数多时分批进行，用 unmergeAllStatus 继续',
    input: unmergeAllInputSchema,
    output: unmergeAllOutputSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  unmergeAllStatus: {
    summary: '撤销全部合并任务的进度：继续下一批，完成后返回结果（只有发起人能查看）',
    input: jobStatusInputSchema,
    output: unmergeAllStatusOutputSchema,
    access: access(collectionStaffRoles),
  },
  score: {
    summary: '按三项标准评分：需求最迫切、最具备办结条件（意愿最集中自动计算）',
    input: scoreInputSchema,
    output: proposalSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  decide: {
    summary: '作出决定：采纳（生成项目草稿）、暂缓或不采纳（附理由），并通知作者',
    input: decideInputSchema,
    output: decideOutputSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  reviewQueue: {
    summary: '内容审核队列：内容安全检查未通过、等待人工审核的建议',
    input: reviewQueueInputSchema,
    output: reviewQueueOutputSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  moderate: {
    summary: '人工审核：通过后其他职工可见，不通过则只有作者和工作人员可见',
    input: moderateInputSchema,
    output: proposalSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  export: {
    summary:
      '导出征集期的建议为 Excel：作者、附议人、评分、状态和附件链接；分批进行的任务，建议多时先返回进度，用 exportStatus 继续',
    input: exportInputSchema,
    output: exportOutputSchema,
    access: access(staffRoles, 'subtree'),
  },
  exportStatus: {
    summary: '导出任务的进度：继续做下一批，完成后返回文件（只有发起人能查看）',
    input: jobStatusInputSchema,
    output: exportOutputSchema,
    access: access(staffRoles),
  },
} as const satisfies Record<string, ActionContract>;
