/** Rules of proposal submission (项目征集). */
import type { ModerationState } from '../schemas/proposal';

/** Titles that differ only in spaces, punctuation or letter case are the same title. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
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
