/**
 * Issue 12, a district's collection window beside the city's: the home banner and 提建议 name whose
 * window it is; setting up a district window that overlaps the city's open one says what will happen
 * and asks first — 取消 sets nothing up, 确定设立 does.
 *
 * Every file shares one dev host and its data: the window made here opens after the pinned day
 * (2026-12-21) and is called off at the end, so the workers of the other files keep sending to the
 * city's window and the district's screening keeps its default window.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, confirmModal, launch, settle, shot } from './browser';
import { pickDateIn, signedInPhone } from './helpers';

const pinned = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
let browser: Browser;
const contexts: BrowserContext[] = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

/** The page on screen (Taro keeps visited pages in the DOM, hidden). */
const current = (page: Page) => page.locator('.taro_page:not(.taro_page_shade)').last();

/**
 * Chooses `day` (YYYY-MM-DD) in the 征集期 form's date box `#<id>`: the picker around it is given the day,
 * opened and confirmed with 确定; the box then shows the day as it is sent.
 */
async function pickDay(page: Page, id: string, day: string): Promise<void> {
  await pickDateIn(page, page.locator(`#${id}`).filter({ visible: true }).first(), id, day, day);
}

type Listed = { items: Array<{ _id: string; title: string; status: string; orgId: string }> };

test('the home banner and 提建议 say whose collection window the worker sends to', async () => {
  const page = await signedInPhone(browser, contexts, 'demo-worker', 'pages/home/index', pinned);
  const org = current(page).locator('#window-org');
  await org.waitFor();
  assert.equal((await org.innerText()).trim(), '大连市总工会正在征集建议');
  assert.match(await current(page).locator('#window-card').innerText(), /您的建议提交到大连市总工会的征集期/);
  await settle(page);
  await shot(page, 'window-owner-home');

  await current(page).locator('#home-propose').click();
  const notice = page.locator('#proposal-window').filter({ visible: true });
  await notice.waitFor();
  assert.match(await notice.innerText(), /提交到大连市总工会的征集期《2027年度为职工办实事项目征集》/);
  await settle(page);
  await shot(page, 'window-owner-propose');
});

test('a district window overlapping the city’s open one asks first: 取消 sets up nothing, 确定设立 sets it up', async () => {
  const title = '中山区年末专项征集';
  const ours = async () =>
    (await api<Listed>('demo-district', 'collectWindow', 'list', {})).items.filter((w) => w.title === title);
  const page = await signedInPhone(browser, contexts, 'demo-district', 'packages/staff/pages/windows/index', pinned);
  await current(page).locator('.window-admin').first().waitFor();
  await current(page).locator('#window-create').click();
  await page.locator('#window-create-sheet').filter({ visible: true }).waitFor();
  await page.locator('#wc-title input').fill(title);
  // Opens after today and ends before the city's window does (10月1日至12月31日).
  await pickDay(page, 'wc-opens', '2026-12-21');
  await pickDay(page, 'wc-closes', '2026-12-30');

  await page.locator('#wc-submit').click();
  const dialog = page.locator('.taro-modal__content').filter({ visible: true });
  await dialog.waitFor();
  const said = await dialog.innerText();
  assert.match(said, /与上级征集期时间重叠/);
  assert.match(
    said,
    /这个征集期（12月21日至12月30日）和大连市总工会的《2027年度为职工办实事项目征集》（10月1日至12月31日）时间重叠/,
  );
  assert.match(said, /中山区总工会的职工提交的建议进入本单位的征集期，不再进入大连市总工会的征集期/);
  assert.match(said, /确定设立/);
  await settle(page);
  await shot(page, 'window-overlap-confirm');

  // 取消: nothing is set up, and the form stays as filled in.
  await page.locator('.taro-model__cancel').filter({ visible: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(await ours(), [], 'cancelling sets nothing up');
  assert.equal(await page.locator('#wc-title input').inputValue(), title);

  // 确定设立: set up, as scheduled, and listed.
  await page.locator('#wc-submit').click();
  await dialog.waitFor();
  await confirmModal(page);
  await page.getByText('已设立征集期').first().waitFor();
  const made = await ours();
  try {
    assert.equal(made.length, 1, 'confirming sets it up once');
    assert.equal(made[0].orgId, 'dist-zhongshan');
    assert.equal(made[0].status, 'scheduled');
    const card = current(page).locator(`#window-${made[0]._id}`);
    await card.waitFor();
    assert.match(await card.innerText(), /未开始/);
    await settle(page);
    await shot(page, 'window-overlap-created');
  } finally {
    // Called off, so the other files' district workers keep the city's window.
    for (const w of made) await api('demo-district', 'collectWindow', 'close', { windowId: w._id, reason: '测试结束' });
  }
});
