/** Rules of proposal submission (项目征集). */
import { proposalStatusMeta, type ModerationState, type ProposalStatus } from '../schemas/proposal';

/** Titles that differ only in spaces, punctuation or letter case are the same title. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Whether a new proposal says exactly what a stored one says: the same title (as `titleKey` reads it)
 * and the same content (spaces at the ends and runs of blanks ignored). Such a repeat is not stored again.
 */
export function isSameText(a: { title: string; content: string }, b: { title: string; content: string }): boolean {
  const body = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return titleKey(a.title) === titleKey(b.title) && body(a.content) === body(b.content);
}

/**
 * The status a proposal is shown with: a proposal whose text a person rejected in content review
 * (`moderation: rejected`) and that is still open shows 未通过审核, not 已提交 — nothing further
 * happens to it until it is rewritten.
 */
export function shownStatus(p: { status: ProposalStatus; moderation: ModerationState }): {
  label: string;
  tone: 'neutral' | 'progress' | 'success' | 'warning' | 'danger';
} {
  if (p.moderation === 'rejected' && proposalStatusMeta[p.status].open) return { label: '未通过审核', tone: 'danger' };
  const { label, tone } = proposalStatusMeta[p.status];
  return { label, tone };
}

/**
 * What the content check decides (msgSecCheck v2 `result.suggest`): only `pass` is shown to other
 * workers; `review` and `risky` — and a check that could not run — wait for a person.
 */
export function moderationFromCheck(suggest: string | undefined): ModerationState {
  return suggest === 'pass' ? 'pass' : 'review';
}

/** The text of a proposal that the content check reads. */
export function moderationText(p: { title: string; content: string }): string {
  return `${p.title}\n${p.content}`;
}

/**
 * Why a person may not support (附议) a proposal, with the error code, or null: it must be someone
 * else's, open, shown to everyone, and its window open.
 */
export function supportRefusal(
  p: { title: string; status: ProposalStatus; moderation: ModerationState; author: string },
  supporter: string,
  windowOpen: boolean,
): { code: 'INVALID_INPUT' | 'CONFLICT' | 'WINDOW_CLOSED'; message: string } | null {
  if (p.author === supporter) return { code: 'INVALID_INPUT', message: '不能附议自己的建议' };
  if (p.status === 'merged') {
    return { code: 'CONFLICT', message: `《${p.title}》已合并到别的建议，请附议合并后保留的那条` };
  }
  if (p.status === 'withdrawn') {
    return { code: 'CONFLICT', message: `《${p.title}》已由提建议的职工撤回，不能再附议` };
  }
  if (!proposalStatusMeta[p.status].open) {
    return {
      code: 'CONFLICT',
      message: `《${p.title}》已经作出决定（${proposalStatusMeta[p.status].label}），不能再附议`,
    };
  }
  if (p.moderation !== 'pass') return { code: 'CONFLICT', message: '这条建议还在审核中，暂时不能附议' };
  if (!windowOpen) return { code: 'WINDOW_CLOSED', message: '这条建议所在的征集期已经结束，不能再附议' };
  return null;
}

/** The person key of an offline author: there is no OPENID, so name and union identify them. */
export function offlineAuthorKey(orgId: string, workerName: string): string {
  return `offline:${orgId}:${workerName.replace(/\s+/g, '')}`;
}
