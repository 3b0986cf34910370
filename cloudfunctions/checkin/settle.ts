/**
 * Counting check-ins whose counting was cut off — the way supports are settled
 * (proposal/supportCounting.ts).
 *
 * A check-in, desk registration or list row is stored first and then counted by one conditional update
 * of its person's shard (served.ts, `markServed`). An instance that dies in between leaves the record
 * stored and its person not counted. The settling timer (`settleCheckins`, every 5 minutes) reads the
 * records stored since its watermark (`watermarks/checkins`, index `at` on `checkins`) and older than
 * CHECKIN_SETTLE_AFTER_MS (far longer than the function may run, so no request storing one is still
 * alive), and counts every person the shards do not mark yet: per project one read of the shards and,
 * only when someone is missing, `markServed` — whose marks make it exactly once against the requests,
 * a repeat of the timer or several at once. At most MAX_PAGES pages a run; the next goes on from there.
 */
import type { Cloud, Db } from '../common/cloud';
import { moveSettlingWatermark, readSinceWatermark } from '../common/settling';
import type { CheckinDoc } from './load';
import { countedAmong, markServed } from './served';

/** How old a record must be before settling counts it: far longer than the function's 20 s. */
export const CHECKIN_SETTLE_AFTER_MS = 10 * 60_000;
/** The timer trigger's period (config.json `triggers`, `settleCheckins`, cron every 5 minutes). */
export const CHECKIN_SETTLE_EVERY_MS = 5 * 60_000;
const FIRST_LOOKBACK_MS = 86_400_000;
const PAGE = 1000;
/** Pages of records one run reads at most. */
const MAX_PAGES = 20;

type Stored = Pick<CheckinDoc, '_id' | 'projectId' | 'person' | 'day' | 'at'>;

/** Counts the people of records stored before `cutoff` whom no one counted; moves the watermark. */
export async function settleCheckinsUpTo(
  db: Db,
  cutoff: Date,
  now: Date,
): Promise<{ records: number; counted: number }> {
  const read = await readSinceWatermark<Stored>(db, {
    id: 'checkins',
    collection: 'checkins',
    timeField: 'at',
    cutoff,
    firstLookbackMs: FIRST_LOOKBACK_MS,
    pageSize: PAGE,
    maxPages: MAX_PAGES,
  });
  const byProject = new Map<string, Stored[]>();
  for (const r of read.rows) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  let counted = 0;
  for (const [projectId, rows] of byProject) {
    const marked = await countedAmong(
      db,
      projectId,
      rows.map((r) => r.person),
    );
    // A missing person is marked with the day of their first record read here.
    const byDay = new Map<string, string[]>();
    const seen = new Set<string>();
    for (const r of rows) {
      if (marked.has(r.person) || seen.has(r.person)) continue;
      seen.add(r.person);
      byDay.set(r.day, [...(byDay.get(r.day) ?? []), r.person]);
    }
    let added = 0;
    for (const [day, people] of byDay) added += await markServed(db, projectId, people, day, now);
    if (added > 0) console.warn(`[checkin] settling counted ${added} people of project ${projectId} (cut off)`);
    counted += added;
  }
  await moveSettlingWatermark(db, read, 'checkins');
  return { records: read.rows.length, counted };
}

/** The timer trigger: counts the records older than CHECKIN_SETTLE_AFTER_MS whose people no one counted. */
export async function settleCheckins(cloud: Cloud, now: Date): Promise<{ records: number; counted: number }> {
  return settleCheckinsUpTo(cloud.database(), new Date(now.getTime() - CHECKIN_SETTLE_AFTER_MS), now);
}
