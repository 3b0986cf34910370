/**
 * 绩效评估 on the strict local runtime: a project taken through the real project, checkin and profile
 * functions shows target vs mid-term vs final with the source of every figure, and its measured figures
 * equal a recompute of the records; the dashboard covers the caller's subtree only and every figure's
 * list holds exactly the projects it counts; thresholds and signal decisions are audited; bad input
 * stores nothing.
 */
import ExcelJS from 'exceljs';
import type {
  Forum,
  KpiDashboard,
  KpiFilter,
  KpiPage,
  KpiProjectOutput,
  Project,
  ProjectExportOutput,
  SignalView,
  ThresholdsOutput,
} from '@shishi/shared-types';
import { recomputeServed } from '../checkin/served';
import { forumFigures } from '../common/forums';
import { recount } from '../common/uniqueCount';
import type { Ctx } from '../common/context';
import { insertKpiProject } from './fixtures';
import { fullRecord } from './projectFixtures';
import { failure, ok, worldPerTest, type World } from './world';

const world = worldPerTest();

const DISTRICT = 'demo-district';
const DISTRICT_HEAD = 'demo-district-head';
const ORG_REVIEWER = 'demo-org-reviewer';
const ORG_HEAD = 'demo-org-head';
const ORG_LEADER = 'demo-org-leader';
const RESEARCH = 'demo-research-staff';
const CITY_LEADER = 'demo-leader';
/** 调查研究室 staff bound at the city union (市总工会). */
const CITY_RESEARCH = 'demo-research';
const WORKER = 'demo-worker';

const p = (openid: string, action: string, data?: unknown) => world.call(openid, 'project', action, data);
const k = (openid: string, action: string, data?: unknown) => world.call(openid, 'kpi', action, data);

/** The call sequence of project.test.ts: adoption, 论证, 市总党组会, start form signed, published, started. */
async function inProgress(): Promise<Project> {
  const decided = ok<{ project: { _id: string } }>(
    await world.call(DISTRICT, 'proposal', 'decide', {
      proposalId: 'seed-p1',
      kind: 'adopt',
      confirmUnscored: true,
      projectTitle: '户外劳动者爱心驿站建设',
    }),
  );
  const id = decided.project._id;
  ok(await p(DISTRICT, 'update', { projectId: id, version: 1, record: fullRecord() }));
  ok(await p(DISTRICT, 'move', { projectId: id, move: 'submitFeasibility' }));
  ok(
    await p(ORG_REVIEWER, 'move', {
      projectId: id,
      move: 'recordReview',
      review: {
        kind: 'argument',
        date: '2026-12-10',
        participants: '组织部、财务部、职工代表',
        conclusion: 'pass',
        conclusionText: '需求集中，方案可行，同意上报',
      },
    }),
  );
  ok(await p(ORG_REVIEWER, 'move', { projectId: id, move: 'submitForDecision' }));
  ok(
    await p(RESEARCH, 'recordDecision', {
      meetingKind: 'cityPartyGroup',
      meetingDate: '2026-12-20',
      resolution: '同意扶助中山区户外劳动者爱心驿站建设项目',
      projectIds: [id],
    }),
  );
  ok(
    await p(DISTRICT, 'submitForm', {
      projectId: id,
      kind: 'start',
      fields: {
        overview: '建设 20 处爱心驿站，预计直接服务 5000 人',
        plan: '3 月选址，6 月建成 10 处，10 月全部建成',
        fillDate: '2027-01-05',
      },
    }),
  );
  await signAll(id, 'start');
  ok(await p(DISTRICT, 'move', { projectId: id, move: 'publish' }));
  ok(await p(DISTRICT, 'move', { projectId: id, move: 'start' }));
  return ok<Project>(await p(DISTRICT, 'get', { projectId: id }));
}

async function signAll(projectId: string, kind: string): Promise<void> {
  const project = ok<Project>(await p(DISTRICT, 'get', { projectId }));
  const form = project.staff!.forms.filter((f) => f.kind === kind).at(-1)!;
  ok(
    await p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意申报', sealConfirmed: true }),
  );
  ok(await p(ORG_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
  ok(await p(ORG_LEADER, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
}

/** Workers who bind a profile (profile.bind) and open the project page (project.view). */
async function viewers(projectId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const openid = `w-kpi-${i}`;
    ok(await world.call(openid, 'profile', 'bind', { name: `职工${'甲乙丙丁戊己庚辛'[i]}`, orgId: 'gr-zs-mall' }));
    ok(await p(openid, 'view', { projectId }));
  }
}

/** Served workers registered at the desk (checkin.register). */
async function register(projectId: string, names: string[]): Promise<void> {
  for (const name of names)
    ok(await world.call(DISTRICT, 'checkin', 'register', { projectId, name, unit: '中山区环卫服务中心工会' }));
}

/**
 * Ratings as the rating function keeps them (its counter shards, read by common/ratings.ts): `dist` is
 * how many gave 满意度 1–5.
 */
async function ratings(w: World, projectId: string, dist: number[]): Promise<void> {
  const n = dist.reduce((s, x) => s + x, 0);
  const c: Record<string, number> = { n };
  dist.forEach((x, i) => {
    if (x > 0) c[`satisfaction/${i + 1}`] = x;
  });
  const db = w.cloud.database();
  await w.cloud.local.engine.inspect(() =>
    db.collection('ratingCounters').add({ data: { _id: `${projectId}_0`, projectId, k: 0, c } }),
  );
}

/** A 西岗区 project stored directly (insertKpiProject) whose mid-term form is due on 2027-08-15. */
const storeProject = (w: World, id: string, over: Record<string, unknown>) =>
  insertKpiProject(w, id, { midtermOpen: true, midtermDueAt: new Date('2027-08-15T15:59:59.999Z'), ...over });

const inspect = <T>(fn: () => Promise<T>) => world.cloud.local.engine.inspect(fn);

async function recomputed(projectId: string) {
  const db = world.cloud.database();
  const ctx = { db } as unknown as Ctx;
  const spending = (await inspect(() => db.collection('projectSpending').where({ projectId }).get())) as {
    data: Array<{ amountFen: number }>;
  };
  const rated = (await inspect(() => db.collection('ratings').where({ projectId }).get())) as {
    data: Array<{ scores: { satisfaction: number } }>;
  };
  const satisfaction = [0, 0, 0, 0, 0];
  for (const r of rated.data) satisfaction[r.scores.satisfaction - 1] += 1;
  return {
    satisfaction,
    served: await inspect(() => recomputeServed(db, projectId)),
    viewers: await inspect(() => recount(ctx, 'projectViews', 'projectId', projectId)),
    spentFen: spending.data.reduce((s, l) => s + l.amountFen, 0),
  };
}

const metric = (out: KpiProjectOutput, key: string) => out.metrics.find((m) => m.key === key)!;

describe('kpi.project', () => {
  it('shows target vs mid-term vs final with the source of each figure; measured = recompute', async () => {
    const project = await inProgress();
    const id = project._id;
    world.setNow(Date.parse('2027-04-01T10:00:00+08:00'));
    ok(
      await p(DISTRICT, 'recordSpending', {
        projectId: id,
        date: '2027-04-01',
        item: '饮水机 20 台',
        amountFen: 3_000_001,
        cityAidFen: 2_000_000,
      }),
    );
    await register(id, ['李桂兰', '赵永强', '孙海燕']);
    await register(id, ['李桂兰']); // the same person again: still three served
    await viewers(id, 4);
    ok(await p(DISTRICT, 'view', { projectId: id })); // staff who manage it are not counted
    // Six workers rate through the rating function (满意度 3, 4, 5, 5, 5, 5).
    ok(
      await world.call(DISTRICT, 'rating', 'configure', {
        projectId: id,
        opensOn: '2027-04-01',
        eligibility: 'audience',
      }),
    );
    for (const [i, satisfaction] of [3, 4, 5, 5, 5, 5].entries()) {
      const openid = `w-kpi-${i}`;
      if (i >= 4)
        ok(await world.call(openid, 'profile', 'bind', { name: `职工${'甲乙丙丁戊己'[i]}`, orgId: 'gr-zs-mall' }));
      ok(
        await world.call(openid, 'rating', 'submit', {
          projectId: id,
          scores: { awareness: 4, participation: 4, benefit: 4, satisfaction },
        }),
      );
    }

    const out = ok<KpiProjectOutput>(await k(DISTRICT, 'project', { projectId: id }));
    expect(out.liveStage).toBe('midterm');
    expect(out.measured).toMatchObject({
      viewers: 4,
      served: 3,
      spentFen: 3_000_001,
      totalBudgetFen: 12_000_001,
      subsidyFen: 5_000_001,
      paidFen: 2_000_000, // tranche 1 at the start form's approval: 40% of the subsidy, floored
      spentPercent: 25,
      costPerServedFen: 1_000_000, // 3,000,001 ÷ 3 = 1,000,000.33 → 1,000,000 fen
      ratings: 6,
      satisfiedPercent: 83.3,
      satisfactionMean: 4.5,
      satisfactionDistribution: [0, 0, 1, 1, 4],
      servedPercent: 0.1,
    });
    expect(await recomputed(id)).toEqual({
      served: 3,
      viewers: 4,
      spentFen: 3_000_001,
      satisfaction: [0, 0, 1, 1, 4],
    });

    const covered = metric(out, 'covered');
    expect(covered.target).toEqual([
      {
        value: 20000,
        display: '20000 人',
        source: {
          kind: 'form',
          document: 'feasibility',
          measure: null,
          label: '附件1 可行性研究报告 · （六）绩效目标 · 覆盖职工数量',
        },
      },
    ]);
    // Mid-term: nothing filed on 附件3 yet, and the live measured viewers.
    expect(covered.midterm.map((f) => [f.source.kind, f.source.document, f.source.measure, f.value])).toEqual([
      ['form', 'midterm', null, null],
      ['measured', null, 'viewers', 4],
    ]);
    expect(covered.final.map((f) => [f.source.document, f.value])).toEqual([['acceptance', null]]);
    expect(metric(out, 'served').midterm[1]).toMatchObject({
      value: 3,
      source: { kind: 'measured', measure: 'served' },
    });
    expect(metric(out, 'funds').target.map((f) => f.value)).toEqual([12_000_001, 5_000_001]);
    expect(metric(out, 'funds').midterm[0]).toMatchObject({
      value: 3_000_001,
      display: '30000.01 元（预算的 25%）',
      source: { kind: 'measured', measure: 'spending' },
    });
    expect(metric(out, 'costPerServed').target[0]!.value).toBe(2400); // 12,000,001 ÷ 5,000 = 2,400.0002
    expect(metric(out, 'satisfaction').target[0]).toMatchObject({ value: 90, source: { document: 'feasibility' } });
    expect(metric(out, 'satisfaction').midterm[0]).toMatchObject({ value: 83.3, source: { measure: 'ratings' } });
    expect(out.startOverview).toBe('建设 20 处爱心驿站，预计直接服务 5000 人');

    // 3 of 5,000 served: below half the target, so 逆向调整 with the figures behind it.
    expect(out.signal).toMatchObject({ computed: 'scaleBack', effective: 'scaleBack', decision: null, ratings: 6 });
    expect(out.signal.reasons).toEqual(['直接服务 3 人，目标 5000 人，完成 0.1%，低于 50%']);
    expect(out.signal.thresholdsOrg).toBeNull();
    expect(out.acceptanceDraft).toEqual({
      completionAssessment:
        '覆盖职工 4 人（目标 20000）；直接服务 3 人（签到与登记，目标 5000）；资金使用 30000.01 元 / 预算 120000.01 元，人均 10000.00 元；满意度 83.3%（6 人评价）。',
      coveredActual: 4,
      servedActual: 3,
      satisfactionActual: 83,
    });
    expect(out.canDecide).toBe(true);

    // 附件3 filed: its figures in the mid-term column.
    world.setNow(Date.parse('2027-08-01T10:00:00+08:00'));
    ok(
      await p(DISTRICT, 'submitForm', {
        projectId: id,
        kind: 'midterm',
        fields: {
          plannedAcceptanceDate: '2027-11-10',
          progressAssessment: '已建成 12 处驿站，日均服务 800 人次',
          coveredSoFar: 12000,
          servedSoFar: 3000,
          fillDate: '2027-08-01',
        },
      }),
    );
    await signAll(id, 'midterm');
    const mid = ok<KpiProjectOutput>(await k(DISTRICT, 'project', { projectId: id }));
    expect(metric(mid, 'served').midterm.map((f) => [f.source.kind, f.value])).toEqual([
      ['form', 3000],
      ['measured', 3],
    ]);

    // 附件4 filed (pre-filled text, figures typed): the live figures move to the final column.
    world.setNow(Date.parse('2027-11-05T10:00:00+08:00'));
    ok(
      await p(DISTRICT, 'submitForm', {
        projectId: id,
        kind: 'acceptance',
        fields: {
          requestedAcceptanceDate: '2027-11-10',
          completionAssessment: mid.acceptanceDraft.completionAssessment,
          coveredActual: 21000,
          servedActual: 6000,
          satisfactionActual: 93,
          fillDate: '2027-11-05',
        },
      }),
    );
    const fin = ok<KpiProjectOutput>(await k(DISTRICT, 'project', { projectId: id }));
    expect(fin.liveStage).toBe('final');
    expect(metric(fin, 'served').midterm.map((f) => f.value)).toEqual([3000]);
    expect(metric(fin, 'served').final.map((f) => [f.source.document ?? f.source.measure, f.value])).toEqual([
      ['acceptance', 6000],
      ['served', 3],
    ]);
    expect(metric(fin, 'satisfaction').final.map((f) => f.value)).toEqual([93, 83.3]);
  });

  it('is for staff who reach the project; a worker and another union are refused; an unknown id is bad input', async () => {
    await storeProject(world as World, 'pjx', {});
    expect(failure(await k(WORKER, 'project', { projectId: 'pjx' })).code).toBe('FORBIDDEN');
    expect(failure(await k(DISTRICT, 'project', { projectId: 'pjx' })).code).toBe('FORBIDDEN');
    ok(await k(CITY_LEADER, 'project', { projectId: 'pjx' }));
    expect(failure(await k(DISTRICT, 'project', { projectId: 'nope' }))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'projectId' }],
    });
  });
});

/** Every figure of the dashboard that carries a filter. */
function countedFigures(d: KpiDashboard): Array<{ count: number; filter: KpiFilter }> {
  return [
    d.total,
    ...d.byStatus,
    ...d.byLevel,
    d.money.withSubsidy,
    d.money.paidNone,
    d.money.paidFirst,
    d.money.paidBoth,
    d.money.paid,
    d.workers.metTarget,
    d.workers.belowTarget,
    d.satisfaction.rated,
    d.satisfaction.unrated,
    ...d.satisfaction.byScore,
    ...d.signals,
    d.overdue.midterm,
    d.overdue.followUps,
    d.overdue.dueSoon,
    d.overdue.late,
  ];
}

async function listAll(openid: string, filter: KpiFilter): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page += 1) {
    const res = ok<KpiPage>(await k(openid, 'list', { ...filter, page, pageSize: 50 }));
    out.push(...res.items.map((i) => i._id));
    if (out.length >= res.total) return out;
  }
}

describe('kpi.dashboard and kpi.list', () => {
  beforeEach(async () => {
    world.setNow(Date.parse('2027-09-01T10:00:00+08:00'));
    const w = world as World;
    // 中山区: one served above target with good ratings, one overdue below target, one of another year.
    await storeProject(w, 'zs1', {
      orgId: 'dist-zhongshan',
      orgName: '中山区总工会',
      orgPath: ['dl', 'dist-zhongshan'],
      reach: ['dl', 'dist-zhongshan', 'dept-org', 'dept-research'],
      subsidyFen: 400_000,
      spentFen: 300_000,
      status: 'midtermFiled',
      midtermOpen: false,
    });
    await storeProject(w, 'zs2', {
      orgId: 'dist-zhongshan',
      orgName: '中山区总工会',
      orgPath: ['dl', 'dist-zhongshan'],
      reach: ['dl', 'dist-zhongshan', 'dept-org', 'dept-research'],
    });
    await storeProject(w, 'zs-old', {
      orgId: 'dist-zhongshan',
      orgPath: ['dl', 'dist-zhongshan'],
      reach: ['dl', 'dist-zhongshan', 'dept-org', 'dept-research'],
      year: 2026,
    });
    // 西岗区 and an industry union: not 中山区's.
    await storeProject(w, 'xg1', { status: 'accepted', midtermOpen: false, subsidyFen: 300_000 });
    await storeProject(w, 'ind1', {
      level: 'industry',
      orgId: 'ind-transport',
      orgName: '大连市交通运输工会',
      orgPath: ['dl', 'ind-transport'],
      departmentIds: ['ind-transport', 'dept-research'],
      reach: ['dl', 'ind-transport', 'dept-research'],
    });
    const db = w.cloud.database();
    await inspect(async () => {
      for (let i = 0; i < 120; i += 1)
        await db
          .collection('servedCounters')
          .add({ data: { _id: `zs1_${i % 8}_${i}`, projectId: 'zs1', k: i % 8, n: 1 } });
      await db.collection('tranches').add({ data: { _id: 'zs1_1', projectId: 'zs1', n: 1, amountFen: 160_000 } });
      await db.collection('tranches').add({ data: { _id: 'xg1_1', projectId: 'xg1', n: 1, amountFen: 120_000 } });
      await db.collection('tranches').add({ data: { _id: 'xg1_2', projectId: 'xg1', n: 2, amountFen: 180_000 } });
    });
    await ratings(w, 'zs1', [0, 0, 0, 1, 9]);
    await ratings(w, 'xg1', [3, 2, 1, 0, 0]);
  });

  it('a district sees its own subtree only; every figure opens a list of exactly that many projects', async () => {
    const d = ok<KpiDashboard>(await k(DISTRICT, 'dashboard', { year: 2027 }));
    expect(d.total.count).toBe(2);
    expect(await listAll(DISTRICT, d.total.filter)).toEqual(expect.arrayContaining(['zs1', 'zs2']));
    expect(d.money).toMatchObject({
      totalBudgetFen: 2_000_000,
      subsidyFen: 400_000,
      paidFen: 160_000,
      spentFen: 300_000,
    });
    expect(d.workers).toMatchObject({ served: 120, targetServed: 200 });
    expect(d.workers.metTarget.count).toBe(1);
    expect(d.satisfaction).toMatchObject({
      ratings: 10,
      distribution: [0, 0, 0, 1, 9],
      satisfiedPercent: 100,
      mean: 4.9,
    });
    expect(d.signals.find((s) => s.signal === 'expand')!.count).toBe(1);
    expect(d.signals.find((s) => s.signal === 'insufficient')!.count).toBe(1);
    expect(d.overdue.midterm.count).toBe(1); // zs2: due 08-15, not filed
    for (const f of countedFigures(d)) {
      const ids = await listAll(DISTRICT, f.filter);
      expect(`${JSON.stringify(f.filter)}: ${ids.length}`).toBe(`${JSON.stringify(f.filter)}: ${f.count}`);
      for (const id of ids) expect(['zs1', 'zs2']).toContain(id);
    }
    const item = ok<KpiPage>(await k(DISTRICT, 'list', { ...d.workers.metTarget.filter })).items[0]!;
    expect(item).toMatchObject({ _id: 'zs1', served: 120, targetServed: 100, servedPercent: 120, signal: 'expand' });

    // Another district's node is out of scope; so is its project.
    const out = failure(await k(DISTRICT, 'dashboard', { year: 2027, orgId: 'dist-xigang' }));
    expect(out).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'orgId' }] });
    expect(failure(await k(DISTRICT, 'list', { year: 2027, orgId: 'dist-xigang' })).code).toBe('FORBIDDEN');
    expect(failure(await k(WORKER, 'dashboard', { year: 2027 })).code).toBe('FORBIDDEN');
  });

  it('现场座谈 feed the evaluation: the card’s forum line, the overdue follow-ups and their list', async () => {
    const record = (projectId: string, attendance: number, dueDates: string[]) =>
      world.call(DISTRICT, 'forum', 'record', {
        projectId,
        date: '2027-06-10',
        place: '中山区环卫一队会议室',
        attendance,
        participants: [{ unit: '中山区环卫一队', count: attendance }],
        summary: '职工对驿站总体满意，希望延长开放时间并增设微波炉。',
        issues: ['开放时间短'],
        followUps: dueDates.map((dueDate, i) => ({ what: `待办事项${i + 1}`, owner: '张丽', dueDate })),
      });
    // zs1: one follow-up past due on 2027-09-01, one not yet; zs2: a forum with nothing to follow up.
    const first = ok<Forum>(await record('zs1', 32, ['2027-07-01', '2027-12-31']));
    ok(await record('zs1', 18, []));
    ok(await record('zs2', 25, []));

    const card = ok<KpiProjectOutput>(await k(DISTRICT, 'project', { projectId: 'zs1' }));
    expect(card.forums).toMatchObject({
      forums: 2,
      attendance: 50,
      openFollowUps: 2,
      overdueFollowUps: 1,
      display: '现场座谈 2 场、参加 50 人次、待办事项 2 项（逾期 1 项）',
      source: { kind: 'measured', measure: 'forums' },
    });
    // The same as a recompute from the forum records.
    const db = world.cloud.database();
    const again = await inspect(() => forumFigures(db, ['zs1', 'zs2'], new Date(world.now())));
    const { display: _display, source: _source, ...figures } = card.forums;
    expect(figures).toEqual(again.get('zs1'));

    const d = ok<KpiDashboard>(await k(DISTRICT, 'dashboard', { year: 2027 }));
    expect(d.forums).toEqual({ forums: 3, attendance: 75, openFollowUps: 2, overdueFollowUps: 1 });
    expect(d.overdue.followUps).toMatchObject({ count: 1, items: 1, filter: { year: 2027, overdue: 'followUps' } });
    const behind = ok<KpiPage>(await k(DISTRICT, 'list', { ...d.overdue.followUps.filter, page: 1, pageSize: 20 }));
    expect(behind.items.map((i) => [i._id, i.overdueFollowUps])).toEqual([['zs1', 1]]);
    // Done: no longer overdue, nor in the list.
    const due = first.detail!.followUps.find((u) => u.dueDate === '2027-07-01')!;
    ok(await world.call(DISTRICT, 'forum', 'completeFollowUp', { forumId: first._id, key: due.key }));
    const after = ok<KpiDashboard>(await k(DISTRICT, 'dashboard', { year: 2027 }));
    expect(after.overdue.followUps).toMatchObject({ count: 0, items: 0 });
    expect(after.forums).toEqual({ forums: 3, attendance: 75, openFollowUps: 1, overdueFollowUps: 0 });
    expect(ok<KpiProjectOutput>(await k(DISTRICT, 'project', { projectId: 'zs2' })).forums.display).toBe(
      '现场座谈 1 场、参加 25 人次，待办事项已全部办结',
    );
  });

  it('已拨付 opens the projects with a tranche; a 满意度 row opens the projects rated at that score', async () => {
    const w = world as World;
    await storeProject(w, 'xg2', { subsidyFen: 200_000 }); // a subsidy, nothing paid yet
    await ratings(w, 'ind1', [0, 0, 2, 3, 0]);
    const city = ok<KpiDashboard>(await k(CITY_LEADER, 'dashboard', { year: 2027 }));
    // Tranches: zs1 one, xg1 two (the beforeEach's); xg2 none, though subsidised.
    expect(city.money.paid).toMatchObject({ count: 2, filter: { year: 2027, paidAny: true } });
    expect((await listAll(CITY_LEADER, city.money.paid.filter)).sort()).toEqual(['xg1', 'zs1']);
    expect((await listAll(CITY_LEADER, city.money.withSubsidy.filter)).sort()).toEqual(['xg1', 'xg2', 'zs1']);
    // Ratings: zs1 [0,0,0,1,9], xg1 [3,2,1,0,0], ind1 [0,0,2,3,0]; a row counts ratings, its list the projects.
    expect(city.satisfaction.distribution).toEqual([3, 2, 3, 4, 9]);
    expect(city.satisfaction.byScore.map((s) => [s.score, s.ratings, s.count])).toEqual([
      [1, 3, 1],
      [2, 2, 1],
      [3, 3, 2],
      [4, 4, 2],
      [5, 9, 1],
    ]);
    const rated: Record<number, string[]> = {
      1: ['xg1'],
      2: ['xg1'],
      3: ['ind1', 'xg1'],
      4: ['ind1', 'zs1'],
      5: ['zs1'],
    };
    for (const row of city.satisfaction.byScore) {
      expect(row.filter).toEqual({ year: 2027, score: row.score });
      expect(`${row.score}: ${(await listAll(CITY_LEADER, row.filter)).sort().join(',')}`).toBe(
        `${row.score}: ${rated[row.score]!.join(',')}`,
      );
    }
    // A district's rows and 已拨付 are of its own projects only.
    const d = ok<KpiDashboard>(await k(DISTRICT, 'dashboard', { year: 2027 }));
    expect(await listAll(DISTRICT, d.satisfaction.byScore[3]!.filter)).toEqual(['zs1']);
    expect(await listAll(DISTRICT, d.money.paid.filter)).toEqual(['zs1']);
    expect(failure(await k(CITY_LEADER, 'list', { year: 2027, score: 6 }))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'score' }],
    });
  });

  it('the city at a glance for leaders and 调查研究室, narrowed by level and org', async () => {
    const city = ok<KpiDashboard>(await k(CITY_LEADER, 'dashboard', { year: 2027 }));
    expect(city.total.count).toBe(4);
    expect(city.byLevel.map((l) => [l.level, l.count])).toEqual([
      ['city', 0],
      ['district', 3],
      ['industry', 1],
    ]);
    expect(city.money.paidBoth.count).toBe(1);
    expect(city.signals.find((s) => s.signal === 'scaleBack')!.count).toBe(1); // xg1: 0% satisfied
    for (const f of countedFigures(city)) expect((await listAll(CITY_LEADER, f.filter)).length).toBe(f.count);
    const industry = ok<KpiDashboard>(await k(RESEARCH, 'dashboard', { year: 2027, level: 'industry' }));
    expect(industry.total.count).toBe(1);
    const xigang = ok<KpiDashboard>(await k(CITY_LEADER, 'dashboard', { year: 2027, orgId: 'dist-xigang' }));
    expect(xigang.total.count).toBe(1);
    expect(await listAll(CITY_LEADER, xigang.signals.find((s) => s.signal === 'scaleBack')!.filter)).toEqual(['xg1']);
  });

  it('reads the counters of every project when there are more than one read holds (125 projects)', async () => {
    const w = world as World;
    const db = w.cloud.database();
    const ids = Array.from({ length: 260 }, (_, i) => `many${String(i).padStart(3, '0')}`);
    for (const id of ids) await storeProject(w, id, {});
    let served = 0;
    let viewers = 0;
    let paid = 0;
    await inspect(async () => {
      const shards: Array<Record<string, unknown>> = [];
      const views: Array<Record<string, unknown>> = [];
      ids.forEach((id, i) => {
        for (let s = 0; s < 8; s += 1) {
          const n = (i + s) % 4;
          served += n;
          viewers += n + 1;
          shards.push({ _id: `${id}_${s}`, projectId: id, k: s, n, m: { [`h${i}x${s}`]: '2027-05-01' } });
          views.push({ _id: `v_${id}_${s}`, counterId: `v_${id}`, n: n + 1 });
        }
      });
      await db.collection('servedCounters').add({ data: shards });
      await db.collection('counterShards').add({ data: views });
      await db.collection('tranches').add({
        data: ids.map((id, i) => ({ _id: `${id}_1`, projectId: id, n: 1, amountFen: 100 + i })),
      });
      paid = ids.reduce((sum, _id, i) => sum + 100 + i, 0);
    });
    const d = ok<KpiDashboard>(await k(CITY_RESEARCH, 'dashboard', { year: 2027, orgId: 'dist-xigang' }));
    // xg1 (the beforeEach's): 0 served, two tranches of 120,000 and 180,000 fen.
    expect(d.total.count).toBe(261);
    expect(d.workers.served).toBe(served);
    expect(d.workers.viewers).toBe(viewers);
    expect(d.money.paidFen).toBe(paid + 300_000);
    const last = ok<KpiProjectOutput>(await k(CITY_RESEARCH, 'project', { projectId: 'many259' }));
    expect(last.measured.served).toBe([0, 1, 2, 3, 4, 5, 6, 7].reduce((sum, s) => sum + ((259 + s) % 4), 0));
  });

  it('exports the figures and the projects with their KPIs and signals as .xlsx', async () => {
    const out = ok<ProjectExportOutput>(await k(DISTRICT, 'exportDashboard', { year: 2027 }));
    expect(out.rows).toBe(2);
    expect(out.fileName).toBe('2027年度为职工办实事绩效看板.xlsx');
    const { fileContent } = await world.cloud.downloadFile({ fileID: out.fileID });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fileContent as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['看板数字', '项目绩效']);
    const projects = book.getWorksheet('项目绩效')!;
    const titles = [2, 3].map((r) => projects.getRow(r).getCell(2).value);
    expect(titles.sort()).toEqual(['项目zs1', '项目zs2']);
    const zs1 = [2, 3].map((r) => projects.getRow(r)).find((r) => r.getCell(2).value === '项目zs1')!;
    expect(zs1.getCell(9).value).toBe(120);
    expect(zs1.getCell(18).value).toBe('加大扶助 / 扩大覆盖面');
    const figures = book.getWorksheet('看板数字')!;
    const labels: unknown[] = [];
    figures.eachRow((r) => labels.push(r.getCell(1).value));
    expect(labels).toEqual(expect.arrayContaining(['项目总数', '中期表逾期未报', '信号：逆向调整']));
  });
});

describe('thresholds and signal decisions', () => {
  beforeEach(async () => {
    world.setNow(Date.parse('2027-09-01T10:00:00+08:00'));
    await storeProject(world as World, 'xg1', {});
    const db = world.cloud.database();
    await inspect(async () => {
      for (let i = 0; i < 80; i += 1)
        await db.collection('servedCounters').add({ data: { _id: `xg1_${i}`, projectId: 'xg1', k: i % 8, n: 1 } });
    });
    await ratings(world as World, 'xg1', [0, 0, 1, 2, 7]); // 90% satisfied, 80 of 100 served
  });

  it('an org sets its year’s thresholds; its projects follow them; bad input stores nothing', async () => {
    const before = ok<KpiProjectOutput>(await k(CITY_LEADER, 'project', { projectId: 'xg1' }));
    expect(before.signal.computed).toBe('maintain'); // 80% served < 100%
    const bad = failure(
      await k(CITY_RESEARCH, 'setThresholds', {
        year: 2027,
        orgId: 'dist-xigang',
        minRatings: 5,
        expandSatisfaction: 80,
        expandServed: 70,
        scaleBackSatisfaction: 90,
        scaleBackServed: 30,
      }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'scaleBackSatisfaction' }] });
    expect(await world.count('kpiThresholds', {})).toBe(0);
    // 中山区's staff may not set 西岗区's.
    const input = {
      year: 2027,
      orgId: 'dist-xigang',
      minRatings: 5,
      expandSatisfaction: 85,
      expandServed: 80,
      scaleBackSatisfaction: 50,
      scaleBackServed: 30,
    };
    expect(failure(await k(DISTRICT, 'setThresholds', input)).code).toBe('FORBIDDEN');
    expect(await world.count('kpiThresholds', {})).toBe(0);

    const set = ok<ThresholdsOutput>(await k(CITY_RESEARCH, 'setThresholds', input));
    expect(set).toMatchObject({ orgId: 'dist-xigang', orgName: '西岗区总工会', from: { orgId: 'dist-xigang' } });
    expect(await world.count('auditLog', { targetId: 'dist-xigang', action: 'kpi.setThresholds' })).toBe(1);
    const after = ok<KpiProjectOutput>(await k(CITY_LEADER, 'project', { projectId: 'xg1' }));
    expect(after.signal).toMatchObject({ computed: 'expand', thresholdsOrg: { orgId: 'dist-xigang' } });
    // The next year still has the defaults.
    const next = ok<ThresholdsOutput>(await k(CITY_RESEARCH, 'thresholds', { year: 2028, orgId: 'dist-xigang' }));
    expect(next.from).toBeNull();
    expect(next.thresholds.expandServed).toBe(100);
  });

  it('staff accept or override a signal with a reason, audited; bad input stores nothing', async () => {
    const bad = failure(
      await k(ORG_REVIEWER, 'decideSignal', { projectId: 'xg1', decision: 'override', reason: '座谈会职工反映很好' }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'signal' }] });
    const same = failure(
      await k(ORG_REVIEWER, 'decideSignal', {
        projectId: 'xg1',
        decision: 'override',
        signal: 'maintain',
        reason: '同上',
      }),
    );
    expect(same).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'signal' }] });
    expect(
      failure(await k(WORKER, 'decideSignal', { projectId: 'xg1', decision: 'accept', reason: '同意' })).code,
    ).toBe('FORBIDDEN');
    expect(
      failure(await k(DISTRICT, 'decideSignal', { projectId: 'xg1', decision: 'accept', reason: '同意' })).code,
    ).toBe('FORBIDDEN');
    expect(await world.count('kpiSignalDecisions', {})).toBe(0);
    expect(await world.count('auditLog', { action: 'kpi.decideSignal' })).toBe(0);

    const view = ok<SignalView>(
      await k(ORG_REVIEWER, 'decideSignal', {
        projectId: 'xg1',
        decision: 'override',
        signal: 'expand',
        reason: '现场座谈职工普遍要求增设驿站',
      }),
    );
    expect(view).toMatchObject({
      computed: 'maintain',
      effective: 'expand',
      stale: false,
      decision: {
        decision: 'override',
        signal: 'expand',
        reason: '现场座谈职工普遍要求增设驿站',
        computedThen: 'maintain',
      },
    });
    const trail = (await inspect(() =>
      world.cloud.database().collection('auditLog').where({ targetId: 'xg1', action: 'kpi.decideSignal' }).get(),
    )) as { data: Array<{ from: string; to: string; note: string; actor: string }> };
    expect(trail.data).toEqual([
      expect.objectContaining({
        from: '维持',
        to: '加大扶助 / 扩大覆盖面',
        actor: ORG_REVIEWER,
        note: '调整（计算结果：维持）：现场座谈职工普遍要求增设驿站',
      }),
    ]);
    // The dashboard and the list show the decided signal.
    const d = ok<KpiDashboard>(await k(CITY_LEADER, 'dashboard', { year: 2027 }));
    const expand = d.signals.find((s) => s.signal === 'expand')!;
    expect(expand.count).toBe(1);
    expect(ok<KpiPage>(await k(CITY_LEADER, 'list', expand.filter)).items[0]).toMatchObject({
      _id: 'xg1',
      signal: 'expand',
      signalDecided: true,
    });

    // More served later: the computed signal moves and the decision shows as stale.
    await inspect(async () => {
      const db = world.cloud.database();
      for (let i = 80; i < 100; i += 1)
        await db.collection('servedCounters').add({ data: { _id: `xg1_${i}`, projectId: 'xg1', k: i % 8, n: 1 } });
    });
    const now = ok<KpiProjectOutput>(await k(CITY_LEADER, 'project', { projectId: 'xg1' }));
    expect(now.signal).toMatchObject({ computed: 'expand', effective: 'expand', stale: true });
    ok(
      await k(ORG_REVIEWER, 'decideSignal', { projectId: 'xg1', decision: 'accept', reason: '达到目标，同意加大扶助' }),
    );
    expect(await world.count('auditLog', { targetId: 'xg1', action: 'kpi.decideSignal' })).toBe(2);
  });
});
