/** 消息: in-app messages and subscribe-message consent. */
import {
  type ListMessagesInput,
  type ListMessagesOutput,
  type MarkReadInput,
  type Message,
  type SubscribeInput,
  type SubscribeOutput,
} from '@shishi/shared-types';
import { defineFunction } from '../common/app';
import type { Ctx } from '../common/context';
import { pageOf } from '../common/paging';
import { subscriptionId } from '../common/notify';
import { iso } from '../common/serialize';

interface MessageDoc extends Omit<Message, 'createdAt'> {
  openid: string;
  createdAt: Date;
}

async function unreadCount(ctx: Ctx): Promise<number> {
  const res = await ctx.db.collection('messages').where({ openid: ctx.openid, read: false }).count();
  return res.total as number;
}

/** 我的消息, newest first, with the unread count. */
async function list(ctx: Ctx, input: ListMessagesInput): Promise<ListMessagesOutput> {
  await ctx.profile();
  const where = input.unreadOnly ? { openid: ctx.openid, read: false } : { openid: ctx.openid };
  const [{ docs, total }, unread] = await Promise.all([
    pageOf<MessageDoc>(ctx, { collection: 'messages', where, orderBy: 'createdAt', order: 'desc' }, input),
    unreadCount(ctx),
  ]);
  return {
    items: docs.map((m) => ({
      _id: m._id,
      kind: m.kind,
      title: m.title,
      body: m.body,
      proposalId: m.proposalId ?? null,
      projectId: m.projectId ?? null,
      read: m.read,
      createdAt: iso(m.createdAt),
    })),
    total,
    unread,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Marks the caller's messages read (others' ids are ignored). */
async function markRead(ctx: Ctx, input: MarkReadInput): Promise<{ unread: number }> {
  await ctx.profile();
  const _ = ctx.db.command;
  const where = input.all ? { openid: ctx.openid, read: false } : { openid: ctx.openid, _id: _.in(input.ids ?? []) };
  await ctx.db
    .collection('messages')
    .where(where)
    .update({ data: { read: true } });
  return { unread: await unreadCount(ctx) };
}

/**
 * After wx.requestSubscribeMessage: each acceptance of the one-time template allows one subscribe
 * message on the topic; a refusal changes nothing.
 */
async function subscribe(ctx: Ctx, input: SubscribeInput): Promise<SubscribeOutput> {
  await ctx.profile();
  const _ = ctx.db.command;
  const id = subscriptionId(ctx.openid, input.topic);
  if (input.accepted) {
    const res = await ctx.db
      .collection('subscriptions')
      .doc(id)
      .update({ data: { remaining: _.inc(1), updatedAt: ctx.now } });
    if (!res.stats?.updated) {
      try {
        await ctx.db.collection('subscriptions').add({
          data: { _id: id, openid: ctx.openid, topic: input.topic, remaining: 1, updatedAt: ctx.now },
        });
      } catch {
        await ctx.db
          .collection('subscriptions')
          .doc(id)
          .update({ data: { remaining: _.inc(1), updatedAt: ctx.now } });
      }
    }
  }
  const now = await ctx.db.collection('subscriptions').where({ _id: id }).limit(1).get();
  const remaining = (now.data[0] as { remaining?: number } | undefined)?.remaining ?? 0;
  return { topic: input.topic, remaining: Math.max(0, remaining) };
}

export const messageFunction = defineFunction('message', { list, markRead, subscribe });
