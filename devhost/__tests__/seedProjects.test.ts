/**
 * Demo projects (seedProjects, dev host start only): five projects in different states, made through
 * the real functions; seeding again adds nothing and changes nothing; two fresh hosts on the same clock
 * get the same projects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '@shishi/cloudfunctions/registry';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import { collections, type CheckinSummary, type Project, type Reply, type Workbench } from '@shishi/shared-types';
import { seed } from '../src/seed';
import { seedProjects } from '../src/seedProjects';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-11-24T10:00:00+08:00');

interface Host {
  cloud: LocalCloud;
  dir: string;
  call<T>(openid: string, fn: string, action: string, data?: unknown): Promise<T>;
}

async function openHost(): Promise<Host> {
  const dir = mkdtempSync(join(tmpdir(), 'shishi-seed-projects-'));
  const cloud = createLocalCloud({ dataDir: dir, collections, now: () => NOW });
  await seed(cloud.database(), new Date(NOW));
  return {
    cloud,
    dir,
    async call<T>(openid: string, fn: string, action: string, data: unknown = {}) {
      const reply = (await cloud.local.runAs({ OPENID: openid }, () =>
        functions[fn].handle(cloud, { action, data }, { now: () => NOW }),
      )) as Reply<T>;
      if (!reply.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(reply.error)}`);
      return reply.data;
    },
  };
}

async function close(host: Host): Promise<void> {
  await host.cloud.local.close();
  rmSync(host.dir, { recursive: true, force: true });
}

/** What a newcomer would compare: every project's state, record, forms, tranches and dates. */
async function snapshot(host: Host, ids: string[]) {
  const out = [];
  for (const id of ids) {
    const p = await host.call<Project>('demo-district', 'project', 'get', { projectId: id });
    out.push({
      title: p.title,
      status: p.status,
      year: p.year,
      steps: p.steps.map((s) => [s.status, s.at]),
      record: p.staff!.record,
      forms: p.staff!.forms.map((f) => [f.kind, f.version, f.status, f.signatures.map((s) => [s.step, s.at])]),
      tranches: p.staff!.tranches.map((t) => [t.n, t.amountFen, t.at]),
      spentFen: p.staff!.money.spentFen,
    });
  }
  return out;
}

async function allProjects(host: Host) {
  const res = await host.cloud.local.engine.inspect(() =>
    host.cloud.database().collection('projects').orderBy('_id', 'asc').get(),
  );
  return (res as { data: Array<{ _id: string; status: string; version: number; updatedAt: unknown }> }).data;
}

describe('seedProjects', () => {
  let host: Host;
  let ids: string[];

  beforeAll(async () => {
    host = await openHost();
    const report = await seedProjects(host.cloud, new Date(NOW));
    expect(report.skipped).toBe(false);
    ids = report.projectIds;
  });
  afterAll(async () => {
    await close(host);
  });

  it('adds five 中山区 projects, one in each state a newcomer should see', async () => {
    const projects = await snapshot(host, ids);
    expect(projects.map((p) => p.status)).toEqual(['draft', 'feasibility', 'established', 'inProgress', 'accepted']);
    // Last year's window → this year's programme.
    expect(new Set(projects.map((p) => p.year))).toEqual(new Set([2026]));
    // Every step reached has its date, none after the host's clock.
    for (const p of projects) {
      for (const [, at] of p.steps) if (at) expect(Date.parse(at)).toBeLessThan(NOW);
    }
    const [, , established, inProgress, accepted] = projects;
    // The start form waits for the 组织和基层工作部 head, the unit having signed with the seal.
    expect(established.forms).toEqual([['start', 1, 'awaitingDepartment', [['unit', expect.any(String)]]]]);
    expect(inProgress.tranches.map(([n]) => n)).toEqual([1]);
    expect(inProgress.spentFen).toBeGreaterThan(0);
    const [t1, t2] = accepted.tranches;
    expect([t1[0], t2[0]]).toEqual([1, 2]);
    expect(Number(t1[1]) + Number(t2[1])).toBe(5_000_001);
  });

  it('fills 待我办理 and the worker’s project page', async () => {
    const head = await host.call<Workbench>('demo-org-head', 'project', 'workbench');
    expect(head.counts.sign).toBeGreaterThanOrEqual(1);
    expect(head.items.map((i) => i.projectId)).toContain(ids[2]);
    const reviewer = await host.call<Workbench>('demo-org-reviewer', 'project', 'workbench');
    expect(reviewer.items.map((i) => i.projectId)).toContain(ids[1]);
    const asWorker = await host.call<Project>('demo-worker', 'project', 'get', { projectId: ids[4] });
    expect(asWorker.staff).toBeNull();
    expect(asWorker.plan?.serviceTargets).toMatch(/户外劳动者/);
    const messages = await host.call<{ items: Array<{ title: string }> }>('demo-worker', 'message', 'list', {});
    expect(messages.items.map((m) => m.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^项目已确立：环卫工人爱心驿站提档升级/)]),
    );
  });

  it('gives the worker a home feed: the plans of the published projects, unread', async () => {
    const feed = await host.call<{ items: Array<{ projectId: string; kind: string; unread: boolean }> }>(
      'demo-worker',
      'announce',
      'feed',
      {},
    );
    expect(feed.items.map((i) => [i.projectId, i.kind, i.unread]).sort()).toEqual(
      [
        [ids[3], 'plan', true],
        [ids[4], 'plan', true],
      ].sort(),
    );
  });

  it('gives the project in progress a service point a worker can check in at today', async () => {
    const summary = await host.call<CheckinSummary>('demo-worker', 'checkin', 'summary', { projectId: ids[3] });
    expect(summary.points.map((p) => [p.name, p.startDate <= '2026-11-24', p.endDate >= '2026-11-24'])).toEqual([
      ['中山区青少年宫报到处', true, true],
    ]);
    expect(summary.served).toBe(0);
    // The accepted project takes no check-ins: no point.
    expect(
      (await host.call<CheckinSummary>('demo-district', 'checkin', 'summary', { projectId: ids[4] })).points,
    ).toEqual([]);
  });

  it('adds nothing and changes nothing when seeded again', async () => {
    const before = await allProjects(host);
    const again = await seedProjects(host.cloud, new Date(NOW + 3600_000));
    expect(again).toEqual({ skipped: true, projectIds: [] });
    expect(await allProjects(host)).toEqual(before);
  });

  it('gives a second fresh host on the same clock the same projects', async () => {
    const other = await openHost();
    try {
      const report = await seedProjects(other.cloud, new Date(NOW));
      expect(await snapshot(other, report.projectIds)).toEqual(await snapshot(host, ids));
    } finally {
      await close(other);
    }
  });
});
