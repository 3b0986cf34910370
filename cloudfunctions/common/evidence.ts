/** 调查依据 records (`surveyEvidence`): written by survey.linkEvidence, read by the survey and the proposal it backs. */
import type { EvidenceLink, EvidenceTargetType } from '@shishi/shared-types';
import type { Ctx } from './context';
import { iso } from './serialize';

export interface EvidenceDoc {
  _id: string;
  surveyId: string;
  surveyTitle: string;
  targetType: EvidenceTargetType;
  targetId: string;
  targetTitle: string;
  note: string;
  questionIds: string[];
  linkedBy: string;
  linkedByName: string;
  linkedAt: Date;
}

export function toEvidence(doc: EvidenceDoc): EvidenceLink {
  return {
    _id: doc._id,
    surveyId: doc.surveyId,
    surveyTitle: doc.surveyTitle,
    targetType: doc.targetType,
    targetId: doc.targetId,
    targetTitle: doc.targetTitle,
    note: doc.note,
    questionIds: doc.questionIds,
    linkedByName: doc.linkedByName,
    linkedAt: iso(doc.linkedAt),
  };
}

/** The surveys cited for one proposal or project, newest first. */
export async function evidenceFor(ctx: Ctx, targetType: EvidenceTargetType, targetId: string): Promise<EvidenceLink[]> {
  const res = await ctx.db.collection('surveyEvidence').where({ targetType, targetId }).limit(100).get();
  return (res.data as EvidenceDoc[])
    .sort((a, b) => new Date(b.linkedAt).getTime() - new Date(a.linkedAt).getTime())
    .map(toEvidence);
}
