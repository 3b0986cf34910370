/** 消息: in-app messages (subscribe-message consent is the `push` function's). */
import {
  type ListMessagesInput,
  type ListMessagesOutput,
  type MarkReadInput,
  type Message,
} from '@shishi/shared-types';
import { defineFunction } from '../common/app';
import type { Ctx } from '../common/context';
import { pageOf } from '../common/paging';
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

export const messageFunction = defineFunction('message', { list, markRead });
