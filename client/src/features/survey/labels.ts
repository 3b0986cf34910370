import type { SurveyCard } from '@shishi/shared-types';
import { surveyPhaseMeta, type SurveyPhase } from '@shishi/shared-types/src/schemas/surveyPhase';
import { lastDayBefore } from '../../utils/dates';

export function phaseMeta(phase: SurveyPhase) {
  return surveyPhaseMeta[phase];
}

/** 截止日期：2026年12月8日（含当天）。 */
export function closingLine(closesAt: string): string {
  return `截止日期：${lastDayBefore(closesAt)}（含当天）。`;
}

/** 2026-11-24 → 2026年11月24日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** 2026年11月24日 至 2026年12月8日 */
export function dateRange(opensOn: string, closesOn: string): string {
  return `${chineseDate(opensOn)} 至 ${chineseDate(closesOn)}`;
}

/** 12.5 → "12.5%"; whole numbers without a decimal. */
export function pct(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}

/** Averages with one decimal. */
export function avg(n: number | null): string {
  return n === null ? '—' : n.toFixed(1);
}

/**
 * "7 题", or "至少 7 题" when more show for some answers: the count a worker starts at on the answering
 * page (`startCount`, from the shared `answerProgress`), so the card and the page agree.
 */
export function questionsLabel(s: Pick<SurveyCard, 'startCount' | 'questionCount'>): string {
  return s.startCount < s.questionCount ? `至少 ${s.startCount} 题` : `${s.startCount} 题`;
}
