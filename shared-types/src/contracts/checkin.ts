/** The `checkin` function's actions (服务点与签到: 直接服务职工数量, 第五条（六）（八）). */
import { access } from '../rules/access';
import { projectOwnerRoles } from '../rules/project';
import { roles } from '../roles';
import {
  createPointInputSchema,
  importInputSchema,
  importOutputSchema,
  pointCodeInputSchema,
  pointCodeOutputSchema,
  registerInputSchema,
  registerOutputSchema,
  scanInputSchema,
  scanOutputSchema,
  servicePointSchema,
  summaryInputSchema,
  summaryOutputSchema,
} from '../schemas/checkin';
import type { ActionContract } from './contract';

export const checkinContracts = {
  createPoint: {
    summary: '为已发布或实施中的项目新建服务点（名称、地址、日期、服务时间、联系人），生成带签名的签到码',
    input: createPointInputSchema,
    output: servicePointSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  code: {
    summary: '服务点的签到码、签到页链接和小程序码（打印海报用）',
    input: pointCodeInputSchema,
    output: pointCodeOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  scan: {
    summary: '职工扫服务点的码签到：每人每个项目每天一次；别的项目的码、过期或伪造的码、项目服务日期以外都会被拒绝',
    input: scanInputSchema,
    output: scanOutputSchema,
    access: access(roles, 'any'),
  },
  register: {
    summary: '工作人员现场登记受服务职工（姓名、单位、可选手机尾号，不需要手机）',
    input: registerInputSchema,
    output: registerOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  import: {
    summary: '导入受益职工名单（Excel）：先预览（列出每一行读不了的原因，不保存），确认后保存能读的行',
    input: importInputSchema,
    output: importOutputSchema,
    access: access(projectOwnerRoles, 'subtree'),
  },
  summary: {
    summary: '项目的服务点和直接服务职工数（对照可研报告的目标），按服务点、按天',
    input: summaryInputSchema,
    output: summaryOutputSchema,
    access: access(roles, 'any'),
  },
} as const satisfies Record<string, ActionContract>;
