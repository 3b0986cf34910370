/**
 * A long job (export, recompute, settling, merge) as the staff page sees it: it runs as resumable
 * batches inside the cloud function's time limit (cloudfunctions/common/jobs.ts); the page polls it and
 * shows the progress, then the finished file or figures.
 */
import { z } from 'zod';
import { idSchema } from './common';

export const jobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobViewSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  /** 0–100. */
  progress: z.number().min(0).max(100),
  /** Items done so far (answers, proposals, surveys) and how many there are, when known. */
  done: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
  /** A failed job: what went wrong, fit to show. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobView = z.infer<typeof jobViewSchema>;

/** A long action's reply: the job, and once it is done its result. */
export function jobReplySchema<T extends z.ZodType>(result: T) {
  return z.object({ job: jobViewSchema, result: result.nullable() });
}

export const jobStatusInputSchema = z.object({ jobId: idSchema });
export type JobStatusInput = z.infer<typeof jobStatusInputSchema>;
