/**
 * 项目实施 (issue 13), in Chromium on the demo project in progress (环卫职工子女暑期托管班, 中山区总工会):
 * its plan's milestones are past their planned days (the dev host's clock is 2026-11-24), so 推进计划
 * marks them late; the district ticks one off, then reports progress with a photo, public; 组织和基层工作部's
 * leader finds the report in 首页 · 待我办理 and replies; the district sees the reply; a worker reads the
 * project page — milestones with dates, the update's 措施 and photo, never 资金/困难 — and 分享 copies the
 * link. Screenshots of the worker's page at phone and desktop width, normal and 长辈模式.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Project, ProjectPage } from '@shishi/shared-types';
import { tokenOf } from './helpers';
import { api, baseUrl, launch, settle, shot } from './browser';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const TITLE = '环卫职工子女暑期托管班';

let browser: Browser;
let projectId = '';
const contexts: BrowserContext[] = [];

before(async () => {
  browser = await launch();
  const list = await api<ProjectPage>('demo-district', 'project', 'list', { status: 'inProgress', pageSize: 50 });
  projectId = list.items.find((p) => p.title === TITLE)?._id ?? '';
  assert.ok(projectId, `the demo data has ${TITLE} in progress`);
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

/** A page signed in as `identity`, on the pinned clock; phone-sized unless a desktop width is given. */
async function open(identity: string, path: string, { width = 390, height = 844, large = false } = {}): Promise<Page> {
  const phone = width < 900;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: phone ? 2 : 1,
    locale: 'zh-CN',
    isMobile: phone,
    hasTouch: phone,
  });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const token = await tokenOf(identity);
  await context.addInitScript(
    ({ t, big }) => {
      if (!localStorage.getItem('shishi.session')) localStorage.setItem('shishi.session', JSON.stringify({ data: t }));
      if (big) localStorage.setItem('shishi.largeFont', JSON.stringify({ data: true }));
    },
    { t: token, big: large },
  );
  const page = await context.newPage();
  await page.clock.install({ time: new Date(PINNED) });
  await page.goto(`${baseUrl}/#/${path}`);
  return page;
}

const detailPath = () => `packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`;
const onScreen = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();

/** The whole page, not only the first screen: H5 scrolls inside the page container, so let it grow, then undo. */
async function longShot(page: Page, name: string): Promise<void> {
  const selector = 'html, body, #app, .taro_router, .taro_page, .taro-tabbar__panel';
  await page.evaluate((sel) => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      el.dataset.longShot = el.getAttribute('style') ?? '';
      el.style.height = 'auto';
      el.style.overflow = 'visible';
    }
  }, selector);
  await shot(page, name);
  await page.evaluate((sel) => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      el.setAttribute('style', el.dataset.longShot ?? '');
      delete el.dataset.longShot;
    }
  }, selector);
}

async function openProject(identity: string, options?: Parameters<typeof open>[2]): Promise<Page> {
  const page = await open(identity, detailPath(), options);
  await onScreen(page, '#progress-milestones').waitFor();
  await settle(page);
  return page;
}

const measures = '第三、四期托管班已结束，共托管职工子女 186 人，家长满意度调查已发放。';
const funding = '课酬和午餐已支出 7.2 万元，其中市总扶助 4.1 万元。';
const coordination = '请组织部协调明年继续使用青少年宫场地。';

test('the unit ticks a late milestone off and reports progress with a photo; the leader replies from 待我办理', async () => {
  const page = await openProject('demo-district');
  const late = onScreen(page, '#progress-late-count');
  assert.match((await late.textContent()) ?? '', /^2 个节点逾期$/, 'two milestones are past their planned day');
  assert.equal(await onScreen(page, '#progress-milestone-0-state').textContent(), '已逾期');
  await longShot(page, 'progress-staff-late');

  // 标记完成 (today, as the server counts it).
  await onScreen(page, '#progress-milestone-0-tick').click();
  await onScreen(page, '#progress-tick-confirm').click();
  await page.locator('#progress-tick-sheet').waitFor({ state: 'detached' });
  await page.waitForFunction(
    () => document.querySelector('#progress-milestone-0-state')?.textContent === '2026年11月24日完成',
  );
  assert.match((await late.textContent()) ?? '', /^1 个节点逾期$/);

  // 报送进展: 措施, 资金, 需协调的问题, a photo, public.
  await onScreen(page, '#progress-report-open').click();
  const sheet = page.locator('#progress-report-sheet');
  await sheet.locator('#progress-report-measures textarea').fill(measures);
  await sheet.locator('#progress-report-funding textarea').fill(funding);
  await sheet.locator('#progress-report-coordination textarea').fill(coordination);
  const chooser = page.waitForEvent('filechooser');
  await sheet.locator('#progress-report-photos-add').click();
  await (await chooser).setFiles({ name: 'class.png', mimeType: 'image/png', buffer: png() });
  await sheet.locator('#progress-report-photos .ui-images__item').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#progress-report-photos .ui-images__uploading'));
  await sheet.locator('#progress-report-visibility-public').click();
  await shot(page, 'progress-report-sheet');
  await sheet.locator('#progress-report-send').click();
  await sheet.waitFor({ state: 'detached' });
  const first = onScreen(page, '#progress-report-0');
  await first.waitFor();
  assert.match((await first.textContent()) ?? '', /已向职工公开/);
  assert.match((await first.textContent()) ?? '', /等待归口管理部门回复/);

  // 组织和基层工作部's leader: 首页 · 待我办理 → the project → 回复.
  const leader = await open('demo-org-leader', 'pages/home/index');
  await onScreen(leader, '#home-work').waitFor();
  const item = leader.locator('.work__item--progressReport').filter({ hasText: TITLE }).first();
  await item.waitFor();
  await shot(leader, 'progress-leader-home');
  await item.click();
  const report = onScreen(leader, '#progress-report-0');
  await report.waitFor();
  assert.match((await report.textContent()) ?? '', new RegExp(funding.slice(0, 10)));
  await report.locator('#progress-report-0-reply-text textarea').fill('场地已与青少年宫商定，明年暑期继续使用。');
  await report.locator('#progress-report-0-reply-send').click();
  await report.locator('#progress-report-0-reply-0').waitFor();
  await longShot(leader, 'progress-leader-replied');

  // Back with the unit: the reply is there, nothing waits any more.
  await page.reload();
  await onScreen(page, '#progress-report-0-reply-0').waitFor();
  assert.doesNotMatch((await onScreen(page, '#progress-report-0').textContent()) ?? '', /等待归口管理部门回复/);
});

test('a worker sees milestones with dates and the public update with its photo, and 分享 copies the link', async () => {
  const project = await api<Project>('demo-worker', 'project', 'get', { projectId });
  assert.equal(project.staff, null);
  assert.equal(project.implementation?.reports, null, 'workers get no reports');

  const page = await openProject('demo-worker');
  const milestones = onScreen(page, '#progress-milestones');
  assert.match((await milestones.textContent()) ?? '', /计划 2026年/);
  assert.equal(await onScreen(page, '#progress-milestone-0-state').textContent(), '2026年11月24日完成');
  const update = onScreen(page, '#progress-update-0');
  await update.waitFor();
  assert.match((await update.textContent()) ?? '', new RegExp(measures.slice(0, 12)));
  const body = (await onScreen(page, '#project-view').textContent()) ?? '';
  assert.doesNotMatch(body, /课酬和午餐已支出/, 'no 资金 for workers');
  assert.doesNotMatch(body, /青少年宫场地/, 'no 需协调的问题 for workers');
  assert.equal(await page.locator('#progress-report-open').count(), 0, 'no 报送进展 for workers');
  await update.locator('.pg-photos__img').first().waitFor();

  // 您可以做什么, then 分享 copies the page's link.
  await onScreen(page, '#project-next').waitFor();
  await onScreen(page, '#project-share').click();
  await page.waitForFunction(() => document.querySelector('#project-share')?.textContent?.includes('已复制'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${baseUrl}/#/${detailPath()}`);

  await longShot(page, 'progress-worker-phone');
  for (const [name, options] of [
    ['progress-worker-phone-large', { large: true }],
    ['progress-worker-desktop', { width: 1280, height: 900 }],
    ['progress-worker-desktop-large', { width: 1280, height: 900, large: true }],
  ] as const) {
    const other = await openProject('demo-worker', options);
    await onScreen(other, '#progress-update-0 .pg-photos__img').waitFor();
    await settle(other);
    await longShot(other, name);
  }
});

/** A 1×1 PNG (the upload checks magic bytes). */
function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
}
