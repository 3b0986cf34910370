/** A half-filled survey saved on the device (Taro storage, one key per survey), to resume later. */
import Taro from '@tarojs/taro';
import type { Answers, WorkerGroup } from '@shishi/shared-types';
import { surveyDraftKey } from './draftKey';

export interface SurveyDraft {
  /** The survey version it was filled for. */
  version: number;
  answers: Answers;
  groups: WorkerGroup[];
  /** Section index the person was on. */
  section: number;
  savedAt: string;
}

export function loadDraft(surveyId: string): SurveyDraft | null {
  try {
    const d: unknown = Taro.getStorageSync(surveyDraftKey(surveyId));
    if (!d || typeof d !== 'object') return null;
    const draft = d as Partial<SurveyDraft>;
    if (!draft.answers || typeof draft.answers !== 'object') return null;
    return {
      version: typeof draft.version === 'number' ? draft.version : 0,
      answers: draft.answers,
      groups: Array.isArray(draft.groups) ? draft.groups : [],
      section: typeof draft.section === 'number' ? draft.section : 0,
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  } catch {
    return null;
  }
}

export function saveDraft(surveyId: string, draft: Omit<SurveyDraft, 'savedAt'>): void {
  try {
    Taro.setStorageSync(surveyDraftKey(surveyId), { ...draft, savedAt: new Date().toISOString() });
  } catch {
    // Storage full or unavailable: answering still works, only resuming does not.
  }
}

export function clearDraft(surveyId: string): void {
  try {
    Taro.removeStorageSync(surveyDraftKey(surveyId));
  } catch {
    // nothing saved
  }
}
