/**
 * The contract of every cloud function action: input and output schemas, and who may call it.
 * Handlers parse with `input`; the client validates forms with the same schema; docs/api.md is
 * checked against this table by a test.
 */
import type { z } from 'zod';
import type { Role } from './roles';
import { collectionStaffRoles, offlineEntryRoles, roles, staffRoles } from './roles';
import {
  closeWindowInputSchema,
  collectWindowSchema,
  createWindowInputSchema,
  currentWindowInputSchema,
  currentWindowOutputSchema,
  listWindowsInputSchema,
  listWindowsOutputSchema,
  setWeightsInputSchema,
} from './schemas/collectWindow';
import {
  listMessagesInputSchema,
  listMessagesOutputSchema,
  markReadInputSchema,
  markReadOutputSchema,
  subscribeInputSchema,
  subscribeOutputSchema,
} from './schemas/message';
import { getProjectInputSchema, projectSchema } from './schemas/project';
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
} from './schemas/screening';
import { orgTreeInputSchema, orgTreeOutputSchema } from './schemas/org';
import { bindInputSchema, bindOutputSchema, meInputSchema, meOutputSchema } from './schemas/profile';
import {
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
  supportOutputSchema,
} from './schemas/proposal';
import { surveyApi } from './surveyApi';

export interface ActionContract {
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
  /** `anyone`: no profile needed (an OPENID still is); otherwise the roles allowed. */
  access: 'anyone' | readonly Role[];
}

const everyBoundUser: readonly Role[] = roles;

export const api = {
  profile: {
    me: {
      summary: '当前用户的资料和角色；未绑定时 bound 为 false',
      input: meInputSchema,
      output: meOutputSchema,
      access: 'anyone',
    },
    bind: {
      summary: '职工绑定资料：姓名和所在基层工会（已绑定的可修改姓名和单位）',
      input: bindInputSchema,
      output: bindOutputSchema,
      access: 'anyone',
    },
  },
  org: {
    tree: {
      summary: '组织树：市总工会、部门、区市县（开放先导区）总工会、产业工会、基层工会',
      input: orgTreeInputSchema,
      output: orgTreeOutputSchema,
      access: 'anyone',
    },
  },
  collectWindow: {
    current: {
      summary: '对当前用户开放的征集期；没有时给出下一次开放时间',
      input: currentWindowInputSchema,
      output: currentWindowOutputSchema,
      access: everyBoundUser,
    },
    list: {
      summary: '征集期列表：工作人员看到本辖区及上级组织的征集期，职工看到适用于自己的征集期',
      input: listWindowsInputSchema,
      output: listWindowsOutputSchema,
      access: everyBoundUser,
    },
    create: {
      summary: '设立征集期（默认本年 10 月 1 日至 12 月 31 日，征集下一年度项目）',
      input: createWindowInputSchema,
      output: collectWindowSchema,
      access: collectionStaffRoles,
    },
    close: {
      summary: '提前结束征集期',
      input: closeWindowInputSchema,
      output: collectWindowSchema,
      access: collectionStaffRoles,
    },
    setWeights: {
      summary: '设置征集期筛选评分的三项权重',
      input: setWeightsInputSchema,
      output: collectWindowSchema,
      access: collectionStaffRoles,
    },
  },
  proposal: {
    submit: {
      summary: '职工在征集期内提交建议；同一征集期内同标题重复提交返回原建议',
      input: submitProposalInputSchema,
      output: proposalSchema,
      access: everyBoundUser,
    },
    listMine: {
      summary: '我的建议（分页，最新在前）',
      input: listMineInputSchema,
      output: proposalPageSchema,
      access: everyBoundUser,
    },
    list: {
      summary: '建议列表（分页）：职工看到通过内容审核的建议，工作人员看到本辖区全部建议',
      input: listProposalsInputSchema,
      output: proposalPageSchema,
      access: everyBoundUser,
    },
    get: {
      summary: '一条建议的详情；作者本人和管辖范围内的工作人员还能看到处理记录',
      input: proposalIdInputSchema,
      output: getProposalOutputSchema,
      access: everyBoundUser,
    },
    submitOffline: {
      summary: '线下代录：基层工会干部为本会职工录入纸质或现场收集的建议',
      input: submitOfflineInputSchema,
      output: proposalSchema,
      access: offlineEntryRoles,
    },
    similar: {
      summary: '输入标题和内容时查找征集期内最相似的建议（最多 5 条）',
      input: similarInputSchema,
      output: similarOutputSchema,
      access: everyBoundUser,
    },
    support: {
      summary: '附议一条建议（重复附议不重复计数）',
      input: proposalIdInputSchema,
      output: supportOutputSchema,
      access: everyBoundUser,
    },
    unsupport: {
      summary: '撤回附议',
      input: proposalIdInputSchema,
      output: supportOutputSchema,
      access: everyBoundUser,
    },
    screen: {
      summary: '筛选列表：按征集期、类别、地区/产业、服务对象、附议数、相似数、状态筛选和排序，按加权得分排名',
      input: screenInputSchema,
      output: screenOutputSchema,
      access: staffRoles,
    },
    merge: {
      summary: '把重复的建议合并到保留的一条：作者和附议人都计入保留的建议（每人只算一次）',
      input: mergeInputSchema,
      output: mergeOutputSchema,
      access: collectionStaffRoles,
    },
    unmerge: {
      summary: '撤销合并：被合并的建议恢复独立，计数复原',
      input: unmergeInputSchema,
      output: unmergeOutputSchema,
      access: collectionStaffRoles,
    },
    score: {
      summary: '按三项标准评分：需求最迫切、最具备办结条件（意愿最集中自动计算）',
      input: scoreInputSchema,
      output: proposalSchema,
      access: collectionStaffRoles,
    },
    decide: {
      summary: '作出决定：采纳（生成项目草稿）、暂缓或不采纳（附理由），并通知作者',
      input: decideInputSchema,
      output: decideOutputSchema,
      access: collectionStaffRoles,
    },
    reviewQueue: {
      summary: '内容审核队列：内容安全检查未通过、等待人工审核的建议',
      input: reviewQueueInputSchema,
      output: reviewQueueOutputSchema,
      access: collectionStaffRoles,
    },
    moderate: {
      summary: '人工审核：通过后其他职工可见，不通过则只有作者和工作人员可见',
      input: moderateInputSchema,
      output: proposalSchema,
      access: collectionStaffRoles,
    },
    export: {
      summary: '导出征集期的建议为 Excel：作者、附议人、评分、状态和附件链接',
      input: exportInputSchema,
      output: exportOutputSchema,
      access: staffRoles,
    },
  },
  message: {
    list: {
      summary: '我的消息（分页，最新在前）和未读条数',
      input: listMessagesInputSchema,
      output: listMessagesOutputSchema,
      access: everyBoundUser,
    },
    markRead: {
      summary: '把消息标为已读',
      input: markReadInputSchema,
      output: markReadOutputSchema,
      access: everyBoundUser,
    },
    subscribe: {
      summary: '记录职工同意接收的订阅消息（每同意一次可发送一条）',
      input: subscribeInputSchema,
      output: subscribeOutputSchema,
      access: everyBoundUser,
    },
  },
  project: {
    get: {
      summary: '项目详情：状态、进度和来源建议',
      input: getProjectInputSchema,
      output: projectSchema,
      access: everyBoundUser,
    },
  },
  survey: surveyApi,
} as const satisfies Record<string, Record<string, ActionContract>>;

export type Api = typeof api;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer S extends z.ZodType;
}
  ? z.input<S>
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer S extends z.ZodType;
}
  ? z.output<S>
  : never;

export { staffRoles, collectionStaffRoles, offlineEntryRoles };
