/** Small pieces the survey commands share: duplicate detection, the content check, the audit trail, scope. */
import { AppError, moderationFromCheck } from '@shishi/shared-types';
import type { Ctx, UserDoc } from '../common/context';
import type { SurveyDoc, TextModeration } from './model';
import { isManager } from './view';

/**
 * A unique-index violation (E11000, -502001). Inside a transaction wx-server-sdk may reject with the
 * engine's reply (a plain `{ code, message }`) rather than an Error, so both are read.
 */
export function isDuplicate(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { message, errMsg, code, errCode } = e as Record<string, unknown>;
  const text = [message, errMsg, code].filter((x) => typeof x === 'string').join(' ');
  return /E11000|duplicate key/i.test(text) || errCode === -502001;
}

/** A transaction that gave up after its retries (another answer kept changing the same counters). */
export function isConflict(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { message, errMsg, code } = e as Record<string, unknown>;
  return /TRANSACTION_CONFLICT|conflict/i.test([message, errMsg, code].filter((x) => typeof x === 'string').join(' '));
}

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
