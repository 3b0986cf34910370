/**
 * 现场座谈: the `forum` contracts are registered here, so their schemas ship only with the project
 * subpackage that imports this module.
 */
import type { z } from 'zod';
import type { completeFollowUpInputSchema, Forum, ForumPage, recordForumInputSchema } from '@shishi/shared-types';
import { forumContracts } from '@shishi/shared-types/src/contracts/forum';
import { invoke, registerContracts } from '../../services/call';

registerContracts('forum', forumContracts);

export function listForums(projectId: string, page = 1, pageSize = 10): Promise<ForumPage> {
  return invoke('forum', 'list', { projectId, page, pageSize });
}

export function getForum(forumId: string): Promise<Forum> {
  return invoke('forum', 'get', { forumId });
}

export function recordForum(input: z.input<typeof recordForumInputSchema>): Promise<Forum> {
  return invoke('forum', 'record', input);
}

export function completeFollowUp(input: z.input<typeof completeFollowUpInputSchema>): Promise<Forum> {
  return invoke('forum', 'completeFollowUp', input);
}
