/**
 * 提建议 kept on the device while it is typed (Taro storage, one draft per person): going back or
 * reloading loses nothing, and the draft's id (`clientDraftId`) lets the function recognise repeats of
 * one submission. Cleared once the proposal is stored.
 */
import Taro from '@tarojs/taro';
import type { ProposalCategory, TargetGroup } from '@shishi/shared-types';
import type { ProposalFormValues } from './form';

export interface ProposalDraft {
  values: ProposalFormValues;
  /** Made once per draft; sent with every submit of it. */
  clientDraftId: string;
  /** Images are not kept: how many there were, to ask for them again. */
  imageCount: number;
  savedAt: string;
}

/** One draft per person for a new proposal; an edit of a stored proposal keeps its own (`scope`). */
const key = (owner: string, scope?: string) => `shishi.proposal-draft.${owner}${scope ? `.${scope}` : ''}`;

/** A fresh draft id: time and randomness, letters and digits only (the schema's `clientDraftId`). */
export function newClientDraftId(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('');
  return `${Date.now().toString(36)}-${random}`;
}

/** Whether a draft holds anything a person typed or chose. */
export function hasContent(v: ProposalFormValues): boolean {
  return v.title.trim() !== '' || v.content.trim() !== '' || v.category !== undefined || v.targetGroup !== undefined;
}

export function loadProposalDraft(owner: string, scope?: string): ProposalDraft | null {
  try {
    const d: unknown = Taro.getStorageSync(key(owner, scope));
    if (!d || typeof d !== 'object') return null;
    const draft = d as Partial<ProposalDraft> & { values?: Partial<ProposalFormValues> };
    if (typeof draft.clientDraftId !== 'string' || !draft.values) return null;
    const values: ProposalFormValues = {
      title: typeof draft.values.title === 'string' ? draft.values.title : '',
      content: typeof draft.values.content === 'string' ? draft.values.content : '',
      category: draft.values.category as ProposalCategory | undefined,
      targetGroup: draft.values.targetGroup as TargetGroup | undefined,
    };
    return {
      values,
      clientDraftId: draft.clientDraftId,
      imageCount: typeof draft.imageCount === 'number' ? draft.imageCount : 0,
      savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '',
    };
  } catch {
    return null;
  }
}

export function saveProposalDraft(owner: string, draft: Omit<ProposalDraft, 'savedAt'>, scope?: string): void {
  try {
    Taro.setStorageSync(key(owner, scope), { ...draft, savedAt: new Date().toISOString() });
  } catch {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  }
}

export function clearProposalDraft(owner: string, scope?: string): void {
  try {
    Taro.removeStorageSync(key(owner, scope));
  } catch {
    // nothing saved
  }
}
