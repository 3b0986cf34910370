/**
 * 实施进展: report progress, reply to a report, tick a milestone. The `project` contracts (with these
 * three) are registered by the project feature's api module, which every page showing a project loads.
 */
import type { z } from 'zod';
import type {
  ProjectProgress,
  replyProgressInputSchema,
  reportProgressInputSchema,
  tickMilestoneInputSchema,
} from '@shishi/shared-types';
import { invoke } from '../../services/call';

export function reportProgress(input: z.input<typeof reportProgressInputSchema>): Promise<ProjectProgress> {
  return invoke('project', 'reportProgress', input);
}

export function replyProgress(input: z.input<typeof replyProgressInputSchema>): Promise<ProjectProgress> {
  return invoke('project', 'replyProgress', input);
}

export function tickMilestone(input: z.input<typeof tickMilestoneInputSchema>): Promise<ProjectProgress> {
  return invoke('project', 'tickMilestone', input);
}
