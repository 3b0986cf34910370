/**
 * Long actions (an export, the recompute) reply `{ job, result }`: a big one is not finished in its first
 * call. This drives it: polls its `…Status` action (each poll runs the next batch on the server) until it
 * is done, reporting the progress (0–100), and returns the result. A failed job throws its error.
 */
import type { ErrorCode, JobView } from '@shishi/shared-types';
import { ApiError } from './callCore';

export interface JobReply<R> {
  job: JobView;
  result: R | null;
}

export async function driveJob<R>(
  start: Promise<JobReply<R>>,
  poll: (jobId: string) => Promise<JobReply<R>>,
  onProgress?: (progress: number, job: JobView) => void,
): Promise<R> {
  let reply = await start;
  for (;;) {
    onProgress?.(reply.job.progress, reply.job);
    if (reply.job.status === 'failed') {
      throw new ApiError({
        code: (reply.job.error?.code ?? 'INTERNAL') as ErrorCode,
        message: reply.job.error?.message ?? '任务没有完成，请重新开始',
      });
    }
    if (reply.result !== null) return reply.result;
    // Another tap is driving it: give it a moment before asking again.
    if (reply.job.status === 'running') await new Promise((r) => setTimeout(r, 300));
    reply = await poll(reply.job.jobId);
  }
}
