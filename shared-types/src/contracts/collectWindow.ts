/** The `collectWindow` function's actions. */
import { access } from '../rules/access';
import { collectionStaffRoles, roles } from '../roles';
import {
  closeWindowInputSchema,
  collectWindowSchema,
  createWindowInputSchema,
  currentWindowInputSchema,
  currentWindowOutputSchema,
  listWindowsInputSchema,
  listWindowsOutputSchema,
  setDecideByInputSchema,
  setWeightsInputSchema,
} from '../schemas/collectWindow';
import type { ActionContract } from './contract';

export const collectWindowContracts = {
  current: {
    summary: '对当前用户开放的征集期；没有时给出下一次开放时间',
    input: currentWindowInputSchema,
    output: currentWindowOutputSchema,
    access: access(roles),
  },
  list: {
    summary: '征集期列表：工作人员看到本辖区及上级组织的征集期，职工看到适用于自己的征集期',
    input: listWindowsInputSchema,
    output: listWindowsOutputSchema,
    access: access(roles),
  },
  create: {
    summary: '设立征集期（默认本年 10 月 1 日至 12 月 31 日，征集下一年度项目）',
    input: createWindowInputSchema,
    output: collectWindowSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  close: {
    summary: '提前结束征集期',
    input: closeWindowInputSchema,
    output: collectWindowSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  setWeights: {
    summary: '设置征集期筛选评分的三项权重',
    input: setWeightsInputSchema,
    output: collectWindowSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
  setDecideBy: {
    summary: '设置征集期的决定公布日期（征集期结束后哪一天前公布是否采纳），作者的建议进展据此显示',
    input: setDecideByInputSchema,
    output: collectWindowSchema,
    access: access(collectionStaffRoles, 'subtree'),
  },
} as const satisfies Record<string, ActionContract>;
