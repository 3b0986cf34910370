/**
 * 信息发布 (issue 13), in Chromium: 中山区总工会 takes a project of its own (a temporary need, made through
 * the API up to an approved start form) and publishes its plan from 首页 · 项目公告 → the project → 发布实施方案;
 * the project is published with it. A worker of the district sees it first in 首页 · 项目动态 with the unread
 * dot, opens it (the dot goes), and follows the project (关注 → 已关注, stored). Staff then see the reach
 * (opened by 1). Screenshots of each screen.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AnnouncementStatsOutput, MeOutput, Project, ProjectViewOutput } from '@shishi/shared-types';
import { establishProject, goBackSettled, signedInPhone } from './helpers';
import { api, launch, settle, shot } from './browser';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const TITLE = '社区职工之家便民服务点';

let browser: Browser;
let projectId = '';
const contexts: BrowserContext[] = [];

const record = {
  level: 'district',
  applicantUnit: '中山区总工会',
  leaderName: '张丽',
  phone: '0411-82345678',
  email: 'zs@example.cn',
  reportDate: '2026-11-01',
  title: TITLE,
  necessity: '中山区户外和一线职工反映工作间隙缺少歇脚、饮水和充电的地方，职工建议集中。',
  feasibility: '街道职工之家已有场地和志愿者，区总工会有经费和管理经验，当年可以办结。',
  serviceTargets: '中山区环卫工人、快递员、外卖送餐员等一线职工',
  serviceMethod: '在 8 个街道职工之家设便民服务点，提供饮水、热饭、充电和休息',
  goals: '年内 8 个服务点全部开放',
  standards: '每个服务点有标识、饮水机、微波炉和充电设备，开放时间不少于 10 小时',
  coverage: '中山区 8 个街道',
  subProjects: [],
  startDate: '2026-12-01',
  endDate: '2027-10-31',
  milestones: [
    { date: '2027-01-31', task: '完成选点' },
    { date: '2027-05-31', task: '开放 4 个服务点' },
    { date: '2027-10-31', task: '8 个服务点全部开放' },
  ],
  budgetLines: [{ item: '服务点设备', amountFen: 6_000_000, cityAidFen: 3_000_000, source: '市总扶助、区总工会经费' }],
  aidStatement: '市总扶助资金全部用于服务点设备',
  expectedResults: '一线职工工作间隙有地方歇脚喝水。',
  targetCovered: 8000,
  targetServed: 2000,
  targetSatisfaction: 90,
  organisation: '区总工会成立工作专班',
  supervision: '区总工会经审会全程监督',
  fundingAssurance: '专款专用，单独核算',
  publicity: '通过工会公众号和街道宣传栏发布',
  workflowText: '职工就近走进挂牌的职工之家服务点，出示工会会员码即可使用。',
  duties: {
    planning: { person: '张丽', scope: '方案策划' },
    implementation: { person: '李明', scope: '服务点建设' },
    supervision: { person: '王刚', scope: '督导进度' },
    inspection: { person: '赵芳', scope: '质量检查' },
    acceptance: { person: '孙伟', scope: '组织验收' },
  },
  temporaryNeed: true,
};

/** The project up to an approved start form: 论证, 市总党组会, 启动申报表 signed by all three (API). */
async function establishedProject(): Promise<string> {
  const id = await establishProject('demo-district', record, '同意中山区社区职工之家便民服务点项目', {
    overview: '8 个街道职工之家设便民服务点',
    plan: '1 月选点，10 月全部开放',
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

let announcementId = '';

test('staff publish the plan from 首页 · 项目公告; the project is published with it', async () => {
  const staff = await open('demo-district', 'pages/home/index');
  await onScreen(staff, '#home-announce').click();
  await onScreen(staff, `#announce-pick-${projectId}`).click();
  await onScreen(staff, '#announce-stats-publish').click();
  const form = onScreen(staff, '#publish-page');
  await form.waitFor();
  // Filled from the report: the title, 服务对象, 服务内容, 工作流程, the dates and the contact.
  assert.equal(await staff.locator('#publish-title input').inputValue(), TITLE);
  assert.match(await staff.locator('#publish-targets textarea').inputValue(), /一线职工/);
  assert.match(await staff.locator('#publish-workflow textarea').inputValue(), /会员码/);
  await staff.locator('#publish-place input').fill('中山区 8 个街道职工之家');
  await staff.locator('#publish-time input').fill('每天 8:00–20:00');
  await settle(staff);
  await shot(staff, 'announce-publish-form');
  await onScreen(staff, '#publish-submit').click();
  await onScreen(staff, '#announcement-page').waitFor();
  await onScreen(staff, '#announcement-manage').waitFor();
  assert.equal(await onScreen(staff, '#announcement-kind').textContent(), '实施方案');
  assert.match((await onScreen(staff, '#announcement-when').textContent()) ?? '', /^发布于 11-24 10:00/);
  await settle(staff);
  await shot(staff, 'announce-published-staff');
  const project = await api<Project>('demo-district', 'project', 'get', { projectId });
  assert.equal(project.status, 'published');
  const stats = await api<AnnouncementStatsOutput>('demo-district', 'announce', 'stats', { projectId });
  assert.equal(stats.items.length, 1);
  announcementId = stats.items[0]!.announcementId;
});

test('a worker sees it first in 首页 · 项目动态 with the unread dot, opens it and follows the project', async () => {
  assert.ok(announcementId, 'published by the test before');
  const worker = await open('demo-worker', 'pages/home/index');
  const card = onScreen(worker, `#home-feed-${announcementId}`);
  await card.waitFor();
  const first = worker.locator('.home-feed__card').first();
  assert.equal(await first.getAttribute('id'), `home-feed-${announcementId}`, 'newest first');
  assert.equal(await worker.locator(`#home-feed-${announcementId}-unread`).count(), 1);
  await card.scrollIntoViewIfNeeded();
  await settle(worker);
  await shot(worker, 'announce-home-feed');

  await card.click();
  await onScreen(worker, '#announcement-page').waitFor();
  assert.equal(await onScreen(worker, '#announcement-title').textContent(), TITLE);
  const follow = onScreen(worker, '#announcement-follow');
  await follow.waitFor();
  assert.equal((await follow.textContent())?.trim(), '关注这个项目');
  await settle(worker);
  await shot(worker, 'announce-detail-worker');
  await follow.click();
  await worker.waitForFunction(
    () => document.querySelector('#announcement-follow')?.textContent?.trim() === '已关注（点此取消）',
  );
  assert.match((await onScreen(worker, '#announcement-follow-hint').textContent()) ?? '', /新公告时会通知您/);
  await shot(worker, 'announce-detail-followed');
  const view = await api<ProjectViewOutput>('demo-worker', 'project', 'view', { projectId });
  assert.equal(view.following, true);

  // Back on 首页 the dot is gone.
  await goBackSettled(worker);
  await onScreen(worker, `#home-feed-${announcementId}`).waitFor();
  await worker.waitForFunction((id) => !document.querySelector(`#home-feed-${id}-unread`), announcementId);
});

test('staff see who was reached: the worker who opened it', async () => {
  const staff = await open('demo-district', `packages/announce/pages/manage/index?projectId=${projectId}`);
  const card = onScreen(staff, `#announce-stats-${announcementId}`);
  await card.waitFor();
  assert.equal(await onScreen(staff, `#announce-stats-${announcementId}-在小程序里打开`).textContent(), '1 人');
  await settle(staff);
  await shot(staff, 'announce-stats');
});

test('a worker declares their groups in 我的 · 我所属的群体 (optional), so notices for those groups reach them', async () => {
  const worker = await open('demo-worker', 'pages/mine/index');
  await onScreen(worker, '#mine-groups').click();
  await onScreen(worker, '#groups-card').waitFor();
  assert.match((await onScreen(worker, '#groups-summary').textContent()) ?? '', /没有选择/);
  await onScreen(worker, '#groups-women').click();
  await onScreen(worker, '#groups-migrant').click();
  assert.equal((await onScreen(worker, '#groups-summary').textContent())?.trim(), '已选：女职工、农民工');
  await settle(worker);
  await shot(worker, 'announce-groups');
  await onScreen(worker, '#groups-save').click();
  await worker.waitForFunction(() => document.querySelector('#groups-save')?.textContent?.trim() === '已保存');
  const me = await api<MeOutput>('demo-worker', 'profile', 'me');
  assert.deepEqual(me.bound && me.profile.groups, ['women', 'migrant']);
  assert.deepEqual(me.bound && me.profile.name, '王秀梅');
});
