/**
 * Publishing and taking part (issue 13), across the four parts, in Chromium: 中山区总工会 publishes a project's
 * plan from 首页 · 项目公告 and sets up a service point with its poster; a worker of the district sees the
 * project in 首页 · 项目动态, opens it, follows it (关注) with a grant for 关注项目动态通知; the unit reports
 * public progress, the drain sends the news to the dev host's outbox for that worker; the worker opens the
 * poster's link and checks in; staff see directly served and the page's viewers (知晓度) move by one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CheckinSummary, Project, ProjectViewOutput } from '@shishi/shared-types';
import { establishProject, signedInPhone } from './helpers';
import { api, baseUrl, launch, settle, shot } from './browser';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const TITLE = '户外职工冬季暖心驿站';
const STAFF = 'demo-district';
const WORKER = 'demo-worker';

let browser: Browser;
let projectId = '';
let announcementId = '';
let posterLink = '';
const contexts: BrowserContext[] = [];

const record = {
  level: 'district',
  applicantUnit: '中山区总工会',
  leaderName: '张丽',
  phone: '0411-82345678',
  email: 'zs@example.cn',
  reportDate: '2026-11-01',
  title: TITLE,
  necessity: '中山区户外职工冬季作业时间长，缺少取暖、饮水和歇脚的地方，职工建议集中。',
  feasibility: '街道职工之家已有场地和志愿者，区总工会有经费和管理经验，当年可以办结。',
  serviceTargets: '中山区环卫工人、快递员、外卖送餐员等户外职工',
  serviceMethod: '在职工之家设暖心驿站，提供取暖、热水、热饭和休息',
  goals: '冬季开放 6 处暖心驿站',
  standards: '每处驿站有取暖设备、饮水机、微波炉和药箱，每天开放不少于 10 小时',
  coverage: '中山区 6 个街道',
  subProjects: [],
  startDate: '2026-11-20',
  endDate: '2027-03-31',
  milestones: [
    { date: '2026-12-15', task: '6 处驿站全部开放' },
    { date: '2027-03-31', task: '冬季服务总结' },
  ],
  budgetLines: [
    { item: '取暖和饮水设备', amountFen: 4_000_000, cityAidFen: 2_000_000, source: '市总扶助、区总工会经费' },
  ],
  aidStatement: '市总扶助资金全部用于取暖和饮水设备',
  expectedResults: '户外职工冬季有地方取暖、喝热水、热饭。',
  targetCovered: 6000,
  targetServed: 1500,
  targetSatisfaction: 90,
  organisation: '区总工会成立工作专班',
  supervision: '区总工会经审会全程监督',
  fundingAssurance: '专款专用，单独核算',
  publicity: '通过工会公众号和街道宣传栏发布',
  workflowText: '户外职工就近走进挂牌的暖心驿站，扫码签到后即可使用。',
  duties: {
    planning: { person: '张丽', scope: '方案策划' },
    implementation: { person: '李明', scope: '驿站建设' },
    supervision: { person: '王刚', scope: '督导进度' },
    inspection: { person: '赵芳', scope: '质量检查' },
    acceptance: { person: '孙伟', scope: '组织验收' },
  },
  temporaryNeed: true,
};

/** The project up to an approved start form (论证, 市总党组会, 启动申报表 signed by all three), through the API. */
async function establishedProject(): Promise<string> {
  const id = await establishProject(STAFF, record, '同意中山区户外职工冬季暖心驿站项目', {
    overview: '6 个街道职工之家设暖心驿站',
    plan: '12 月中旬全部开放，3 月底总结',
    fillDate: '2026-11-20',
  });
  return id;
}

before(async () => {
  browser = await launch();
  projectId = await establishedProject();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const open = (identity: string, path: string) => signedInPhone(browser, contexts, identity, path, PINNED);

const onScreen = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();
const fill = (page: Page, id: string, value: string) =>
  onScreen(page, `#${id}`).locator('input, textarea').first().fill(value);
const detailPath = () => `packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`;

async function outbox(): Promise<Array<{ touser: string; templateId: string; page?: string }>> {
  const res = await fetch(`${baseUrl}/dev/outbox`);
  return ((await res.json()) as { data: { subscribeMessages: Array<{ touser: string; templateId: string }> } }).data
    .subscribeMessages;
}

test('staff publish the plan and set up a service point with its poster', async () => {
  const staff = await open(STAFF, 'pages/home/index');
  await onScreen(staff, '#home-announce').click();
  await onScreen(staff, `#announce-pick-${projectId}`).click();
  await onScreen(staff, '#announce-stats-publish').click();
  await onScreen(staff, '#publish-page').waitFor();
  assert.equal(await staff.locator('#publish-title input').inputValue(), TITLE);
  await staff.locator('#publish-place input').fill('中山区 6 个街道职工之家');
  await staff.locator('#publish-time input').fill('每天 7:00–19:00');
  await onScreen(staff, '#publish-submit').click();
  await onScreen(staff, '#announcement-page').waitFor();
  assert.equal((await api<Project>(STAFF, 'project', 'get', { projectId })).status, 'published');
  const stats = await api<{ items: Array<{ announcementId: string }> }>(STAFF, 'announce', 'stats', { projectId });
  announcementId = stats.items[0]!.announcementId;

  // 服务点与签到 on the project page → 管理 → a service point → its poster.
  await staff.goto(`${baseUrl}/#/${detailPath()}`);
  await onScreen(staff, '#checkin-panel').waitFor();
  await onScreen(staff, '#checkin-manage').click();
  await onScreen(staff, '#point-form').waitFor();
  await fill(staff, 'point-name', '人民路职工之家暖心驿站');
  await fill(staff, 'point-address', '中山区人民路 36 号');
  await fill(staff, 'point-start', '2026-11-24');
  await fill(staff, 'point-end', '2027-03-31');
  await fill(staff, 'point-hours', '每天 7:00–19:00');
  await fill(staff, 'point-contact', '李明 0411-82345679');
  await onScreen(staff, '#point-submit').click();
  const point = staff.locator('[id^="manage-point-"]').filter({ hasText: '人民路职工之家暖心驿站' });
  await point.waitFor();
  await point.locator('[id^="poster-"]').click();
  await onScreen(staff, '#poster-image').waitFor();
  posterLink = (await onScreen(staff, '#poster-link').innerText()).trim();
  assert.match(posterLink, /#\/pages\/checkin\/index\?c=/);
  await settle(staff);
  await shot(staff, 'publishing-01-poster');
});

test('a worker sees it in the feed, opens it and follows it; public progress reaches them as a message', async () => {
  assert.ok(announcementId, 'published by the test before');
  const viewersBefore = (await api<ProjectViewOutput>(STAFF, 'project', 'view', { projectId })).viewers;

  const worker = await open(WORKER, 'pages/home/index');
  const card = onScreen(worker, `#home-feed-${announcementId}`);
  await card.waitFor();
  await card.scrollIntoViewIfNeeded();
  await settle(worker);
  await shot(worker, 'publishing-02-feed');
  await card.click();
  await onScreen(worker, '#announcement-page').waitFor();
  const follow = onScreen(worker, '#announcement-follow');
  await follow.click();
  await worker.waitForFunction(
    () => document.querySelector('#announcement-follow')?.textContent?.trim() === '已关注（点此取消）',
  );

  // The project page: 您可以做什么, the plan, the service point, 推进计划 with its dates.
  await worker.goto(`${baseUrl}/#/${detailPath()}`);
  await onScreen(worker, '#project-next').waitFor();
  await onScreen(worker, '#progress-milestones').waitFor();
  await onScreen(worker, '#checkin-panel').filter({ hasText: '人民路职工之家暖心驿站' }).waitFor();
  assert.match((await onScreen(worker, '#progress-milestones').textContent()) ?? '', /计划 2026年12月15日/);
  await settle(worker);
  await shot(worker, 'publishing-03-project-page');

  // The worker's grant for 关注项目动态通知 (the tap on 消息提醒 records it on weapp).
  const ledger = await api<{ topics: Array<{ topic: string; templateId: string }> }>(WORKER, 'push', 'ledger');
  const news = ledger.topics.find((t) => t.topic === 'projectNews')!;
  await api(WORKER, 'push', 'subscribe', { results: { [news.templateId]: 'accept' } });

  // The unit reports public progress; the drain sends the followers' news.
  const before = (await outbox()).length;
  await api(STAFF, 'project', 'reportProgress', {
    projectId,
    measures: '人民路、解放路两处暖心驿站已开放，每天接待户外职工 200 余人次。',
    public: true,
  });
  await api('demo-admin', 'push', 'drain', {});
  const sent = (await outbox()).slice(before).filter((m) => m.touser === WORKER && m.templateId === news.templateId);
  assert.equal(sent.length, 1, 'one 关注项目动态通知 to the worker who follows');
  assert.match(sent[0]!.page ?? '', new RegExp(`packages/project/pages/detail/index\\?id=${projectId}`));

  // The message opens the page with the update on it (the same address: load it afresh).
  await worker.reload();
  await onScreen(worker, '#progress-update-0').filter({ hasText: '两处暖心驿站已开放' }).waitFor();
  const viewersAfter = (await api<ProjectViewOutput>(STAFF, 'project', 'view', { projectId })).viewers;
  assert.equal(viewersAfter, viewersBefore + 1, 'the worker counts once as a viewer, however often they open it');
});

test('the worker opens the poster’s link and checks in; staff see served and awareness move', async () => {
  assert.ok(posterLink, 'the poster test ran first');
  const servedBefore = (await api<CheckinSummary>(STAFF, 'checkin', 'summary', { projectId })).served;
  const worker = await open(WORKER, 'pages/home/index');
  await worker.goto(posterLink);
  await onScreen(worker, '#checkin-submit').click();
  await onScreen(worker, '#checkin-result-title').filter({ hasText: '签到成功' }).waitFor();
  await settle(worker);
  await shot(worker, 'publishing-04-checked-in');

  const staff = await open(STAFF, detailPath());
  await onScreen(staff, '#project-awareness').waitFor();
  const { viewers } = await api<ProjectViewOutput>(STAFF, 'project', 'view', { projectId });
  assert.ok(viewers >= 1, 'the worker is among the viewers');
  assert.match(
    (await onScreen(staff, '#project-awareness').textContent()) ?? '',
    new RegExp(`已有 ${viewers} 位职工看过项目页`),
  );
  assert.match((await onScreen(staff, '#project-awareness').textContent()) ?? '', /目标覆盖 6000 人/);
  const served = onScreen(staff, '#checkin-served');
  await served.filter({ hasText: String(servedBefore + 1) }).waitFor();
  const summary = await api<CheckinSummary>(STAFF, 'checkin', 'summary', { projectId });
  assert.equal(summary.served, servedBefore + 1);
  await settle(staff);
  await shot(staff, 'publishing-05-staff-counts');
});
