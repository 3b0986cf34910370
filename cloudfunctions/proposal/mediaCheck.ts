/**
 * The verdict of an asynchronous image check (security.mediaCheckAsync v2), which WeChat delivers to the
 * function as a message-push event `{ Event: 'wxa_media_check', trace_id, result: { suggest } }` with no
 * user behind it (the local runtime's stand-in delivers the same event). The image's moderation becomes
 * pass, or review (a person decides) for anything else.
 *
 * A verdict can arrive before the proposal that asked for it is stored (the check starts before the
 * insert): it is then kept in `mediaVerdicts`, and the submission applies it right after its insert.
 */
import { moderationFromCheck } from '@shishi/shared-types';
import type { Cloud, Db } from '../common/cloud';
import type { AttachmentDoc } from '../common/attachments';
import type { ProposalDoc } from './model';
import { applyAnnouncementVerdict } from '../announce/mediaCheck';

export interface MediaCheckEvent {
  Event: 'wxa_media_check';
  trace_id: string;
  result?: { suggest?: string; label?: number };
}

export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  const e = event as Partial<MediaCheckEvent> | null;
  return !!e && e.Event === 'wxa_media_check' && typeof e.trace_id === 'string';
}

interface EarlyVerdict {
  _id: string;
  suggest: string | null;
  at: Date;
}

/** Applies a verdict; returns whether an image was waiting for it (false: kept for the submission). */
export async function applyMediaCheck(cloud: Cloud, event: MediaCheckEvent, now: Date): Promise<boolean> {
  const db = cloud.database();
  const res = await db.collection('proposals').where({ 'attachments.traceId': event.trace_id }).limit(1).get();
  const doc = res.data[0] as ProposalDoc | undefined;
  const suggest = event.result?.suggest ?? null;
  // Not a proposal's image: an announcement's (the same message push receives every verdict).
  if (!doc && (await applyAnnouncementVerdict(db, event.trace_id, suggest, now))) return true;
  if (!doc) {
    await db
      .collection('mediaVerdicts')
      .doc(event.trace_id)
      .set({ data: { suggest, at: now } });
    return false;
  }
  await applyVerdicts(db, doc, new Map([[event.trace_id, suggest]]), now);
  return true;
}

/**
 * Right after a submission's insert: the verdicts that arrived before it. One read, and a write only
 * when there was one.
 */
export async function applyEarlyVerdicts(db: Db, doc: ProposalDoc, now: Date): Promise<ProposalDoc> {
  const traceIds = doc.attachments.flatMap((a) => (a.moderation === 'pending' && a.traceId ? [a.traceId] : []));
  if (traceIds.length === 0) return doc;
  const res = await db
    .collection('mediaVerdicts')
    .where({ _id: db.command.in(traceIds) })
    .get();
  const early = res.data as EarlyVerdict[];
  if (early.length === 0) return doc;
  const updated = await applyVerdicts(db, doc, new Map(early.map((v) => [v._id, v.suggest])), now);
  await db
    .collection('mediaVerdicts')
    .where({ _id: db.command.in(early.map((v) => v._id)) })
    .remove();
  return updated;
}

/**
 * Sets each waiting image's moderation by its position (`attachments.<i>.moderation`), so verdicts of a
 * proposal's images arriving together do not overwrite one another; only images still pending change.
 */
async function applyVerdicts(
  db: Db,
  doc: ProposalDoc,
  verdicts: ReadonlyMap<string, string | null>,
  now: Date,
): Promise<ProposalDoc> {
  const data: Record<string, unknown> = { updatedAt: now };
  const guard: Record<string, unknown> = { _id: doc._id };
  const attachments: AttachmentDoc[] = doc.attachments.map((a, i) => {
    if (!a.traceId || a.moderation !== 'pending' || !verdicts.has(a.traceId)) return a;
    const moderation = moderationFromCheck(verdicts.get(a.traceId) ?? undefined);
    data[`attachments.${i}.moderation`] = moderation;
    guard[`attachments.${i}.moderation`] = 'pending';
    if (moderation === 'review') data.needsReview = true;
    return { ...a, moderation };
  });
  if (Object.keys(guard).length === 1) return doc;
  await db.collection('proposals').where(guard).update({ data });
  return { ...doc, attachments, needsReview: doc.needsReview || data.needsReview === true, updatedAt: now };
}

/** The proposal function's message-push entry: image verdicts; anything else is not for it. */
export async function receiveMessagePush(cloud: Cloud, event: unknown, now: Date): Promise<{ applied: boolean }> {
  if (!isMediaCheckEvent(event)) return { applied: false };
  return { applied: await applyMediaCheck(cloud, event, now) };
}
