/**
 * Verdicts of the image checks of announcement images. WeChat delivers every verdict to the one function
 * set up for message push (`proposal`, README step 4); its receiver hands over the trace ids that no
 * proposal holds. A verdict that arrives before the announcement is stored waits in `mediaVerdicts` (as a
 * proposal's does) and is applied right after the insert.
 */
import { moderationFromCheck } from '@shishi/shared-types';
import type { Db } from '../common/cloud';
import type { AnnouncementDoc } from './model';

/** Applies one verdict to the announcement image waiting for it; false when none is. */
export async function applyAnnouncementVerdict(
  db: Db,
  traceId: string,
  suggest: string | null,
  now: Date,
): Promise<boolean> {
  const res = await db.collection('announcements').where({ 'images.traceId': traceId }).limit(1).get();
  const doc = res.data[0] as AnnouncementDoc | undefined;
  if (!doc) return false;
  await applyVerdicts(db, doc, new Map([[traceId, suggest]]), now);
  return true;
}

/** Right after an insert: the verdicts that came first. */
export async function applyEarlyAnnouncementVerdicts(db: Db, doc: AnnouncementDoc, now: Date): Promise<void> {
  const traceIds = doc.images.flatMap((a) => (a.moderation === 'pending' && a.traceId ? [a.traceId] : []));
  if (traceIds.length === 0) return;
  const res = await db
    .collection('mediaVerdicts')
    .where({ _id: db.command.in(traceIds) })
    .get();
  const early = res.data as Array<{ _id: string; suggest: string | null }>;
  if (early.length === 0) return;
  await applyVerdicts(db, doc, new Map(early.map((v) => [v._id, v.suggest])), now);
  await db
    .collection('mediaVerdicts')
    .where({ _id: db.command.in(early.map((v) => v._id)) })
    .remove();
}

/** Each waiting image by its position, only while still pending (verdicts arriving together both land). */
async function applyVerdicts(
  db: Db,
  doc: AnnouncementDoc,
  verdicts: ReadonlyMap<string, string | null>,
  now: Date,
): Promise<void> {
  const data: Record<string, unknown> = { updatedAt: now };
  const guard: Record<string, unknown> = { _id: doc._id };
  doc.images.forEach((a, i) => {
    if (!a.traceId || a.moderation !== 'pending' || !verdicts.has(a.traceId)) return;
    data[`images.${i}.moderation`] = moderationFromCheck(verdicts.get(a.traceId) ?? undefined);
    guard[`images.${i}.moderation`] = 'pending';
    guard[`images.${i}.traceId`] = a.traceId;
  });
  if (Object.keys(guard).length === 1) return;
  await db.collection('announcements').where(guard).update({ data });
}
