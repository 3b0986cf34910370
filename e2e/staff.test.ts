/**
 * Staff scoping (foundation issue): a district-union staff member sees the proposals of their subtree
 * and nobody else's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, baseUrl, launch, phonePage, settle, shot } from './browser';

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launch();
  page = await phonePage(browser);
});

after(async () => {
  await browser?.close();
});

test('a district-union staff member sees only the proposals of their district', async () => {
  await page.goto(baseUrl + '/');
  await page.locator('#identity-demo-district').click();
  await page.locator('#home-staff').waitFor();
  await shot(page, '10-staff-home');
  await page.locator('#home-staff').click();
  await page.locator('#staff-list .proposal-card').first().waitFor();
  await settle(page);
  await shot(page, '11-staff-proposals');

  const text = await page.locator('#staff-list').innerText();
  // 中山区 proposals, with full author names (the first page is the newest: earlier suites add proposals
  // of the district, so the seeded ones may have moved on; every union shown is one of 中山区's).
  assert.match(text, /提议人：[\u4e00-\u9fa5]{2,4}\n/);
  assert.doesNotMatch(text, /提议人：[\u4e00-\u9fa5]\*/);
  // The page shows the district's own newest proposals, as the function scopes them.
  const firstPage = await api<{ items: Array<{ title: string }> }>('demo-district', 'proposal', 'list', {
    pageSize: 5,
  });
  for (const item of firstPage.items) assert.ok(text.includes(item.title), `shows 《${item.title}》`);
  // Other districts and industry unions are not theirs.
  assert.doesNotMatch(text, /外卖骑手充电换电和歇脚点/);
  assert.doesNotMatch(text, /公交司机如厕难问题/);
  assert.doesNotMatch(text, /青年职工技能提升线上课程/);

  // The count on the page is the count of their subtree, as the function computes it.
  const scoped = await api<{ total: number; items: Array<{ orgId: string }> }>('demo-district', 'proposal', 'list', {
    pageSize: 50,
  });
  assert.match(await page.locator('#staff-total').innerText(), new RegExp(`共 ${scoped.total} 条`));
  const everything = await api<{ total: number }>('demo-research', 'proposal', 'list', { pageSize: 50 });
  assert.ok(everything.total > scoped.total, 'the city sees more than one district');
});

test('a worker cannot open the staff pages', async () => {
  const context = page.context();
  await context.clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.goto(baseUrl + '/');
  await page.locator('#identity-demo-worker').click();
  await page.locator('#home-greeting').waitFor();
  assert.equal(await page.locator('#home-staff').count(), 0, 'no 建议管理 entry for a worker');
  // Following a link to the staff page, a worker is told it is for staff, and shown the way home.
  await page.goto(baseUrl + '/#/packages/staff/pages/proposals/index');
  await page.getByText('这个页面只对工会工作人员开放').waitFor();
  assert.equal(await page.locator('#staff-list').count(), 0);
  await shot(page, '12-worker-on-staff-page');
});
