/**
 * The contract of every cloud function action: input and output schemas, and who may call it.
 * Handlers parse with `input`; the client validates forms with the same schema; docs/api.md is
 * checked against this table by a test.
 */
import type { z } from 'zod';
import type { Role } from './roles';
import { roles, staffRoles } from './roles';
import { currentWindowInputSchema, currentWindowOutputSchema } from './schemas/collectWindow';
import { orgTreeInputSchema, orgTreeOutputSchema } from './schemas/org';
import { bindInputSchema, bindOutputSchema, meInputSchema, meOutputSchema } from './schemas/profile';
import {
  listMineInputSchema,
  listProposalsInputSchema,
  proposalPageSchema,
  proposalSchema,
  submitProposalInputSchema,
} from './schemas/proposal';

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
  },
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

export { staffRoles };
