/**
 * 信息发布 through wx-server-sdk on the strict local runtime: a project's plan published to an audience
 * (org subtree, worker groups), the workers' feed with unread marks, edits marked 已更新, withdrawal,
 * the content check holding an announcement until it passes, 关注 (also automatic for the people behind
 * the project), and unique viewers (知晓度) under concurrent calls equal to a recompute.
 */
import type {
  Announcement,
  AnnouncementStatsOutput,
  FeedOutput,
  Project,
  ProjectViewOutput,
  WorkerGroup,
} from '@shishi/shared-types';
import { recount } from '../common/uniqueCount';
import type { UserDoc } from '../common/context';
import { fullRecord } from './projectFixtures';
import { failure, ok, png, worldPerTest, type World } from './world';

// The image check's verdict arrives a second later: a loaded machine must not deliver it before publish answers.
const world = worldPerTest(undefined, { mediaCheckDelayMs: 1000 });

const DISTRICT = 'demo-district';
const DISTRICT_HEAD = 'demo-district-head';
const ORG_REVIEWER = 'demo-org-reviewer';
const ORG_HEAD = 'demo-org-head';
const ORG_LEADER = 'demo-org-leader';
const RESEARCH = 'demo-research-staff';
/** 王秀梅, 中山区环卫服务中心工会: the author of seed-p1 (the project's origin). */
const WORKER = 'demo-worker';

const p = (openid: string, action: string, data?: unknown) => world.call(openid, 'project', action, data);
const a = (openid: string, action: string, data?: unknown) => world.call(openid, 'announce', action, data);

/** A worker profile at a grassroots union (path from the org tree), with the groups they declared. */
async function addWorker(w: World, openid: string, orgId: string, groups: WorkerGroup[] = []): Promise<void> {
  const db = w.cloud.database();
  await w.cloud.local.engine.inspect(async () => {
    const org = (await db.collection('orgs').where({ _id: orgId }).get()).data[0] as { name: string; path: string[] };
    const user: Omit<UserDoc, 'joined'> = {
      _id: openid,
      openid,
      name: `职工${openid.slice(-3)}`,
      role: 'worker',
      orgId,
      orgName: org.name,
      orgPath: org.path,
      groups,
      createdAt: new Date(w.now()),
      updatedAt: new Date(w.now()),
    };
    await db.collection('users').add({ data: user });
  });
}

/** seed-p1 adopted by 中山区总工会, through 论证 and 市总党组会, its start form signed by all three. */
async function readyToPublish(): Promise<Project> {
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
  const filed = ok<Project>(
    await p(DISTRICT, 'submitForm', {
      projectId: id,
      kind: 'start',
      fields: { overview: '建设 20 处爱心驿站', plan: '3 月选址，10 月全部建成', fillDate: '2027-01-05' },
    }),
  );
  const form = filed.staff!.forms.filter((f) => f.kind === 'start').at(-1)!;
  ok(
    await p(DISTRICT_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意申报', sealConfirmed: true }),
  );
  ok(await p(ORG_HEAD, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
  return ok<Project>(await p(ORG_LEADER, 'sign', { formId: form._id, decision: 'approve', opinion: '同意' }));
}

const plan = {
  draftId: 'draft-plan-0001',
  title: '爱心驿站开放啦',
  serviceTargets: '中山区户外劳动者：环卫工人、快递员、外卖骑手',
  serviceContent: '驿站提供热水、微波炉、充电和急救药箱，冬季延长开放时间。',
  workflow: '就近走进挂牌驿站，出示工会会员码即可使用。',
  time: '每天 7:00–20:00',
  place: '中山区人民路、解放路沿线 20 处驿站',
  contact: '中山区总工会 0411-82345678',
  images: [] as string[],
};

const feedOf = async (openid: string) => ok<FeedOutput>(await a(openid, 'feed', {}));

describe('announcements', () => {
  it('the plan publishes the project to its audience: workers under the org see it unread, others do not', async () => {
    const project = await readyToPublish();
    expect(project.status).toBe('established');
    await addWorker(world, 'w-zs-mall', 'gr-zs-mall');
    await addWorker(world, 'w-xigang', 'gr-xg-hotel');

    const out = ok<Announcement & { alreadyPublished: boolean }>(
      await a(DISTRICT, 'publish', { ...plan, projectId: project._id, audience: { orgId: 'dist-zhongshan' } }),
    );
    expect(out).toMatchObject({ kind: 'plan', state: 'shown', stateLabel: '已发布', alreadyPublished: false });
    expect(out.audience.label).toBe('中山区总工会');
    // The project's own publish move ran in the same flow.
    expect(ok<Project>(await p(DISTRICT, 'get', { projectId: project._id })).status).toBe('published');
    expect(await world.count('auditLog', { targetId: project._id, action: 'project.publish' })).toBe(1);
    expect(await world.count('auditLog', { targetId: out._id, action: 'announce.publish' })).toBe(1);
    // The plan goes to the audience as 新项目发布通知 through the push queue.
    expect(await world.doc('pushQueue', `announcement:${out._id}:new`)).toMatchObject({
      topic: 'projectNew',
      audience: { kind: 'org', orgId: 'dist-zhongshan', groups: [] },
    });

    for (const w of [WORKER, 'w-zs-mall']) {
      const f = await feedOf(w);
      expect(f.items.map((i) => [i.announcementId, i.unread])).toEqual([[out._id, true]]);
    }
    expect((await feedOf('w-xigang')).items).toEqual([]);
    expect(failure(await a('w-xigang', 'get', { announcementId: out._id })).code).toBe('FORBIDDEN');

    // A repeat of the same publication stores nothing new.
    const again = ok<{ _id: string; alreadyPublished: boolean }>(
      await a(DISTRICT, 'publish', { ...plan, projectId: project._id, audience: { orgId: 'dist-zhongshan' } }),
    );
    expect(again).toMatchObject({ _id: out._id, alreadyPublished: true });
    expect(await world.count('announcements', { projectId: project._id })).toBe(1);

    // Opening it marks it read, once per worker; stats count the readers.
    ok(await a(WORKER, 'get', { announcementId: out._id }));
    ok(await a(WORKER, 'get', { announcementId: out._id }));
    expect((await feedOf(WORKER)).items[0]!.unread).toBe(false);
    expect((await feedOf('w-zs-mall')).items[0]!.unread).toBe(true);
    // The staff who manage it read it without counting as reached; their own feed loses the unread dot.
    expect((await feedOf(DISTRICT)).items.find((i) => i.announcementId === out._id)?.unread).toBe(true);
    ok(await a(DISTRICT, 'get', { announcementId: out._id }));
    ok(await a(DISTRICT, 'get', { announcementId: out._id }));
    expect((await feedOf(DISTRICT)).items.find((i) => i.announcementId === out._id)?.unread).toBe(false);
    const stats = ok<AnnouncementStatsOutput>(await a(DISTRICT, 'stats', { projectId: project._id }));
    const audience = await world.count('users', { orgPath: 'dist-zhongshan' });
    expect(stats.items).toEqual([
      expect.objectContaining({ announcementId: out._id, audienceSize: audience, reached: 1, state: 'shown' }),
    ]);
    // Reached equals its recompute (workers' reads only).
    expect(
      await world.cloud.local.engine.inspect(() =>
        recount({ db: world.cloud.database() } as never, 'announcementReads', 'announcementId', out._id),
      ),
    ).toBe(1);
    expect(audience).toBeGreaterThanOrEqual(3);

    // Later news goes to the same audience (and is pushed to followers), newest first in the feed.
    const news = ok<Announcement>(
      await a(DISTRICT, 'publish', {
        draftId: 'draft-news-0001',
        projectId: project._id,
        title: '解放路驿站换址',
        serviceContent: '解放路驿站 12 月起搬到解放路 88 号，服务不变。',
        time: '12 月 1 日起',
        place: '解放路 88 号',
        contact: '0411-82345678',
        images: [],
      }),
    );
    expect(news).toMatchObject({ kind: 'news', audience: { orgId: 'dist-zhongshan' } });
    expect(await world.doc('pushQueue', `announcement:${news._id}:news`)).toMatchObject({
      topic: 'projectNews',
      audience: { kind: 'followers', projectId: project._id },
    });
    expect((await feedOf('w-zs-mall')).items.map((i) => i.announcementId)).toEqual([news._id, out._id]);
    expect((await feedOf('w-xigang')).items).toEqual([]);
    // Pages: hasMore says whether a next page exists.
    const page1 = ok<FeedOutput>(await a('w-zs-mall', 'feed', { page: 1, pageSize: 1 }));
    const page2 = ok<FeedOutput>(await a('w-zs-mall', 'feed', { page: 2, pageSize: 1 }));
    expect([page1.items.map((i) => i.announcementId), page1.hasMore]).toEqual([[news._id], true]);
    expect([page2.items.map((i) => i.announcementId), page2.hasMore]).toEqual([[out._id], false]);
    // The project page lists that project's announcements only.
    const onPage = ok<FeedOutput>(await a('w-zs-mall', 'feed', { projectId: project._id }));
    expect(onPage.items.map((i) => i.announcementId)).toEqual([news._id, out._id]);
    expect(ok<FeedOutput>(await a('w-zs-mall', 'feed', { projectId: 'no-such-project' })).items).toEqual([]);
  });

  it('worker groups narrow the audience: only workers who declared one of them see it', async () => {
    const project = await readyToPublish();
    await addWorker(world, 'w-women', 'gr-zs-mall', ['women']);
    await addWorker(world, 'w-youth', 'gr-zs-mall', ['youth']);
    const out = ok<Announcement>(
      await a(DISTRICT, 'publish', {
        ...plan,
        projectId: project._id,
        audience: { orgId: 'dist-zhongshan', groups: ['women', 'migrant'] },
      }),
    );
    expect(out.audience.label).toBe('中山区总工会 · 女职工、农民工');
    expect((await feedOf('w-women')).items.map((i) => i.announcementId)).toEqual([out._id]);
    expect((await feedOf('w-youth')).items).toEqual([]);
    expect((await feedOf(WORKER)).items).toEqual([]);
    expect(failure(await a('w-youth', 'get', { announcementId: out._id })).code).toBe('FORBIDDEN');
    const stats = ok<AnnouncementStatsOutput>(await a(DISTRICT, 'stats', { projectId: project._id }));
    expect(stats.items[0]!.audienceSize).toBe(1);
    // A worker who declares 农民工 in 我的 (profile.bind) then sees it.
    ok(await world.call(WORKER, 'profile', 'bind', { name: '王秀梅', orgId: 'gr-zs-sanitation', groups: ['migrant'] }));
    expect((await feedOf(WORKER)).items.map((i) => i.announcementId)).toEqual([out._id]);
    ok(await a(WORKER, 'get', { announcementId: out._id }));
  });

  it('an edit after publishing is marked 已更新 with its time; withdrawal keeps the record for staff only', async () => {
    const project = await readyToPublish();
    const out = ok<Announcement>(await a(DISTRICT, 'publish', { ...plan, projectId: project._id }));
    expect(out.editedAt).toBeNull();
    const edited = ok<Announcement>(
      await a(DISTRICT, 'update', { ...plan, announcementId: out._id, time: '每天 6:30–21:00' }),
    );
    expect(edited.time).toBe('每天 6:30–21:00');
    expect(edited.editedAt).toBe(new Date(world.now()).toISOString());
    expect(edited.publishedAt).toBe(out.publishedAt);
    expect((await feedOf(WORKER)).items[0]).toMatchObject({ editedAt: edited.editedAt, time: '每天 6:30–21:00' });

    expect(failure(await a(DISTRICT, 'withdraw', { announcementId: out._id })).fields).toEqual([
      expect.objectContaining({ path: 'reason' }),
    ]);
    const withdrawn = ok<Announcement>(
      await a(DISTRICT, 'withdraw', { announcementId: out._id, reason: '地点有误，核实后重新发布' }),
    );
    expect(withdrawn).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回' });
    expect((await feedOf(WORKER)).items).toEqual([]);
    expect(failure(await a(WORKER, 'get', { announcementId: out._id })).code).toBe('NOT_FOUND');
    expect(ok<Announcement>(await a(DISTRICT, 'get', { announcementId: out._id }))).toMatchObject({
      state: 'withdrawn',
      withdrawReason: '地点有误，核实后重新发布',
    });
    // Its unsent pushes stop.
    expect(await world.doc('pushQueue', `announcement:${out._id}:new`)).toMatchObject({ status: 'cancelled' });
    expect(failure(await a(DISTRICT, 'update', { ...plan, announcementId: out._id })).code).toBe('CONFLICT');
    expect(await world.count('auditLog', { targetId: out._id })).toBe(3);
  });

  it('text that fails the content check holds the plan (project not published, nothing pushed) until an edit passes', async () => {
    const project = await readyToPublish();
    const held = ok<Announcement>(
      await a(DISTRICT, 'publish', { ...plan, projectId: project._id, contact: '详情加微信 dl-union 咨询' }),
    );
    expect(held).toMatchObject({ state: 'held', stateLabel: '内容待审核', publishedAt: null });
    expect(held.heldReason).toContain('内容安全检测');
    expect(ok<Project>(await p(DISTRICT, 'get', { projectId: project._id })).status).toBe('established');
    expect((await feedOf(WORKER)).items).toEqual([]);
    expect(failure(await a(WORKER, 'get', { announcementId: held._id })).code).toBe('NOT_FOUND');
    expect(await world.count('pushQueue', { 'source.id': held._id })).toBe(0);

    const passed = ok<Announcement>(await a(DISTRICT, 'update', { ...plan, announcementId: held._id }));
    expect(passed).toMatchObject({ state: 'shown', editedAt: null });
    expect(passed.publishedAt).not.toBeNull();
    expect(ok<Project>(await p(DISTRICT, 'get', { projectId: project._id })).status).toBe('published');
    expect((await feedOf(WORKER)).items.map((i) => i.announcementId)).toEqual([held._id]);
    expect(await world.count('pushQueue', { 'source.id': held._id })).toBe(1);
  });

  it('images are shown to workers only once their check passed', async () => {
    const project = await readyToPublish();
    const { fileID } = await world.cloud.uploadFile({
      cloudPath: 'proposals/demo-district/station.png',
      fileContent: png,
    });
    const out = ok<Announcement>(await a(DISTRICT, 'publish', { ...plan, projectId: project._id, images: [fileID] }));
    expect(out.images.map((i) => i.moderation)).toEqual(['pending']);
    expect(ok<Announcement>(await a(WORKER, 'get', { announcementId: out._id })).images).toEqual([]);
    await world.cloud.local.openapi.settled();
    const seen = ok<Announcement>(await a(WORKER, 'get', { announcementId: out._id }));
    expect(seen.images.map((i) => [i.fileID, i.moderation])).toEqual([[fileID, 'pass']]);
  });

  it('bad input is INVALID_INPUT with the fields at fault, and nothing is stored', async () => {
    const project = await readyToPublish();
    const bad = failure(
      await a(DISTRICT, 'publish', { ...plan, projectId: project._id, title: '', time: 'x'.repeat(101) }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.fields!.map((f) => f.path).sort()).toEqual(['time', 'title']);
    const noWorkflow = failure(await a(DISTRICT, 'publish', { ...plan, projectId: project._id, workflow: undefined }));
    expect(noWorkflow).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'workflow' }] });
    const foreign = failure(
      await a(DISTRICT, 'publish', {
        ...plan,
        projectId: project._id,
        images: ['cloud://local.bucket/proposals/other/x.png'],
      }),
    );
    expect(foreign).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'images.0' }] });
    const outside = failure(
      await a(DISTRICT, 'publish', { ...plan, projectId: project._id, audience: { orgId: 'dist-xigang' } }),
    );
    expect(outside).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'audience.orgId' }] });
    expect(failure(await a(WORKER, 'publish', { ...plan, projectId: project._id })).code).toBe('FORBIDDEN');
    expect(await world.count('announcements')).toBe(0);
    expect(ok<Project>(await p(DISTRICT, 'get', { projectId: project._id })).status).toBe('established');
  });
});

describe('关注 and 知晓度', () => {
  it('the people behind the origin proposal follow the project from its establishment', async () => {
    const project = await readyToPublish();
    const rows = (await world.cloud.local.engine.inspect(() =>
      world.cloud.database().collection('projectFollows').where({ projectId: project._id }).get(),
    )) as { data: Array<{ openid: string; auto: boolean }> };
    const supporters = (await world.cloud.local.engine.inspect(() =>
      world.cloud.database().collection('supports').where({ proposalId: 'seed-p1' }).get(),
    )) as { data: Array<{ openid: string }> };
    const expected = [WORKER, ...supporters.data.map((s) => s.openid)].sort();
    expect(rows.data.map((r) => r.openid).sort()).toEqual(expected);
    expect(rows.data.every((r) => r.auto)).toBe(true);
  });

  it('the worker behind a paper proposal a cadre entered follows too, found by union and name', async () => {
    // seed-p1 as a cadre's offline entry for demo-worker (no OPENID on it): the worker has a profile.
    const me = (await world.doc('users', WORKER)) as UserDoc;
    await world.cloud.local.engine.inspect(() =>
      world.cloud
        .database()
        .collection('proposals')
        .doc('seed-p1')
        .update({
          data: {
            authorOpenid: null,
            authorKey: `offline:${me.orgId}:${me.name}`,
            channel: 'offline',
            orgId: me.orgId,
            offline: world.cloud.database().command.set({
              workerName: me.name,
              unit: null,
              phone: null,
              enteredBy: 'demo-cadre',
              enteredByName: '基层干部',
              enteredByOrgName: me.orgName,
              enteredAt: new Date(world.now()),
            }),
          },
        }),
    );
    const project = await readyToPublish();
    expect(await world.doc('projectFollows', `${project._id}_${WORKER}`)).toMatchObject({ auto: true });
    const told = (await world.cloud.local.engine.inspect(() =>
      world.cloud.database().collection('messages').where({ openid: WORKER, projectId: project._id }).get(),
    )) as { data: unknown[] };
    expect(told.data.length).toBeGreaterThan(0);
  });

  it('a worker follows and unfollows a published project; before publication it is refused', async () => {
    const project = await readyToPublish();
    await addWorker(world, 'w-follow', 'gr-zs-mall');
    expect(failure(await p('w-follow', 'follow', { projectId: project._id })).code).toBe('FORBIDDEN');
    ok(await a(DISTRICT, 'publish', { ...plan, projectId: project._id }));
    expect(ok(await p('w-follow', 'follow', { projectId: project._id }))).toEqual({
      projectId: project._id,
      following: true,
    });
    ok(await p('w-follow', 'follow', { projectId: project._id }));
    expect(await world.doc('projectFollows', `${project._id}_w-follow`)).toMatchObject({ auto: false });
    expect(ok<ProjectViewOutput>(await p('w-follow', 'view', { projectId: project._id })).following).toBe(true);
    expect(ok(await p('w-follow', 'unfollow', { projectId: project._id }))).toEqual({
      projectId: project._id,
      following: false,
    });
    expect(await world.doc('projectFollows', `${project._id}_w-follow`)).toBeUndefined();
    expect(await world.count('auditLog', { targetId: project._id, action: 'project.follow' })).toBe(1);
    expect(await world.count('auditLog', { targetId: project._id, action: 'project.unfollow' })).toBe(1);
  });

  it('200 concurrent page views by 50 workers count 50 viewers, equal to a recompute; awareness against the target', async () => {
    const project = await readyToPublish();
    ok(await a(DISTRICT, 'publish', { ...plan, projectId: project._id }));
    const workers = Array.from({ length: 50 }, (_, i) => `w-view-${String(i).padStart(3, '0')}`);
    for (const w of workers) await addWorker(world, w, 'gr-zs-mall');
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => p(workers[i % 50]!, 'view', { projectId: project._id })),
    );
    for (const r of replies) ok(r);
    const last = ok<ProjectViewOutput>(await p(workers[0]!, 'view', { projectId: project._id }));
    const recomputed = (await world.cloud.local.engine.inspect(() =>
      recount({ db: world.cloud.database() } as never, 'projectViews', 'projectId', project._id),
    )) as number;
    expect(recomputed).toBe(50);
    expect(last.viewers).toBe(50);
    const target = fullRecord().targetCovered!;
    expect(last).toMatchObject({ target, awareness: 50 / target });
    // Staff who manage the project open its page without counting as viewers.
    expect(ok<ProjectViewOutput>(await p(DISTRICT, 'view', { projectId: project._id })).viewers).toBe(50);
  });
});
