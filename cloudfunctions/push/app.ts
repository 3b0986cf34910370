/**
 * 推送 (issue 13): the worker's subscribe-message grants (subscribe, ledger) and the queue's drain
 * (timer `pushDrain` every minute; `drain` also callable by an admin to run one round now).
 */
import {
  spendGrant,
  subscribeTopicNames,
  subscribeTopics,
  type PushDrainInput,
  type PushDrainOutput,
  type PushLedger,
  type PushSubscribeInput,
} from '@shishi/shared-types';
import { defineFunction } from '../common/app';
import type { Ctx } from '../common/context';
import { drainPushes, grantsOf, recordChoice, templateOf } from '../common/push';

async function ledgerOf(ctx: Ctx): Promise<PushLedger> {
  const templates = [...new Set(subscribeTopicNames.map((t) => subscribeTopics[t].templateId))];
  const grants = await grantsOf(ctx, ctx.openid, templates);
  return {
    topics: subscribeTopicNames.map((topic) => {
      const { templateId, kind } = templateOf(topic);
      const g = grants.get(templateId);
      const grant = { oneTime: g?.oneTime ?? 0, longTerm: g?.longTerm ?? false };
      return {
        topic,
        label: subscribeTopics[topic].label,
        templateId,
        kind,
        oneTime: Math.max(0, grant.oneTime),
        longTerm: grant.longTerm,
        last: g?.last ?? null,
        canReceive: spendGrant(grant, kind).send,
      };
    }),
  };
}

/** Records what requestSubscribeMessage answered, per template id, and returns the caller's ledger. */
async function subscribe(ctx: Ctx, input: PushSubscribeInput): Promise<PushLedger> {
  await ctx.profile();
  const kinds = new Map(subscribeTopicNames.map((t) => [subscribeTopics[t].templateId, subscribeTopics[t].kind]));
  for (const [templateId, choice] of Object.entries(input.results)) {
    const kind = kinds.get(templateId)!;
    await recordChoice(ctx, ctx.openid, templateId, kind, choice);
  }
  return ledgerOf(ctx);
}

/** The caller's grants per topic (only their own: a person's consent is theirs to see). */
async function ledger(ctx: Ctx): Promise<PushLedger> {
  await ctx.profile();
  return ledgerOf(ctx);
}

/** One round of the drain now (admin): the same work as the timer's run. */
async function drain(ctx: Ctx, input: PushDrainInput): Promise<PushDrainOutput> {
  return drainPushes(ctx.cloud, ctx.now, { budgetMs: input.budgetMs });
}

export const pushFunction = defineFunction('push', { subscribe, ledger, drain });
