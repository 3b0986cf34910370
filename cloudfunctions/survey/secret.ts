/**
 * Respondent keys. One answer per person per survey rests on the unique index (surveyId, respondentKey).
 * A named survey's key is the OPENID; an anonymous survey's key is an HMAC of the person under a secret
 * held apart from the answers, so the answers hold no OPENID and cannot be joined back to one without
 * the secret. The key is per survey: one person's answers to two surveys do not share a key.
 *
 * The secret is `SURVEY_RESPONDENT_SECRET` (the function's environment, production), else a random one
 * created once in `surveySecrets` (a collection no action reads out). Set it before the first
 * anonymous survey and never change it: a new secret lets everyone answer open surveys again.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Ctx } from '../common/context';
import { storedSecret } from '../common/secrets';

export function respondentSecret(ctx: Ctx): Promise<Buffer> {
  return storedSecret(ctx.db, {
    fromEnv: process.env.SURVEY_RESPONDENT_SECRET,
    collection: 'surveySecrets',
    docId: 'respondentKey',
  });
}

/** The unique-index key of a person's answer to a survey. `person` is an OPENID or an offline worker key. */
export function respondentKey(secret: Buffer | null, surveyId: string, person: string): string {
  if (!secret) return person;
  return `h:${createHmac('sha256', secret).update(`${surveyId}\n${person}`).digest('base64url')}`;
}

/** Which counter shard an answer goes to. */
export function shardOf(key: string, shards: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % shards;
}
