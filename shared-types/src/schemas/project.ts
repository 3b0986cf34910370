/** 项目: what an adopted proposal becomes. Only the draft an adoption creates exists so far. */
import { z } from 'zod';
import { idSchema } from './common';
import { projectStatuses, proposalRefSchema } from './proposal';

export const projectSchema = z.object({
  _id: z.string(),
  title: z.string(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  progress: z.number().int().min(0).max(100),
  orgId: z.string(),
  orgName: z.string(),
  /** Project year. */
  year: z.number().int(),
  /** The proposals it came from (the kept one first, then those merged into it). */
  origin: z.array(proposalRefSchema),
  createdAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export const getProjectInputSchema = z.object({ projectId: idSchema });
export type GetProjectInput = z.infer<typeof getProjectInputSchema>;
