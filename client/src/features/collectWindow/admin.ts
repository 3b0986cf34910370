/**
 * 征集期管理 (staff): list, create and close windows, and set their screening weights. A module of its
 * own, imported only by the staff subpackage, so workers never download it.
 */
import type {
  CloseWindowInput,
  CollectWindow,
  CreateWindowInput,
  ListWindowsOutput,
  Weights,
} from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function fetchWindows(): Promise<ListWindowsOutput> {
  return invoke('collectWindow', 'list', {});
}

export function createWindow(input: CreateWindowInput): Promise<CollectWindow> {
  return invoke('collectWindow', 'create', input);
}

export function closeWindow(input: CloseWindowInput): Promise<CollectWindow> {
  return invoke('collectWindow', 'close', input);
}

export function setWindowWeights(windowId: string, weights: Weights): Promise<CollectWindow> {
  return invoke('collectWindow', 'setWeights', { windowId, weights });
}

export const windowStatusMeta: Record<
  CollectWindow['status'],
  { label: string; tone: 'success' | 'progress' | 'neutral' }
> = {
  open: { label: '征集中', tone: 'success' },
  scheduled: { label: '未开始', tone: 'progress' },
  closed: { label: '已结束', tone: 'neutral' },
};
