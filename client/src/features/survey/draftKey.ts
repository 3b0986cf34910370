/** Device storage key of a half-filled survey (one per survey). Tiny on purpose: 首页 reads it too. */
export const surveyDraftKey = (surveyId: string) => `shishi.survey-draft.${surveyId}`;

/** Whether a half-filled answer is saved on this device. */
export function hasSurveyDraft(surveyId: string, getStorage: (key: string) => unknown): boolean {
  try {
    const d = getStorage(surveyDraftKey(surveyId)) as { answers?: object } | '' | undefined;
    return !!d && typeof d === 'object' && !!d.answers && Object.keys(d.answers).length > 0;
  } catch {
    return false;
  }
}
