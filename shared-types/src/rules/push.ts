/**
 * Push rules (issue 13): the grant ledger's accounting, which subscribeMessage.send failures are worth
 * another try, and the retry schedule. Pure: no I/O.
 */
import { subscribeTopics, type SubscribeTopic, type TemplateKind } from '../schemas/message';

/** What `wx.requestSubscribeMessage` answered for one template id. */
export const subscribeChoices = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeChoice = (typeof subscribeChoices)[number];

/** A worker's grants for one template (the ledger row, without its keys). */
export interface Grant {
  /** One-time grants left: each accept adds one, each send consumes one. */
  oneTime: number;
  /** A long-term grant: accepted and neither refused nor banned since. Used, not consumed. */
  longTerm: boolean;
}

export const noGrant: Grant = { oneTime: 0, longTerm: false };

/** The ledger after the worker chose `choice` for a template of `kind`. */
export function applyChoice(grant: Grant, kind: TemplateKind, choice: SubscribeChoice): Grant {
  if (choice === 'accept') {
    return kind === 'longTerm' ? { ...grant, longTerm: true } : { ...grant, oneTime: grant.oneTime + 1 };
  }
  // A refusal of a long-term template switches it off (WeChat will refuse sends: 43101); one-time grants
  // already given stay (each accept was a separate consent). A ban (the worker turned the template off in
  // settings) ends both.
  if (choice === 'ban') return { oneTime: 0, longTerm: false };
  if (choice === 'reject' && kind === 'longTerm') return { ...grant, longTerm: false };
  return grant;
}

/**
 * Whether a send may go out on this grant, and the grant after it: long-term grants are used, not
 * consumed; a one-time grant is consumed; no grant, no send.
 */
export function spendGrant(grant: Grant, kind: TemplateKind): { send: boolean; after: Grant } {
  if (kind === 'longTerm') return { send: grant.longTerm, after: grant };
  if (grant.oneTime > 0) return { send: true, after: { ...grant, oneTime: grant.oneTime - 1 } };
  return { send: false, after: grant };
}

/** WeChat refused because the worker has no (more) consent: the grant is gone. */
export const REFUSED_ERRCODE = 43101;

/**
 * subscribeMessage.send errCodes worth another try (developers.weixin.qq.com, sendMessage 错误码, and
 * the global return codes): -1 system busy; 40001 / 42001 access token invalid or expired (the cloud
 * refreshes it); 45009 daily quota reached, 45011 minute frequency limit, 45047 / 43108 too many at once
 * to one user. A failure with no errCode (network, timeout) is transient too. Everything else is
 * permanent: 40003 bad openid, 40037 bad template id, 41030 bad page, 47003 bad data, 43101 refused
 * (grant gone), 43107 the template is not usable, 45168 sensitive words.
 */
export const transientErrCodes: readonly number[] = [-1, 40001, 42001, 45009, 45011, 45047, 43108];

export type SendOutcome = 'sent' | 'retry' | 'refused' | 'failed';

/** What to do with a send's answer after `attempt` tries (1 = the first). */
export function sendOutcome(errCode: number | null, attempt: number, maxAttempts = MAX_SEND_ATTEMPTS): SendOutcome {
  if (errCode === 0) return 'sent';
  if (errCode === REFUSED_ERRCODE) return 'refused';
  const transient = errCode === null || transientErrCodes.includes(errCode);
  if (!transient) return 'failed';
  return attempt < maxAttempts ? 'retry' : 'failed';
}

/** Tries of one send before a transient failure is recorded as failed. */
export const MAX_SEND_ATTEMPTS = 5;

/**
 * Wait before try `attempt + 1` after a transient failure of try `attempt`: 30 s, 2 min, 8 min, 32 min
 * (×4 each time), never more than 1 hour. A daily-quota failure (45009) waits at least an hour.
 */
export function retryDelayMs(attempt: number, errCode: number | null = null): number {
  const base = Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 3_600_000);
  return errCode === 45009 ? Math.max(base, 3_600_000) : base;
}

/**
 * The template ids one `wx.requestSubscribeMessage` may ask for: at most 3, and one-time and long-term
 * templates not together (WeChat refuses the mix): the kind of the first topic wins, the others wait for
 * the next tap.
 */
export function subscribeBatch(topics: readonly SubscribeTopic[]): string[] {
  if (topics.length === 0) return [];
  const kind = subscribeTopics[topics[0]].kind;
  const ids = topics.filter((t) => subscribeTopics[t].kind === kind).map((t) => subscribeTopics[t].templateId);
  return [...new Set(ids)].slice(0, 3);
}
