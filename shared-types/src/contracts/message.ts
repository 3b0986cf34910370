/** The `message` function's actions. */
import { access } from '../rules/access';
import { roles } from '../roles';
import {
  listMessagesInputSchema,
  listMessagesOutputSchema,
  markReadInputSchema,
  markReadOutputSchema,
} from '../schemas/message';
import type { ActionContract } from './contract';

export const messageContracts = {
  list: {
    summary: '我的消息（分页，最新在前）和未读条数',
    input: listMessagesInputSchema,
    output: listMessagesOutputSchema,
    access: access(roles),
  },
  markRead: {
    summary: '把消息标为已读',
    input: markReadInputSchema,
    output: markReadOutputSchema,
    access: access(roles),
  },
} as const satisfies Record<string, ActionContract>;
