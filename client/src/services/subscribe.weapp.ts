/**
 * weapp: `Taro.requestSubscribeMessage` with the template id from `subscribeTopics`, then
 * `message.subscribe` records what the worker chose (each acceptance allows one message).
 */
import Taro from '@tarojs/taro';
import { subscribeTopics, type SubscribeTopic } from '@shishi/shared-types';
import { invoke } from './call';

export async function askToSubscribe(topic: SubscribeTopic): Promise<void> {
  const templateId = subscribeTopics[topic].templateId;
  try {
    // entityIds is Alipay's; the typings ask for it on every platform.
    const res = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
    const accepted = (res as unknown as Record<string, unknown>)[templateId] === 'accept';
    await invoke('message', 'subscribe', { topic, accepted });
  } catch (error) {
    // Declining, an unknown template or no network must not stop the proposal itself.
    console.warn('[subscribe]', error);
  }
}
