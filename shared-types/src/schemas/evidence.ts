/** 调查依据: a survey's results cited for a proposal or a project (used by surveys, screening and projects). */
import { z } from 'zod';

const iso = z.string();

export const evidenceTargetTypes = ['proposal', 'project'] as const;
export type EvidenceTargetType = (typeof evidenceTargetTypes)[number];

/** A survey's results cited as evidence (调查依据) for a proposal or a project. */
export const evidenceLinkSchema = z.object({
  _id: z.string(),
  surveyId: z.string(),
  surveyTitle: z.string(),
  targetType: z.enum(evidenceTargetTypes),
  targetId: z.string(),
  targetTitle: z.string(),
  note: z.string(),
  /** The questions whose results make the case (empty: the survey as a whole). */
  questionIds: z.array(z.string()),
  linkedByName: z.string(),
  linkedAt: iso,
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;
