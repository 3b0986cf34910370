/**
 * weapp: `Taro.requestSubscribeMessage` with the topics' template ids from `subscribeTopics` (the
 * configuration), then `push.subscribe` records what WeChat answered for each (accept / reject / ban /
 * filter): each accept of a one-time template allows one message, a long-term one many.
 */
import Taro from '@tarojs/taro';
import { subscribeBatch, subscribeChoices, type PushLedger, type SubscribeTopic } from '@shishi/shared-types';
import { pushContracts } from '@shishi/shared-types/src/contracts/push';
import { ApiError, invoke, registerContracts } from './call';

registerContracts('push', pushContracts);

/** Must be called from a tap (WeChat shows the dialog only for one). Throws ApiError with what to do. */
export async function requestGrants(topics: readonly SubscribeTopic[]): Promise<PushLedger> {
  const tmplIds = subscribeBatch(topics);
  let res: Record<string, unknown>;
  try {
    // entityIds is Alipay's; the typings ask for it on every platform.
    res = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, unknown>;
  } catch (error) {
    console.warn('[subscribe]', error);
    throw new ApiError({
      code: 'INTERNAL',
      message: '没能打开订阅提示。请在微信“设置 → 消息通知 / 订阅消息”里允许本小程序发送消息后再试。',
    });
  }
  const results: Record<string, (typeof subscribeChoices)[number]> = {};
  for (const id of tmplIds) {
    const answer = res[id];
    if (typeof answer === 'string' && (subscribeChoices as readonly string[]).includes(answer))
      results[id] = answer as (typeof subscribeChoices)[number];
  }
  return invoke('push', 'subscribe', { results });
}

/** Asks for one topic inside another action's tap (a proposal, a form). Never throws. */
export async function askToSubscribe(topic: SubscribeTopic): Promise<void> {
  try {
    await requestGrants([topic]);
  } catch (error) {
    // Declining, an unknown template or no network must not stop the action itself.
    console.warn('[subscribe]', error);
  }
}
