/**
 * The verdict of an asynchronous image check (security.mediaCheckAsync v2), which WeChat delivers to the
 * function as a message-push event `{ Event: 'wxa_media_check', trace_id, result: { suggest } }` with no
 * user behind it. The image's moderation becomes pass, or review (a person decides) for anything else.
 */
import { moderationFromCheck } from '@shishi/shared-types';
import type { Cloud } from '../common/cloud';
import type { ProposalDoc } from './model';

export interface MediaCheckEvent {
  Event: 'wxa_media_check';
  trace_id: string;
  result?: { suggest?: string; label?: number };
}

export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  const e = event as Partial<MediaCheckEvent> | null;
  return !!e && e.Event === 'wxa_media_check' && typeof e.trace_id === 'string';
}

/** Applies a verdict; returns whether an image was waiting for it. */
export async function applyMediaCheck(cloud: Cloud, event: MediaCheckEvent, now: Date): Promise<boolean> {
  const db = cloud.database();
  const res = await db.collection('proposals').where({ 'attachments.traceId': event.trace_id }).limit(1).get();
  const doc = res.data[0] as ProposalDoc | undefined;
  if (!doc) return false;
  const verdict = moderationFromCheck(event.result?.suggest);
  const attachments = doc.attachments.map((a) =>
    a.traceId === event.trace_id && a.moderation === 'pending' ? { ...a, moderation: verdict } : a,
  );
  await db
    .collection('proposals')
    .doc(doc._id)
    .update({
      data: {
        attachments,
        needsReview: doc.needsReview || verdict === 'review',
        updatedAt: now,
      },
    });
  return true;
}
