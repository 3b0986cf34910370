/**
 * Telling people: an in-app message always (`messages`), and a subscribe message where the person
 * subscribed to the topic (each acceptance of a one-time template allows one message).
 */
import { subscribeTopics, type MessageKind, type SubscribeTopic } from '@shishi/shared-types';
import type { Ctx } from './context';

export interface Notice {
  kind: MessageKind;
  title: string;
  body: string;
  proposalId: string | null;
  projectId: string | null;
}

export interface SubscribeNotice {
  topic: SubscribeTopic;
  data: Record<string, { value: string }>;
}

/** Sends to each recipient once; returns how many were told. */
export async function notify(
  ctx: Ctx,
  recipients: readonly string[],
  notice: Notice,
  subscribe?: SubscribeNotice,
): Promise<number> {
  const to = [...new Set(recipients)].filter(Boolean);
  if (to.length === 0) return 0;
  const docs = to.map((openid) => ({ openid, ...notice, read: false, createdAt: ctx.now }));
  await ctx.db.collection('messages').add({ data: docs.length === 1 ? docs[0] : docs });
  if (subscribe) await Promise.all(to.map((openid) => sendSubscribed(ctx, openid, subscribe)));
  return to.length;
}

export function subscriptionId(openid: string, topic: SubscribeTopic): string {
  return `${openid}_${topic}`;
}

/** Uses one of the person's subscriptions to the topic, if they have one left, and sends. */
async function sendSubscribed(ctx: Ctx, openid: string, s: SubscribeNotice): Promise<void> {
  const _ = ctx.db.command;
  const used = await ctx.db
    .collection('subscriptions')
    .where({ _id: subscriptionId(openid, s.topic), remaining: _.gt(0) })
    .update({ data: { remaining: _.inc(-1), updatedAt: ctx.now } });
  if (!used.stats?.updated) return;
  const topic = subscribeTopics[s.topic];
  try {
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId: topic.templateId,
      page: topic.page,
      data: s.data,
      miniprogramState: 'formal',
    });
  } catch (e) {
    // The in-app message is already there; a failed push is logged, not retried.
    console.warn('[notify] subscribeMessage.send failed', e);
  }
}

/** Subscribe-message values are short: thing ≤ 20 characters, phrase ≤ 5. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
