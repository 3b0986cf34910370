import { z } from 'zod';

/** Where a step of a proposal's timeline stands for its author. */
export const timelineStepStates = ['done', 'current', 'upcoming'] as const;
export type TimelineStepState = (typeof timelineStepStates)[number];

export const timelineStepKeys = [
  'submitted',
  'moderation',
  'collecting',
  'screening',
  'decision',
  'merged',
  'withdrawn',
  'project',
] as const;
export type TimelineStepKey = (typeof timelineStepKeys)[number];

/**
 * One step of 我的建议's 进展 (rules/proposalTimeline): what it is, whether it happened, and — only
 * where the record or the window gives one — its date.
 */
export const timelineStepSchema = z.object({
  key: z.enum(timelineStepKeys),
  title: z.string(),
  state: z.enum(timelineStepStates),
  /** The business date (yyyy-mm-dd) the step happened or starts; null where nothing fixes one. */
  date: z.string().nullable(),
  /** What happens, in plain Chinese (dates written out where known). */
  text: z.string(),
  /** The project page to open (an adopted proposal's project). */
  projectId: z.string().nullable(),
  /** Another proposal to open (the one it was merged into). */
  proposalId: z.string().nullable(),
});
export type TimelineStep = z.infer<typeof timelineStepSchema>;

export const proposalTimelineSchema = z.object({
  steps: z.array(timelineStepSchema),
  /** One sentence: what happens next (and when, where known). */
  next: z.string(),
});
export type ProposalTimeline = z.infer<typeof proposalTimelineSchema>;
