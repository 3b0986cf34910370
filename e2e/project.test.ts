/**
 * A project from an adopted proposal to acceptance (issue 9), on phones: 中山区总工会 (张丽) adopts a
 * worker's proposal and fills 附件1 in the editor, submits it for 论证; 组织和基层工作部 (李娜) records the
 * 论证会 and submits it for decision; 调查研究室 (吴敏) records the 市总党组会; the district files the start
 * form and the three signers sign it in order, each from 首页 · 待我办理; tranche 1 appears; the district
 * publishes and starts; the mid-term and the acceptance forms are filed and signed (the end date lies
 * before the pinned clock, 2026-11-24); tranche 2 appears and the two add up to the subsidy; 附件1 and
 * 附件2 download as real .docx files; the district closes the project; the proposal's author (王秀梅)
 * sees every step with its date and has the in-app messages.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { phoneChosenAs, pickDateIn } from './helpers';
import { api, baseUrl, confirmModal, launch, settle, shot } from './browser';
import { docxText } from './zip';

/** The dev host's pinned clock (e2e/run.mjs); the phones get the same, so "today" agrees. */
const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';

const proposalTitle = '环卫工人夜间作业反光装备配发';
const projectTitle = '环卫工人夜间作业安全保障';

// Money: 120,000.02 元 in all, 60,000.01 元 of it from the city (exactly the 50% cap).
// Tranche 1 = 40% rounded down to the fen = 24,000.00 元; tranche 2 = the rest = 36,000.01 元.
const SUBSIDY_FEN = 6_000_001;
const TRANCHE1_FEN = 2_400_000;
const TRANCHE2_FEN = 3_600_001;

let browser: Browser;
let proposalId = '';
let projectId = '';
const started = Date.now();

before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of signers.values()) await page.context().close();
  await browser?.close();
  console.log(`project e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const phoneAs = (identity: string) => phoneChosenAs(browser, identity, PINNED);

const detailUrl = (id: string) => `${baseUrl}/#/packages/project/pages/detail/index?id=${encodeURIComponent(id)}`;

/** Opens 项目详情 and waits for it (and for the staff part to finish loading, when there is one). */
async function openProject(page: Page): Promise<void> {
  // The same address again only changes nothing on a hash route: load it afresh then.
  if (page.url() === detailUrl(projectId)) await page.reload();
  else await page.goto(detailUrl(projectId));
  await page.locator('#project-title').waitFor();
}

/** Types into a field of the record editor or a form page (`#<id> input` or `#<id> textarea`). */
async function type(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).locator('input, textarea').first().fill(value);
}

/**
 * Chooses a day in a date box (`DateInput`): the picker is given the day, opened, and confirmed with
 * 确定 as a person would after scrolling the columns to it.
 */
const pickDate = (page: Page, boxId: string, day: string) => pickDateIn(page, page.locator(`#${boxId}`), boxId, day);

/** Taps an action button on 项目详情 (`#pa-<key>`). */
async function act(page: Page, id: string): Promise<void> {
  const button = page.locator(`#${id}`);
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

async function toast(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor();
}

/** Where the project stands, as stored (through the function, as staff). */
async function stored(): Promise<{
  status: string;
  staff: { tranches: Array<{ n: number; amountFen: number }>; money: { subsidyFen: number } };
}> {
  return api('demo-district', 'project', 'get', { projectId });
}

/** Each signer's phone stays signed in between forms, as a phone would. */
const signers = new Map<string, Page>();

/**
 * A signer opens 首页, finds the form in 待我办理, opens it (the page scrolls to that form) and signs
 * it: 同意 with an opinion (and the seal at the unit step). Then back to 首页.
 */
async function signFromHome(identity: string, kindLabel: string, shotName?: string): Promise<void> {
  let page = signers.get(identity);
  if (!page) {
    page = await phoneAs(identity);
    signers.set(identity, page);
  } else {
    // The phone has been lying on 首页: looking at 我的 and back shows 待我办理 as it is now.
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await page.locator('#profile-card').waitFor();
    await page.locator('.weui-tabbar__item', { hasText: '首页' }).click();
  }
  await page.locator('#home-work').waitFor();
  const item = page.locator('.work__item', { hasText: projectTitle }).filter({ hasText: kindLabel });
  await item.first().waitFor();
  assert.match(await page.locator('#home-work-count-sign').innerText(), /^[1-9]\d*\s*待我签署/);
  if (shotName) {
    await settle(page);
    await shot(page, `${shotName}-home`);
  }
  await item.first().click();
  await page.locator('.pf__card--focused').waitFor();
  const sign = page.locator('[id^="pa-sign-"]').filter({ hasText: kindLabel }).first();
  await sign.click();
  await page.locator('#pa-sign-sheet').waitFor();
  await page.locator('#pa-sign-approve').click();
  await type(page, 'pa-sign-opinion', '同意。材料齐全，按计划推进。');
  if (identity === 'demo-district-head') await page.locator('#pa-sign-seal').click();
  if (shotName) {
    await settle(page);
    await shot(page, `${shotName}-sheet`);
  }
  await page.locator('#pa-sign-confirm').click();
  await toast(page, '已签署同意');
  await page.locator('#pa-sign-sheet').waitFor({ state: 'detached' });
  // Back to 首页: 待我办理 loads again when it shows.
  await page.goBack();
  await page.locator('#home-greeting').waitFor();
}

/** The three sign-offs in order: 申报单位 (seal) → 归口管理部门 → 分管领导. */
async function signAll(kindLabel: string, shotPrefix?: string): Promise<void> {
  await signFromHome('demo-district-head', kindLabel, shotPrefix ? `${shotPrefix}-1-unit` : undefined);
  await signFromHome('demo-org-head', kindLabel, shotPrefix ? `${shotPrefix}-2-department` : undefined);
  await signFromHome('demo-org-leader', kindLabel, shotPrefix ? `${shotPrefix}-3-leader` : undefined);
}

/** The district files a form on 填报 (`kind`), filling `fill`, and comes back to 项目详情. */
async function fileForm(page: Page, kind: 'start' | 'midterm' | 'acceptance', fill: () => Promise<void>, name: string) {
  await openProject(page);
  await act(page, `pa-submitForm-${kind}`);
  await page.locator('#pf-fill').waitFor();
  await fill();
  await settle(page);
  await shot(page, name);
  await page.locator('#pf-submit').click();
  await toast(page, '已提交');
  await page.locator('#project-title').waitFor();
}

test('a district files a project from an adopted proposal and takes it to acceptance', async () => {
  // The worker's proposal, in the open 2027 window (set-up through the function).
  const submitted = await api<{ _id: string }>('demo-worker', 'proposal', 'submit', {
    title: proposalTitle,
    content: '冬季夜间清扫时路灯昏暗，车辆车速快，环卫工人没有合格的反光背心和头灯，容易发生事故。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    attachments: [],
  });
  proposalId = submitted._id;

  // —— 张丽 adopts it on 建议筛选.
  const district = await phoneAs('demo-district');
  await district.locator('#home-screening').click();
  await district.locator('#screen-search input').fill('反光装备');
  await district.locator('#screen-search-submit').click();
  await district.locator(`#screen-${proposalId}`).waitFor();
  await district.locator(`#screen-decide-${proposalId}`).click();
  await district.locator('#decide-adopt').click();
  await district.locator('#decide-project-title input').fill(projectTitle);
  await district.locator('#decide-confirm').click();
  await confirmModal(district);
  await toast(district, '已采纳');
  const adopted = await api<{ proposal: { project: { _id: string } | null } }>('demo-district', 'proposal', 'get', {
    proposalId,
  });
  assert.ok(adopted.proposal.project, 'the adoption created a project draft');
  projectId = adopted.proposal.project._id;

  // —— The draft is on 项目管理; it opens with 修改可研报告.
  await district.goto(baseUrl + '/#/pages/home/index');
  await district.locator('#home-projects').click();
  await district.locator('#plist-search input').fill('夜间作业');
  await district.locator('#plist-search-submit').click();
  await district.locator(`#project-${projectId}`).waitFor();
  await settle(district);
  await shot(district, '60-project-list');
  await district.locator(`#project-${projectId}`).click();
  await district.locator('#project-title').waitFor();
  assert.equal(await district.locator('#project-title').innerText(), projectTitle);
  assert.match(await district.locator('#project-status').innerText(), /项目草稿/);
  await settle(district);
  await shot(district, '61-project-draft');

  // —— 附件1 in the editor: every part policy asks for before 论证.
  await act(district, 'pa-update');
  await district.locator('#re-save').waitFor();
  await district.locator('#re-gaps-count').waitFor();
  await type(district, 're-leaderName', '张丽');
  await type(district, 're-phone', '0411-82345678');
  await type(district, 're-email', 'zs@example.cn');
  await pickDate(district, 're-reportDate-input', '2026-11-24');
  await type(
    district,
    're-necessity',
    '中山区有环卫工人一千二百余人，冬季夜间清扫照明差，去年发生多起剐蹭事故，职工建议集中。',
  );
  await type(district, 're-feasibility', '区环卫服务中心配合发放和培训，区总工会有经费和采购经验，当年可以办结。');
  await type(district, 're-serviceTargets', '中山区环卫服务中心一线环卫工人');
  await type(district, 're-serviceMethod', '统一采购反光背心和头灯，到班组发放并开展夜间作业安全培训');
  await type(district, 're-goals', '为 1200 名环卫工人配齐反光装备，培训 20 场');
  await type(district, 're-standards', '装备符合国家高可视性警示服标准，每人一套');
  await type(district, 're-coverage', '中山区 8 个街道');
  await pickDate(district, 're-startDate-input', '2026-11-02');
  await pickDate(district, 're-endDate-input', '2026-11-23');
  await act(district, 're-milestone-add');
  await pickDate(district, 're-milestone-0-date-input', '2026-11-10');
  await type(district, 're-milestone-0-task', '完成采购并发放到班组');
  await type(district, 're-workflowText', '以班组为单位登记尺码，班长统一领取发放，夜班前集中培训。');
  await act(district, 're-budget-add');
  await type(district, 're-budget-0-item', '反光背心和头灯');
  await type(district, 're-budget-0-amount', '120000.02');
  await type(district, 're-budget-0-aid', '60000.01');
  await type(district, 're-budget-0-source', '市总扶助、区总工会经费');
  await type(district, 're-aidStatement', '市总扶助资金全部用于装备采购');
  await type(district, 're-expectedResults', '夜间作业事故明显减少，环卫工人安全感和满意度提升。');
  await type(district, 're-targetCovered', '1200');
  await type(district, 're-targetServed', '1200');
  await type(district, 're-targetSatisfaction', '90');
  await type(district, 're-organisation', '区总工会成立工作专班，主席任组长');
  await type(district, 're-supervision', '区总工会经审会全程监督');
  await type(district, 're-fundingAssurance', '专款专用，单独核算');
  await type(district, 're-publicity', '通过工会公众号和班组宣传栏发布');
  const duties: Array<[string, string, string]> = [
    ['planning', '张丽', '方案策划'],
    ['implementation', '李明', '采购发放'],
    ['supervision', '王刚', '督导进度'],
    ['inspection', '赵芳', '质量检查'],
    ['acceptance', '孙伟', '组织验收'],
  ];
  for (const [k, person, scope] of duties) {
    await type(district, `re-duty-${k}-person`, person);
    await type(district, `re-duty-${k}-scope`, scope);
  }
  await district.locator('#re-gaps-done').waitFor();
  assert.match(await district.locator('#re-budget-cap').innerText(), /60,000\.01/);
  await district.locator('#re-save').click();
  await toast(district, '已保存');
  await district.waitForFunction(() => /已保存/.test(document.querySelector('#re-status')?.textContent ?? ''));
  await settle(district);
  await shot(district, '62-record-editor');

  // —— Back on 项目详情: 提交可研论证.
  await district.goBack();
  await district.locator('#pa-submitFeasibility').waitFor();
  await act(district, 'pa-submitFeasibility');
  await district.locator('#pa-move-sheet').waitFor();
  assert.equal(await district.locator('#pa-move-gaps').count(), 0, 'the report is complete');
  await district.locator('#pa-move-confirm').click();
  await toast(district, '已提交可研论证');
  await district.waitForFunction(() => /可研论证中/.test(document.querySelector('#project-status')?.textContent ?? ''));
  assert.equal((await stored()).status, 'feasibility');

  // —— 组织和基层工作部 (李娜): 待论证 on 首页. First she sends it back: the coverage is too vague.
  const reviewer = await phoneAs('demo-org-reviewer');
  const reviewItem = reviewer.locator('.work__item', { hasText: projectTitle });
  await reviewItem.first().waitFor();
  await reviewItem.first().click();
  await reviewer.locator('#pa-returnForRevision').waitFor();
  await act(reviewer, 'pa-returnForRevision');
  await type(reviewer, 'pa-move-note', '实施范围请写明具体的作业区和班组数量。');
  await reviewer.locator('#pa-move-confirm').click();
  await toast(reviewer, '已退回修改');

  // —— 张丽 revises 附件1 (a new version, 2) and submits it again.
  await openProject(district);
  await district.waitForFunction(() => /退回修改/.test(document.querySelector('#project-status')?.textContent ?? ''));
  await act(district, 'pa-update');
  await district.locator('#re-save').waitFor();
  assert.match(await district.locator('#re-status').innerText(), /第 2 版/);
  await type(district, 're-coverage', '中山区 8 个街道的 46 个环卫作业班组');
  await district.locator('#re-save').click();
  await toast(district, '已保存');
  await district.goBack();
  await district.locator('#pa-submitFeasibility').waitFor();
  await act(district, 'pa-submitFeasibility');
  await district.locator('#pa-move-confirm').click();
  await toast(district, '已提交可研论证');

  // —— 李娜 records the 论证会 and submits it for decision.
  await openProject(reviewer);
  await reviewer.locator('#pa-recordReview').waitFor();
  await act(reviewer, 'pa-recordReview');
  await reviewer.locator('#pa-review-kind-argument').click();
  await type(reviewer, 'pa-review-participants', '区总工会、区环卫服务中心、安全生产专家 3 人');
  await reviewer.locator('#pa-review-conclusion-pass').click();
  await type(reviewer, 'pa-review-text', '需求真实，方案可行，预算合理，同意提交审定。');
  await settle(reviewer);
  await shot(reviewer, '63-review-sheet');
  await reviewer.locator('#pa-review-confirm').click();
  await toast(reviewer, '论证记录已保存');
  await reviewer.locator('#project-review-0').waitFor();
  await act(reviewer, 'pa-submitForDecision');
  await reviewer.locator('#pa-move-confirm').click();
  await toast(reviewer, '已提交审定');
  await reviewer.waitForFunction(() => /已提交审定/.test(document.querySelector('#project-status')?.textContent ?? ''));
  await reviewer.context().close();

  // —— 调查研究室 (吴敏): 市总党组会 on 记录审定会议.
  const research = await phoneAs('demo-research-staff');
  await research.goto(detailUrl(projectId));
  await research.locator('#pa-recordDecision').waitFor();
  await act(research, 'pa-recordDecision');
  await research.locator('#cd-kind-cityPartyGroup').click();
  await type(research, 'cd-resolution', '同意将以上县区级项目列入年度为职工办实事项目，给予市总扶助。');
  await research.locator(`#cd-project-${projectId}`).click();
  await research.waitForFunction(() => /1/.test(document.querySelector('#cd-selected-count')?.textContent ?? ''));
  await settle(research);
  await shot(research, '64-decision-page');
  await research.locator('#cd-submit').click();
  await confirmModal(research);
  await toast(research, '已记录');
  await research.context().close();
  assert.equal((await stored()).status, 'established');

  // —— The district files 附件2 启动申报表.
  await fileForm(
    district,
    'start',
    async () => {
      await type(district, 'pf-overview', '为 1200 名环卫工人配发反光背心和头灯，预计夜间事故减少一半。');
      await type(district, 'pf-plan', '11 月上旬采购，11 月中旬发放到班组，下旬完成培训。');
    },
    '65-start-form',
  );

  // —— The three signers, each from 首页 · 待我办理 on their own phone.
  await signAll('启动申报表', '66-sign');

  // —— Tranche 1 on the project page: 24,000.00 元, paid.
  await openProject(district);
  const t1 = district.locator('#money-tranche-1');
  await t1.waitFor();
  assert.match(await t1.innerText(), /24,000\.00 元/);
  assert.match(await t1.innerText(), /已拨付/);
  assert.match(await district.locator('#money-subsidy').innerText(), /60,000\.01 元/);
  await t1.scrollIntoViewIfNeeded();
  await settle(district);
  await shot(district, '67-tranche-1');
  let s = await stored();
  assert.deepEqual(
    s.staff.tranches.map((t) => [t.n, t.amountFen]),
    [[1, TRANCHE1_FEN]],
  );

  // —— 发布 and 开始实施.
  await act(district, 'pa-publish');
  await district.locator('#pa-move-plan').waitFor();
  await district.locator('#pa-move-confirm').click();
  await toast(district, '已发布');
  await district.locator('#pa-start').waitFor();
  await act(district, 'pa-start');
  await district.locator('#pa-move-confirm').click();
  await toast(district, '已开始实施');
  await district.waitForFunction(() => /实施中/.test(document.querySelector('#project-status')?.textContent ?? ''));

  // —— 附件3 中期推进情况表, signed by the three.
  await fileForm(
    district,
    'midterm',
    async () => {
      await pickDate(district, 'pf-plannedAcceptanceDate-input', '2026-11-24');
      await type(district, 'pf-progressAssessment', '已发放 800 套装备，完成培训 12 场，职工反映良好。');
      await type(district, 'pf-coveredSoFar', '1200');
      await type(district, 'pf-servedSoFar', '800');
    },
    '68-midterm-form',
  );
  await signAll('中期推进情况表');
  assert.equal((await stored()).status, 'midtermFiled');

  // —— 附件4 验收申报表: the end date (2026-11-23) is behind the clock, so acceptance may be asked for.
  await fileForm(
    district,
    'acceptance',
    async () => {
      await pickDate(district, 'pf-requestedAcceptanceDate-input', '2026-11-24');
      // 完成情况及效果评估 comes pre-filled from the measured figures (kpi.project's acceptanceDraft).
      await district.locator('#pf-prefill-note').waitFor();
      assert.equal(
        await district.locator('#pf-prefill-note').innerText(),
        '已根据签到、浏览、评价和支出自动填写，可修改',
      );
      await type(district, 'pf-completionAssessment', '1200 套装备全部发放到人，培训 20 场，夜间事故明显减少。');
      await type(district, 'pf-coveredActual', '1200');
      await type(district, 'pf-servedActual', '1180');
      await type(district, 'pf-satisfactionActual', '96');
    },
    '69-acceptance-form',
  );
  await signAll('验收申报表');

  // —— Accepted: tranche 2 appears, and the two add up to the subsidy.
  await openProject(district);
  await district.waitForFunction(() => /验收合格/.test(document.querySelector('#project-status')?.textContent ?? ''));
  const t2 = district.locator('#money-tranche-2');
  assert.match(await t2.innerText(), /36,000\.01 元/);
  assert.match(await t2.innerText(), /已拨付/);
  s = await stored();
  assert.equal(s.status, 'accepted');
  assert.deepEqual(s.staff.tranches.map((t) => [t.n, t.amountFen]).sort(), [
    [1, TRANCHE1_FEN],
    [2, TRANCHE2_FEN],
  ]);
  assert.equal(s.staff.money.subsidyFen, SUBSIDY_FEN);
  assert.equal(TRANCHE1_FEN + TRANCHE2_FEN, SUBSIDY_FEN);
  await district.locator('#project-money').scrollIntoViewIfNeeded();
  await settle(district);
  await shot(district, '70-accepted-money');

  // —— 附件1 and 附件2 as .docx: downloaded by the browser, real Word files with the title inside.
  for (const [doc, annex] of [
    ['feasibility', '可行性研究报告'],
    ['start', '启动申报表'],
  ] as const) {
    const button = district.locator(`#export-${doc}`);
    await button.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([district.waitForEvent('download'), button.click()]);
    // The panel names the document just made, with a 下载 Word button and the whole link.
    await district.locator('#export-result').filter({ hasText: annex }).waitFor();
    assert.equal((await district.locator('#export-download').innerText()).trim(), '下载 Word');
    assert.match(download.suggestedFilename(), /\.docx$/);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', `${doc}: a zip (docx) file`);
    const text = docxText(bytes);
    assert.ok(text.includes(projectTitle), `${doc}: document.xml has the project's title`);
    assert.ok(text.includes(annex), `${doc}: document.xml has the form's name`);
    // The link on the page is whole (with the host, to open on a computer) and serves the same file.
    const url = (await district.locator('#export-link').innerText()).trim();
    assert.ok(url.startsWith(`${baseUrl}/`), `${doc}: a full link with the host: ${url}`);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
  }
  await district.locator('#export-result').scrollIntoViewIfNeeded();
  await settle(district);
  await shot(district, '71-export-docx');

  // —— An earlier version of 附件1, read-only: version 1 (before the return) still says what it said.
  await district.locator('#record-version-1').scrollIntoViewIfNeeded();
  await district.locator('#record-version-1').click();
  await district.locator('#record-version-note').waitFor();
  assert.match(await district.locator('#record-version-note').innerText(), /这是第 1 版（已冻结）/);
  await district.locator('#record-toggle-all').click();
  assert.match(await district.locator('#record-content').innerText(), /中山区 8 个街道/);
  assert.doesNotMatch(await district.locator('#record-content').innerText(), /46 个环卫作业班组/);
  await district.locator('#record-version-note').scrollIntoViewIfNeeded();
  await settle(district);
  await shot(district, '71-record-version-1');
  await district.locator('#record-version-back').click();
  await district.locator('#record-version-note').waitFor({ state: 'detached' });
  assert.match(await district.locator('#record-content').innerText(), /46 个环卫作业班组/);

  // —— 结项 with the final accounts.
  await act(district, 'pa-close');
  await type(district, 'pa-close-final', '119800.00');
  await type(district, 'pa-close-summary', '项目按计划完成，装备全部发放，决算略低于预算。');
  await district.locator('#pa-close-confirm').click();
  await confirmModal(district);
  await toast(district, '项目已结项');
  await district.waitForFunction(() => /已结项/.test(document.querySelector('#project-status')?.textContent ?? ''));
  await district.context().close();
});

test("the proposal's author sees every step with its date, and the messages", async () => {
  assert.ok(projectId, 'the project was made by the test before');
  const worker = await phoneAs('demo-worker');
  // From 我的建议: the card says where it went, and leads to the project.
  await worker.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await worker.locator(`#proposal-${proposalId}-project`).waitFor();
  assert.match(await worker.locator(`#proposal-${proposalId}-project`).innerText(), /已转为项目/);
  await worker.goto(detailUrl(projectId));
  await worker.locator('#project-steps').waitFor();
  assert.equal(await worker.locator('#project-staff').count(), 0, 'a worker sees no staff part');
  assert.match(await worker.locator('#project-progress').innerText(), /100%/);
  for (const step of [
    'draft',
    'feasibility',
    'submitted',
    'established',
    'published',
    'inProgress',
    'midtermFiled',
    'acceptanceFiled',
    'accepted',
    'closed',
  ]) {
    const row = worker.locator(`#project-step-${step}`);
    assert.match((await row.getAttribute('class')) ?? '', /project__step--(done|current)/, `${step} is reached`);
    assert.match(await row.innerText(), /2026年11月24日/, `${step} shows its date`);
  }
  assert.match(await worker.locator('#project-plan-targets').innerText(), /环卫工人/);
  assert.match(await worker.locator(`#project-origin-${proposalId}`).innerText(), new RegExp(proposalTitle));
  await settle(worker);
  await shot(worker, '72-worker-project');

  await worker.goto(baseUrl + '/#/pages/messages/index');
  await worker.locator('#messages-list .message-item').first().waitFor();
  const messages = await worker.locator('#messages-list').innerText();
  for (const label of ['已确立', '已发布', '已结项']) {
    assert.match(messages, new RegExp(`项目${label}：${projectTitle}`), `a message at ${label}`);
  }
  await settle(worker);
  await shot(worker, '73-worker-messages');
  await worker.context().close();
});
