/**
 * A survey's phase as people see it (stored status plus the clock), with its label: a module of its own,
 * free of schemas, so the main package's survey card can show it without the survey schemas.
 */
export const surveyPhases = ['draft', 'scheduled', 'open', 'closed'] as const;
export type SurveyPhase = (typeof surveyPhases)[number];
export const surveyPhaseMeta: Record<SurveyPhase, { label: string; tone: 'neutral' | 'progress' | 'success' }> = {
  draft: { label: '草稿', tone: 'neutral' },
  scheduled: { label: '未开始', tone: 'neutral' },
  open: { label: '进行中', tone: 'progress' },
  closed: { label: '已结束', tone: 'success' },
};
