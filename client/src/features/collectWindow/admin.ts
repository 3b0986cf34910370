/**
 * 征集期管理 (staff): list, create and close windows, set their screening weights and 决定公布日期. A module of its
 * own, imported only by the staff subpackage, so workers never download it.
 */
import type {
  CloseWindowInput,
  CollectWindow,
  CreateWindowInput,
  ListWindowsOutput,
  Weights,
} from '@shishi/shared-types';
import { collectWindowContracts } from '@shishi/shared-types/src/contracts/collectWindow';
import { invoke, registerContracts } from '../../services/call';

// The whole table ships with the staff subpackage; the main package registers only `current`'s reply.
registerContracts('collectWindow', collectWindowContracts);

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

/** 决定公布日期: a business date after the window's last day, or null to take it away. */
export function setWindowDecideBy(windowId: string, decideBy: string | null): Promise<CollectWindow> {
  return invoke('collectWindow', 'setDecideBy', { windowId, decideBy });
}

export const windowStatusMeta: Record<
  CollectWindow['status'],
  { label: string; tone: 'success' | 'progress' | 'neutral' }
> = {
  open: { label: '征集中', tone: 'success' },
  scheduled: { label: '未开始', tone: 'progress' },
  closed: { label: '已结束', tone: 'neutral' },
};
