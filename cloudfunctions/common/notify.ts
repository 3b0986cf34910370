/**
 * Telling people: an in-app message always (`messages`), and a subscribe message on the topic through
 * the push queue (common/push.ts): the drain sends it to those with a grant for the topic's template
 * (no grant, no send; a one-time grant is consumed by the send).
 */
import { createHash } from 'node:crypto';
import { subscribeTopics, type MessageKind, type SubscribeTopic } from '@shishi/shared-types';
import type { Ctx } from './context';
import { enqueuePush } from './push';

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
  if (subscribe) {
    const topic = subscribeTopics[subscribe.topic];
    const page =
      notice.projectId && topic.page.startsWith('packages/project/')
        ? `${topic.page}?id=${encodeURIComponent(notice.projectId)}`
        : topic.page;
    // The same notice to the same people at the same moment is one push (a repeated call enqueues nothing).
    const key = createHash('sha256')
      .update(JSON.stringify([subscribe.topic, ctx.now.getTime(), [...to].sort(), subscribe.data, notice.title]))
      .digest('hex')
      .slice(0, 32);
    await enqueuePush(ctx, {
      topic: subscribe.topic,
      audience: { kind: 'people', openids: to },
      data: subscribe.data,
      page,
      source: notice.projectId
        ? { type: 'project', id: notice.projectId }
        : { type: 'proposal', id: notice.proposalId ?? 'none' },
      key: `notify_${key}`,
    });
  }
  return to.length;
}

/** Subscribe-message values are short: thing ≤ 20 characters, phrase ≤ 5. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
