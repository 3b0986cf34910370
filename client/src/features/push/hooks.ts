import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { PushLedger, SubscribeTopic } from '@shishi/shared-types';
import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource, type Resource } from '../../hooks/useResource';
import { toApiError, type ApiError } from '../../services/call';
import { requestGrants } from '../../services/subscribe';
import { fetchLedger } from './api';

export interface Subscriber {
  ledger: Resource<PushLedger>;
  /** The topics being asked for (the button's busy state), or null. */
  asking: readonly SubscribeTopic[] | null;
  error: ApiError | null;
  /** From a tap: WeChat's dialog (the browser's stand-in on H5), then the new ledger. */
  subscribe(topics: readonly SubscribeTopic[]): Promise<void>;
}

/** The caller's ledger, loaded when the page shows, and the 订阅 tap. */
export function useSubscriber(): Subscriber {
  const ledger = useResource(fetchLedger, []);
  useOnReshow(() => void ledger.refresh());
  const [asking, setAsking] = useState<readonly SubscribeTopic[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [latest, setLatest] = useState<PushLedger | null>(null);
  const subscribe = async (topics: readonly SubscribeTopic[]) => {
    if (asking) return;
    setAsking(topics);
    setError(null);
    try {
      const next = await requestGrants(topics);
      setLatest(next);
      await ledger.refresh();
      const accepted = next.topics.some((t) => topics.includes(t.topic) && t.canReceive);
      void Taro.showToast({ title: accepted ? '已订阅' : '未订阅', icon: accepted ? 'success' : 'none' });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setAsking(null);
    }
  };
  return { ledger: latest && !ledger.data ? { ...ledger, data: latest } : ledger, asking, error, subscribe };
}
