/**
 * Asking the worker to accept a subscribe message (订阅消息). Only the mini-program has them: Taro
 * picks `subscribe.weapp.ts` there; everywhere else (H5) there is nothing to ask.
 */
import type { SubscribeTopic } from '@shishi/shared-types';

/** Must be called from a tap (WeChat only shows the dialog for one). Never throws. */
export function askToSubscribe(topic: SubscribeTopic): Promise<void> {
  void topic;
  return Promise.resolve();
}
