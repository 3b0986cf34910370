import { inBusinessTz } from '@shishi/shared-types';
import { ratingScoreWord, type RatingDimension } from '@shishi/shared-types/src/rules/rating';

/** 7 天内可以修改（到 12月13日） — the last day a rating may be changed (Asia/Shanghai). */
export function editLine(editableUntil: string): string {
  return `7 天内可以修改（到 ${inBusinessTz(editableUntil).format('M月D日')}）`;
}

/** 2026-12-01 → 2026年12月1日 */
export function dayText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** 4.2 分 · 比较满意 (the words of the nearest whole score); 暂无 with no ratings. */
export function meanText(dim: RatingDimension, mean: number | null): string {
  if (mean === null) return '暂无';
  return `${mean.toFixed(1)} 分 · ${ratingScoreWord(dim, Math.min(5, Math.max(1, Math.round(mean))))}`;
}

/** What became of a comment: a line for its writer. */
export const commentStateText: Record<'none' | 'pass' | 'review' | 'rejected', string> = {
  none: '',
  pass: '意见已通过审核，工作人员可以看到。',
  review: '意见正在审核，通过后工作人员才能看到。',
  rejected: '意见没有通过内容审核，工作人员看不到。',
};
