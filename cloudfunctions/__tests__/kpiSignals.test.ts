/**
 * 项目列表上的信号 (`kpi.signalsOf`) on the strict local runtime: the signals of a page of the staff
 * project list equal what `kpi.project` says of each project (effective signal, reasons, staff's
 * decision); a project of another district is left out, not refused; bad input is INVALID_INPUT.
 */
import type { KpiProjectOutput, ProjectPage, SignalsOfOutput } from '@shishi/shared-types';
import { insertKpiProject } from './fixtures';
import { failure, ok, worldPerTest, type World } from './world';

const world = worldPerTest();

const DISTRICT = 'demo-district';
const ORG_REVIEWER = 'demo-org-reviewer';
const CITY_LEADER = 'demo-leader';
const WORKER = 'demo-worker';

const k = (openid: string, action: string, data?: unknown) => world.call(openid, 'kpi', action, data);
const inspect = <T>(fn: () => Promise<T>) => world.cloud.local.engine.inspect(fn);

const ZHONGSHAN = {
  orgId: 'dist-zhongshan',
  orgName: '中山区总工会',
  orgPath: ['dl', 'dist-zhongshan'],
  reach: ['dl', 'dist-zhongshan', 'dept-org', 'dept-research'],
};

const storeProject = insertKpiProject;

/** Ratings as the rating function keeps them (its counter shards): `dist` is how many gave 满意度 1–5. */
async function ratings(w: World, projectId: string, dist: number[]): Promise<void> {
  const c: Record<string, number> = { n: dist.reduce((s, x) => s + x, 0) };
  dist.forEach((x, i) => {
    if (x > 0) c[`satisfaction/${i + 1}`] = x;
  });
  const db = w.cloud.database();
  await inspect(() => db.collection('ratingCounters').add({ data: { _id: `${projectId}_0`, projectId, k: 0, c } }));
}

/** `n` directly served workers as the checkin function counts them. */
async function served(w: World, projectId: string, n: number): Promise<void> {
  const db = w.cloud.database();
  await inspect(async () => {
    for (let i = 0; i < n; i += 1)
      await db.collection('servedCounters').add({ data: { _id: `${projectId}_${i}`, projectId, k: i % 8, n: 1 } });
  });
}

beforeEach(async () => {
  world.setNow(Date.parse('2027-09-01T10:00:00+08:00'));
  const w = world as World;
  // 中山区: one above its target and well rated (加大扶助), one served 80 of 100 with 90% satisfied
  // (维持, overridden by staff below), one poorly rated (逆向调整), one without ratings (数据不足).
  await storeProject(w, 'zs-up', ZHONGSHAN);
  await served(w, 'zs-up', 120);
  await ratings(w, 'zs-up', [0, 0, 0, 1, 9]);
  await storeProject(w, 'zs-keep', ZHONGSHAN);
  await served(w, 'zs-keep', 80);
  await ratings(w, 'zs-keep', [0, 0, 1, 2, 7]);
  await storeProject(w, 'zs-down', ZHONGSHAN);
  await ratings(w, 'zs-down', [3, 2, 1, 0, 0]);
  await storeProject(w, 'zs-new', ZHONGSHAN);
  // 西岗区: not 中山区's to see.
  await storeProject(w, 'xg1', {});
  await ratings(w, 'xg1', [0, 0, 0, 0, 6]);
});

describe('kpi.signalsOf', () => {
  it('gives each project of a list page the signal kpi.project gives it, with its reason and staff’s decision', async () => {
    ok(
      await k(ORG_REVIEWER, 'decideSignal', {
        projectId: 'zs-keep',
        decision: 'override',
        signal: 'expand',
        reason: '现场座谈职工普遍要求增设驿站',
      }),
    );
    const page = ok<ProjectPage>(await world.call(DISTRICT, 'project', 'list', { year: 2027, page: 1, pageSize: 10 }));
    const ids = page.items.map((p) => p._id);
    expect([...ids].sort()).toEqual(['zs-down', 'zs-keep', 'zs-new', 'zs-up']);

    const out = ok<SignalsOfOutput>(await k(DISTRICT, 'signalsOf', { projectIds: ids }));
    expect(out.items.map((s) => s.projectId)).toEqual(ids);
    for (const s of out.items) {
      const one = ok<KpiProjectOutput>(await k(DISTRICT, 'project', { projectId: s.projectId }));
      expect(s).toEqual({
        projectId: s.projectId,
        signal: one.signal.effective,
        label: one.signal.effectiveLabel,
        reason: one.signal.reasons.join('；'),
        computed: one.signal.computed,
        decision: one.signal.decision?.decision ?? null,
        decisionReason: one.signal.decision?.reason ?? null,
        stale: one.signal.stale,
        ratings: one.signal.ratings,
        satisfiedPercent: one.signal.satisfiedPercent,
        servedPercent: one.signal.servedPercent,
      });
    }
    const byId = new Map(out.items.map((s) => [s.projectId, s]));
    expect(byId.get('zs-up')).toMatchObject({ signal: 'expand', label: '加大扶助 / 扩大覆盖面', decision: null });
    expect(byId.get('zs-keep')).toMatchObject({
      signal: 'expand',
      computed: 'maintain',
      decision: 'override',
      decisionReason: '现场座谈职工普遍要求增设驿站',
      stale: false,
      reason: '满意率 90%（10 人评价），达到 90%；直接服务 80 人，目标 100 人，完成 80%，未到 100%',
    });
    expect(byId.get('zs-down')).toMatchObject({ signal: 'scaleBack', label: '逆向调整', ratings: 6 });
    expect(byId.get('zs-new')).toMatchObject({
      signal: 'insufficient',
      label: '数据不足',
      reason: '评价 0 人，少于 5 人，暂不给出信号',
    });
  });

  it('leaves out a project the caller may not see (another district’s, or unknown); the city sees it', async () => {
    const mine = ok<SignalsOfOutput>(
      await k(DISTRICT, 'signalsOf', { projectIds: ['xg1', 'zs-up', 'nope', 'zs-up', 'zs-down'] }),
    );
    expect(mine.items.map((s) => s.projectId)).toEqual(['zs-up', 'zs-down']);
    expect(failure(await k(DISTRICT, 'project', { projectId: 'xg1' })).code).toBe('FORBIDDEN');

    const only = ok<SignalsOfOutput>(await k(DISTRICT, 'signalsOf', { projectIds: ['xg1'] }));
    expect(only.items).toEqual([]);

    const city = ok<SignalsOfOutput>(await k(CITY_LEADER, 'signalsOf', { projectIds: ['xg1', 'zs-up'] }));
    expect(city.items.map((s) => [s.projectId, s.signal])).toEqual([
      ['xg1', 'scaleBack'], // all satisfied, but nobody served of 100
      ['zs-up', 'expand'],
    ]);
    // Workers have no staff list and no signals.
    expect(failure(await k(WORKER, 'signalsOf', { projectIds: ['zs-up'] })).code).toBe('FORBIDDEN');
  });

  it('refuses bad input with the field at fault', async () => {
    expect(failure(await k(DISTRICT, 'signalsOf', { projectIds: [] }))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'projectIds' }],
    });
    const tooMany = Array.from({ length: 51 }, (_, i) => `pj${i}`);
    expect(failure(await k(DISTRICT, 'signalsOf', { projectIds: tooMany }))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'projectIds' }],
    });
    const blank = failure(await k(DISTRICT, 'signalsOf', { projectIds: ['zs-up', ''] }));
    expect(blank.code).toBe('INVALID_INPUT');
    expect(blank.fields).toContainEqual(expect.objectContaining({ path: 'projectIds.1' }));
    expect(failure(await k(DISTRICT, 'signalsOf', { projectId: 'zs-up' })).code).toBe('INVALID_INPUT');
    expect(failure(await k(DISTRICT, 'signalsOf', {})).code).toBe('INVALID_INPUT');
  });
});
