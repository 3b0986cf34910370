/**
 * What the KPIs are computed from, read in a few indexed requests: the projects (one aggregate over the
 * year and the caller's reach), then, side by side per 125 projects, the kept counters — directly served
 * (`servedCounters`, equal to a recompute of `checkins`), page viewers (`counterShards`, equal to a recount
 * of `projectViews`), tranches recorded, the rating counters (ratings.ts) — and, per 1,000 projects, the
 * thresholds and signal decisions by _id. A city dashboard (1,000 projects) makes 32 counter reads.
 * Spending sums are on the project itself (`spentFen`, kept with _.inc equal to the lines).
 */
import {
  DEFAULT_KPI_THRESHOLDS,
  type KpiSignal,
  type ProjectLevel,
  type ProjectStatus,
  type SignalThresholds,
} from '@shishi/shared-types';
import type { Db } from '../common/cloud';
import type { FormRefDoc } from '../common/projects';
import { viewersCounter } from '../project/commands/follow';
import type { MilestoneTickDoc } from '../project/progress';
import { satisfactionDistributions } from './ratings';

/** The project fields the KPIs need (the dashboard projects these only). */
export interface KpiProjectDoc {
  _id: string;
  title: string;
  status: ProjectStatus;
  level: ProjectLevel;
  orgId: string;
  orgName: string;
  orgPath: string[];
  departmentIds: string[];
  year: number;
  record: {
    targetCovered?: number;
    targetServed?: number;
    targetSatisfaction?: number;
    milestones?: Array<{ date: string; task: string }>;
  };
  milestoneTicks?: MilestoneTickDoc[];
  totalBudgetFen: number;
  subsidyFen: number;
  spentFen: number;
  finalAccountsFen?: number | null;
  midtermOpen: boolean;
  midtermDueAt: Date | null;
  forms: Partial<Record<'start' | 'midterm' | 'acceptance', FormRefDoc>>;
  stepsAt?: Partial<Record<ProjectStatus, Date>>;
}

export const kpiProjectFields = {
  _id: 1,
  title: 1,
  status: 1,
  level: 1,
  orgId: 1,
  orgName: 1,
  orgPath: 1,
  departmentIds: 1,
  year: 1,
  'record.targetCovered': 1,
  'record.targetServed': 1,
  'record.targetSatisfaction': 1,
  'record.milestones': 1,
  milestoneTicks: 1,
  totalBudgetFen: 1,
  subsidyFen: 1,
  spentFen: 1,
  finalAccountsFen: 1,
  midtermOpen: 1,
  midtermDueAt: 1,
  forms: 1,
  stepsAt: 1,
};

/** The live measured counts of one project. */
export interface Measured {
  viewers: number;
  served: number;
  paidFen: number;
  /** Tranches recorded (0, 1 or 2). */
  tranches: number;
  /** 满意度 1–5: how many ratings gave each score. */
  satisfaction: number[];
}

const CHUNK = 1000;
/** More projects than a programme year of the whole city ever has (~1,000 a year at 5,000 over five). */
export const MAX_PROJECTS = 20_000;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A year's projects that any of `reach` nodes sees (applicant path or routed department), one aggregate. */
export async function projectsOf(
  db: Db,
  f: { year: number; reach: readonly string[]; level?: ProjectLevel },
): Promise<KpiProjectDoc[]> {
  const _ = db.command;
  const match: Record<string, unknown> = { reach: _.in([...f.reach]), year: f.year };
  if (f.level) match.level = f.level;
  const res = await db
    .collection('projects')
    .aggregate()
    .match(match)
    .project(kpiProjectFields)
    .limit(MAX_PROJECTS)
    .end();
  return res.list as KpiProjectDoc[];
}

/**
 * Projects per counter read: up to 8 shards each, so a read returns at most 1,000 documents. Kept small on
 * purpose: the local runtime tests each matched document against the whole `$in` list, so reading 1,000
 * projects' shards in one request cost 8× what eight requests of 125 cost together (a city dashboard:
 * 2.5 s → under 1 s with the other changes, docs/architecture.md).
 */
const COUNTER_CHUNK = 125;
/** Documents per read (the most a `get` returns). */
const PAGE = 1000;

/**
 * Per value of `field`, the sum of `sumOf` and how many documents, summed here from the documents of up
 * to 125 values a request (side by side); with `narrow`, only the two fields come back (a served shard
 * also holds a mark per person counted; a viewer shard or a tranche is small, read whole). No `$group`: on the local runtime a `$group` copies each whole matched document first,
 * marks and all — most of a city dashboard's time.
 */
async function groupedSums(
  db: Db,
  collection: string,
  field: string,
  values: readonly string[],
  sumOf: string,
  narrow: boolean,
): Promise<Map<string, { sum: number; n: number }>> {
  const _ = db.command;
  const out = new Map<string, { sum: number; n: number }>();
  const readChunk = async (part: string[]) => {
    const docs: Array<Record<string, unknown>> = [];
    // One page as the counters are kept (8 shards a project); more only if a chunk holds over 1,000.
    for (let skip = 0; ; skip += PAGE) {
      const q = db
        .collection(collection)
        .where({ [field]: _.in(part) })
        .orderBy('_id', 'asc');
      const res = await (narrow ? q.field({ _id: true, [field]: true, [sumOf]: true }) : q)
        .skip(skip)
        .limit(PAGE)
        .get();
      docs.push(...(res.data as Array<Record<string, unknown>>));
      if (res.data.length < PAGE) return docs;
    }
  };
  const parts = await Promise.all(chunks(values, COUNTER_CHUNK).map(readChunk));
  for (const docs of parts)
    for (const d of docs) {
      const key = d[field] as string;
      const got = out.get(key) ?? { sum: 0, n: 0 };
      const add = d[sumOf];
      got.sum += typeof add === 'number' ? add : 0;
      got.n += 1;
      out.set(key, got);
    }
  return out;
}

/** The measured figures of these projects: served, viewers, tranches and ratings side by side. */
export async function measuredOf(db: Db, ids: readonly string[]): Promise<Map<string, Measured>> {
  const out = new Map<string, Measured>();
  if (ids.length === 0) return out;
  const counters = ids.map(viewersCounter);
  const [served, viewers, tranches, ratings] = await Promise.all([
    groupedSums(db, 'servedCounters', 'projectId', ids, 'n', true),
    groupedSums(db, 'counterShards', 'counterId', counters, 'n', false),
    groupedSums(db, 'tranches', 'projectId', ids, 'amountFen', false),
    satisfactionDistributions(db, ids),
  ]);
  for (const id of ids) {
    const t = tranches.get(id);
    out.set(id, {
      served: served.get(id)?.sum ?? 0,
      viewers: viewers.get(viewersCounter(id))?.sum ?? 0,
      paidFen: t?.sum ?? 0,
      tranches: t?.n ?? 0,
      satisfaction: ratings.get(id) ?? [0, 0, 0, 0, 0],
    });
  }
  return out;
}

export const thresholdsId = (year: number, orgId: string) => `${year}_${orgId}`;

export interface ThresholdsDoc extends SignalThresholds {
  _id: string;
  year: number;
  orgId: string;
  orgName: string;
  by: string;
  byName: string;
  at: Date;
}

/** The thresholds an org set for a year, for every node on the given paths (one read by _id). */
export async function thresholdsAlong(
  db: Db,
  year: number,
  paths: ReadonlyArray<readonly string[]>,
): Promise<Map<string, ThresholdsDoc>> {
  const _ = db.command;
  const nodes = [...new Set(paths.flat())];
  const out = new Map<string, ThresholdsDoc>();
  for (const part of chunks(nodes)) {
    const res = await db
      .collection('kpiThresholds')
      .where({ _id: _.in(part.map((n) => thresholdsId(year, n))) })
      .limit(CHUNK)
      .get();
    for (const d of res.data as ThresholdsDoc[]) out.set(d.orgId, d);
  }
  return out;
}

/** The nearest org on the path (the node itself first, then up) that set thresholds; else the defaults. */
export function effectiveThresholds(
  path: readonly string[],
  set: ReadonlyMap<string, ThresholdsDoc>,
): { thresholds: SignalThresholds; from: ThresholdsDoc | null } {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const doc = set.get(path[i]!);
    if (doc) return { thresholds: pickThresholds(doc), from: doc };
  }
  return { thresholds: { ...DEFAULT_KPI_THRESHOLDS }, from: null };
}

export function pickThresholds(t: SignalThresholds): SignalThresholds {
  return {
    minRatings: t.minRatings,
    expandSatisfaction: t.expandSatisfaction,
    expandServed: t.expandServed,
    scaleBackSatisfaction: t.scaleBackSatisfaction,
    scaleBackServed: t.scaleBackServed,
  };
}

export interface DecisionDoc {
  _id: string;
  projectId: string;
  year: number;
  decision: 'accept' | 'override';
  signal: KpiSignal;
  computedThen: KpiSignal;
  reason: string;
  by: string;
  byName: string;
  at: Date;
}

/** Staff's signal decisions of these projects (by _id). */
export async function decisionsOf(db: Db, ids: readonly string[]): Promise<Map<string, DecisionDoc>> {
  const _ = db.command;
  const out = new Map<string, DecisionDoc>();
  const parts = await Promise.all(
    chunks(ids).map((part) =>
      db
        .collection('kpiSignalDecisions')
        .where({ _id: _.in(part) })
        .limit(CHUNK)
        .get(),
    ),
  );
  for (const res of parts) for (const d of res.data as DecisionDoc[]) out.set(d._id, d);
  return out;
}
