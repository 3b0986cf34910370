/**
 * 建议详情 for its author, issue 12 ("a worker can follow what happens"): the timeline says what happens
 * next and when (the window's last day, screening from the day after, the decision by the window's
 * 决定公布日期); 修改 reuses the 提建议 form (with its device draft) and 撤回 asks first, then keeps the
 * proposal as 已撤回, out of the public list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, baseUrl, confirmModal, freshPhones, settle, shot } from './browser';

const signedIn = freshPhones();

type Stored = { _id: string; title: string; content: string; status: string };
type Got = { proposal: Stored; history: Array<{ action: string; note: string | null }> };

async function submitAs(identity: string, title: string, content: string, draft: string): Promise<Stored> {
  return api<Stored>(identity, 'proposal', 'submit', {
    title,
    content,
    category: 'culture',
    targetGroup: 'all',
    attachments: [],
    clientDraftId: draft,
  });
}

async function openDetail(page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/proposal-detail/index?id=${encodeURIComponent(id)}`);
  await page.reload();
  await page.locator('#detail-timeline').waitFor();
}

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });

test('the author sees what happens next and when, and edits the proposal with the 提建议 form', async () => {
  const stored = await submitAs(
    'demo-worker',
    '职工之家周末开放健身房',
    '职工之家的健身房只在工作日开放，倒班职工周末想锻炼却进不去，建议周末也开放。',
    'e2e-follow-edit-001',
  );
  const page = await signedIn('demo-worker');
  await openDetail(page, stored._id);

  const timeline = await page.locator('#detail-timeline').innerText();
  assert.match(timeline, /征集期到12月31日结束/);
  assert.match(timeline, /征集期结束后（2027年1月1日起）/, 'screening starts the day after the window');
  // The seeded city window names its 决定公布日期; no other day is invented for the decision.
  assert.match(timeline, /大连市总工会将在2027年3月31日前公布是否采纳/, 'the decision by the window’s day');
  assert.match(await page.locator('#timeline-next').innerText(), /2027年1月1日起/);
  assert.match(await page.locator('#timeline-collecting').innerText(), /2026年12月31日/);
  await settle(page);
  await shot(page, '96-proposal-timeline');
  await page.locator('#detail-author-actions').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, '96-proposal-timeline-actions');

  // 修改: the 提建议 form, started from the stored proposal.
  await page.locator('#detail-edit').click();
  await visible(page, '#proposal-edit-note').waitFor();
  assert.equal(await visible(page, '#proposal-title input').inputValue(), stored.title);
  const changed =
    '职工之家的健身房只在工作日开放，倒班职工周末想锻炼却进不去，建议周六周日上午也开放，并安排一名管理员。';
  await visible(page, '#proposal-content textarea').fill(changed);

  // A reload keeps the change on the device and says so.
  await page.reload();
  await visible(page, '#proposal-draft-restored').waitFor();
  assert.match(await visible(page, '#proposal-draft-restored').innerText(), /已恢复您上次没有改完的内容/);
  assert.equal(await visible(page, '#proposal-content textarea').inputValue(), changed);
  await settle(page);
  await shot(page, '97-proposal-edit');

  await visible(page, '#proposal-submit').click();
  await page.getByText('已保存修改').first().waitFor();
  await visible(page, '#detail-content').waitFor();
  await page.waitForFunction(
    (text) =>
      Array.from(document.querySelectorAll('#detail-content')).some((e) => (e as HTMLElement).innerText === text),
    changed,
  );
  const got = await api<Got>('demo-worker', 'proposal', 'get', { proposalId: stored._id });
  assert.equal(got.proposal.content, changed);
  assert.deepEqual(
    got.history.map((h) => h.action),
    ['提交建议', '修改建议'],
  );
  await page.context().close();
});

test('the author withdraws after confirming; the proposal stays as 已撤回 and leaves the public list', async () => {
  const stored = await submitAs(
    'demo-worker',
    '职工食堂增加清真窗口',
    '单位有不少少数民族职工，食堂没有清真窗口，吃饭很不方便，建议增设一个清真窗口。',
    'e2e-follow-withdraw1',
  );
  const page = await signedIn('demo-worker');
  await openDetail(page, stored._id);

  // Cancelling the dialog changes nothing.
  await page.locator('#detail-withdraw').click();
  await page.locator('.taro-model__cancel').filter({ visible: true }).click();
  assert.equal(
    (await api<Got>('demo-worker', 'proposal', 'get', { proposalId: stored._id })).proposal.status,
    'submitted',
  );

  await page.locator('#detail-withdraw').click();
  const dialog = await page.locator('.taro-modal__content').filter({ visible: true }).innerText();
  assert.match(dialog, /不再参加筛选/);
  await confirmModal(page);
  await page.getByText('已撤回').first().waitFor();
  await page.locator('#timeline-withdrawn').waitFor();
  assert.match(await page.locator('#detail-status').innerText(), /已撤回/);
  assert.equal(await page.locator('#detail-author-actions').count(), 0, 'no 修改 / 撤回 once withdrawn');
  await settle(page);
  await shot(page, '98-proposal-withdrawn');

  const got = await api<Got>('demo-worker', 'proposal', 'get', { proposalId: stored._id });
  assert.equal(got.proposal.status, 'withdrawn');
  const everyone = await api<{ items: Stored[] }>('demo-cadre', 'proposal', 'list', { pageSize: 50 });
  assert.equal(
    everyone.items.some((p) => p._id === stored._id),
    false,
  );
  await page.context().close();
});
