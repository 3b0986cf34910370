/**
 * The share poster (H5): the survey's title, a QR code of its link, how to answer and until when
 * (drawn by utils/poster.h5.ts), as a PNG data URL that staff can download and print or post.
 */
import { drawPosterPng } from '../../../utils/poster.h5';

export interface PosterFacts {
  title: string;
  link: string;
  /** 截止日期：2026年12月31日（含当天） */
  closing: string;
  /** 调查对象：… */
  audience: string;
  /** 约 3 分钟 · 匿名 */
  meta: string;
}

export function drawPoster(facts: PosterFacts): string {
  return drawPosterPng({
    kicker: '为职工办实事 · 需求调查',
    title: facts.title,
    link: facts.link,
    action: '扫码填写问卷',
    actionHint: '用微信或手机浏览器扫一扫',
    lines: [facts.closing, facts.audience, facts.meta],
  });
}
