/** Pages of the project subpackage that part A owns (项目详情, 项目管理). */

/** 项目详情; with `formId` the page opens at that form (e.g. the one waiting for my signature). */
export function projectDetailUrl(projectId: string, formId?: string | null): string {
  const base = `/packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`;
  return formId ? `${base}&form=${encodeURIComponent(formId)}` : base;
}

export const projectListUrl = '/packages/project/pages/list/index';
