/** The `profile` function's actions. */
import { access } from '../rules/access';
import { bindInputSchema, bindOutputSchema, meInputSchema, meOutputSchema } from '../schemas/profile';
import type { ActionContract } from './contract';

export const profileContracts = {
  me: {
    summary: '当前用户的资料和角色；未绑定时 bound 为 false',
    input: meInputSchema,
    output: meOutputSchema,
    access: access('anyone'),
  },
  bind: {
    summary: '职工绑定资料：姓名和所在基层工会（已绑定的可修改姓名和单位）',
    input: bindInputSchema,
    output: bindOutputSchema,
    access: access('anyone'),
  },
} as const satisfies Record<string, ActionContract>;
