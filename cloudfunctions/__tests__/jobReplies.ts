/** Long actions reply `{ job, result }` (common/jobs.ts): the result of one that finished in its first slice. */
import type { JobView, Reply } from '@shishi/shared-types';
import { ok } from './world';

export function finished<T>(reply: Reply<unknown>): T {
  const out = ok<{ job: JobView; result: T | null }>(reply);
  if (out.job.status !== 'done' || out.result === null) {
    throw new Error(`expected a finished job, got ${JSON.stringify(out.job)}`);
  }
  return out.result;
}
