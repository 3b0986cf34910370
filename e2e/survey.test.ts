/**
 * 需求调查 (issue: surveys): district staff build a two-page survey with display logic and publish it;
 * a worker answers it on the phone (progress bar, messages from the shared rules, resume after a reload,
 * submit once) and sees the public results; a cadre enters a paper answer for a worker of their union;
 * staff read the charts and the cross-tabulation, download the Excel file, which the test opens with
 * exceljs, and check the figures against the answers (核对统计); an anonymous survey hides small groups
 * ("不足 5 人，不显示").
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { api, baseUrl, confirmModal, freshPhones, settle, shot } from './browser';
import { goBackSettled } from './helpers';

const signedIn = freshPhones();

/** Waits until Taro's H5 toast has gone, so screenshots show the page itself. */
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

interface SurveyCardOut {
  _id: string;
  title: string;
  status: string;
  phase: string;
  responses: number | null;
}

interface ResultsOut {
  responses: number;
  channels: { online: number; offline: number };
  questions: Array<{ questionId: string; overall: { answered: number } }>;
}

const TITLE = '子女托管服务需求调查';
let surveyId = '';

/** Adds a question of a type to a page and opens its editor. */
async function addQuestion(page: Page, section: number, type: string, title: string): Promise<void> {
  await page.locator(`#section-${section}-add`).click();
  await page.locator(`#type-${type}`).click();
  await page.locator('#qe').waitFor();
  await page.locator('#qe-title input').fill(title);
}

test('district staff build a two-page survey with display logic and publish it', async () => {
  const page = await signedIn('demo-district');
  await page.locator('#home-surveys-manage').click();
  await page.locator('#survey-list, #survey-list-empty').first().waitFor();
  await page.locator('#survey-new').click();
  // 新建问卷 starts by choosing: blank, a template or a copy.
  await page.locator('#se-start-blank').click();
  await page.locator('#se-title input').waitFor();

  // Saving an empty question shows the shared schema's messages where they belong.
  await addQuestion(page, 0, 'single', '');
  await page.locator('#se-save').click();
  await page.locator('#se-error').waitFor();
  assert.match(await page.locator('#se-error').innerText(), /请填写调查标题|调查标题/);
  assert.match(await page.locator('#qe-title-error').innerText(), /请填写题目/);

  await page.locator('#se-title input').fill(TITLE);
  await page
    .locator('#se-intro textarea')
    .fill('了解职工子女寒暑假、课后托管的需求，作为明年办实事项目的依据。约需 2 分钟。');
  await page.locator('#se-target input').fill('40');

  // 第 1 题 (single) …
  await page.locator('#qe-title input').fill('您家里有正在上小学的孩子吗？');
  await page.locator('#qe-opt-0 input').fill('有');
  await page.locator('#qe-opt-1 input').fill('没有');
  await page.locator('#qe-done').click();

  // … 第 2 题 (multiple, at most 2, with 其他) shows only when 第 1 题 is 有.
  await addQuestion(page, 0, 'multiple', '您最需要哪些托管服务？');
  await page.locator('#qe-opt-0 input').fill('暑假托管');
  await page.locator('#qe-opt-1 input').fill('寒假托管');
  await page.locator('#qe-opt-2 input').fill('放学后托管');
  await page.locator('#qe-other').click();
  await page.locator('#qe-max-plus').click();
  await page.locator('#qe-max-plus').click();
  assert.equal((await page.locator('#qe-max').innerText()).trim(), '2');
  await page.locator('#qe-logic-add').click();
  await page.locator('#qe-logic-0-q-q1').click();
  await page.locator('#qe-logic-0-opt-o1').waitFor();
  assert.match(await page.locator('#qe-logic-0-summary').innerText(), /当第 1 题选择“有”时显示/);
  await settle(page);
  await shot(page, '60-survey-builder-logic');
  await page.locator('#qe-done').click();
  assert.match(await page.locator('#qcard-q2-logic-0').innerText(), /当第 1 题选择“有”时显示/);

  // 第 2 页: a 5-point scale and an optional long text.
  await page.locator('#section-add').click();
  await page.locator('#section-1-title input').fill('满意度和建议');
  await addQuestion(page, 1, 'scale', '您对单位现有的托管安排满意吗？');
  await page.locator('#qe-done').click();
  await addQuestion(page, 1, 'longText', '您对工会开办托管班还有什么建议？');
  await page.locator('#qe-required-no').click();
  await page.locator('#qe-done').click();
  await settle(page);
  await shot(page, '61-survey-builder');

  await page.locator('#se-save').click();
  await page.getByText('已保存', { exact: true }).filter({ visible: true }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#se-error'));

  await page.locator('#se-publish').click();
  await confirmModal(page);
  await page.getByText('已发布', { exact: true }).filter({ visible: true }).first().waitFor();
  await page.waitForFunction(() => /进行中/.test(document.querySelector('#se-status')?.textContent ?? ''));
  assert.equal(await page.locator('#se-publish').count(), 0, 'published: no 发布 button any more');

  const mine = await api<{ items: SurveyCardOut[] }>('demo-district', 'survey', 'listMine', { keyword: '托管' });
  const card = mine.items.find((s) => s.title === TITLE);
  assert.ok(card, 'the survey is in 问卷管理');
  assert.equal(card.status, 'published');
  assert.equal(card.phase, 'open');
  surveyId = card._id;

  // 问卷管理 lists it with its actions.
  await goBackSettled(page);
  await page.locator(`#survey-${surveyId}`).waitFor();
  assert.match(await page.locator(`#survey-${surveyId}-phase`).innerText(), /进行中/);
  await page.locator(`#survey-${surveyId}-close`).waitFor();
  await settle(page);
  await shot(page, '62-survey-manage');
  await page.context().close();
});

test('a worker answers on the phone: display logic, messages, progress, resume, submit once', async () => {
  assert.ok(surveyId, 'the survey was published');
  const page = await signedIn('demo-worker');
  const go = page.locator(`#home-survey-${surveyId}-go`);
  await go.waitFor();
  assert.match(await page.locator(`#home-survey-${surveyId}`).innerText(), /去填写/);
  await settle(page);
  await shot(page, '63-home-surveys');
  await go.click();

  await page.locator('#survey-title').waitFor();
  assert.match(await page.locator('#survey-page').innerText(), /第 1\/2 页/);
  assert.equal(await page.locator('#q-q2').count(), 0, '第 2 题 hidden until 第 1 题 is answered 有');

  // Next without answering: the shared rules' message under the question.
  await page.locator('#survey-next').click();
  await page.locator('#q-q1-error').waitFor();
  assert.match(await page.locator('#q-q1-error').innerText(), /请选择/);

  await page.locator('#q-q1-opt-o1').click();
  await page.locator('#q-q2').waitFor();
  await page.locator('#survey-next').click();
  await page.locator('#q-q2-error').waitFor();

  await page.locator('#q-q2-opt-o1').click();
  await page.locator('#q-q2-opt-o4').click(); // 其他
  await page.locator('#q-q2-opt-o2').click(); // a third pick is refused (最多选 2 项)
  assert.equal(await page.locator('#q-q2 .sq-opt--on').count(), 2);
  await page.locator('#survey-next').click();
  await page.locator('#q-q2-error').waitFor();
  assert.match(await page.locator('#q-q2-error').innerText(), /请填写“其他”的具体内容/);
  await page.locator('#q-q2-other input').fill('周末托管');
  await toastGone(page);
  assert.match(await page.locator('#survey-answered').innerText(), /已答 2\/4 题/);
  await settle(page);
  await shot(page, '64-survey-answer-page1');

  // Half-filled: leave and come back; the device kept the answers.
  await page.reload();
  await page.locator('#survey-resumed').waitFor();
  assert.equal(await page.locator('#q-q1-opt-o1.sq-opt--on').count(), 1);
  assert.equal(await page.locator('#q-q2 .sq-opt--on').count(), 2);
  assert.equal(await page.locator('#q-q2-other input').inputValue(), '周末托管');

  await page.locator('#survey-next').click();
  await page.locator('#q-q3').waitFor();
  assert.match(await page.locator('#survey-page').innerText(), /第 2\/2 页/);
  await page.locator('#q-q3-v-2').click();
  await page.locator('#q-q4-text textarea').fill('希望托管班离单位近一些，接送方便。');
  assert.match(await page.locator('#survey-answered').innerText(), /已答 4\/4 题 · 100%/);
  await settle(page);
  await shot(page, '65-survey-answer-page2');

  await page.locator('#survey-submit').click();
  await confirmModal(page);
  await page.locator('#survey-thanks').waitFor();
  assert.match(await page.locator('#survey-thanks').innerText(), /提交成功/);
  await toastGone(page);
  await settle(page);
  await shot(page, '66-survey-thanks');

  // Public results after submitting.
  await page.locator('#survey-view-results').click();
  await page.locator('#result-q1').waitFor();
  assert.match(await page.locator('#result-q1-bar-o1').innerText(), /1 人 · 100%/);
  await settle(page);
  await shot(page, '67-survey-public-results');

  // Once only: opening it again says so, and the server stored one answer.
  await page.goto(`${baseUrl}/#/pages/survey-answer/index?id=${surveyId}`);
  await page.locator('#survey-thanks').waitFor();
  assert.match(await page.locator('#survey-thanks').innerText(), /已经提交过/);
  const again = await api<{ status: string }>('demo-worker', 'survey', 'submit', {
    surveyId,
    answers: { q1: { choice: 'o2' }, q3: { value: 5 } },
  });
  assert.equal(again.status, 'alreadySubmitted');
  await page.context().close();
});

test('a cadre enters a paper answer for a worker of their union, marked offline', async () => {
  assert.ok(surveyId, 'the survey was published');
  const page = await signedIn('demo-cadre');
  await page.locator('#home-survey-offline').click();
  await page.locator(`#so-pick-${surveyId}`).click();
  await page.locator('#so-offline-badge').waitFor();
  assert.match(await page.locator('#so-offline-badge').innerText(), /线下录入/);

  await page.locator('#so-submit').click();
  await page.locator('#so-worker-name-error').waitFor();
  await page.locator('#so-worker-name input').fill('马春生');
  await page.locator('#q-q1-opt-o2').click(); // 没有: 第 2 题 stays hidden (greyed, numbered as on paper)
  assert.equal(await page.locator('#q-q2').count(), 0);
  assert.match(await page.locator('#q-q2-skipped').innerText(), /^2\. .*这题不用填/);
  await page.locator('#q-q3-v-4').click();
  await settle(page);
  await shot(page, '68-survey-offline');
  await page.locator('#so-submit').click();
  await confirmModal(page);
  await page.locator('#so-done').waitFor();
  assert.match(await page.locator('#so-done').innerText(), /马春生/);
  await page.context().close();

  const results = await api<ResultsOut>('demo-district', 'survey', 'results', { surveyId });
  assert.equal(results.responses, 2);
  assert.deepEqual(results.channels, { online: 1, offline: 1 });
});

test('staff read the charts and cross-tab, then download the Excel file and open it', async () => {
  assert.ok(surveyId, 'the survey was published');
  const page = await signedIn('demo-district');
  await page.locator('#home-surveys-manage').click();
  await page.locator(`#survey-${surveyId}-results`).click();
  await page.locator('#results-summary').waitFor();
  assert.equal((await page.locator('#results-responses').innerText()).trim(), '2');
  assert.match(await page.locator('#results-rate').innerText(), /5%/);
  assert.match(await page.locator('#results-channels').innerText(), /线上填写 1 份 · 线下录入 1 份/);
  assert.match(await page.locator('#result-q1-bar-o1').innerText(), /1 人 · 50%/);
  assert.match(await page.locator('#result-q2-bar-o1').innerText(), /1 人 · 100%/);
  assert.match(await page.locator('#result-q3-bar-average').innerText(), /平均\s*3\.0\s*分/);
  await settle(page);
  await shot(page, '69-survey-results');

  // Text answers, searchable.
  await page.locator('#result-q4-texts').click();
  await page.locator('#texts-q4-list').waitFor();
  assert.match(await page.locator('#texts-q4-list').innerText(), /离单位近一些/);
  await page.locator('#texts-q4-search input').fill('没有这个词');
  await page.locator('#texts-q4-search-submit').click();
  await page.locator('#texts-q4-list-empty').waitFor();

  // Cross-tab by district.
  await page.locator('#results-by-district').click();
  await page.locator('#result-q1-seg-dist-zhongshan').waitFor();
  assert.match(await page.locator('#result-q1-seg-dist-zhongshan').innerText(), /中山区总工会/);
  await settle(page);
  await shot(page, '70-survey-crosstab');

  // Export to Excel: a normal download; the test opens the workbook.
  await page.locator('#export-xlsx').click();
  await page.locator('#survey-export-result').waitFor();
  assert.match(await page.locator('#survey-export-file').innerText(), /\.xlsx$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#survey-export-download').click(),
  ]);
  const path = await download.path();
  assert.ok(path, 'the browser saved the file');
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const names = workbook.worksheets.map((w) => w.name);
  assert.ok(names.includes('汇总') && names.includes('答卷'), `sheets: ${names.join(', ')}`);
  const answers = workbook.getWorksheet('答卷')!;
  const header = (answers.getRow(1).values as unknown[]).map(String);
  assert.ok(
    header.some((h) => h.includes('您家里有正在上小学的孩子吗')),
    'a column per question',
  );
  const rows: string[] = [];
  answers.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|'));
  });
  assert.equal(rows.length, 2, 'one row per answer');
  assert.ok(
    rows.some((r) => r.includes('王秀梅') && r.includes('周末托管')),
    'the worker’s answer, with 其他',
  );
  assert.ok(
    rows.some((r) => r.includes('马春生') && r.includes('线下')),
    'the offline answer',
  );
  const summary = workbook.getWorksheet('汇总')!;
  let summaryText = '';
  summary.eachRow((row) => (summaryText += (row.values as unknown[]).map((v) => String(v ?? '')).join('|') + '\n'));
  assert.match(summaryText, new RegExp(TITLE));
  assert.match(summaryText, /暑假托管/);
  await toastGone(page);
  await settle(page);
  await shot(page, '71-survey-export');

  // CSV of the summary too: the panel shows the whole link (with the host, to open on a computer) and a
  // 下载 CSV button, and both give the same file.
  await page.locator('#export-csv-summary').click();
  await page.waitForFunction(() => /\.csv$/.test(document.querySelector('#survey-export-file')?.textContent ?? ''));
  const url = (await page.locator('#survey-export-link').innerText()).trim();
  assert.ok(url.startsWith(`${baseUrl}/`), `a full link with the host: ${url}`);
  assert.match(await page.locator('#survey-export-rows').innerText(), /含 2 份答卷/);
  assert.equal((await page.locator('#survey-export-download').innerText()).trim(), '下载 CSV');
  assert.equal(await page.locator('#survey-export-copy').count(), 1, '复制链接');
  const csv = await fetch(url);
  assert.equal(csv.status, 200);
  const csvBytes = Buffer.from(await csv.arrayBuffer());
  assert.match(csvBytes.toString('utf8'), /暑假托管/);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#survey-export-download').click(),
  ]);
  assert.match(csvDownload.suggestedFilename(), /\.csv$/);
  const saved = await readFile(await csvDownload.path());
  assert.ok(saved.equals(csvBytes), 'the 下载 button gives the file the link gives');

  // 核对统计: every answer counted again agrees with the figures above.
  await page.locator('#check-run').click();
  await page.locator('#check-result').waitFor();
  assert.match(await page.locator('#check-result').innerText(), /统计数字与答卷一致：共 2 份答卷/);
  assert.equal(await page.locator('#check-apply').count(), 0, 'nothing to recompute');
  await page.locator('#survey-check').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await toastGone(page);
  await settle(page);
  await shot(page, '71b-survey-check');
  await page.context().close();
});

test('an anonymous survey hides groups under 5 answers in the cross-tab', async () => {
  const created = await api<{ survey: { _id: string } }>('demo-research', 'survey', 'create', {
    title: '职工疗休养意向匿名调查',
    opensOn: '2026-11-24',
    closesOn: '2026-12-31',
    anonymous: true,
    resultsPublic: false,
    sections: [
      {
        id: 's1',
        questions: [
          {
            id: 'q1',
            type: 'single',
            title: '您愿意参加疗休养吗？',
            options: [
              { id: 'y', label: '愿意' },
              { id: 'n', label: '不愿意' },
            ],
          },
          { id: 'q2', type: 'score', title: '您对疗休养的需要程度', required: false },
        ],
      },
    ],
  });
  const id = created.survey._id;
  await api('demo-research', 'survey', 'publish', { surveyId: id });
  await api('demo-worker', 'survey', 'submit', { surveyId: id, answers: { q1: { choice: 'y' }, q2: { value: 8 } } });

  const page = await signedIn('demo-research');
  await page.goto(`${baseUrl}/#/packages/survey/pages/results/index?id=${id}`);
  await page.locator('#results-summary').waitFor();
  await page.locator('#results-by-district').click();
  await page.locator('#results-suppression-note').waitFor();
  await page.locator('#result-q1-seg-dist-zhongshan').waitFor();
  assert.match(await page.locator('#result-q1-seg-dist-zhongshan').innerText(), /不足 5 人，不显示/);
  assert.equal(
    await page.locator('#result-q1-seg-dist-zhongshan .sr-bar').count(),
    0,
    'no numbers for the small group',
  );
  await settle(page);
  await shot(page, '72-survey-suppressed');
  await page.context().close();
});

test('once answers exist, a change that would break them is refused with a clear notice', async () => {
  assert.ok(surveyId, 'the survey was published');
  const page = await signedIn('demo-district');
  await page.goto(`${baseUrl}/#/packages/survey/pages/edit/index?id=${surveyId}`);
  await page.locator('#se-edit-notice').waitFor();
  assert.match(await page.locator('#se-status').innerText(), /已收到 2 份答卷/);

  // Fewer picks allowed would make an existing answer invalid: refused, and the UI says why.
  await page.locator('#qcard-q2-edit').click();
  await page.locator('#qe-locked').waitFor();
  assert.equal(await page.locator('#qe-opt-0-remove').count(), 0, 'answered options cannot be removed');
  await page.locator('#qe-max-minus').click();
  await page.locator('#qe-done').click();
  await page.locator('#se-save').click();
  await page.locator('#se-error').waitFor();
  const notice = await page.locator('#se-error').innerText();
  assert.match(notice, /已有 2 份答卷，这次修改没有保存/);
  assert.match(notice, /不能降低最多选择项数/);
  await page.locator('#qe-max-error').waitFor();
  await settle(page);
  await shot(page, '73-survey-edit-refused');

  // Put it back, reword 第 1 题 and add an optional question: accepted.
  await page.locator('#qe-max-plus').click();
  await page.locator('#qe-done').click();
  await page.locator('#qcard-q1-edit').click();
  await page.locator('#qe-title input').fill('您家里有正在上小学的孩子吗（含今年入学的）？');
  await page.locator('#qe-done').click();
  await addQuestion(page, 1, 'text', '您的孩子在哪所学校上学？');
  assert.equal(await page.locator('#qe-required-no.ui-chip--selected').count(), 1, 'a new question is optional');
  await page.locator('#qe-done').click();
  await page.locator('#se-save').click();
  await page.getByText('已保存', { exact: true }).filter({ visible: true }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#se-error'));
  const got = await api<{ survey: { questionCount: number; version: number } }>('demo-district', 'survey', 'get', {
    surveyId,
  });
  assert.equal(got.survey.questionCount, 5);
  await page.context().close();
});

test('staff duplicate a survey as a new draft and close the original early', async () => {
  assert.ok(surveyId, 'the survey was published');
  const page = await signedIn('demo-district');
  await page.locator('#home-surveys-manage').click();
  await page.locator(`#survey-${surveyId}-duplicate`).click();
  await confirmModal(page);
  await page.locator('#se-title input').waitFor();
  assert.equal(await page.locator('#se-title input').inputValue(), `${TITLE}（副本）`);
  assert.match(await page.locator('#se-status').innerText(), /草稿/);
  assert.match(await page.locator('#se-question-count').innerText(), /共 5 题/);
  await goBackSettled(page);

  await page.locator(`#survey-${surveyId}-close`).click();
  await confirmModal(page);
  await page.locator('.taro__toast').getByText('已结束').waitFor();
  await page.waitForFunction(
    (id) => /已结束/.test(document.querySelector(`#survey-${id}-phase`)?.textContent ?? ''),
    surveyId,
  );
  const drafts = await api<{ items: SurveyCardOut[] }>('demo-district', 'survey', 'listMine', {
    status: 'draft',
    keyword: '托管',
  });
  assert.ok(
    drafts.items.some((s) => s.title === `${TITLE}（副本）`),
    'the copy is a draft',
  );
  await page.context().close();
});
