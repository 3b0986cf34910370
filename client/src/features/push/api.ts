/** 订阅消息: the caller's grants per topic (push.ledger); subscribing goes through services/subscribe. */
import type { PushLedger } from '@shishi/shared-types';
import { pushContracts } from '@shishi/shared-types/src/contracts/push';
import { invoke, registerContracts } from '../../services/call';

registerContracts('push', pushContracts);

export function fetchLedger(): Promise<PushLedger> {
  return invoke('push', 'ledger', {});
}
