import type { ModerationState, Proposal } from '@shishi/shared-types';
import type { BadgeTone } from '../../components';

export const channelLabels: Record<Proposal['channel'], string> = {
  online: '线上提交',
  offline: '线下录入',
};

/** Content-check state as staff see it (DESIGN.md §5). */
export const moderationMeta: Record<ModerationState, { label: string; tone: BadgeTone }> = {
  pass: { label: '内容已通过', tone: 'success' },
  review: { label: '待人工审核', tone: 'warning' },
  rejected: { label: '内容未通过', tone: 'danger' },
};

/** What the author is told about the content check of their own proposal. */
export const moderationNoteForAuthor: Record<ModerationState, string | null> = {
  pass: null,
  review: '内容正在审核，通过后其他职工才能看到',
  rejected: '内容未通过审核，其他职工看不到这条建议',
};

/** 线下录入（由 李建国 代为录入）: an offline proposal says who typed it in. */
export function offlineLabel(offline: { enteredByName: string; enteredByOrgName: string }): string {
  return `线下录入（由 ${offline.enteredByName} 代为录入）`;
}
