/**
 * The KPI benchmark's server side (issue 11), in its own process (lib/kpi-bench.mjs starts it with
 * `node --import tsx`): `kpi.dashboard` and `kpi.project` through the real function on the local runtime in
 * strict mode (every query must be served by a declared index), over a fresh data directory seeded as the
 * dev host seeds it, plus `projects` projects spread evenly over 2023–2027 and over the demo districts and
 * industry unions, inserted directly (setup, outside the measure) with what the KPIs read of each: the
 * check-in "served" counter shards (8, each with its mark per person counted), the page-viewer counter
 * shards (8), the rating counter shards (8, with their marks), the tranches paid, the spending total, and
 * for a third of them a 现场座谈 with follow-ups.
 *
 * Measured: the dashboard for a district staff member (demo-district, 中山区总工会: her subtree and
 * routed departments) and for the city (demo-research, 调查研究室 at 市总工会; demo-leader), per year;
 * `kpi.project` for projects across the city (by demo-research). p50 / p95 over `calls` calls after a
 * warm-up, one at a time; the engine's request counter gives the database requests per call.
 *
 * IPC: sends { type: 'ready' }; answers { id, cmd: { name, ... } } with { id, data }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud } from '@shishi/local-cloud';
import { collections, midtermDueAt, type ProjectStatus } from '@shishi/shared-types';
// The kpi function alone (not the registry): the benchmark loads only what it measures.
import { kpiFunction } from '../../cloudfunctions/kpi/app';
import type { Ctx } from '../../cloudfunctions/common/context';
import { newProjectDoc } from '../../cloudfunctions/project/commands/draft';
import { viewersCounter } from '../../cloudfunctions/project/commands/follow';
import { fullRecord } from '../../cloudfunctions/__tests__/projectFixtures';
import { seed } from '../../devhost/src/seed';
import { percentile, random } from './sample';

const NOW = Date.parse('2027-08-10T10:00:00+08:00');
const YEARS = [2023, 2024, 2025, 2026, 2027];
const SHARDS = 8;

export const CALLERS = {
  district: 'demo-district',
  research: 'demo-research',
  leader: 'demo-leader',
} as const;

interface KpiCmd {
  projects: number;
  calls: number;
  warmup: number;
  years: number[];
}

const mark = (i: number) => `h${String(i).padStart(15, '0')}`;

/** Where a 2027 project is on the clock (2027-08-10); past years are closed, a few terminated. */
const STATUSES_2027: ProjectStatus[] = ['published', 'inProgress', 'inProgress', 'midtermFiled', 'acceptanceFiled'];

async function kpi(cmd: KpiCmd) {
  const dir = mkdtempSync(join(tmpdir(), 'shishi-kpi-bench-'));
  const cloud = createLocalCloud({ dataDir: dir, collections, now: () => NOW, strict: true });
  const engine = cloud.local.engine;
  const db = cloud.database();
  try {
    await engine.inspect(() => seed(db, new Date(NOW)));
    const orgs = (await engine.inspect(() => db.collection('orgs').limit(1000).get())) as {
      data: Array<{ _id: string; name: string; type: string; path: string[] } & Record<string, unknown>>;
    };
    const applicants = orgs.data.filter((o) => o.type === 'district' || o.type === 'industry');
    const departments = orgs.data.filter((o) => o.type === 'department');
    const rnd = random(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

    const batches: Record<string, Array<Record<string, unknown>>> = {};
    const put = (collection: string, doc: Record<string, unknown>) => (batches[collection] ??= []).push(doc);
    const flush = async () => {
      for (const [collection, docs] of Object.entries(batches)) {
        for (let i = 0; i < docs.length; i += 1000) {
          const part = docs.slice(i, i + 1000);
          await engine.inspect(() => db.collection(collection).add({ data: part }));
        }
        delete batches[collection];
      }
    };
    const totals = { served: 0, viewers: 0, ratings: 0, tranches: 0, forums: 0 };
    const ids: string[] = [];
    for (let i = 0; i < cmd.projects; i += 1) {
      const year = YEARS[i % YEARS.length]!;
      const applicant = pick(applicants);
      const dept = pick(departments);
      const at = new Date(Date.parse(`${year}-01-15T10:00:00+08:00`));
      const ctx = { now: at, openid: 'bench' } as unknown as Ctx;
      const targetServed = 200 + Math.floor(rnd() * 1800);
      const record = { ...fullRecord(), title: `基准项目 ${i}`, targetServed, targetCovered: targetServed * 4 };
      const base = newProjectDoc(ctx, {
        record: record as never,
        applicant: applicant as never,
        routing: {
          level: applicant.type === 'district' ? 'district' : 'industry',
          departmentId: dept._id,
          departmentName: dept.name,
          viewerIds: [...new Set([dept._id, 'dept-research'])],
          meetings: [],
        } as never,
        origin: [],
        windowId: null,
        year,
        note: 'bench',
      });
      const status: ProjectStatus =
        year < 2027 ? (rnd() < 0.05 ? 'terminated' : 'closed') : STATUSES_2027[i % STATUSES_2027.length]!;
      const _id = `bk${String(i).padStart(5, '0')}`;
      ids.push(_id);
      const served = Math.floor(targetServed * (0.3 + rnd() * 0.9));
      const paid = status === 'published' ? 0 : year < 2027 ? 2 : 1;
      put('projects', {
        ...base,
        _id,
        status,
        midtermDueAt: midtermDueAt(year),
        midtermOpen: year === 2027,
        spentFen: Math.floor(base.totalBudgetFen * (year < 2027 ? 0.95 : 0.4) * rnd()),
        stepsAt: { draft: at, published: at },
      });
      // Served: the marks spread over the 8 shards as the hash spreads them.
      for (let k = 0; k < SHARDS; k += 1) {
        const m: Record<string, string> = {};
        let n = 0;
        for (let j = k; j < served; j += SHARDS) {
          m[mark(j)] = `${year}-05-01`;
          n += 1;
        }
        put('servedCounters', { _id: `${_id}_${k}`, projectId: _id, k, n, m, updatedAt: at });
        put('counterShards', {
          _id: `${viewersCounter(_id)}_${k}`,
          counterId: viewersCounter(_id),
          n: Math.floor(served / 2 + rnd() * served),
        });
      }
      totals.served += served;
      // Ratings: about a tenth of the served rate, spread over the shards with a mark per rating.
      const ratings = Math.floor(served / 10);
      for (let k = 0; k < SHARDS; k += 1) {
        const c: Record<string, number> = { n: 0 };
        const m: Record<string, number> = {};
        for (let j = k; j < ratings; j += SHARDS) {
          c.n! += 1;
          for (const d of ['awareness', 'participation', 'benefit', 'satisfaction']) {
            const s = 1 + Math.min(4, Math.floor(rnd() * 5.5));
            c[`${d}/${s}`] = (c[`${d}/${s}`] ?? 0) + 1;
          }
          m[mark(j)] = at.getTime();
        }
        put('ratingCounters', { _id: `${_id}_${k}`, projectId: _id, k, c, vt: at, m, updatedAt: at });
      }
      totals.ratings += ratings;
      for (let t = 1; t <= paid; t += 1) {
        put('tranches', {
          _id: `${_id}_t${t}`,
          projectId: _id,
          n: t,
          amountFen: Math.floor(base.subsidyFen / 2),
          formId: `${_id}_form${t}`,
          at,
        });
        totals.tranches += 1;
      }
      if (i % 3 === 0) {
        const date = `${year}-06-1${i % 10}`;
        put('projectForums', {
          _id: `${_id}_f1`,
          projectId: _id,
          projectTitle: record.title,
          orgPath: applicant.path,
          departmentIds: [...new Set([dept._id, 'dept-research'])],
          date,
          place: '职工之家',
          attendance: 20 + (i % 30),
          participants: [{ unit: applicant.name, count: 20 + (i % 30) }],
          summary: '职工代表座谈，反映驿站开放时间和设备情况。',
          issues: ['开放时间'],
          photos: [],
          followUps: [
            {
              key: 'u1',
              what: '延长开放时间',
              owner: '办公室',
              dueDate: `${year}-07-01`,
              done: year < 2027,
              doneOn: null,
              doneBy: null,
            },
            {
              key: 'u2',
              what: '增设微波炉',
              owner: '财务',
              dueDate: `${year}-09-30`,
              done: year < 2027,
              doneOn: null,
              doneBy: null,
            },
          ],
          textModeration: 'pass',
          followUpSeq: 3,
          createdAt: at,
          updatedAt: at,
          by: 'bench',
          byName: '基准',
        });
        totals.forums += 1;
      }
      if (i % 250 === 249) await flush();
    }
    await flush();

    const call = (who: string, action: string, data: unknown) =>
      cloud.local.runAs({ OPENID: who }, () =>
        kpiFunction.handle(cloud, { action, data }, { now: () => NOW }),
      ) as Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
    const measure = async (label: string, who: string, action: string, data: (i: number) => unknown) => {
      for (let i = 0; i < cmd.warmup; i += 1) await call(who, action, data(i));
      const ms: number[] = [];
      let requests = 0;
      let reply: { ok: boolean; data?: unknown; error?: unknown } | undefined;
      for (let i = 0; i < cmd.calls; i += 1) {
        engine.resetCounts();
        const t = performance.now();
        reply = await call(who, action, data(i));
        ms.push(performance.now() - t);
        requests += engine.totalRequests();
        if (!reply.ok) throw new Error(`${label} failed: ${JSON.stringify(reply.error)}`);
      }
      ms.sort((a, b) => a - b);
      const d = reply!.data as { total?: { count: number } };
      return {
        label,
        who,
        action,
        p50: percentile(ms, 0.5),
        p95: percentile(ms, 0.95),
        max: ms[ms.length - 1]!,
        requests: requests / cmd.calls,
        projects: d.total?.count ?? null,
      };
    };
    const rows = [];
    for (const year of cmd.years) {
      rows.push({ year, ...(await measure('district', CALLERS.district, 'dashboard', () => ({ year }))) });
      rows.push({ year, ...(await measure('research', CALLERS.research, 'dashboard', () => ({ year }))) });
      rows.push({ year, ...(await measure('leader', CALLERS.leader, 'dashboard', () => ({ year }))) });
    }
    const spread = (i: number) => ids[(i * 7919) % ids.length]!;
    const project = await measure('project', CALLERS.research, 'project', (i) => ({ projectId: spread(i) }));
    return { ...cmd, totals, rows, project };
  } finally {
    await cloud.local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.on('message', (message: { id: number; cmd: 'close' | ({ name: string } & Partial<KpiCmd>) }) => {
  const { id, cmd } = message;
  if (cmd === 'close') process.exit(0);
  const run = cmd.name === 'kpi' ? kpi(cmd as KpiCmd) : Promise.reject(new Error(`unknown ${cmd.name}`));
  run.then(
    (data) => process.send?.({ id, data }),
    (e: unknown) => process.send?.({ id, data: { error: String((e as Error)?.stack ?? e) } }),
  );
});
process.send?.({ type: 'ready', url: '' });
