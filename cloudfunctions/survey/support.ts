/** Small pieces the survey commands share: the content check, keyword search. */
import { moderationFromCheck } from '@shishi/shared-types';
import type { Ctx } from '../common/context';
import type { TextModeration } from './model';

/**
 * Content security (DESIGN.md §5) of what a respondent wrote, as one check: `pass` is shown to workers,
 * anything else (or a check that could not run) waits for a person.
 */
export async function checkTexts(ctx: Ctx, texts: readonly string[]): Promise<TextModeration> {
  if (texts.length === 0) return 'none';
  try {
    const res = await ctx.cloud.openapi.security.msgSecCheck({
      content: texts.join('\n'),
      version: 2,
      scene: 2,
      openid: ctx.openid,
    });
    return moderationFromCheck(res.result?.suggest);
  } catch (e) {
    console.warn('[survey] msgSecCheck failed; the texts wait for review', e);
    return 'review';
  }
}

/** Literal text inside a regular expression (a keyword search matches what was typed). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
