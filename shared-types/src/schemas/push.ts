/**
 * Push (issue 13): what the worker's tap on 订阅 reports (push.subscribe), the grants they hold
 * (push.ledger), and a drain run's summary (push.drain).
 */
import { z } from 'zod';
import { subscribeChoices } from '../rules/push';
import { subscribeTopicNames, subscribeTopics, templateKinds, type SubscribeTopic } from './message';

/** The template ids of the configuration (subscribeTopics), each with its topics. */
export function configuredTemplates(): Map<string, SubscribeTopic[]> {
  const out = new Map<string, SubscribeTopic[]>();
  for (const topic of subscribeTopicNames) {
    const id = subscribeTopics[topic].templateId;
    out.set(id, [...(out.get(id) ?? []), topic]);
  }
  return out;
}

/**
 * What `wx.requestSubscribeMessage` answered, per template id: accept / reject / ban / filter (the
 * `errMsg` key of its answer is left out by the client). Only template ids of the configuration.
 */
export const pushSubscribeInputSchema = z.object({
  results: z
    .record(
      z.string().max(128, '模板 ID 太长'),
      z.enum(subscribeChoices, { error: '订阅结果只能是 accept、reject、ban 或 filter' }),
      {
        error: '请提供订阅结果',
      },
    )
    .superRefine((results, ctx) => {
      const known = configuredTemplates();
      const ids = Object.keys(results);
      if (ids.length === 0) ctx.addIssue({ code: 'custom', message: '请至少提供一个模板的订阅结果' });
      if (ids.length > 10) ctx.addIssue({ code: 'custom', message: '一次最多 10 个模板' });
      for (const id of ids) {
        if (!known.has(id)) ctx.addIssue({ code: 'custom', message: '没有这个订阅消息模板', path: [id] });
      }
    }),
});
export type PushSubscribeInput = z.infer<typeof pushSubscribeInputSchema>;

/** One topic of the caller's ledger. */
export const ledgerTopicSchema = z.object({
  topic: z.enum(subscribeTopicNames),
  label: z.string(),
  templateId: z.string(),
  kind: z.enum(templateKinds),
  /** One-time grants left (messages that may still be sent once each). */
  oneTime: z.number().int().min(0),
  /** A long-term grant is on. */
  longTerm: z.boolean(),
  /** The last answer for the template (accept / reject / ban / filter / refused by WeChat), or null: never asked. */
  last: z.string().nullable(),
  /** A message on this topic would go out now (a one-time grant left, or the long-term one on). */
  canReceive: z.boolean(),
});
export type LedgerTopic = z.infer<typeof ledgerTopicSchema>;

export const pushLedgerInputSchema = z.object({});
export const pushLedgerOutputSchema = z.object({ topics: z.array(ledgerTopicSchema) });
export type PushLedger = z.infer<typeof pushLedgerOutputSchema>;

export const pushDrainInputSchema = z.object({
  /** Stop starting work after this long (default: PUSH_DRAIN_BUDGET_MS, 40 s). */
  budgetMs: z.coerce
    .number({ error: '时间预算要填毫秒数' })
    .int()
    .min(1000, '至少 1000 毫秒')
    .max(50_000, '最多 50000 毫秒')
    .optional(),
});
export type PushDrainInput = z.infer<typeof pushDrainInputSchema>;
export const pushDrainOutputSchema = z.object({
  fannedOut: z.number().int().min(0),
  sent: z.number().int().min(0),
  failed: z.number().int().min(0),
  retried: z.number().int().min(0),
  noGrant: z.number().int().min(0),
  cancelled: z.number().int().min(0),
  recovered: z.number().int().min(0),
  more: z.boolean(),
  elapsedMs: z.number().min(0),
});
export type PushDrainOutput = z.infer<typeof pushDrainOutputSchema>;
