/** Pages of the announcement subpackage (`packages/announce`). */

/** 公告详情 (workers and staff). */
export function announcementUrl(announcementId: string): string {
  return `/packages/announce/pages/detail/index?id=${encodeURIComponent(announcementId)}`;
}

/** 发布公告 for a project; with `announcementId`, 修改 that one. */
export function publishUrl(projectId: string, announcementId?: string): string {
  const base = `/packages/announce/pages/publish/index?projectId=${encodeURIComponent(projectId)}`;
  return announcementId ? `${base}&id=${encodeURIComponent(announcementId)}` : base;
}

/** 项目公告 (staff): a project's announcements with their reach; without a project, the projects to pick from. */
export function manageUrl(projectId?: string): string {
  const base = '/packages/announce/pages/manage/index';
  return projectId ? `${base}?projectId=${encodeURIComponent(projectId)}` : base;
}
