/**
 * Merging a large cluster on the screening page (issue 10, long jobs): district staff select 60 wordings
 * of one need and merge them into one — more than MERGE_INLINE_MAX, so the server runs it as a job and
 * the page follows it with a progress bar, then says what it did; then 撤销全部合并 on the kept proposal
 * undoes the whole merge in one action, followed the same way. On this small demo data a job finishes in
 * its first call, so the test holds back the server's first reply once (marked still running) to see the
 * page poll `mergeStatus` with the bar showing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, confirmModal, freshPhones, settle, shot } from './browser';

const signedIn = freshPhones();
const N = 60;
const KEYWORD = '夜班公交';

interface ProposalOut {
  _id: string;
  status: string;
  backerCount: number;
  mergedFrom: Array<{ _id: string }>;
}

/** Taps 加载更多 until every card of the search is loaded. */
async function loadAll(page: Page, count: number) {
  for (let i = 0; i < 40 && (await page.locator('#screen-list .screen-card').count()) < count; i += 1) {
    const shown = await page.locator('#screen-list .screen-card').count();
    await page.locator('#screen-list-load-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#screen-list .screen-card').length > n, shown);
  }
  assert.equal(await page.locator('#screen-list .screen-card').count(), count);
}

test('60 proposals merged as a job with a progress bar, then the whole merge undone in one action', async () => {
  const ids: string[] = [];
  for (let i = 0; i < N; i += 1) {
    const p = await api<ProposalOut>('demo-worker', 'proposal', 'submit', {
      title: `${KEYWORD}第${i + 1}路延长到晚上十一点`,
      content: `下夜班的职工坐不上公交，建议${KEYWORD}第${i + 1}路末班车延长到晚上十一点，方便环卫和商场职工回家。`,
      category: 'labourEconomy',
      targetGroup: 'frontline',
    });
    ids.push(p._id);
    if (i % 4 === 0) await api('demo-cadre', 'proposal', 'support', { proposalId: p._id });
  }

  const page = await signedIn('demo-district');
  await page.locator('#home-screening').click();
  await page.locator('#screen-list .screen-card').first().waitFor();
  await page.locator('#screen-search input').fill(KEYWORD);
  await page.locator('#screen-search-submit').click();
  await page.waitForFunction(
    (n) => new RegExp(`共 ${n} 条`).test(document.querySelector('#screen-total')?.textContent ?? ''),
    N,
  );
  await loadAll(page, N);
  for (const id of ids) await page.locator(`#screen-select-${id}`).click();
  assert.match(await page.locator('#screen-selected-count').innerText(), new RegExp(`已选 ${N} 条`));
  await page.locator('#screen-merge-open').click();
  await page.locator(`#merge-keep-${ids[0]}`).click();

  // The first reply held back as "still running" and the poll slowed, to see the bar.
  let held = false;
  await page.route('**/api/proposal', async (route) => {
    const action = (JSON.parse(route.request().postData() ?? '{}') as { action?: string }).action;
    if (action === 'merge' && !held) {
      held = true;
      const res = await route.fetch();
      const body = (await res.json()) as { ok: boolean; data: { job: { status: string; progress: number } } };
      assert.ok(body.ok && body.data.job, 'a merge of 59 answers with a job');
      body.data.job = { ...body.data.job, status: 'running', progress: 40 };
      await route.fulfill({ response: res, body: JSON.stringify(body) });
      return;
    }
    if (action === 'mergeStatus') await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.locator('#merge-confirm').click();
  await confirmModal(page);
  await page.locator('#merge-progress').waitFor();
  assert.match(await page.locator('#merge-job').innerText(), /正在合并 40%/);
  await settle(page);
  await shot(page, '70-merge-job-progress');
  await page.locator('#merge-result').waitFor();
  assert.match(await page.locator('#merge-result-text').innerText(), new RegExp(`已把 ${N - 1} 条建议合并到`));
  await page.unroute('**/api/proposal');
  await page.locator(`#screen-unmerge-all-${ids[0]}`).waitFor();
  await settle(page);
  await shot(page, '71-merge-job-done');

  const kept = await api<{ proposal: ProposalOut }>('demo-district', 'proposal', 'get', { proposalId: ids[0] });
  assert.equal(kept.proposal.mergedFrom.length, N - 1);
  // 王秀梅 wrote them all, 李建国 supported 15 of them: two people.
  assert.equal(kept.proposal.backerCount, 2);

  // 撤销全部合并: one action for the whole cluster.
  await page.locator('#merge-result-close').click();
  await page.locator(`#screen-unmerge-all-${ids[0]}`).click();
  await confirmModal(page);
  await page.locator('#merge-result').waitFor();
  assert.match(await page.locator('#merge-result-text').innerText(), new RegExp(`${N - 1} 条建议恢复为独立的建议`));
  await loadAll(page, N);
  await settle(page);
  await shot(page, '72-unmerge-all-done');
  const again = await api<{ proposal: ProposalOut }>('demo-district', 'proposal', 'get', { proposalId: ids[1] });
  assert.equal(again.proposal.status, 'submitted');
});
