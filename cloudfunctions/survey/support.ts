/** Small pieces the survey commands share: duplicate detection, the content check, the audit trail, scope. */
import { AppError, moderationFromCheck } from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../common/context';
import type { SurveyDoc, TextModeration } from './model';
import { isManager } from './view';

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

/** Staff whose subtree holds the survey's audience; FORBIDDEN for anyone else. */
export function requireManager(user: UserDoc, survey: SurveyDoc, what = '这份调查'): void {
  if (!isManager(user, survey)) throw new AppError('FORBIDDEN', `${what}不在您的管辖范围内`);
}

export interface SurveyAudit {
  action: string;
  surveyId: string;
  from: string | null;
  to: string | null;
  note?: string | null;
}

/** Traceability: one `auditLog` entry per change (who, when, what, from, to). */
export async function audit(ctx: Ctx, e: SurveyAudit): Promise<void> {
  const user = await ctx.profile();
  await ctx.db.collection('auditLog').add({
    data: {
      at: ctx.now,
      actor: ctx.openid,
      actorName: user.name,
      action: e.action,
      targetType: 'survey',
      targetId: e.surveyId,
      from: e.from,
      to: e.to,
      note: e.note ?? null,
    },
  });
}

/** Literal text inside a regular expression (a keyword search matches what was typed). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
