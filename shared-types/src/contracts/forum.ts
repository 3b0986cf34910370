/** The `forum` function's actions (现场座谈, 第五条（七）). */
import { access } from '../rules/access';
import { projectOwnerRoles } from '../rules/project';
import { roles } from '../roles';
import {
  completeFollowUpInputSchema,
  forumPageSchema,
  forumSchema,
  getForumInputSchema,
  listForumsInputSchema,
  recordForumInputSchema,
} from '../schemas/forum';
import type { ActionContract } from './contract';

export const forumContracts = {
  record: {
    summary:
      '记录现场座谈（或带 forumId 修改）：日期、地点、参加人数、参加单位、座谈情况、提出的问题、照片、跟进事项（责任人、完成期限）',
    input: recordForumInputSchema,
    output: forumSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  list: {
    summary:
      '项目的现场座谈，新的在前，分页；工作人员看到全部内容、未完成和逾期的跟进事项；职工看到已公开项目的日期、地点、人数和座谈情况',
    input: listForumsInputSchema,
    output: forumPageSchema,
    access: access(roles, 'any'),
  },
  get: {
    summary: '一次座谈的详情（工作人员看到全部内容，职工只看到简要情况）',
    input: getForumInputSchema,
    output: forumSchema,
    access: access(roles, 'any'),
  },
  completeFollowUp: {
    summary: '把跟进事项标记为已完成（写明完成日期，默认今天），或撤销标记',
    input: completeFollowUpInputSchema,
    output: forumSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
} as const satisfies Record<string, ActionContract>;
