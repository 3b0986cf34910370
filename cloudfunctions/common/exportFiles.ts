/**
 * Where an export file goes in cloud storage. Exports hold names (named survey answers, authors and
 * supporters), so their paths carry 128 random bits: not guessable from the survey, the owner or the
 * time. A resumable job passes its id as `stable`, so a step done again writes the same file (a hash
 * of the id, which the path does not reveal) rather than leaving a copy behind.
 */
import { createHash, randomBytes } from 'node:crypto';

export function exportPath(who: { now: Date }, kind: string, ext: string, stable?: string): string {
  const secret = stable
    ? createHash('sha256').update(`export:${kind}:${stable}`).digest('hex').slice(0, 32)
    : randomBytes(16).toString('hex');
  const day = who.now.toISOString().slice(0, 10).replace(/-/g, '');
  return `exports/${kind}/${day}-${secret}.${ext}`;
}
