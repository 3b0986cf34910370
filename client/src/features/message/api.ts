/** 消息: in-app messages (a decision on my proposal, a merge …) and marking them read. */
import type { ListMessagesOutput } from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function fetchMessages(page: number, pageSize: number): Promise<ListMessagesOutput> {
  return invoke('message', 'list', { page, pageSize });
}

export function markRead(ids: string[]): Promise<{ unread: number }> {
  return invoke('message', 'markRead', { ids });
}

export function markAllRead(): Promise<{ unread: number }> {
  return invoke('message', 'markRead', { all: true });
}
