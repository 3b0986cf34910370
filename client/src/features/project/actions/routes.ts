/** Pages of the project subpackage that part B owns (编辑可研报告, 填报表格, 审定会议). */
import type { FormKind } from '@shishi/shared-types';

export const projectEditUrl = (projectId?: string) =>
  projectId
    ? `/packages/project/pages/edit/index?id=${encodeURIComponent(projectId)}`
    : '/packages/project/pages/edit/index';

export const projectFormUrl = (projectId: string, kind: FormKind) =>
  `/packages/project/pages/form/index?projectId=${encodeURIComponent(projectId)}&kind=${kind}`;

export const projectDecisionUrl = () => '/packages/project/pages/decision/index';
