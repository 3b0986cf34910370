/** The `org` function's actions. */
import { access } from '../rules/access';
import {
  assignRoleInputSchema,
  assignRoleOutputSchema,
  findPeopleInputSchema,
  findPeopleOutputSchema,
  orgTreeInputSchema,
  orgTreeOutputSchema,
  revokeRoleInputSchema,
  revokeRoleOutputSchema,
  staffInputSchema,
  staffOutputSchema,
} from '../schemas/org';
import type { ActionContract } from './contract';

export const orgContracts = {
  tree: {
    summary: '组织树：市总工会、部门、区市县（开放先导区）总工会、产业工会、基层工会',
    input: orgTreeInputSchema,
    output: orgTreeOutputSchema,
    access: access('anyone'),
  },
  assignRole: {
    summary: '管理员给一位已绑定资料的人员在一个组织节点设角色（每个节点一人一个角色）',
    input: assignRoleInputSchema,
    output: assignRoleOutputSchema,
    access: access(['admin'], 'subtree'),
  },
  revokeRole: {
    summary: '管理员撤销一位人员在一个组织节点的角色',
    input: revokeRoleInputSchema,
    output: revokeRoleOutputSchema,
    access: access(['admin'], 'subtree'),
  },
  staff: {
    summary: '管理员辖区内有角色的人员（工作人员、基层工会干部）及其全部角色，分页',
    input: staffInputSchema,
    output: staffOutputSchema,
    access: access(['admin'], 'subtree'),
  },
  findPeople: {
    summary: '管理员按姓名查找辖区内已绑定资料的人员，用于设角色',
    input: findPeopleInputSchema,
    output: findPeopleOutputSchema,
    access: access(['admin'], 'subtree'),
  },
} as const satisfies Record<string, ActionContract>;
