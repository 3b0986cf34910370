/**
 * 需求调查, issue 12 (trust, and what 问卷星 users expect): text answers are private unless the survey
 * says so before anyone answers; a scale shows only the words staff chose, from the shared label sets;
 * the home card, the answering page and the offline form count the same questions and say true things
 * about the display logic; the builder previews as a worker sees it, starts from a template or a copy;
 * a published survey has a share link and a QR poster (the weapp 小程序码 opens the answering page through
 * its `scene`); single-choice results have a pie beside the bars.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, baseUrl, confirmModal, freshPhones, settle, shot } from './browser';

const signedIn = freshPhones();

/** The seeded city survey (8 questions; 第 2 题 only for 一线 workers; a matrix of 3 rows). */
const SEED = 'seed-survey-needs';

async function toastGone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((el) => el.style.display === 'none'),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
}

async function createPublished(identity: string, def: Record<string, unknown>): Promise<string> {
  const created = await api<{ survey: { _id: string } }>(identity, 'survey', 'create', {
    opensOn: '2026-11-24',
    closesOn: '2026-12-31',
    ...def,
  });
  await api(identity, 'survey', 'publish', { surveyId: created.survey._id });
  return created.survey._id;
}

test('public results show no one’s words unless the survey made texts public before anyone answered', async () => {
  const id = await createPublished('demo-research', {
    title: '职工食堂意见调查',
    resultsPublic: true,
    sections: [
      {
        id: 's1',
        questions: [
          {
            id: 'q1',
            type: 'single',
            title: '您常在食堂吃午饭吗？',
            options: [
              { id: 'y', label: '常吃' },
              { id: 'n', label: '很少' },
              { id: 'o', label: '其他', other: true },
            ],
          },
          { id: 'q2', type: 'longText', title: '您对食堂有什么意见？', required: false },
        ],
      },
    ],
  });
  await api('demo-worker', 'survey', 'submit', {
    surveyId: id,
    answers: { q1: { choice: 'o', otherText: '自己带饭' }, q2: { text: '我是三号车间的老刘，饭菜太咸' } },
  });

  const page = await signedIn('demo-worker');
  await page.goto(`${baseUrl}/#/pages/survey-result/index?id=${id}`);
  await page.locator('#result-q2').waitFor();
  assert.match(await page.locator('#result-privacy').innerText(), /不显示任何人填写的内容/);
  assert.equal(await page.locator('#result-q2-texts').count(), 0, 'no 查看文字回答 for workers');
  assert.equal(await page.locator('#result-q1-texts').count(), 0, 'no 其他 texts either');
  assert.match(await page.locator('#result-q2-texts-private').innerText(), /填写的文字不公开/);
  assert.doesNotMatch(await page.locator('#results-questions').innerText(), /老刘|自己带饭/);
  await settle(page);
  await shot(page, '90-survey-results-texts-private');
  await page.context().close();

  // The function refuses them too, whoever asks it directly.
  await assert.rejects(
    api('demo-worker', 'survey', 'textAnswers', { surveyId: id, questionId: 'q2' }),
    /这份调查只公开统计数字，不公开个人填写的文字/,
  );

  // The builder: the setting is there, and locked once answers exist.
  const staff = await signedIn('demo-research');
  await staff.goto(`${baseUrl}/#/packages/survey/pages/edit/index?id=${id}`);
  await staff.locator('#se-texts-fixed').waitFor();
  assert.match(await staff.locator('#se-texts-fixed').innerText(), /已有答卷，不能再公开/);
  assert.equal(await staff.locator('#se-texts-yes').count(), 0, 'no way to make them public now');
  await staff.locator('#se-texts-fixed').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await settle(staff);
  await shot(staff, '91-survey-builder-texts-locked');
  await staff.context().close();
});

test('a scale shows only the words staff chose; the builder offers the shared label sets', async () => {
  const page = await signedIn('demo-district');
  await page.goto(`${baseUrl}/#/packages/survey/pages/edit/index`);
  await page.locator('#se-start-blank').click();
  await page.locator('#se-title input').fill('工间休息安排调查');
  await page.locator('#section-0-add').click();
  await page.locator('#type-scale').click();
  await page.locator('#qe-title input').fill('您觉得现在的工间休息够用吗？');
  // A new scale has no words until staff choose them.
  assert.equal(await page.locator('#qe-low input').inputValue(), '');
  assert.equal(await page.locator('#qe-high input').inputValue(), '');
  assert.equal(await page.locator('#qe-labels-none.ui-chip--selected').count(), 1);
  for (const name of ['满意度', '难易', '同意', '频率'])
    assert.match(await page.locator('#qe-labels').innerText(), new RegExp(name));
  await settle(page);
  await shot(page, '92-survey-builder-label-sets');
  await page.locator('#qe-done').click();

  // A second scale with the 同意 set.
  await page.locator('#section-0-add').click();
  await page.locator('#type-scale').click();
  await page.locator('#qe-title input').fill('工间休息时间应当延长。');
  await page.locator('#qe-labels-agreement').click();
  assert.equal(await page.locator('#qe-low input').inputValue(), '非常不同意');
  assert.equal(await page.locator('#qe-high input').inputValue(), '非常同意');
  await page.locator('#qe-done').click();
  await page.locator('#se-save').click();
  await page.getByText('已保存', { exact: true }).filter({ visible: true }).first().waitFor();
  await page.locator('#se-publish').click();
  await confirmModal(page);
  await page.getByText('已发布', { exact: true }).filter({ visible: true }).first().waitFor();
  const list = await api<{ items: Array<{ _id: string; title: string }> }>('demo-district', 'survey', 'listMine', {
    keyword: '工间休息',
  });
  const id = list.items[0]._id;
  await page.context().close();

  const worker = await signedIn('demo-worker');
  await worker.goto(`${baseUrl}/#/pages/survey-answer/index?id=${id}`);
  await worker.locator('#q-q1').waitFor();
  assert.equal(await worker.locator('#q-q1-ends').count(), 0, 'no words under a scale without labels');
  const first = await worker.locator('#q-q1').innerText();
  assert.doesNotMatch(first, /满意|最低|最高/);
  assert.match(await worker.locator('#q-q2-ends').innerText(), /1 分 = 非常不同意[\s\S]*5 分 = 非常同意/);
  await settle(worker);
  await shot(worker, '93-survey-scale-words');
  await worker.context().close();
});

test('the home card, the answering page and the offline form count the same questions and tell the truth', async () => {
  const page = await signedIn('demo-worker');
  const meta = page.locator(`#home-survey-${SEED}-meta`);
  await meta.waitFor();
  // 8 questions; 第 2 题 shows only for 一线 workers: 7 are asked at first.
  assert.match(await meta.innerText(), /至少 7 题/);
  await page.locator(`#home-survey-${SEED}-go`).click();
  await page.locator('#survey-answered').waitFor();
  assert.match(await page.locator('#survey-answered').innerText(), /已答 0\/7 题 · 0%/);

  await page.locator('#q-work-opt-office').click();
  await page.locator('#survey-next').click();
  await page.locator('#q-wants').waitFor();
  await page.locator('#q-wants-opt-skills').click();
  for (const o of ['income', 'safety', 'health']) await page.locator(`#q-priority-opt-${o}`).click();
  await page.locator('#q-satisfaction-v-4').click();
  await page.locator('#q-services-r-canteen-4').click();
  await page.locator('#q-services-r-commute-3').click();
  await page.locator('#q-recommend-v-8').click();
  await page.locator('#q-advice-text textarea').fill('希望多办技能培训');
  // One matrix row (休息场所) is still open: not everything is answered, and it does not say 100%.
  const progress = await page.locator('#survey-answered').innerText();
  assert.match(progress, /已答 6\/7 题/);
  assert.doesNotMatch(progress, /100%/);
  await page.locator('#q-services-r-rest-5').click();
  assert.match(await page.locator('#survey-answered').innerText(), /已答 7\/7 题 · 100%/);
  await toastGone(page);
  await settle(page);
  await shot(page, '94-survey-progress-agrees');
  await page.context().close();

  // Offline entry: a hidden question says when it is asked, not that an answer ruled it out.
  const cadre = await signedIn('demo-cadre');
  await cadre.goto(`${baseUrl}/#/packages/survey/pages/offline/index?id=${SEED}`);
  await cadre.locator('#q-outdoor-skipped').waitFor();
  assert.match(await cadre.locator('#q-outdoor-skipped').innerText(), /第 1 题选“一线生产、服务”时才需要填/);
  assert.doesNotMatch(await cadre.locator('#q-outdoor-skipped').innerText(), /根据/);
  assert.match(await cadre.locator('#so-count').innerText(), /共 7 题，已填 0 题/);
  await cadre.locator('#q-work-opt-office').click();
  assert.match(await cadre.locator('#q-outdoor-skipped').innerText(), /根据第 1 题的回答，这题不用填/);
  await cadre.locator('#q-work-opt-frontline').click();
  await cadre.locator('#q-outdoor').waitFor();
  assert.match(await cadre.locator('#so-count').innerText(), /共 8 题，已填 1 题/);
  await cadre.locator('#q-work-opt-office').click();
  await cadre.locator('#q-outdoor-skipped').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await settle(cadre);
  await shot(cadre, '95-survey-offline-logic');
  await cadre.context().close();
});

test('the builder previews the survey as a worker sees it, without sending anything', async () => {
  const page = await signedIn('demo-district');
  await page.goto(`${baseUrl}/#/packages/survey/pages/edit/index`);
  await page.locator('#se-start-satisfaction').click();
  await page.locator('#se-title input').waitFor();
  await page.locator('#se-preview-open').click();
  await page.locator('#se-preview').waitFor();
  assert.match(await page.locator('#survey-title').innerText(), /职工满意度调查/);
  assert.match(await page.locator('#survey-answered').innerText(), /已答 0\/3 题/);
  assert.equal(await page.locator('#q-joined').count(), 0, 'display logic as for a worker');
  await page.locator('#q-aware-opt-well').click();
  await page.locator('#q-joined').waitFor();
  await page.locator('#survey-submit').click();
  await page.locator('#q-joined-error').waitFor();
  await settle(page);
  await shot(page, '96-survey-preview');
  await page.locator('#se-preview-close').click();
  await page.locator('#se-title input').waitFor();
  assert.equal(await page.locator('#se-title input').inputValue(), '职工满意度调查', 'the editor kept its state');
  const drafts = await api<{ total: number }>('demo-district', 'survey', 'listMine', { keyword: '职工满意度调查' });
  assert.equal(drafts.total, 0, 'previewing saves nothing');
  await page.context().close();
});

test('a new survey starts from a template or a copy', async () => {
  const page = await signedIn('demo-research');
  await page.goto(`${baseUrl}/#/packages/survey/pages/list/index`);
  await page.locator('#survey-new').click();
  await page.locator('#se-start').waitFor();
  await page.locator('[id^="se-start-copy-"]').first().waitFor();
  await settle(page);
  await shot(page, '97-survey-start');
  await page.locator('#se-start-yearlyNeeds').click();
  await page.locator('#se-title input').waitFor();
  assert.equal(await page.locator('#se-title input').inputValue(), '年度职工需求调查');
  assert.match(await page.locator('#se-question-count').innerText(), /共 6 题/);
  assert.equal(await page.locator('#se-texts-no.ui-chip--selected').count(), 1, 'texts private by default');
  await page.locator('#se-save').click();
  await page.getByText('已保存', { exact: true }).filter({ visible: true }).first().waitFor();
  await page.context().close();

  // A copy, from the same start page: a published survey with an answer (made here, so it is among the
  // newest the page offers, whatever other tests made before) becomes a draft with its questions and
  // none of its answers.
  const source = await createPublished('demo-research', {
    title: '职工通勤方式调查',
    sections: [
      {
        id: 's1',
        questions: [
          {
            id: 'way',
            type: 'single',
            title: '您上下班主要怎么走？',
            options: [
              { id: 'bus', label: '公交地铁' },
              { id: 'bike', label: '骑车步行' },
              { id: 'car', label: '开车' },
            ],
          },
          { id: 'wish', type: 'longText', title: '您希望单位在通勤上帮什么忙？', required: false },
        ],
      },
    ],
  });
  await api('demo-worker', 'survey', 'submit', { surveyId: source, answers: { way: { choice: 'bus' } } });
  const again = await signedIn('demo-research');
  await again.goto(`${baseUrl}/#/packages/survey/pages/list/index`);
  await again.locator('#survey-new').click();
  const copyOf = again.locator(`#se-start-copy-${source}`);
  await copyOf.waitFor();
  assert.match(await copyOf.innerText(), /职工通勤方式调查/);
  await copyOf.click();
  await again.locator('#se-title input').waitFor();
  assert.equal(await again.locator('#se-title input').inputValue(), '职工通勤方式调查（副本）');
  assert.match(await again.locator('#se-status').innerText(), /草稿[\s\S]*已收到 0 份答卷/);
  assert.match(await again.locator('#se-question-count').innerText(), /共 2 题/);
  assert.match(
    await again.locator('#qcard-way').innerText(),
    /您上下班主要怎么走？[\s\S]*公交地铁 \/ 骑车步行 \/ 开车/,
  );
  assert.match(await again.locator('#qcard-wish').innerText(), /您希望单位在通勤上帮什么忙？/);
  const copies = await api<{ items: Array<{ _id: string; title: string; status: string }> }>(
    'demo-research',
    'survey',
    'listMine',
    { keyword: '职工通勤方式调查（副本）' },
  );
  assert.equal(copies.items.length, 1, 'one copy was made');
  assert.notEqual(copies.items[0]._id, source);
  assert.equal(copies.items[0].status, 'draft');
  await again.context().close();
});

test('a published survey has a share link and a QR poster staff can download', async () => {
  const page = await signedIn('demo-research');
  await page.goto(`${baseUrl}/#/packages/survey/pages/list/index`);
  await page.locator(`#survey-${SEED}-share`).click();
  await page.locator('#share-link').waitFor();
  const link = (await page.locator('#share-link').innerText()).trim();
  assert.equal(link, `${baseUrl}/#/pages/survey-answer/index?id=${SEED}`);
  await page.locator('#share-poster').waitFor();
  await page.waitForFunction(() => (document.querySelector('#share-poster') as HTMLImageElement | null)?.complete);
  const size = await page
    .locator('#share-poster')
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  assert.deepEqual(size, [750, 1180]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#share-poster-download').click()]);
  assert.match(download.suggestedFilename(), /^问卷海报-.*\.png$/);
  const saved = await download.path();
  assert.ok(saved);
  const png = await readFile(saved);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  await page.locator('#share-poster').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, '98-survey-share');

  // The link opens the answering page for a worker.
  const worker = await signedIn('demo-worker');
  await worker.goto(link);
  await worker.locator('#survey-title, #survey-thanks').first().waitFor();
  await worker.context().close();
  await page.context().close();
});

test('the weapp poster’s 小程序码 opens the answering page: the page takes the survey id from `scene`', async () => {
  // survey.poster makes the code with scene = the survey id (the local runtime has no wxacode: no image).
  assert.deepEqual(await api('demo-research', 'survey', 'poster', { surveyId: SEED }), { miniCodeUrl: null });
  const worker = await signedIn('demo-worker');
  await worker.goto(`${baseUrl}/#/pages/survey-answer/index?scene=${SEED}`);
  await worker.locator('#survey-title, #survey-thanks').first().waitFor();
  assert.equal(await worker.locator('#error-block').count(), 0);
  await worker.context().close();
});

test('single-choice results have a pie beside the bars, drawn from the same counts', async () => {
  const page = await signedIn('demo-research');
  await page.goto(`${baseUrl}/#/packages/survey/pages/results/index?id=${SEED}`);
  await page.locator('#result-work-bar-pie').waitFor();
  const gradient = await page
    .locator('#result-work-bar-pie .sr-pie__disc')
    .evaluate((el) => getComputedStyle(el).backgroundImage);
  assert.match(gradient, /conic-gradient/);
  assert.equal(await page.locator('#result-wants-bar-pie').count(), 0, 'multiple choice: bars only');
  // The pie's colours are the bars' swatches.
  assert.equal(await page.locator('#result-work .sr-bar__swatch').count(), 4);
  await page.locator('#result-work').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, '99-survey-pie');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('#result-work').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, '99b-survey-pie-desktop');
  await page.context().close();
});
