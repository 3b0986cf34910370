/**
 * Collection and screening (issue: collection windows, similar proposals, offline entry, screening):
 * a worker finds a similar proposal while typing and supports it instead of submitting a duplicate;
 * a cadre enters a paper proposal with a photo of the form; district staff merge the duplicate into
 * the original, undo and redo the merge, score it and adopt it, and export the window; the author
 * sees the adoption, the project and its progress. Also: windows and the content-review queue.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, baseUrl, confirmModal, freshPhones, settle, shot } from './browser';
import { goBackSettled } from './helpers';

const signedIn = freshPhones();

/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

async function attach(page: Page, addButton: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(addButton).click()]);
  await chooser.setFiles(file);
}

interface ProposalOut {
  _id: string;
  title: string;
  status: string;
  supportCount: number;
  supportedByMe: boolean;
  channel: string;
  authorName: string;
  attachments: unknown[];
  offline: { enteredByName: string } | null;
  mergedFrom: Array<{ _id: string }>;
  project: { _id: string; progress: number } | null;
  scores: {
    urgency: number | null;
    urgencyEvidence: string | null;
    feasibility: number | null;
    total: number | null;
  } | null;
}

let offlineId = '';

test('while typing, a worker sees a similar proposal and supports it instead of submitting a duplicate', async () => {
  const page = await signedIn('demo-worker');
  const before = await api<{ total: number }>('demo-worker', 'proposal', 'listMine', {});
  await page.locator('#home-propose').click();
  await page.locator('#proposal-title input').fill('快递员职业伤害保障');
  await page
    .locator('#proposal-content textarea')
    .fill('快递员不清楚职业伤害保障怎么参保，出了事也不知道找谁报，希望工会帮忙。');

  const row = page.locator('#similar-seed-p2');
  await row.waitFor();
  assert.match(await page.locator('#similar-panel').innerText(), /快递小哥职业伤害保障宣传和帮办/);
  assert.ok((await page.locator('#similar-panel .similar-item').count()) <= 5, 'at most 5 similar proposals');
  await settle(page);
  await shot(page, '20-similar-panel');

  // 附议 instead of a duplicate.
  await page.locator('#similar-support-seed-p2').click();
  await page.getByText('附议成功').first().waitFor();
  await page.locator('#similar-support-seed-p2-withdraw').waitFor();
  assert.match(await page.locator('#similar-support-seed-p2-count').innerText(), /^1 人附议/);

  // Withdrawing asks first, then the count goes back.
  await page.locator('#similar-support-seed-p2-withdraw').click();
  await confirmModal(page);
  await page.locator('#similar-support-seed-p2').waitFor();
  assert.match(await page.locator('#similar-support-seed-p2-count').innerText(), /^0 人附议/);

  // Support again: once only, however often one taps.
  await page.locator('#similar-support-seed-p2').click();
  await page.locator('#similar-support-seed-p2-withdraw').waitFor();
  await settle(page);
  await shot(page, '21-similar-supported');

  const p2 = await api<{ proposal: ProposalOut }>('demo-worker', 'proposal', 'get', { proposalId: 'seed-p2' });
  assert.equal(p2.proposal.supportedByMe, true);
  assert.equal(p2.proposal.supportCount, 1);
  const afterward = await api<{ total: number }>('demo-worker', 'proposal', 'listMine', {});
  assert.equal(afterward.total, before.total, 'no duplicate was submitted');
  await page.context().close();
});

test('images: wrong type and oversize are refused in Chinese; a photo uploads and can be removed', async () => {
  const page = await signedIn('demo-worker');
  await page.locator('#home-propose').click();
  await page.locator('#proposal-images-add').waitFor();

  await attach(page, '#proposal-images-add', {
    name: 'drawing.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
    ),
  });
  await page.locator('#proposal-images-error').waitFor();
  assert.match(await page.locator('#proposal-images-error').innerText(), /只能添加 JPG、PNG、WEBP 或 GIF/);

  // Just over the 5 MB limit (a PNG with padding after its end still loads in the browser).
  const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
  await attach(page, '#proposal-images-add', { name: 'big.png', mimeType: 'image/png', buffer: big });
  await page.waitForFunction(() =>
    /不能超过 5 MB/.test(document.querySelector('#proposal-images-error')?.textContent ?? ''),
  );
  assert.equal(await page.locator('.proposal-images-item').count(), 0);

  await attach(page, '#proposal-images-add', { name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.locator('.proposal-images-item').first().waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('上传中…'));
  const imageErrors = page.locator('#proposal-images-error');
  assert.equal(await imageErrors.count(), 0, (await imageErrors.allInnerTexts()).join(' '));
  assert.equal(await page.locator('.proposal-images-item').count(), 1);
  await settle(page);
  await shot(page, '22-proposal-image');
  await page.locator('#proposal-images-remove-0').click();
  assert.equal(await page.locator('.proposal-images-item').count(), 0);
  await page.context().close();
});

test('a cadre enters a paper proposal for a worker of their union, with a photo of the form', async () => {
  const page = await signedIn('demo-cadre');
  await page.locator('#home-offline').click();
  await page.locator('#offline-worker-name input').fill('马春生');
  await page.locator('#offline-unit input').fill('环卫三队');
  await page.locator('#offline-phone input').fill('13912345678');
  await page.locator('#offline-title input').fill('环卫工人冬季休息取暖点');
  await page
    .locator('#offline-content textarea')
    .fill('冬天凌晨四点上岗，手脚冻僵，路上没有地方取暖喝热水。希望沿街设置环卫工人休息取暖点。');
  await page.locator('#offline-category-labourEconomy').click();
  await page.locator('#offline-target-frontline').click();
  await attach(page, '#offline-images-add', { name: 'paper-form.png', mimeType: 'image/png', buffer: png });
  await page.locator('.offline-images-item').first().waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('上传中…'));
  await settle(page);
  await shot(page, '23-offline-entry');

  await page.locator('#offline-submit').click();
  await page.locator('#offline-done, #offline-error').first().waitFor();
  assert.equal(
    await page.locator('#offline-error').count(),
    0,
    (await page.locator('#offline-error').allInnerTexts()).join(),
  );
  assert.match(await page.locator('#offline-done').innerText(), /马春生/);
  await settle(page);
  await shot(page, '24-offline-done');

  await page.locator('#offline-view').click();
  await page.locator('#detail-offline').waitFor();
  assert.match(await page.locator('#detail-offline').innerText(), /线下录入（由 李建国 代为录入）/);
  assert.equal(await page.locator('#detail-images .detail-images-item').count(), 1, 'the photo of the form');
  await settle(page);
  await shot(page, '25-offline-detail');

  const list = await api<{ items: ProposalOut[] }>('demo-district', 'proposal', 'list', { keyword: '取暖点' });
  const entered = list.items.find((p) => p.title === '环卫工人冬季休息取暖点');
  assert.ok(entered, 'district staff see the offline proposal');
  assert.equal(entered.channel, 'offline');
  assert.equal(entered.authorName, '马春生');
  assert.equal(entered.offline?.enteredByName, '李建国');
  assert.equal(entered.attachments.length, 1);
  offlineId = entered._id;
  await page.context().close();
});

test('district staff merge the duplicate into the original, undo it, merge again, score and adopt', async () => {
  assert.ok(offlineId, 'the offline proposal exists');
  const page = await signedIn('demo-district');
  await page.locator('#home-screening').click();
  await page.locator('#screen-list .screen-card').first().waitFor();
  await settle(page);
  await shot(page, '30-screening');

  // Both titles hold 环卫工人 (其他 files' proposals may fill a broader search's first page).
  await page.locator('#screen-search input').fill('环卫工人');
  await page.locator('#screen-search-submit').click();
  await page.locator(`#screen-${offlineId}`).waitFor();
  await page.locator('#screen-select-seed-p1').click();
  await page.locator(`#screen-select-${offlineId}`).click();
  assert.match(await page.locator('#screen-selected-count').innerText(), /已选 2 条/);
  await page.locator('#screen-merge-open').click();
  await page.locator('#merge-keep-seed-p1').click();
  await page.locator('#merge-note textarea').fill('都是环卫工人冬季休息的问题');
  await settle(page);
  await shot(page, '31-merge-sheet');
  await page.locator('#merge-confirm').click();
  await confirmModal(page);
  await page.getByText('已合并 1 条').first().waitFor();
  await page.waitForFunction((id) => !document.querySelector(`#screen-${id}`), offlineId);
  assert.match(await page.locator('#screen-seed-p1').innerText(), /已合并 1 条相似建议/);

  // Undo: the merged one shows under 已合并 with 撤销合并.
  await page.locator('#screen-filter-open').click();
  await page.locator('#filter-status-merged').click();
  await settle(page);
  await shot(page, '32-filter-sheet');
  await page.locator('#filter-apply').click();
  await page.locator(`#screen-unmerge-${offlineId}`).waitFor();
  assert.match(await page.locator(`#screen-merged-into-${offlineId}`).innerText(), /为户外环卫工人增设爱心驿站/);
  await page.locator(`#screen-unmerge-${offlineId}`).click();
  await confirmModal(page);
  await page.getByText('已撤销合并').first().waitFor();
  await page.locator('#screen-list-empty').waitFor();
  let restored = await api<{ proposal: ProposalOut }>('demo-district', 'proposal', 'get', { proposalId: offlineId });
  assert.notEqual(restored.proposal.status, 'merged');

  // Merge again, for good.
  await page.locator('#screen-filter-open').click();
  await page.locator('#filter-clear').click();
  await page.locator('#filter-apply').click();
  await page.locator(`#screen-select-${offlineId}`).click();
  await page.locator('#screen-select-seed-p1').click();
  await page.locator('#screen-merge-open').click();
  await page.locator('#merge-keep-seed-p1').click();
  await page.locator('#merge-confirm').click();
  await confirmModal(page);
  await page.waitForFunction((id) => !document.querySelector(`#screen-${id}`), offlineId);
  restored = await api<{ proposal: ProposalOut }>('demo-district', 'proposal', 'get', { proposalId: offlineId });
  assert.equal(restored.proposal.status, 'merged');

  // Score: 需求最迫切 5, 最具备办结条件 4.
  await page.locator('#screen-score-seed-p1').click();
  await page.locator('#score-sheet').waitFor();
  await page.locator('#score-save').click();
  await page.locator('#score-urgency-error').waitFor();
  await page.locator('#score-urgency-5').click();
  // Cite the city-wide needs survey (published above the district) as the evidence.
  const citeChip = page.locator('#score-survey [id^="score-survey-"]').first();
  await citeChip.waitFor();
  const citedTitle = (await citeChip.innerText()).replace(/（\d+ 份答卷）$/, '');
  await citeChip.click();
  await page.locator('#score-evidence input').fill('72% 的受访环卫职工选择冬季休息取暖');
  await page.locator('#score-feasibility-4').click();
  await page.locator('#score-note textarea').fill('区城管局可提供沿街商铺和社区用房，经费可纳入年度预算');
  await settle(page);
  await shot(page, '33-score-sheet');
  await page.locator('#score-save').click();
  await page.getByText('评分已保存').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#score-sheet'));
  await page.waitForFunction(() => !/待评/.test(document.querySelector('#screen-seed-p1')?.textContent ?? '待评'));

  // Decide: 采纳.
  await page.locator('#screen-decide-seed-p1').click();
  await page.locator('#decide-adopt').click();
  await settle(page);
  await shot(page, '34-decide-sheet');
  await page.locator('#decide-confirm').click();
  await confirmModal(page);
  await page.getByText('已采纳').first().waitFor();
  await page.locator('#screen-decision-seed-p1').waitFor();
  assert.match(await page.locator('#screen-decision-seed-p1').innerText(), /采纳/);
  await settle(page);
  await shot(page, '35-screening-adopted');

  const kept = await api<{ proposal: ProposalOut }>('demo-district', 'proposal', 'get', { proposalId: 'seed-p1' });
  assert.equal(kept.proposal.status, 'adopted');
  assert.equal(kept.proposal.scores?.urgency, 5);
  assert.equal(kept.proposal.scores?.feasibility, 4);
  assert.ok(kept.proposal.project, 'adoption created a project draft');
  assert.equal(kept.proposal.mergedFrom.length, 1);
  assert.equal(kept.proposal.scores?.urgencyEvidence, `《${citedTitle}》：72% 的受访环卫职工选择冬季休息取暖`);

  // The detail page shows the cited survey to staff, with a way to its results.
  await page.locator('#screen-detail-seed-p1').click();
  await page.locator('#detail-evidence').waitFor();
  assert.match(await page.locator('#detail-evidence').innerText(), new RegExp(`《${citedTitle}》[\\s\\S]*72%`));
  await page.locator('#detail-evidence').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, '35b-detail-evidence');
  await goBackSettled(page);
  await page.locator('#screen-seed-p1').waitFor();

  // Export the window to Excel: a link to an .xlsx file.
  await page.locator('#screen-search input').fill('');
  await page.locator('#screen-search-submit').click();
  await page.locator('#screen-export').click();
  await page.locator('#export-result').waitFor();
  assert.match(await page.locator('#export-result').innerText(), /已导出列表中的 \d+ 条建议/);
  const url = (await page.locator('#export-link').innerText()).trim();
  assert.ok(url.startsWith(`${baseUrl}/`), `a full link with the host: ${url}`);
  const file = await fetch(url);
  assert.equal(file.status, 200);
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
  await settle(page);
  await shot(page, '36-export');
  await page.context().close();
});

test('the author sees the adoption: message, status, the project and its progress', async () => {
  const page = await signedIn('demo-worker');
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await page.locator('#mine-unread').waitFor();
  // Other files' proposals by this worker may fill the first page: tap 加载更多 until it shows.
  await page.locator('#mine-list').waitFor();
  for (let i = 0; i < 20 && (await page.locator('#proposal-seed-p1').count()) === 0; i += 1) {
    const more = page.locator('#mine-list-load-more');
    if ((await more.count()) === 0) break;
    const before = await page.locator('#mine-list .ui-paged-list__items > *').count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('#mine-list .ui-paged-list__items > *').length > n,
      before,
    );
  }
  const card = page.locator('#proposal-seed-p1');
  await card.waitFor();
  assert.match(await card.innerText(), /已采纳/);
  await page.locator('#proposal-seed-p1-project').waitFor();
  assert.match(await page.locator('#proposal-seed-p1-project').innerText(), /已转为项目/);
  await settle(page);
  await shot(page, '40-mine-adopted');

  await page.locator('#mine-messages').click();
  await page.locator('#messages-list .message-item').first().waitFor();
  assert.match(await page.locator('#messages-list').innerText(), /采纳/);
  await settle(page);
  await shot(page, '41-messages');
  await page.locator('#messages-list .message-item--unread').filter({ hasText: '采纳' }).first().click();
  await page.locator('#detail-project').waitFor();
  assert.match(await page.locator('#detail-status').innerText(), /已采纳/);
  assert.match(await page.locator('#detail-merged-from').innerText(), /环卫工人冬季休息取暖点/);
  await settle(page);
  await shot(page, '42-detail-adopted');

  await page.locator('#detail-project').click();
  await page.locator('#project-title').waitFor();
  assert.match(await page.locator('#project-progress').innerText(), /\d+%/);
  await settle(page);
  await shot(page, '43-project');
  await page.context().close();
});

test('staff create a collection window for next year and close it', async () => {
  const page = await signedIn('demo-district');
  await page.locator('#home-windows').click();
  await page.locator('#windows-list').waitFor();
  await settle(page);
  await shot(page, '50-windows');

  await page.locator('#window-create').click();
  await page.locator('#wc-year input').fill('2028');
  assert.match(await page.locator('#wc-opens').innerText(), /2027-10-01/);
  await settle(page);
  await shot(page, '51-window-create');
  await page.locator('#wc-submit').click();
  await page.getByText('已设立征集期').first().waitFor();
  const created = page.locator('.window-admin', { hasText: '2028' }).first();
  await created.waitFor();
  assert.match(await created.innerText(), /未开始/);

  const id = ((await created.getAttribute('id')) ?? '').replace(/^window-/, '');

  // The org sets the ranking weights of its window.
  await page.locator(`#window-weights-${id}`).click();
  await page.locator('#weights-urgency input').fill('40');
  await page.locator('#weights-feasibility input').fill('20');
  await settle(page);
  await shot(page, '52-window-weights');
  await page.locator('#weights-save').click();
  await page.getByText('权重已保存').first().waitFor();
  await page.waitForFunction(
    (wid) => /需求最迫切 40/.test(document.querySelector(`#window-${wid}`)?.textContent ?? ''),
    id,
  );

  await page.locator(`#window-close-${id}`).click();
  await confirmModal(page);
  await page.getByText('征集期已结束').first().waitFor();
  await page.waitForFunction((wid) => /已结束/.test(document.querySelector(`#window-${wid}`)?.textContent ?? ''), id);
  await settle(page);
  await shot(page, '53-window-closed');
  await page.context().close();
});

test('a flagged proposal waits in the review queue until staff pass it', async () => {
  const flagged = await api<ProposalOut & { moderation: string }>('demo-cadre', 'proposal', 'submit', {
    title: '职工互助群组织团购',
    content: '建议工会建一个职工互助群，想参加团购的可以加微信联系我，统一采购米面油。',
    category: 'other',
    targetGroup: 'all',
  });
  assert.equal(flagged.moderation, 'review');

  const page = await signedIn('demo-district');
  await page.locator('#home-review').click();
  await page.locator(`#review-${flagged._id}`).waitFor();
  await settle(page);
  await shot(page, '54-review-queue');
  await page.locator(`#review-pass-${flagged._id}`).click();
  await page.getByText('已通过').first().waitFor();
  await page.waitForFunction((id) => !document.querySelector(`#review-${id}`), flagged._id);
  const after = await api<{ proposal: { moderation: string } }>('demo-district', 'proposal', 'get', {
    proposalId: flagged._id,
  });
  assert.equal(after.proposal.moderation, 'pass');
  await page.context().close();
});
