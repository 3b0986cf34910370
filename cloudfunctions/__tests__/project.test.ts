/**
 * Project records through wx-server-sdk on the local runtime: a district union's project from an adopted
 * proposal through 论证, 审定, the three forms with their sign-offs, both tranches, spending and closing;
 * the rules a wrong hand or a stale edit runs into.
 */
import type { DecideOutput, ListMessagesOutput, Project, ProjectPage, Workbench } from '@shishi/shared-types';
import type { FormDoc, ProjectDoc, TrancheDoc } from '../common/projects';
import { timerTriggers } from '../registry';
import { fullRecord } from './projectFixtures';
import { failure, ok, worldPerTest } from './world';

const world = worldPerTest();

const DISTRICT = 'demo-district';
const DISTRICT_HEAD = 'demo-district-head';
const ORG_REVIEWER = 'demo-org-reviewer';
const ORG_HEAD = 'demo-org-head';
const ORG_LEADER = 'demo-org-leader';
const RESEARCH = 'demo-research-staff';
const WORKER = 'demo-worker';

const p = (openid: string, action: string, data?: unknown) => world.call(openid, 'project', action, data);

async function adoptDraft(): Promise<Project> {
  const out = ok<DecideOutput>(
    await world.call(DISTRICT, 'proposal', 'decide', {
      proposalId: 'seed-p1',
      kind: 'adopt',
      confirmUnscored: true,
      projectTitle: '户外劳动者爱心驿站建设',
    }),
  );
  return ok<Project>(await p(DISTRICT, 'get', { projectId: out.project!._id }));
}

async function established(): Promise<Project> {
  const draft = await adoptDraft();
  ok(await p(DISTRICT, 'update', { projectId: draft._id, version: 1, record: fullRecord() }));
  ok(await p(DISTRICT, 'move', { projectId: draft._id, move: 'submitFeasibility' }));
  ok(
    await p(ORG_REVIEWER, 'move', {
      projectId: draft._id,
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
  ok(await p(ORG_REVIEWER, 'move', { projectId: draft._id, move: 'submitForDecision' }));
  ok(
    await p(RESEARCH, 'recordDecision', {
      meetingKind: 'cityPartyGroup',
      meetingDate: '2026-12-20',
      resolution: '同意扶助中山区户外劳动者爱心驿站建设项目',
      projectIds: [draft._id],
    }),
  );
  return ok<Project>(await p(DISTRICT, 'get', { projectId: draft._id }));
}

function formOf(project: Project, kind: string) {
  return project.staff!.forms.filter((f) => f.kind === kind).at(-1)!;
}

async function signAll(project: Project, kind: string): Promise<Project> {
  const form = formOf(project, kind);
  ok(
    await p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意申报', sealConfirmed: true }),
  );
  ok(await p(ORG_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
  return ok<Project>(await p(ORG_LEADER, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
}

const startFields = {
  overview: '建设 20 处爱心驿站，预计直接服务 5000 人',
  plan: '3 月选址，6 月建成 10 处，10 月全部建成',
  fillDate: '2027-01-05',
};

describe('project records', () => {
  it('adoption creates a draft routed to 组织和基层工作部 for 市总党组会, filled from the proposal', async () => {
    const draft = await adoptDraft();
    expect(draft).toMatchObject({
      status: 'draft',
      level: 'district',
      department: { orgId: 'dept-org', name: '组织和基层工作部' },
      origin: [{ _id: 'seed-p1' }],
    });
    expect(draft.staff!.record.serviceTargets).toBeTruthy();
    expect(draft.staff!.decisionsNeeded).toEqual(['市总党组会审议']);
    const stored = (await world.doc<ProjectDoc>('projects', draft._id))!;
    expect(stored.departmentIds).toEqual(expect.arrayContaining(['dept-org', 'dept-research']));
    expect(await world.count('auditLog', { targetId: draft._id, action: 'createProject' })).toBe(1);
  });

  it('goes from adoption to closing: three sign-offs per form, tranche 1 at the start form, tranche 2 at acceptance', async () => {
    const est = await established();
    expect(est.status).toBe('established');
    expect(est.staff!.decisions).toHaveLength(1);
    // The buttons offered are the moves that would go through: no 发布 before the start form is approved.
    expect(est.staff!.actions).toEqual(expect.arrayContaining(['submitForm:start', 'update', 'recordSpending']));
    expect(est.staff!.actions).not.toContain('publish');

    ok(await p(DISTRICT, 'submitForm', { projectId: est._id, kind: 'start', fields: startFields }));
    const started = await signAll(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'start');
    const subsidy = 5_000_001;
    expect(started.staff!.tranches).toEqual([expect.objectContaining({ n: 1, amountFen: 2_000_000 })]);
    expect(formOf(started, 'start').status).toBe('approved');
    expect(formOf(started, 'start').signatures.map((s) => s.step)).toEqual(['unit', 'department', 'leader']);

    expect(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })).staff!.actions).toContain('publish');
    ok(await p(DISTRICT, 'move', { projectId: est._id, move: 'publish' }));
    const worker = ok<Project>(await p(WORKER, 'get', { projectId: est._id }));
    expect(worker.staff).toBeNull();
    expect(worker.plan?.serviceTargets).toContain('户外劳动者');
    ok(await p(DISTRICT, 'move', { projectId: est._id, move: 'start' }));
    ok(
      await p(DISTRICT, 'recordSpending', {
        projectId: est._id,
        date: '2027-04-02',
        item: '饮水机 20 台',
        amountFen: 3_000_000,
        cityAidFen: 2_000_000,
      }),
    );

    world.setNow(Date.parse('2027-08-01T10:00:00+08:00'));
    ok(
      await p(DISTRICT, 'submitForm', {
        projectId: est._id,
        kind: 'midterm',
        fields: {
          plannedAcceptanceDate: '2027-11-10',
          progressAssessment: '已建成 12 处驿站，日均服务 800 人次',
          servedSoFar: 3000,
          fillDate: '2027-08-01',
        },
      }),
    );
    const mid = await signAll(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'midterm');
    expect(mid.status).toBe('midtermFiled');

    // Acceptance is asked for after the end date only.
    const early = failure(
      await p(DISTRICT, 'submitForm', {
        projectId: est._id,
        kind: 'acceptance',
        fields: {
          requestedAcceptanceDate: '2027-11-10',
          completionAssessment: '建成 20 处驿站，全部投入使用',
          fillDate: '2027-08-02',
        },
      }),
    );
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain('2027-10-31');

    world.setNow(Date.parse('2027-11-05T10:00:00+08:00'));
    ok(
      await p(DISTRICT, 'submitForm', {
        projectId: est._id,
        kind: 'acceptance',
        fields: {
          requestedAcceptanceDate: '2027-11-10',
          completionAssessment: '建成 20 处驿站，服务 6000 人',
          servedActual: 6000,
          coveredActual: 21000,
          satisfactionActual: 93,
          fillDate: '2027-11-05',
        },
      }),
    );
    const accepted = await signAll(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'acceptance');
    expect(accepted.status).toBe('accepted');
    const [t1, t2] = accepted.staff!.tranches;
    expect(t2).toMatchObject({ n: 2, amountFen: 3_000_001 });
    expect(t1.amountFen + t2.amountFen).toBe(subsidy);
    expect(accepted.staff!.money).toMatchObject({ spentFen: 3_000_000, spentAidFen: 2_000_000, costPerServedFen: 500 });

    const closed = ok<Project>(
      await p(DISTRICT, 'close', {
        projectId: est._id,
        finalAccountsFen: 11_800_000,
        summary: '建成 20 处驿站，经费决算 11.8 万元',
      }),
    );
    expect(closed.status).toBe('closed');
    expect(closed.steps.every((s) => s.done && s.at)).toBe(true);

    // The proposal's author heard of establishment, publication and closing.
    const inbox = ok<ListMessagesOutput>(await world.call('demo-worker', 'message', 'list', { pageSize: 50 }));
    const titles = inbox.items
      .filter((m) => m.projectId === est._id && m.kind === 'projectProgress')
      .map((m) => m.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringContaining('已确立'),
        expect.stringContaining('已发布'),
        expect.stringContaining('已结项'),
      ]),
    );
  });

  it('a form is signed in order, by the signer of each step only, and a second signature does not count', async () => {
    const est = await established();
    ok(await p(DISTRICT, 'submitForm', { projectId: est._id, kind: 'start', fields: startFields }));
    const form = formOf(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'start');

    // The department head cannot sign before the unit; another district's head cannot sign at all.
    const early = failure(await p(ORG_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
    expect(early.code).toBe('FORBIDDEN');
    const research = failure(
      await p('demo-research-head', 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }),
    );
    expect(research.code).toBe('FORBIDDEN');
    // The unit head must confirm the seal.
    const noSeal = failure(await p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
    expect(noSeal).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'sealConfirmed' }] });

    // Two approvals of the same step at once: one counts, the other is told it moved.
    const both = await Promise.all([
      p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意', sealConfirmed: true }),
      p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意', sealConfirmed: true }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(failure(both.find((r) => !r.ok)!).code).toBe('CONFLICT');
    const stored = (await world.doc<FormDoc>('projectForms', form._id))!;
    expect(stored.signatures).toHaveLength(1);
    expect(stored.status).toBe('awaitingDepartment');
    expect(stored.pendingOrgId).toBe('dept-org');
  });

  it('a returned form goes back with the opinion, and comes again as a new version', async () => {
    const est = await established();
    ok(await p(DISTRICT, 'submitForm', { projectId: est._id, kind: 'start', fields: startFields }));
    const v1 = formOf(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'start');
    ok(await p(DISTRICT_HEAD, 'sign', { formId: v1._id, decision: 'approve', opinion: '同意', sealConfirmed: true }));
    ok(await p(ORG_HEAD, 'sign', { formId: v1._id, decision: 'return', opinion: '推进计划请细化到月' }));
    const wb = ok<Workbench>(await p(DISTRICT, 'workbench'));
    expect(wb.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'fixReturned', formId: v1._id })]),
    );
    ok(
      await p(DISTRICT, 'submitForm', {
        projectId: est._id,
        kind: 'start',
        fields: { ...startFields, plan: '3 月选址，4–6 月建成 10 处，7–10 月再建 10 处' },
      }),
    );
    const after = ok<Project>(await p(DISTRICT, 'get', { projectId: est._id }));
    expect(after.staff!.forms.filter((f) => f.kind === 'start').map((f) => [f.version, f.status])).toEqual([
      [1, 'returned'],
      [2, 'awaitingUnit'],
    ]);
    expect(formOf(after, 'start').signatures).toEqual([]);
    expect(ok<Workbench>(await p(DISTRICT, 'workbench')).counts.fixReturned).toBe(0);
    expect(ok<Workbench>(await p(DISTRICT_HEAD, 'workbench')).counts.sign).toBe(1);
  });

  it('refuses a subsidy over half the budget, naming the largest allowed amount, and stores nothing', async () => {
    const draft = await adoptDraft();
    const over = failure(
      await p(DISTRICT, 'update', {
        projectId: draft._id,
        version: 1,
        record: fullRecord({
          budgetLines: [{ item: '设备', amountFen: 10_000_001, cityAidFen: 5_000_001, source: '市总扶助' }],
        }),
      }),
    );
    expect(over.code).toBe('INVALID_INPUT');
    expect(over.message).toContain('50,000.00 元');
    const stored = (await world.doc<ProjectDoc>('projects', draft._id))!;
    expect(stored.record.budgetLines).toEqual([]);
  });

  it('a stale edit is refused, a submitted version is frozen, and a return opens the next one', async () => {
    const draft = await adoptDraft();
    ok(await p(DISTRICT, 'update', { projectId: draft._id, version: 1, record: fullRecord() }));
    ok(await p(DISTRICT, 'move', { projectId: draft._id, move: 'submitFeasibility' }));
    expect(failure(await p(DISTRICT, 'update', { projectId: draft._id, version: 1, record: fullRecord() })).code).toBe(
      'CONFLICT',
    );
    ok(await p(ORG_REVIEWER, 'move', { projectId: draft._id, move: 'returnForRevision', note: '预算请按项目细化' }));
    const returned = ok<Project>(await p(DISTRICT, 'get', { projectId: draft._id }));
    expect(returned).toMatchObject({ status: 'returned', staff: { version: 2, frozen: false } });
    expect(returned.staff!.versions).toEqual([expect.objectContaining({ version: 1 })]);
    const stale = failure(await p(DISTRICT, 'update', { projectId: draft._id, version: 1, record: fullRecord() }));
    expect(stale).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'version' }] });
    ok(
      await p(DISTRICT, 'update', {
        projectId: draft._id,
        version: 2,
        record: fullRecord({ title: '户外劳动者爱心驿站（二期）' }),
      }),
    );
    expect(await world.count('projectVersions', { projectId: draft._id })).toBe(1);
  });

  it('cannot be established without its committee decision, nor decided by the wrong meeting or hand', async () => {
    const draft = await adoptDraft();
    ok(await p(DISTRICT, 'update', { projectId: draft._id, version: 1, record: fullRecord() }));
    // Not yet submitted for decision.
    const tooEarly = failure(
      await p(RESEARCH, 'recordDecision', {
        meetingKind: 'cityPartyGroup',
        meetingDate: '2026-12-20',
        resolution: '同意立项',
        projectIds: [draft._id],
      }),
    );
    expect(tooEarly.code).toBe('CONFLICT');
    // 提交审定 needs a 论证 that passed; a worker may not move it at all.
    ok(await p(DISTRICT, 'move', { projectId: draft._id, move: 'submitFeasibility' }));
    expect(failure(await p(ORG_REVIEWER, 'move', { projectId: draft._id, move: 'submitForDecision' })).code).toBe(
      'CONFLICT',
    );
    expect(failure(await p(WORKER, 'move', { projectId: draft._id, move: 'submitForDecision' })).code).toBe(
      'FORBIDDEN',
    );
    // The district's own staff are not the routed department.
    expect(
      failure(await p(DISTRICT, 'move', { projectId: draft._id, move: 'returnForRevision', note: '自己退回' })).code,
    ).toBe('FORBIDDEN');
    ok(
      await p(ORG_REVIEWER, 'move', {
        projectId: draft._id,
        move: 'recordReview',
        review: {
          kind: 'seminar',
          date: '2026-12-10',
          participants: '专家三人',
          conclusion: 'pass',
          conclusionText: '同意上报审定',
        },
      }),
    );
    ok(await p(ORG_REVIEWER, 'move', { projectId: draft._id, move: 'submitForDecision' }));
    const wrong = failure(
      await p(RESEARCH, 'recordDecision', {
        meetingKind: 'standing',
        meetingDate: '2026-12-20',
        resolution: '同意立项',
        projectIds: [draft._id],
      }),
    );
    expect(wrong.code).toBe('CONFLICT');
    expect(wrong.message).toContain('市总党组会');
    expect(
      failure(
        await p(DISTRICT, 'recordDecision', {
          meetingKind: 'cityPartyGroup',
          meetingDate: '2026-12-20',
          resolution: '同意立项',
          projectIds: [draft._id],
        }),
      ).code,
    ).toBe('FORBIDDEN');
    expect((await world.doc<ProjectDoc>('projects', draft._id))!.status).toBe('submitted');
    expect(await world.count('committeeDecisions')).toBe(0);
  });

  it('spending sums equal a recompute, over-budget spending is flagged, and no tranche exists twice', async () => {
    const est = await established();
    for (let i = 0; i < 5; i++) {
      ok(
        await p(DISTRICT, 'recordSpending', {
          projectId: est._id,
          date: '2027-01-1' + i,
          item: `采购 ${i}`,
          amountFen: 3_000_000 + i,
          cityAidFen: i,
        }),
      );
    }
    const bad = failure(
      await p(DISTRICT, 'recordSpending', {
        projectId: est._id,
        date: '2027-01-20',
        item: '多报',
        amountFen: 100,
        cityAidFen: 200,
      }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'cityAidFen' }] });
    const got = ok<Project>(await p(DISTRICT, 'get', { projectId: est._id }));
    const lines = got.staff!.spending;
    expect(got.staff!.money.spentFen).toBe(lines.reduce((s, l) => s + l.amountFen, 0));
    expect(got.staff!.money.spentAidFen).toBe(lines.reduce((s, l) => s + l.cityAidFen, 0));
    expect(got.staff!.money.overBudget).toBe(true);
    expect(await world.count('tranches', { projectId: est._id })).toBe(0);
    ok(await p(DISTRICT, 'submitForm', { projectId: est._id, kind: 'start', fields: startFields }));
    await signAll(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'start');
    const tranches = await world.cloud.database().collection('tranches').where({ projectId: est._id }).get();
    expect((tranches.data as TrancheDoc[]).map((t) => t._id)).toEqual([`${est._id}_1`]);
  });

  it('lists a unit its projects and the routed department theirs; another district sees none', async () => {
    const est = await established();
    const mine = ok<ProjectPage>(await p(DISTRICT, 'list', {}));
    expect(mine.items.map((i) => i._id)).toContain(est._id);
    const dept = ok<ProjectPage>(await p(ORG_HEAD, 'list', { status: 'established' }));
    expect(dept.items.map((i) => i._id)).toEqual([est._id]);
    const searched = ok<ProjectPage>(await p(ORG_HEAD, 'list', { q: '驿站' }));
    expect(searched.total).toBe(1);
    const industry = ok<ProjectPage>(await p('demo-industry-staff', 'list', {}));
    expect(industry.items.map((i) => i._id)).not.toContain(est._id);
    expect(failure(await p('demo-industry-staff', 'get', { projectId: est._id })).code).toBe('FORBIDDEN');
  });

  it('a project created directly for a temporary need routes by the applicant: an industry union to itself', async () => {
    const made = ok<Project>(
      await p('demo-industry-staff', 'create', {
        record: fullRecord({
          level: 'industry',
          applicantUnit: '大连市交通运输工会',
          title: '公交司机夏季防暑降温',
          tranche1Percent: 30,
        }),
      }),
    );
    expect(made).toMatchObject({ level: 'industry', department: { orgId: 'ind-transport' }, status: 'draft' });
    expect(made.staff!.money.tranche1Fen).toBe(1_500_000);
    expect(made.staff!.money.tranche1Fen + made.staff!.money.tranche2Fen).toBe(5_000_001);
    const wrongLevel = failure(await p('demo-industry-staff', 'create', { record: fullRecord({ level: 'district' }) }));
    expect(wrongLevel).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'record.level' }] });
  });

  it('reminds the unit 7 days and 1 day before the mid-term due day, once each, and flags it overdue to the department once', async () => {
    const est = await established();
    ok(await p(DISTRICT, 'submitForm', { projectId: est._id, kind: 'start', fields: startFields }));
    await signAll(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })), 'start');
    ok(await p(DISTRICT, 'move', { projectId: est._id, move: 'publish' }));
    ok(await p(DISTRICT, 'move', { projectId: est._id, move: 'start' }));
    const timer = timerTriggers.find((t) => t.function === 'project' && t.name === 'projectReminders')!;
    const run = (iso: string) => timer.run(world.cloud, new Date(iso));
    const tasks = async (openid: string) =>
      ok<ListMessagesOutput>(await world.call(openid, 'message', 'list', { pageSize: 50 })).items.filter(
        (m) => m.kind === 'projectTask' && m.projectId === est._id && /中期/.test(m.title),
      );
    expect(await run('2027-08-01T09:00:00+08:00')).toEqual({ reminded: 0, overdue: 0 });
    expect(await run('2027-08-09T09:00:00+08:00')).toEqual({ reminded: 1, overdue: 0 });
    expect(await run('2027-08-09T10:00:00+08:00')).toEqual({ reminded: 0, overdue: 0 });
    expect(await run('2027-08-15T09:00:00+08:00')).toEqual({ reminded: 1, overdue: 0 });
    // 08-15 23:59 Dalian is still on time; a minute later it is overdue.
    expect(await run('2027-08-15T23:59:00+08:00')).toEqual({ reminded: 0, overdue: 0 });
    const both = await Promise.all([run('2027-08-16T00:01:00+08:00'), run('2027-08-16T00:01:00+08:00')]);
    expect(both.reduce((n: number, r) => n + (r as { overdue: number }).overdue, 0)).toBe(1);
    expect((await tasks(DISTRICT)).map((m) => m.title)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('7 天'),
        expect.stringContaining('1 天'),
        expect.stringContaining('逾期'),
      ]),
    );
    expect((await tasks(ORG_HEAD)).map((m) => m.title)).toEqual([expect.stringContaining('逾期')]);
    world.setNow(Date.parse('2027-08-16T09:00:00+08:00'));
    const overdueList = ok<ProjectPage>(await p(ORG_HEAD, 'list', { overdue: true }));
    expect(overdueList.items.map((i) => [i._id, i.overdue])).toEqual([[est._id, true]]);
    expect(ok<Workbench>(await p(DISTRICT, 'workbench')).counts.overdue).toBe(1);
  });

  it("the mid-term due day is set per year, and moves the year's open projects with it", async () => {
    const est = await established();
    const set = ok<{ projectsUpdated: number; dueAt: string }>(
      await p(RESEARCH, 'setMidtermDue', { year: 2027, monthDay: '08-10' }),
    );
    expect(set.dueAt).toBe('2027-08-10T15:59:59.999Z');
    expect(set.projectsUpdated).toBe(1);
    expect(ok<Project>(await p(DISTRICT, 'get', { projectId: est._id })).staff!.midtermDue).toBe('2027-08-10');
    expect(failure(await p(DISTRICT, 'setMidtermDue', { year: 2027, monthDay: '08-10' })).code).toBe('FORBIDDEN');
    expect(failure(await p(RESEARCH, 'setMidtermDue', { year: 2027, monthDay: '8/10' })).fields).toEqual([
      expect.objectContaining({ path: 'monthDay' }),
    ]);
  });

  it('every version of the record stays readable', async () => {
    const draft = await adoptDraft();
    ok(await p(DISTRICT, 'update', { projectId: draft._id, version: 1, record: fullRecord() }));
    ok(await p(DISTRICT, 'move', { projectId: draft._id, move: 'submitFeasibility' }));
    ok(await p(ORG_REVIEWER, 'move', { projectId: draft._id, move: 'returnForRevision', note: '请补充驿站选址' }));
    ok(
      await p(DISTRICT, 'update', {
        projectId: draft._id,
        version: 2,
        record: fullRecord({ coverage: '中山区 8 个街道 20 个点位' }),
      }),
    );
    const v1 = ok<Project>(await p(ORG_REVIEWER, 'get', { projectId: draft._id, version: 1 }));
    expect(v1.staff).toMatchObject({ shownVersion: 1, version: 2, record: { coverage: '中山区 8 个街道' } });
    const now = ok<Project>(await p(ORG_REVIEWER, 'get', { projectId: draft._id }));
    expect(now.staff).toMatchObject({ shownVersion: 2, record: { coverage: '中山区 8 个街道 20 个点位' } });
    expect(failure(await p(ORG_REVIEWER, 'get', { projectId: draft._id, version: 7 }))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'version' }],
    });
  });

  it('an established project is adjusted with a reason into a new version; the old one stays readable', async () => {
    const est = await established();
    const noReason = failure(
      await p(DISTRICT, 'update', {
        projectId: est._id,
        version: 1,
        record: fullRecord({ coverage: '中山区 9 个街道' }),
      }),
    );
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'adjustReason' }] });
    const adjusted = ok<Project>(
      await p(DISTRICT, 'update', {
        projectId: est._id,
        version: 1,
        record: fullRecord({ coverage: '中山区 9 个街道' }),
        adjustReason: '新增一个街道的驿站点位',
      }),
    );
    expect(adjusted.staff).toMatchObject({ version: 2, record: { coverage: '中山区 9 个街道' } });
    expect(adjusted.staff!.versions).toEqual([
      expect.objectContaining({ version: 1, reason: expect.stringContaining('新增一个街道') }),
    ]);
    const v1 = ok<Project>(await p(DISTRICT, 'get', { projectId: est._id, version: 1 }));
    expect(v1.staff!.record.coverage).toBe('中山区 8 个街道');
    expect(await world.count('auditLog', { targetId: est._id, action: 'adjustProject' })).toBe(1);
  });

  it('names the projects it cannot find and a due day that does not exist', async () => {
    const missing = failure(
      await p(RESEARCH, 'recordDecision', {
        meetingKind: 'cityPartyGroup',
        meetingDate: '2026-12-20',
        resolution: '同意立项',
        projectIds: ['nope'],
      }),
    );
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'projectIds.0' }] });
    const feb30 = failure(await p(RESEARCH, 'setMidtermDue', { year: 2027, monthDay: '02-30' }));
    expect(feb30).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'monthDay' }] });
  });
});
