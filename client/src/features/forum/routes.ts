/** Where the forum screens live (staff, project subpackage). */

/** 记录座谈 for a project, or 修改 one (`forumId`). */
export const forumFormUrl = (projectId: string, forumId?: string) =>
  `/packages/project/pages/forum/index?projectId=${encodeURIComponent(projectId)}${
    forumId ? `&id=${encodeURIComponent(forumId)}` : ''
  }`;

/** Taro.eventCenter event: a forum of the project (the argument) was saved; the record's section reloads. */
export const FORUM_SAVED = 'forum:saved';
