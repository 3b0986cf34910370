/**
 * 提建议 and 建议详情, issue 12 (trust): nothing typed is lost — a second proposal with a used title is
 * stored, the same text again says so and links to it, a reload brings the draft back and says so,
 * pasting past the limit cuts nothing and says what is over, a title of one repeated character is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, baseUrl, freshPhones, settle, shot } from './browser';

const signedIn = freshPhones();
const NEW = `${baseUrl}/#/pages/proposal-new/index`;

async function fill(page: Page, p: { title: string; content: string }): Promise<void> {
  await page.locator('#proposal-title input').fill(p.title);
  await page.locator('#proposal-content textarea').fill(p.content);
  await page.locator('#category-culture').click();
  await page.locator('#target-all').click();
}

/** 提建议 on a fresh load (pages left earlier stay in the DOM after a hash navigation). */
async function openForm(page: Page): Promise<void> {
  await page.goto(NEW);
  await page.reload();
  await page.locator('#proposal-title input').waitFor();
}

type Mine = { items: Array<{ _id: string; title: string; content: string }> };

test('a second proposal with a used title is stored; the same text again says so and links to it', async () => {
  const page = await signedIn('demo-cadre');
  const title = '职工书屋周末开放';
  const first = { title, content: '职工书屋只在工作日开放，倒班职工周末休息时想借书却进不去，建议周末也开放半天。' };
  const second = { title, content: '职工书屋的图书多年没有更新，建议每季度按职工的推荐采购一批新书，并开通线上借阅。' };

  await openForm(page);
  await fill(page, first);
  await page.locator('#proposal-submit').click();
  await page.getByText('提交成功').first().waitFor();
  await page.locator('#mine-list').waitFor();

  await openForm(page);
  await fill(page, second);
  await page.locator('#proposal-submit').click();
  await page.getByText('提交成功').first().waitFor();
  await page.locator('#mine-list').waitFor();
  const mine = await api<Mine>('demo-cadre', 'proposal', 'listMine', { pageSize: 50 });
  const withTitle = mine.items.filter((p) => p.title === title);
  assert.equal(withTitle.length, 2, 'both proposals are stored');
  assert.deepEqual(withTitle.map((p) => p.content).sort(), [first.content, second.content].sort());

  // The first text once more, from a new draft: nothing new is stored, and the page says so.
  await openForm(page);
  await fill(page, first);
  await page.locator('#proposal-submit').click();
  await page.locator('#proposal-already').waitFor();
  assert.match(await page.locator('#proposal-already').innerText(), /您已经提交过这条建议/);
  assert.equal(await page.locator('#proposal-submit').count(), 0);
  await settle(page);
  await shot(page, '95-proposal-already-submitted');
  const after = await api<Mine>('demo-cadre', 'proposal', 'listMine', { pageSize: 50 });
  assert.equal(after.items.filter((p) => p.title === title).length, 2);
  await page.locator('#proposal-already-open').click();
  await page.locator('#detail-content').waitFor();
  assert.equal(await page.locator('#detail-content').innerText(), first.content);
  await page.context().close();
});

test('going back or reloading keeps what was typed, and the page says it came back', async () => {
  const page = await signedIn('demo-worker');
  await openForm(page);
  const typed = {
    title: '环卫工人休息点加装空调',
    content: '夏天中午环卫工人在休息点里非常闷热，建议给每个休息点加装空调和饮水机。',
  };
  await fill(page, typed);
  await page.reload();
  await page.locator('#proposal-draft-restored').waitFor();
  assert.match(await page.locator('#proposal-draft-restored').innerText(), /已恢复您上次没有提交的内容/);
  assert.equal(await page.locator('#proposal-title input').inputValue(), typed.title);
  assert.equal(await page.locator('#proposal-content textarea').inputValue(), typed.content);
  assert.equal(await page.locator('#category-culture.ui-chip--selected').count(), 1);
  await settle(page);
  await shot(page, '96-proposal-draft-restored');

  // Away to 首页 (a fresh load) and in again: still there.
  await page.goto(`${baseUrl}/#/pages/home/index`);
  await page.reload();
  await page.locator('#home-greeting').waitFor();
  await page.goto(NEW);
  await page.reload();
  const shown = (selector: string) => page.locator(selector).filter({ visible: true });
  await shown('#proposal-draft-restored').waitFor();
  assert.equal(await shown('#proposal-title input').inputValue(), typed.title);

  // 清空重写 starts again, and nothing comes back afterwards.
  await shown('#proposal-draft-discard').click();
  assert.equal(await shown('#proposal-title input').inputValue(), '');
  assert.equal(await shown('#proposal-draft-restored').count(), 0);
  await page.reload();
  await page.locator('#proposal-title input').waitFor();
  assert.equal(await page.locator('#proposal-draft-restored').count(), 0);
  assert.equal(await page.locator('#proposal-title input').inputValue(), '');
  await page.context().close();
});

test('pasting past the limit cuts nothing: the count and a note say what is over; a title of one repeated character is refused', async () => {
  const page = await signedIn('demo-worker');
  await openForm(page);
  const body = '建议在每个街道设立职工驿站，提供饮水、休息和手机充电。'.repeat(40);
  const pasted = body.slice(0, 1000) + '这是第一千字之后的句子，不能被悄悄丢掉。' + body.slice(0, 200);
  await page.locator('#proposal-content textarea').fill(pasted);
  assert.equal(await page.locator('#proposal-content textarea').inputValue(), pasted, 'nothing is cut');
  const over = pasted.length - 1000;
  assert.equal(await page.locator('#proposal-content-count').innerText(), `${pasted.length}/1000`);
  assert.match(await page.locator('#proposal-content-over').innerText(), new RegExp(`超出 ${over} 个字`));
  assert.match(await page.locator('#proposal-content-over').innerText(), /这是第一千字之后的句子/);

  await page.locator('#proposal-title input').fill('啊啊啊啊');
  await page.locator('#proposal-submit').click();
  await page.locator('#proposal-title-error').waitFor();
  assert.match(await page.locator('#proposal-title-error').innerText(), /标题不能只是同一个字重复/);
  assert.match(await page.locator('#proposal-content-error').innerText(), /建议内容最多 1000 个字/);
  await page.locator('#proposal-content').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await settle(page);
  await shot(page, '97-proposal-over-limit');
  await page.context().close();
});

test('review queue says why an item was flagged; a rejection needs a reason; the author sees 未通过审核', async () => {
  const flagged = await api<{ _id: string; moderation: string }>('demo-worker', 'proposal', 'submit', {
    title: '建议组织职工棋牌活动',
    content: '建议在活动中心开设棋牌室，可以小赌博一下增加乐趣。',
    category: 'culture',
    targetGroup: 'all',
    clientDraftId: 'e2e-flagged-0001',
  });
  assert.equal(flagged.moderation, 'review');

  const staff = await signedIn('demo-district');
  await staff.goto(`${baseUrl}/#/packages/staff/pages/review/index`);
  const why = staff.locator(`#review-why-${flagged._id}`);
  await why.waitFor();
  assert.match(await why.innerText(), /文字：自动内容检查提示可能有问题/);
  await staff.locator(`#review-reject-${flagged._id}`).click();
  await staff.locator('#reject-confirm').click();
  await staff.locator('#reject-note-error').waitFor();
  assert.match(await staff.locator('#reject-note-error').innerText(), /不通过要写明原因/);
  await staff.locator('#reject-note textarea').fill('涉及赌博内容，请改写后重新提交');
  await settle(staff);
  await shot(staff, '98-review-reject-reason');
  await staff.locator('#reject-confirm').click();
  await staff.locator('.taro-model__confirm').filter({ visible: true }).click();
  await staff.getByText('已设为不通过').first().waitFor();
  await staff.context().close();

  const worker = await signedIn('demo-worker');
  await worker.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  const card = worker.locator(`#proposal-${flagged._id}`);
  await card.waitFor();
  assert.match(await card.innerText(), /未通过审核/);
  assert.doesNotMatch(await card.locator('.ui-badge').first().innerText(), /已提交/);
  await worker.context().close();
});

test('the export panel gives a full link and a download button, and says what its count holds', async () => {
  const page = await signedIn('demo-district');
  await page.goto(`${baseUrl}/#/packages/staff/pages/screening/index`);
  await page.locator('#screen-export').click();
  await page.locator('#export-result').waitFor({ timeout: 60_000 });
  const link = (await page.locator('#export-link').innerText()).trim();
  assert.ok(link.startsWith(`${baseUrl}/`), `a full link: ${link}`);
  assert.equal((await fetch(link)).status, 200);
  // The count agrees with the list: its first number is the list's 共 N 条; the rest is named.
  const listed = Number(/共 (\d+) 条/.exec(await page.locator('#screen-total').innerText())?.[1]);
  const rows = await page.locator('#export-rows').innerText();
  assert.match(rows, new RegExp(`已导出列表中的 ${listed} 条建议`), `${rows} vs the list's ${listed}`);
  assert.match(await page.locator('#export-scope').innerText(), /已合并和已撤回的建议也各占一行/);
  assert.equal((await page.locator('#export-download').innerText()).trim(), '下载 Excel');
  assert.equal(await page.locator('#export-copy').count(), 1, '复制链接');
  await page.locator('#export-result').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, '99-export-panel');
  await page.context().close();
});
