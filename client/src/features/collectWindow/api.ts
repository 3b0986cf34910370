/** 项目征集: the collection window open to the caller now, or when the next one opens. */
import type { CurrentWindowOutput } from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function fetchCurrentWindow(): Promise<CurrentWindowOutput> {
  return invoke('collectWindow', 'current');
}
