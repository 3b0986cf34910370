/**
 * The worker journey (foundation issue): a newcomer opens the app, binds a profile, submits a
 * proposal, sees it in 我的建议, and browses others' (names masked).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, baseUrl, launch, phonePage, shot } from './browser';

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launch();
  page = await phonePage(browser);
});

after(async () => {
  await browser?.close();
});

const title = '职工食堂增加夜班热饭供应';

test('a newcomer binds a profile: name and grassroots union', async () => {
  await page.goto(baseUrl + '/');
  await page.locator('#identity-demo-newcomer').click();
  await page.locator('#bind-name input').waitFor();
  await shot(page, '01-bind-empty');

  // Submitting without a name or union shows field messages and stays on the page.
  await page.locator('#bind-submit').click();
  await page.locator('#bind-name-error').waitFor();

  await page.locator('#bind-name input').fill('吴晓燕');
  await page.locator('#bind-org-picker').click();
  await page.locator('#org-group-dist-zhongshan').click();
  await shot(page, '02-bind-union-picker');
  await page.locator('#org-union-gr-zs-sanitation').click();
  await page.locator('#bind-unit input').fill('环卫二队');
  await page.locator('#bind-submit').click();

  await page.locator('#home-greeting').waitFor();
  assert.match(await page.locator('#home-greeting').innerText(), /吴晓燕/);
  const me = await api<{ bound: boolean; profile: { orgId: string } }>('demo-newcomer', 'profile', 'me');
  assert.equal(me.bound, true);
  assert.equal(me.profile.orgId, 'gr-zs-sanitation');
});

test('home shows the open collection window with a countdown', async () => {
  await page.locator('#window-countdown').waitFor();
  assert.match(await page.locator('#window-title').innerText(), /2027年度为职工办实事项目征集/);
  // Pinned clock: 2026-11-24 10:00 Shanghai; the window closes at 2027-01-01 00:00 → 38 days left.
  assert.match(await page.locator('#window-countdown').innerText(), /38\s*天/);
  await shot(page, '03-home-window-open');
});

test('an incomplete proposal is refused on the phone with the field messages of the shared schema', async () => {
  await page.locator('#home-propose').click();
  await page.locator('#proposal-title input').waitFor();
  await page.locator('#proposal-title input').fill('热饭');
  await page.locator('#proposal-submit').click();
  await page.locator('#proposal-title-error').waitFor();
  assert.match(await page.locator('#proposal-title-error').innerText(), /建议标题至少 4 个字/);
  assert.match(await page.locator('#proposal-content-error').innerText(), /请填写建议内容/);
  await shot(page, '04-proposal-field-errors');
  const mine = await api<{ total: number }>('demo-newcomer', 'proposal', 'listMine', {});
  assert.equal(mine.total, 0, 'nothing is stored');
});

test('a worker submits a proposal and sees it in 我的建议', async () => {
  await page.locator('#proposal-title input').fill(title);
  await page
    .locator('#proposal-content textarea')
    .fill('夜班职工下班时食堂已经关门，只能吃冷饭。建议食堂晚上十点增加一次热饭供应，或者配备加热设备。');
  await page.locator('#category-labourEconomy').click();
  await page.locator('#target-frontline').click();
  await shot(page, '05-proposal-filled');
  await page.locator('#proposal-submit').click();
  await page.getByText('提交成功').first().waitFor();

  await page.locator('#mine-list .proposal-card').first().waitFor();
  const first = page.locator('#mine-list .proposal-card').first();
  assert.match(await first.innerText(), new RegExp(title));
  assert.match(await first.innerText(), /已提交/);
  assert.match(await page.locator('#mine-total').innerText(), /共 1 条/);
  await shot(page, '06-mine-after-submit');

  const stored = await api<{ items: Array<{ title: string; authorName: string; _id: string }> }>(
    'demo-newcomer',
    'proposal',
    'listMine',
    {},
  );
  assert.equal(stored.items.length, 1);
  assert.equal(stored.items[0].title, title);
  assert.equal(stored.items[0].authorName, '吴晓燕');
});

test("a worker browses others' proposals with their names masked", async () => {
  await page.locator('.weui-tabbar__item', { hasText: '大家的建议' }).click();
  await page.locator('#proposals-list .proposal-card').first().waitFor();
  // Other files' proposals may fill the first page: find the seeded one by its words.
  await page.locator('#proposals-search input').fill('外卖骑手');
  await page.locator('#proposals-search-submit').click();
  await page.waitForFunction(() =>
    document.querySelector('#proposals-list')?.textContent?.includes('外卖骑手充电换电和歇脚点'),
  );
  const text = await page.locator('#proposals-list').innerText();
  assert.match(text, /外卖骑手充电换电和歇脚点/);
  assert.match(text, /陈\*\*/, "other workers' names are masked");
  assert.doesNotMatch(text, /陈晓东/);
  await shot(page, '07-proposals-browse');

  // Category filter narrows the list.
  await page.locator('#proposals-category-career').click();
  await page.waitForFunction(() => !document.body.innerText.includes('外卖骑手充电换电和歇脚点'));
  await page.locator('#proposals-search input').fill('');
  await page.locator('#proposals-search-submit').click();
  await page.waitForFunction(() =>
    document.querySelector('#proposals-list')?.textContent?.includes('青年职工技能提升线上课程'),
  );
});
