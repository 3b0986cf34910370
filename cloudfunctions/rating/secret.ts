/**
 * A rater's key: the survey machinery's respondent key (HMAC-SHA256 under the stored respondent
 * secret, survey/secret.ts), scoped `rating:<projectId>` so it matches neither the same person's survey
 * keys nor their key for another project. No rating stores the OPENID; without the secret a key cannot
 * be joined back to a person.
 */
import type { Ctx } from '../common/context';
import { respondentKey, respondentSecret, shardOf } from '../survey/secret';
import { RATING_SHARDS, shardId } from './model';

export async function raterKey(ctx: Ctx, projectId: string, openid: string = ctx.openid): Promise<string> {
  return respondentKey(await respondentSecret(ctx), `rating:${projectId}`, openid);
}

export function ratingShard(projectId: string, key: string): string {
  return shardId(projectId, shardOf(key, RATING_SHARDS));
}
