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
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../common/app';
import type { Ctx } from '../common/context';
import type { Db } from '../common/cloud';

const SECRET_DOC = 'respondentKey';
/** Per database handle (one per cloud): a warm instance reads the secret once. */
const cache = new WeakMap<object, Promise<Buffer>>();

export function respondentSecret(ctx: Ctx): Promise<Buffer> {
  const fromEnv = process.env.SURVEY_RESPONDENT_SECRET;
  if (fromEnv && fromEnv.length >= 32) return Promise.resolve(Buffer.from(fromEnv, 'utf8'));
  let secret = cache.get(ctx.db);
  if (!secret) {
    secret = loadOrCreate(ctx.db);
    cache.set(ctx.db, secret);
    secret.catch(() => cache.delete(ctx.db));
  }
  return secret;
}

async function loadOrCreate(db: Db): Promise<Buffer> {
  const read = async () => {
    const res = await db.collection('surveySecrets').where({ _id: SECRET_DOC }).limit(1).get();
    const doc = res.data[0] as { value?: string } | undefined;
    return doc?.value ? Buffer.from(doc.value, 'base64') : null;
  };
  const found = await read();
  if (found) return found;
  const value = randomBytes(32).toString('base64');
  try {
    await db.collection('surveySecrets').add({ data: { _id: SECRET_DOC, value, createdAt: new Date() } });
    return Buffer.from(value, 'base64');
  } catch (e) {
    // Another instance created it first: use theirs.
    if (!isDuplicateKey(e)) throw e;
    const theirs = await read();
    if (!theirs) throw e;
    return theirs;
  }
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
