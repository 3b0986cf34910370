/** The `push` function's actions (issue 13): the worker's subscribe-message grants and the queue's drain. */
import { access } from '../rules/access';
import { roles } from '../roles';
import {
  pushDrainInputSchema,
  pushDrainOutputSchema,
  pushLedgerInputSchema,
  pushLedgerOutputSchema,
  pushSubscribeInputSchema,
} from '../schemas/push';
import type { ActionContract } from './contract';

export const pushContracts = {
  subscribe: {
    summary: '记录订阅消息授权结果（每个模板：同意一次可收一条；长期订阅同意后一直可收），返回我的订阅',
    input: pushSubscribeInputSchema,
    output: pushLedgerOutputSchema,
    access: access(roles),
  },
  ledger: {
    summary: '我的订阅消息：每类通知还能收几条、是否长期订阅',
    input: pushLedgerInputSchema,
    output: pushLedgerOutputSchema,
    access: access(roles),
  },
  drain: {
    summary: '立即处理一轮推送队列（定时触发器每分钟也会运行；仅系统管理员）',
    input: pushDrainInputSchema,
    output: pushDrainOutputSchema,
    access: access(['admin']),
  },
} as const satisfies Record<string, ActionContract>;
