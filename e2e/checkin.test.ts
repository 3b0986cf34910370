/**
 * Service points and check-in (issue 13), on phones: 中山区总工会 (张丽) opens the project in progress,
 * goes to 服务点与签到, creates a service point, opens its poster (a PNG with the QR code of the
 * check-in link, downloadable); a worker (王秀梅) opens the poster's link and checks in (a second tap
 * on the same day says 今天已经签到过了); the staff screen's directly-served count has moved by one, and
 * a desk registration with a union nobody knows is refused with the reason.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CheckinSummary, ProjectPage } from '@shishi/shared-types';
import { phoneChosenAs } from './helpers';
import { api, baseUrl, launch, settle, shot } from './browser';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const STAFF = 'demo-district';
const WORKER = 'demo-worker';

let browser: Browser;
let projectId = '';
let posterLink = '';
let servedBefore = 0;
/** Points the demo data has already (the seed gives the project in progress one). */
let pointsBefore = 0;

before(async () => {
  browser = await launch();
  const page = await api<ProjectPage>(STAFF, 'project', 'list', { status: 'inProgress', page: 1, pageSize: 20 });
  const p = page.items.find((x) => x.status === 'inProgress');
  assert.ok(p, 'the demo data has a project in progress');
  projectId = p._id;
  const summary = await api<CheckinSummary>(STAFF, 'checkin', 'summary', { projectId });
  servedBefore = summary.served;
  pointsBefore = summary.points.length;
});
after(async () => {
  await browser?.close();
});

const phoneAs = (identity: string) => phoneChosenAs(browser, identity, PINNED);

const fill = (page: Page, id: string, value: string) =>
  page.locator(`#${id}`).locator('input, textarea').first().fill(value);

test('staff create a service point and open its poster', async () => {
  const page = await phoneAs(STAFF);
  await page.goto(`${baseUrl}/#/packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`);
  await page.locator('#checkin-panel').waitFor();
  await page.locator('#checkin-manage').click();
  await page.locator('#point-form').waitFor();
  await settle(page);
  await shot(page, 'checkin-01-manage-empty');

  // A missing field, then a backwards date, are said at their fields; nothing is saved.
  await fill(page, 'point-name', '中山区职工服务中心');
  await fill(page, 'point-start', '2026-11-24');
  await fill(page, 'point-end', '2026-11-20');
  await page.locator('#point-submit').click();
  await page.getByText('请填写地址').first().waitFor();
  await fill(page, 'point-address', '中山区人民路 20 号一楼');
  await fill(page, 'point-hours', '周一至周五 9:00–16:00');
  await fill(page, 'point-contact', '张丽 0411-82345678');
  await page.locator('#point-submit').click();
  await page.getByText('结束日期不能早于开始日期').first().waitFor();
  assert.equal((await api<CheckinSummary>(STAFF, 'checkin', 'summary', { projectId })).points.length, pointsBefore);

  await fill(page, 'point-end', '2026-12-20');
  await page.locator('#point-submit').click();
  const point = page.locator('[id^="manage-point-"]').filter({ hasText: '中山区职工服务中心' });
  await point.waitFor();
  await settle(page);
  await shot(page, 'checkin-02-point-created');

  await point.locator('[id^="poster-"]').click();
  const img = page.locator('#poster-image');
  await img.waitFor();
  const src = await img.getAttribute('src');
  assert.ok(src?.startsWith('data:image/png;base64,'), 'the poster is a PNG');
  const png = Buffer.from(src!.split(',')[1], 'base64');
  // PNG IHDR: 750 × 1180, the printable poster.
  assert.equal(png.readUInt32BE(16), 750);
  assert.equal(png.readUInt32BE(20), 1180);
  assert.equal(await page.locator('#poster-download').getAttribute('download'), '签到海报-中山区职工服务中心.png');
  posterLink = (await page.locator('#poster-link').innerText()).trim();
  assert.match(posterLink, /#\/pages\/checkin\/index\?c=/);
  await settle(page);
  await shot(page, 'checkin-03-poster');
  await page.context().close();
});

test('a worker opens the poster’s link and checks in; a second tap the same day is recognised', async () => {
  assert.ok(posterLink, 'the poster test ran first');
  const page = await phoneAs(WORKER);
  await page.goto(posterLink);
  await page.locator('#checkin-submit').waitFor();
  await settle(page);
  await shot(page, 'checkin-04-worker-confirm');
  await page.locator('#checkin-submit').click();
  await page.locator('#checkin-result-title').filter({ hasText: '签到成功' }).waitFor();
  await settle(page);
  await shot(page, 'checkin-05-worker-done');

  await page.reload();
  await page.locator('#checkin-submit').click();
  await page.locator('#checkin-result-title').filter({ hasText: '今天已经签到过了' }).waitFor();

  // A forged code: the page says why, nothing is stored.
  await page.goto(posterLink.replace(/c=([^&]+)/, (_m, c: string) => `c=${decodeURIComponent(c).slice(0, -2)}zz`));
  await page.locator('#checkin-submit').click();
  await page.locator('#checkin-error').filter({ hasText: '签到码无效' }).waitFor();
  await shot(page, 'checkin-06-worker-forged');
  await page.context().close();
});

test('staff see directly served move by one and the desk registration refuse an unknown union', async () => {
  const page = await phoneAs(STAFF);
  await page.goto(`${baseUrl}/#/packages/project/pages/checkin/index?id=${encodeURIComponent(projectId)}`);
  const count = page.locator('#checkin-served-count');
  await count.waitFor();
  assert.equal(Number((await count.innerText()).trim()), servedBefore + 1);

  await fill(page, 'register-name', '赵六');
  await fill(page, 'register-unit', '火星工会');
  await page.locator('#register-submit').click();
  await page.locator('#register-note').filter({ hasText: '找不到名为「火星工会」的单位' }).waitFor();
  await fill(page, 'register-unit', '大连公交客运集团工会');
  await page.locator('#register-submit').click();
  await page.locator('#register-note').filter({ hasText: '已登记 赵六' }).waitFor();
  await page
    .locator('#checkin-served-count')
    .filter({ hasText: String(servedBefore + 2) })
    .waitFor();
  await settle(page);
  await shot(page, 'checkin-07-staff-served');
  const s = await api<CheckinSummary>(STAFF, 'checkin', 'summary', { projectId });
  assert.equal(s.served, servedBefore + 2);
  await page.context().close();
});
