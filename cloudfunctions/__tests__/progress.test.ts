/**
 * 项目实施 (第五条（六）) on the strict local runtime: the implementing unit reports progress, the routed
 * department and its leader see the report in 待我办理 and reply; public reports reach workers (措施 and
 * photos that passed the check) and queue news for the project's followers; milestones are ticked off
 * with dates and flagged late once their planned day is over.
 */
import {
  milestoneKey,
  type DecideOutput,
  type Project,
  type ProjectPage,
  type ProjectProgress,
  type Workbench,
} from '@shishi/shared-types';
import type { ProgressReportDoc } from '../project/progress';
import { fullRecord } from './projectFixtures';
import { failure, ok, png, worldPerTest } from './world';

const world = worldPerTest();

const DISTRICT = 'demo-district';
const DISTRICT_HEAD = 'demo-district-head';
const ORG_REVIEWER = 'demo-org-reviewer';
const ORG_HEAD = 'demo-org-head';
const ORG_LEADER = 'demo-org-leader';
const RESEARCH = 'demo-research-staff';
const RESEARCH_HEAD = 'demo-research-head';
const INDUSTRY_STAFF = 'demo-industry-staff';
const INDUSTRY_REVIEWER = 'demo-industry-reviewer';
const WORKER = 'demo-worker';

const p = (openid: string, action: string, data?: unknown) => world.call(openid, 'project', action, data);
const at = (iso: string) => world.setNow(Date.parse(`${iso}T10:00:00+08:00`));

/** A district project taken through 论证, 审定 and the start form; published unless `publish` is false. */
async function project(publish = true, proposalId = 'seed-p1'): Promise<Project> {
  const decided = ok<DecideOutput>(
    await world.call(DISTRICT, 'proposal', 'decide', {
      proposalId,
      kind: 'adopt',
      projectTitle: '户外劳动者爱心驿站建设',
      confirmUnscored: true,
    }),
  );
  const id = decided.project!._id;
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
  if (!publish) return ok<Project>(await p(DISTRICT, 'get', { projectId: id }));
  const started = ok<Project>(
    await p(DISTRICT, 'submitForm', {
      projectId: id,
      kind: 'start',
      fields: {
        overview: '建设 20 处爱心驿站，预计直接服务 5000 人',
        plan: '3 月选址，6 月建成 10 处',
        fillDate: '2027-01-05',
      },
    }),
  );
  const form = started.staff!.forms.at(-1)!;
  ok(
    await p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意申报', sealConfirmed: true }),
  );
  ok(await p(ORG_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
  ok(await p(ORG_LEADER, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
  return ok<Project>(await p(DISTRICT, 'move', { projectId: id, move: 'publish' }));
}

const report = {
  measures: '已完成 8 处驿站选址，3 处开始改造，饮水机和微波炉已到货。',
  funding: '已支出设备款 30 万元，其中市总扶助 20 万元。',
  difficulties: '两处驿站所在社区用房尚未腾退。',
  coordination: '请组织部协调街道加快用房腾退。',
};

async function upload(openid: string, name: string): Promise<string> {
  return (await world.cloud.uploadFile({ cloudPath: `proposals/${openid}/${name}`, fileContent: png })).fileID;
}

const get = async (openid: string, id: string) => ok<Project>(await p(openid, 'get', { projectId: id }));
const bench = async (openid: string) => ok<Workbench>(await p(openid, 'workbench'));
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('progress reports', () => {
  it('the unit reports; the department and the leader see it in 待我办理, reply, and the unit is told', async () => {
    const pub = await project();
    const photo = await upload(DISTRICT, 'site.png');
    const out = ok<ProjectProgress>(
      await p(DISTRICT, 'reportProgress', { projectId: pub._id, ...report, photos: [photo], public: false }),
    );
    expect(out.reports).toHaveLength(1);
    expect(out.reports![0]).toMatchObject({ ...report, public: false, shownToWorkers: false, awaitingReply: true });
    expect(await world.count('auditLog', { targetId: pub._id, action: 'reportProgress' })).toBe(1);

    for (const who of [ORG_REVIEWER, ORG_LEADER]) {
      const work = await bench(who);
      expect(work.counts.progress).toBe(1);
      expect(work.items).toContainEqual(
        expect.objectContaining({ kind: 'progressReport', projectId: pub._id, projectTitle: pub.title }),
      );
    }
    // The department was told in-app.
    const told = { projectId: pub._id, kind: 'projectTask', title: `新的进展报告：${pub.title}` };
    expect(await world.count('messages', { openid: ORG_LEADER, ...told })).toBe(1);
    expect(await world.count('messages', { openid: ORG_REVIEWER, ...told })).toBe(1);
    // Staff of the record see everything, with who may reply.
    const leaderView = (await get(ORG_LEADER, pub._id)).implementation!;
    expect(leaderView.reports![0]).toMatchObject({ funding: report.funding, canReply: true });
    expect((await get(DISTRICT, pub._id)).implementation!.reports![0].canReply).toBe(false);

    const replied = ok<ProjectProgress>(
      await p(ORG_LEADER, 'replyProgress', { reportId: out.reports![0]._id, text: '已请街道本周内腾退用房。' }),
    );
    expect(replied.reports![0]).toMatchObject({
      awaitingReply: false,
      replies: [expect.objectContaining({ text: '已请街道本周内腾退用房。', roleLabel: '归口管理部门分管领导' })],
    });
    expect((await bench(ORG_REVIEWER)).counts.progress).toBe(0);
    expect(
      await world.count('messages', { openid: DISTRICT, projectId: pub._id, title: `进展报告有了回复：${pub.title}` }),
    ).toBe(1);
    expect(await world.count('auditLog', { targetId: pub._id, action: 'replyProgress' })).toBe(1);
    // A second reply (the reviewer after the leader) is kept too.
    const again = ok<ProjectProgress>(
      await p(ORG_REVIEWER, 'replyProgress', { reportId: out.reports![0]._id, text: '组织部已联系街道。' }),
    );
    expect(again.reports![0].replies.map((r) => r.roleLabel)).toEqual(['归口管理部门分管领导', '归口管理部门工作人员']);
  });

  it('workers read a public report’s 措施 and checked photos, never 资金/困难; followers’ news is queued once', async () => {
    const pub = await project();
    const photo = await upload(DISTRICT, 'station.png');
    const internal = ok<ProjectProgress>(
      await p(DISTRICT, 'reportProgress', { projectId: pub._id, measures: '内部：设备采购合同已签订。', photos: [] }),
    );
    expect(internal.reports![0].public).toBe(false);
    const shared = ok<ProjectProgress>(
      await p(DISTRICT, 'reportProgress', { projectId: pub._id, ...report, photos: [photo], public: true }),
    );
    const id = shared.reports![0]._id;
    await settle(); // the image check's verdict arrives as a message-push event
    const worker = (await get(WORKER, pub._id)).implementation!;
    expect(worker.reports).toBeNull();
    expect(worker.updates).toHaveLength(1);
    expect(worker.updates[0]).toMatchObject({ _id: id, measures: report.measures });
    expect(worker.updates[0].photos).toEqual([expect.objectContaining({ fileID: photo, moderation: 'pass' })]);
    expect(JSON.stringify(worker)).not.toContain(report.difficulties);
    expect(JSON.stringify(worker)).not.toContain(report.funding);
    expect(JSON.stringify(worker)).not.toContain('内部：');

    const queued = await world.doc<{ topic: string; audience: unknown; source: unknown }>(
      'pushQueue',
      `progress_${id}`,
    );
    expect(queued).toMatchObject({
      topic: 'projectNews',
      audience: { kind: 'followers', projectId: pub._id },
      source: { type: 'project', id: pub._id },
    });
    // The internal report queued nothing (other steps of the project queue their own items).
    expect(await world.doc('pushQueue', `progress_${internal.reports![0]._id}`)).toBeUndefined();
  });

  it('a public report whose text the check flags stays with staff: no worker sees it, no news goes out', async () => {
    const pub = await project();
    const out = ok<ProjectProgress>(
      await p(DISTRICT, 'reportProgress', {
        projectId: pub._id,
        measures: '驿站招募志愿者，有意者加微信报名参加。',
        public: true,
      }),
    );
    expect(out.reports![0]).toMatchObject({ public: true, held: true, shownToWorkers: false });
    expect((await get(WORKER, pub._id)).implementation!.updates).toEqual([]);
    expect(await world.doc('pushQueue', `progress_${out.reports![0]._id}`)).toBeUndefined();
  });

  it('refuses other hands, other states and bad input, storing nothing', async () => {
    const est = await project(false, 'seed-p2');
    expect(failure(await p(DISTRICT, 'reportProgress', { projectId: est._id, ...report })).code).toBe('CONFLICT');
    const pub = await project();
    // Another unit's staff, a worker, the department's reviewer (not the implementing unit).
    expect(failure(await p(INDUSTRY_STAFF, 'reportProgress', { projectId: pub._id, ...report })).code).toBe(
      'FORBIDDEN',
    );
    expect(failure(await p(WORKER, 'reportProgress', { projectId: pub._id, ...report })).code).toBe('FORBIDDEN');
    expect(failure(await p(ORG_REVIEWER, 'reportProgress', { projectId: pub._id, ...report })).code).toBe('FORBIDDEN');

    const short = failure(await p(DISTRICT, 'reportProgress', { projectId: pub._id, measures: '在推进' }));
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.fields?.map((f) => f.path)).toEqual(['measures']);
    const others = await upload(WORKER, 'mine.png');
    const foreign = failure(await p(DISTRICT, 'reportProgress', { projectId: pub._id, ...report, photos: [others] }));
    expect(foreign.code).toBe('INVALID_INPUT');
    expect(foreign.fields?.map((f) => f.path)).toEqual(['photos.0']);
    expect(await world.count('projectReports', { projectId: pub._id })).toBe(0);
    expect(await world.count('auditLog', { targetId: pub._id, action: 'reportProgress' })).toBe(0);

    const filed = ok<ProjectProgress>(await p(DISTRICT, 'reportProgress', { projectId: pub._id, ...report }));
    const reportId = filed.reports![0]._id;
    // Replies: only the routed department (组织和基层工作部), by its reviewer, head or leader.
    expect(failure(await p(RESEARCH_HEAD, 'replyProgress', { reportId, text: '收到' })).code).toBe('FORBIDDEN');
    expect(failure(await p(INDUSTRY_REVIEWER, 'replyProgress', { reportId, text: '收到' })).code).toBe('FORBIDDEN');
    expect(failure(await p(RESEARCH, 'replyProgress', { reportId, text: '收到' })).code).toBe('FORBIDDEN');
    expect(failure(await p(DISTRICT, 'replyProgress', { reportId, text: '收到' })).code).toBe('FORBIDDEN');
    const empty = failure(await p(ORG_HEAD, 'replyProgress', { reportId, text: ' ' }));
    expect(empty).toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ path: 'text' })] });
    const unknown = failure(await p(ORG_HEAD, 'replyProgress', { reportId: `${pub._id}_r9`, text: '收到了' }));
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ path: 'reportId' })] });
    expect((await world.doc<ProgressReportDoc>('projectReports', reportId))!.replies).toEqual([]);
  });
});

describe('milestones', () => {
  const [march, june] = fullRecord().milestones!;

  it('are flagged late once the planned day is over, on the record, in the staff list and in 待我办理', async () => {
    const pub = await project();
    const before = (await get(WORKER, pub._id)).implementation!;
    expect(before.milestones.map((m) => [m.date, m.task, m.done, m.late])).toEqual([
      ['2027-03-31', '完成选址和改造方案', false, false],
      ['2027-06-30', '建成 10 处驿站', false, false],
      ['2027-10-31', '建成 20 处驿站并验收', false, false],
    ]);
    at('2027-03-31'); // the planned day itself is not late
    expect((await get(DISTRICT, pub._id)).implementation!.lateCount).toBe(0);
    at('2027-04-05');
    const late = (await get(DISTRICT, pub._id)).implementation!;
    expect(late.milestones.filter((m) => m.late).map((m) => m.task)).toEqual([march.task]);
    expect(late.lateCount).toBe(1);
    const listed = ok<ProjectPage>(await p(DISTRICT, 'list', { page: 1, pageSize: 20 }));
    expect(listed.items.find((i) => i._id === pub._id)!.lateMilestones).toBe(1);
    const work = await bench(DISTRICT);
    expect(work.counts.lateMilestones).toBe(1);
    expect(work.items).toContainEqual(
      expect.objectContaining({ kind: 'lateMilestone', projectId: pub._id, due: '2027-03-31' }),
    );
    // The routed department sees the flag too.
    expect((await bench(ORG_REVIEWER)).counts.lateMilestones).toBe(1);
  });

  it('the unit ticks a milestone off with its day; a repeat, a future day or an unknown key is refused; undo reopens it', async () => {
    const pub = await project();
    at('2027-04-05');
    const key = milestoneKey(march);
    const ticked = ok<ProjectProgress>(
      await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key, doneOn: '2027-04-02' }),
    );
    expect(ticked.milestones[0]).toMatchObject({ key, done: true, doneOn: '2027-04-02', late: false });
    expect(ticked.lateCount).toBe(0);
    expect((await bench(DISTRICT)).counts.lateMilestones).toBe(0);
    expect(
      ok<ProjectPage>(await p(DISTRICT, 'list', { page: 1, pageSize: 20 })).items.find((i) => i._id === pub._id)!
        .lateMilestones,
    ).toBe(0);
    // Workers see the done day.
    expect((await get(WORKER, pub._id)).implementation!.milestones[0]).toMatchObject({
      done: true,
      doneOn: '2027-04-02',
    });

    expect(failure(await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key })).code).toBe('CONFLICT');
    const future = failure(
      await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key: milestoneKey(june), doneOn: '2027-04-06' }),
    );
    expect(future).toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ path: 'doneOn' })] });
    const unknown = failure(await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key: 'm00000000' }));
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ path: 'key' })] });
    const malformed = failure(await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key: '完成选址' }));
    expect(malformed).toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ path: 'key' })] });
    expect(failure(await p(ORG_REVIEWER, 'tickMilestone', { projectId: pub._id, key })).code).toBe('FORBIDDEN');
    expect(failure(await p(INDUSTRY_STAFF, 'tickMilestone', { projectId: pub._id, key })).code).toBe('FORBIDDEN');

    const undone = ok<ProjectProgress>(await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key, undo: true }));
    expect(undone.milestones[0]).toMatchObject({ done: false, doneOn: null, late: true });
    expect(failure(await p(DISTRICT, 'tickMilestone', { projectId: pub._id, key, undo: true })).code).toBe('CONFLICT');
    expect(await world.count('auditLog', { targetId: pub._id, action: 'tickMilestone' })).toBe(1);
    expect(await world.count('auditLog', { targetId: pub._id, action: 'untickMilestone' })).toBe(1);
  });

  it('cannot be ticked before establishment', async () => {
    const decided = ok<DecideOutput>(
      await world.call(DISTRICT, 'proposal', 'decide', {
        proposalId: 'seed-p1',
        kind: 'adopt',
        projectTitle: '驿站建设',
        confirmUnscored: true,
      }),
    );
    const id = decided.project!._id;
    ok(await p(DISTRICT, 'update', { projectId: id, version: 1, record: fullRecord() }));
    const refused = failure(await p(DISTRICT, 'tickMilestone', { projectId: id, key: milestoneKey(march) }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('项目确立后');
  });
});
