/**
 * Asking the worker to accept a subscribe message (订阅消息). Only the mini-program has them: Taro
 * picks `subscribe.weapp.ts` there. In the browser (the dev host's H5 build) there is no WeChat dialog:
 * `requestGrants` — the 订阅 button — shows a stand-in dialog that says so and reports the worker's
 * choice to `push.subscribe` as WeChat would (同意 = accept, 拒绝 = reject), so a developer or an e2e test
 * can walk the whole path to the dev host's outbox; `askToSubscribe` inside other actions asks nothing.
 */
import Taro from '@tarojs/taro';
import {
  subscribeBatch,
  subscribeTopics,
  type PushLedger,
  type SubscribeChoice,
  type SubscribeTopic,
} from '@shishi/shared-types';
import { pushContracts } from '@shishi/shared-types/src/contracts/push';
import { invoke, registerContracts } from './call';

registerContracts('push', pushContracts);

/** Must be called from a tap. Throws ApiError with what to do. */
export async function requestGrants(topics: readonly SubscribeTopic[]): Promise<PushLedger> {
  const tmplIds = subscribeBatch(topics);
  const labels = topics
    .filter((t) => tmplIds.includes(subscribeTopics[t].templateId))
    .map((t) => subscribeTopics[t].label);
  const { confirm } = await Taro.showModal({
    title: '订阅消息（浏览器演示）',
    content: `浏览器里没有微信的订阅弹窗，这里代替它：是否同意接收「${labels.join('、')}」？`,
    confirmText: '同意',
    cancelText: '拒绝',
  });
  const choice: SubscribeChoice = confirm ? 'accept' : 'reject';
  return invoke('push', 'subscribe', { results: Object.fromEntries(tmplIds.map((id) => [id, choice])) });
}

/** Must be called from a tap (WeChat only shows the dialog for one). Never throws. */
export function askToSubscribe(topic: SubscribeTopic): Promise<void> {
  void topic;
  return Promise.resolve();
}
