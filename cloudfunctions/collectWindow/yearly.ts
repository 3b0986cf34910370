/**
 * The city union's Q4 window opens by itself every year (第五条（二）): stored on demand — by the first
 * `collectWindow.current` / `list` / `proposal.submit` of a year that finds it missing, or by the daily
 * timer `yearlyWindow` — once per year: its id is fixed (`yearlyWindowId`), so a repeat or a race stores
 * one. Staff may close it (and set up another) like any window; a year whose window exists, closed or
 * not, is never stored again.
 */
import { defaultWeights, defaultWindowFor, yearlyWindowDue, yearlyWindowId, type Org } from '@shishi/shared-types';
import { isDuplicateKey } from '../common/app';
import type { AuditDoc } from '../common/audit';
import type { Cloud, Db } from '../common/cloud';
import { allOrgs, getOrg } from '../common/orgs';
import type { WindowDoc } from '../common/windows';

/** Who the audit trail names for a window the programme set up by itself. */
const SYSTEM = { actor: 'system', actorName: '系统（每年自动设立）' };

/**
 * Makes sure the city union at the root of `orgPath` has this year's Q4 window, given the windows of
 * that path already read (no request when it is there). Returns the windows with the new one added.
 */
export async function withYearlyWindow<W extends WindowDoc>(
  db: Db,
  orgPath: readonly string[],
  windows: readonly W[],
  now: Date,
): Promise<W[]> {
  const cityId = orgPath[0];
  if (!cityId) return [...windows];
  const year = yearlyWindowDue(windows, cityId, now);
  if (year === null) return [...windows];
  const city = await getOrg(db, cityId);
  if (!city || city.type !== 'city') return [...windows];
  const stored = await storeYearlyWindow(db, city, year, now);
  return stored ? [...windows, stored as W] : [...windows];
}

/** The timer: every city union's window of this year, stored if missing. */
export async function ensureYearlyWindows(cloud: Cloud, now: Date): Promise<{ created: string[] }> {
  const db = cloud.database();
  const cities = (await allOrgs(db)).filter((o) => o.type === 'city');
  const created: string[] = [];
  for (const city of cities) {
    const res = await db.collection('collectWindows').where({ orgId: city._id }).limit(1000).get();
    const year = yearlyWindowDue(res.data as WindowDoc[], city._id, now);
    if (year === null) continue;
    const w = await storeYearlyWindow(db, city, year, now);
    if (w) created.push(w._id);
  }
  return { created };
}

/**
 * Stores the window (and its audit entry, in one transaction). A concurrent call that stored it first
 * wins: the window read back is returned either way; null if it could not be stored now (tried again on
 * the next call).
 */
async function storeYearlyWindow(db: Db, city: Org, year: number, now: Date): Promise<WindowDoc | null> {
  const { opensAt, closesAt, projectYear } = defaultWindowFor(year);
  const doc: WindowDoc = {
    _id: yearlyWindowId(city._id, year),
    orgId: city._id,
    orgName: city.name,
    orgPath: city.path,
    title: `${projectYear}年度为职工办实事项目征集`,
    year: projectYear,
    opensAt,
    closesAt,
    closedEarly: false,
    closedAt: null,
    weights: defaultWeights,
    createdAt: now,
  };
  const entry: AuditDoc = {
    at: now,
    ...SYSTEM,
    action: 'createWindow',
    targetType: 'collectWindow',
    targetId: doc._id,
    from: null,
    to: 'scheduled',
    note: `每年第四季度自动设立：${doc.title}`,
  };
  try {
    await db.runTransaction(async (t: Db) => {
      await t.collection('collectWindows').add({ data: doc });
      await t.collection('auditLog').add({ data: entry });
    });
    return doc;
  } catch (e) {
    const res = await db.collection('collectWindows').where({ _id: doc._id }).limit(1).get();
    const found = res.data[0] as WindowDoc | undefined;
    if (found) return found;
    if (!isDuplicateKey(e)) console.warn('[collectWindow] yearly window not stored now; tried again later', e);
    return null;
  }
}

/** The timer's period (config.json `triggers`: daily at 00:10). */
export const YEARLY_WINDOW_EVERY_MS = 24 * 60 * 60_000;
