/**
 * Who an announcement reaches (pure): an audience is an org node and optionally worker groups; a worker
 * is in it when the node lies on their org path and, when groups are named, they belong to one of them.
 * Both sides are turned into keys so that a worker's feed is one indexed `$in`.
 */
import type { WorkerGroup } from '../schemas/survey';
import { workerGroupLabels } from '../schemas/survey';

export interface AnnouncementAudienceFacts {
  orgId: string;
  groups: readonly WorkerGroup[];
}

/** The keys an announcement is filed under: `<orgId>`, or `<orgId>|<group>` for each group named. */
export function audienceKeys(a: AnnouncementAudienceFacts): string[] {
  return a.groups.length === 0 ? [a.orgId] : a.groups.map((g) => `${a.orgId}|${g}`);
}

/** The keys a worker's feed looks up: every node of their path, alone and with each of their groups. */
export function workerFeedKeys(orgPath: readonly string[], groups: readonly WorkerGroup[]): string[] {
  return orgPath.flatMap((o) => [o, ...groups.map((g) => `${o}|${g}`)]);
}

/** Whether the worker is in the audience (the same rule as the keys, for one announcement). */
export function inAnnouncementAudience(
  a: AnnouncementAudienceFacts,
  worker: { orgPath: readonly string[]; groups: readonly WorkerGroup[] },
): boolean {
  const mine = new Set(workerFeedKeys(worker.orgPath, worker.groups));
  return audienceKeys(a).some((k) => mine.has(k));
}

/** 中山区总工会 · 女职工、农民工 */
export function announcementAudienceLabel(orgName: string, groups: readonly WorkerGroup[]): string {
  return groups.length === 0 ? orgName : `${orgName} · ${groups.map((g) => workerGroupLabels[g]).join('、')}`;
}

/** The first characters of a text, on one line, for a feed card. */
export function summaryOf(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Awareness (知晓度): distinct viewers against the target population; null without a target. */
export function awarenessOf(viewers: number, target: number | null | undefined): number | null {
  if (!target || target <= 0) return null;
  return viewers / target;
}
