/**
 * 职工评价 (issue 11), on phones. The finished demo project (环卫工人爱心驿站提档升级, accepted, 中山区总工会):
 * 中山区总工会 (张丽) opens rating on the project record (a date that does not exist and a day already
 * past are refused at the field, nothing saved); a worker (王秀梅) rates it on her phone — 提交评价 with
 * nothing chosen says what is missing and stores nothing; four choices and a comment; the thank-you
 * says until when it can be changed; opening it again shows her rating and 修改 changes it; a second
 * worker (李建国) rates on his phone and two 中山区 staff through the API: at 4 ratings the project page
 * still says 评价满 5 人后公布结果 while staff see the summary, groups under 5 as 不足 5 人，不显示, and
 * export an .xlsx that names nobody. The project in progress (环卫职工子女暑期托管班) has the demo data's
 * ratings (at least 5): its page shows the count and the means, and a fifth… seventh rating moves them —
 * from 何春梅 of 交通运输工会, refused (outside the audience) until registered as served.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ProjectPage, RatingCommentsOutput, RatingMineOutput, RatingSummaryOutput } from '@shishi/shared-types';
import { phoneChosenAs } from './helpers';
import { api, baseUrl, launch, settle, shot } from './browser';
import { zipEntry } from './zip';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const FINISHED = '环卫工人爱心驿站提档升级';
const IN_PROGRESS = '环卫职工子女暑期托管班';
const STAFF = 'demo-district';
const WORKER = 'demo-worker';
const SECOND = 'demo-cadre';
/** 中山区 staff are in the finished project's audience too: they rate through the API (set-up). */
const MORE = ['demo-district-head', STAFF];
/** 交通运输工会's 何春梅 is outside 中山区; registered as served at the desk, she may rate. */
const SERVED = { identity: 'demo-industry-staff', name: '何春梅', unit: '大连市交通运输工会' };
const COMMENT = '驿站有了微波炉和充电的地方，冬天中午能吃上热饭，谢谢工会。';

let browser: Browser;
/** The finished project: rating is opened and counted by this file. */
let projectId = '';
/** The project in progress: rated by the demo data. */
let seededId = '';

before(async () => {
  browser = await launch();
  const done = await api<ProjectPage>(STAFF, 'project', 'list', { status: 'accepted', pageSize: 50 });
  projectId = done.items.find((p) => p.title === FINISHED)?._id ?? '';
  assert.ok(projectId, `the demo data has ${FINISHED} accepted`);
  const s = await api<RatingSummaryOutput>(STAFF, 'rating', 'summary', { projectId });
  assert.equal(s.count, 0, 'nobody has rated the finished project yet (this file counts its ratings)');
  assert.equal(s.settings.opensOn, null, 'rating is not open yet on the finished project');
  const going = await api<ProjectPage>(STAFF, 'project', 'list', { status: 'inProgress', pageSize: 50 });
  seededId = going.items.find((p) => p.title === IN_PROGRESS)?._id ?? '';
  assert.ok(seededId, `the demo data has ${IN_PROGRESS} in progress`);
});
after(async () => {
  await browser?.close();
});

const phoneAs = (identity: string) => phoneChosenAs(browser, identity, PINNED);

const detail = (id = projectId) => `${baseUrl}/#/packages/project/pages/detail/index?id=${encodeURIComponent(id)}`;
const ratePage = () => `${baseUrl}/#/packages/rating/pages/rate/index?id=${encodeURIComponent(projectId)}`;

const fill = (page: Page, id: string, value: string) =>
  page.locator(`#${id}`).locator('input, textarea').first().fill(value);

const scores = { awareness: 4, participation: 3, benefit: 4, satisfaction: 5 };

test('staff open rating on the project record; a bad date is refused at the field', async () => {
  const page = await phoneAs(STAFF);
  await page.goto(detail());
  await page.locator('#rating-staff').waitFor();
  await page.locator('#rating-staff-state').filter({ hasText: '还没有开放评价' }).waitFor();
  await page.locator('#rating-staff-empty').waitFor();

  // A day that does not exist (checked on the phone), then a day already past (the server's rule).
  await fill(page, 'rating-opens-on', '2026-11-31');
  await page.locator('#rating-config-submit').click();
  await page.locator('#rating-opens-on-error').filter({ hasText: '不是有效日期' }).waitFor();
  await fill(page, 'rating-opens-on', '2026-11-01');
  await page.locator('#rating-config-submit').click();
  await page.locator('#rating-opens-on-error').filter({ hasText: '开放日期不能早于今天' }).waitFor();
  const unchanged = await api<RatingSummaryOutput>(STAFF, 'rating', 'summary', { projectId });
  assert.equal(unchanged.settings.opensOn, null, 'a refused date stores nothing');

  await fill(page, 'rating-opens-on', '2026-11-24');
  await page.locator('#rating-eligibility-audience').click();
  await settle(page);
  await shot(page, 'rating-01-staff-open');
  await page.locator('#rating-config-submit').click();
  await page.locator('#rating-config-saved').filter({ hasText: '已保存' }).waitFor();
  await page.locator('#rating-staff-state').filter({ hasText: '评价进行中' }).waitFor();
  await page.locator('#rating-staff-eligibility').filter({ hasText: '项目面向的全体职工' }).waitFor();
  const s = await api<RatingSummaryOutput>(STAFF, 'rating', 'summary', { projectId });
  assert.equal(s.settings.opensOn, '2026-11-24');
  assert.equal(s.settings.eligibility, 'audience');
  assert.equal(s.settings.open, true);
  await page.context().close();
});

test('a worker rates the project on her phone, sees until when she may change it, and changes it', async () => {
  const page = await phoneAs(WORKER);
  await page.goto(detail());
  await page.locator('#rating-card').waitFor();
  await page.locator('#rating-card-pending').filter({ hasText: '评价满 5 人后公布结果' }).waitFor();
  const go = page.locator('#rating-go');
  await go.filter({ hasText: '去评价' }).waitFor();
  await go.click();

  await page.locator('#rate-form').waitFor();
  assert.equal((await page.locator('#rate-project-title').innerText()).trim(), FINISHED);
  await page.locator('#rate-anonymous').filter({ hasText: '评价不记名，工会只看到汇总' }).waitFor();
  // Each dimension shows its five scores with their words.
  await page.locator('#rate-satisfaction-5').filter({ hasText: '非常满意' }).waitFor();
  await page.locator('#rate-awareness-1').filter({ hasText: '完全不了解' }).waitFor();
  await settle(page);
  await shot(page, 'rating-02-worker-form');

  // Nothing chosen: every dimension says so at its place, nothing is stored.
  await page.locator('#rate-submit').click();
  await page.locator('#rate-awareness-error').filter({ hasText: '请给知晓度打分' }).waitFor();
  await page.locator('#rate-satisfaction-error').filter({ hasText: '请给满意度打分' }).waitFor();
  assert.equal((await api<RatingMineOutput>(WORKER, 'rating', 'mine', { projectId })).rating, null);

  for (const [d, n] of Object.entries(scores)) await page.locator(`#rate-${d}-${n}`).click();
  await fill(page, 'rate-comment', COMMENT);
  await page
    .locator('#rate-comment-count')
    .filter({ hasText: `${COMMENT.length}/300` })
    .waitFor();
  await page.locator('#rate-submit').click();
  await page.locator('#rate-thanks-title').filter({ hasText: '感谢您的评价' }).waitFor();
  // Submitted on 2026-11-24 at 10:00 (Asia/Shanghai): changes are accepted for 7 days.
  await page.locator('#rate-thanks-editable').filter({ hasText: '7 天内可以修改（到 12月1日）' }).waitFor();
  await settle(page);
  await shot(page, 'rating-03-worker-thanks');

  const stored = await api<RatingMineOutput>(WORKER, 'rating', 'mine', { projectId });
  assert.deepEqual(stored.rating?.scores, scores);
  assert.equal(stored.rating?.comment, COMMENT);

  // Opening it again shows her rating with 修改; she lowers 满意度 to 4.
  await page.reload();
  await page.locator('#rate-mine').waitFor();
  await page.locator('#rate-mine-satisfaction').filter({ hasText: '5 分 · 非常满意' }).waitFor();
  await page.locator('#rate-mine-editable').filter({ hasText: '7 天内可以修改（到 12月1日）' }).waitFor();
  await settle(page);
  await shot(page, 'rating-04-worker-mine');
  await page.locator('#rate-edit').click();
  await page.locator('#rate-satisfaction-4').click();
  await page.locator('#rate-submit').filter({ hasText: '保存修改' }).click();
  await page.locator('#rate-thanks-title').filter({ hasText: '评价已修改' }).waitFor();
  const changed = await api<RatingMineOutput>(WORKER, 'rating', 'mine', { projectId });
  assert.equal(changed.rating?.scores.satisfaction, 4);
  assert.equal((await api<RatingSummaryOutput>(STAFF, 'rating', 'summary', { projectId })).count, 1);

  // Her project page now offers 修改我的评价 and still keeps the figures back.
  await page.goto(detail());
  await page.locator('#rating-go').filter({ hasText: '修改我的评价' }).waitFor();
  await page.locator('#rating-card-mine-satisfaction').filter({ hasText: '4 分' }).waitFor();
  await page.locator('#rating-card-pending').filter({ hasText: '现在有 1 人评价' }).waitFor();
  await page.context().close();
});

test('workers see the figures only from 5 ratings; staff see them at any count', async () => {
  // A second worker rates on his phone.
  const second = await phoneAs(SECOND);
  await second.goto(ratePage());
  await second.locator('#rate-form').waitFor();
  for (const [d, n] of Object.entries({ awareness: 5, participation: 4, benefit: 3, satisfaction: 4 }))
    await second.locator(`#rate-${d}-${n}`).click();
  await second.locator('#rate-submit').click();
  await second.locator('#rate-thanks-title').filter({ hasText: '感谢您的评价' }).waitFor();
  await second.context().close();
  // 满意度 over the four: 4 (王秀梅, changed) + 4 + 3 + 4.
  await api(MORE[0], 'rating', 'submit', {
    projectId,
    scores: { awareness: 3, participation: 2, benefit: 3, satisfaction: 3 },
  });
  await api(MORE[1], 'rating', 'submit', {
    projectId,
    scores: { awareness: 5, participation: 3, benefit: 4, satisfaction: 4 },
  });

  // Four ratings: the worker's page keeps the figures back and says how many there are.
  const page = await phoneAs(WORKER);
  await page.goto(detail());
  await page.locator('#rating-card-pending').filter({ hasText: '评价满 5 人后公布结果（现在有 4 人评价）' }).waitFor();
  assert.equal(await page.locator('#rating-card-count').count(), 0);
  const hidden = await api<RatingSummaryOutput>(WORKER, 'rating', 'summary', { projectId });
  assert.equal(hidden.visible, false);
  assert.deepEqual(hidden.dimensions, [], 'a worker gets no figures under 5 ratings');

  // The project in progress has the demo data's ratings: its page shows the count and each mean.
  await page.goto(detail(seededId));
  const seeded = await api<RatingSummaryOutput>(WORKER, 'rating', 'summary', { projectId: seededId });
  assert.ok(seeded.count >= 5 && seeded.visible, 'the demo data rated the project in progress at least 5 times');
  await page
    .locator('#rating-card-count')
    .filter({ hasText: `共 ${seeded.count} 人评价` })
    .waitFor();
  for (const d of seeded.dimensions) {
    const mean = d.mean === null ? '暂无' : `${d.mean.toFixed(1)} 分`;
    await page.locator(`#rating-card-dim-${d.dimension}-mean`).filter({ hasText: mean }).waitFor();
  }
  await page.locator('#rating-card-dim-satisfaction').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, 'rating-05-worker-summary');

  // 何春梅 (交通运输工会) is outside its audience until staff register her as served; then her rating counts.
  await assert.rejects(
    api(SERVED.identity, 'rating', 'submit', { projectId: seededId, scores }),
    /不在服务范围内/,
    'someone outside the audience who was not served is refused',
  );
  assert.equal(
    (await api<RatingSummaryOutput>(STAFF, 'rating', 'summary', { projectId: seededId })).count,
    seeded.count,
  );
  await api(STAFF, 'checkin', 'register', { projectId: seededId, name: SERVED.name, unit: SERVED.unit });
  await api(SERVED.identity, 'rating', 'submit', {
    projectId: seededId,
    scores: { awareness: 4, participation: 4, benefit: 5, satisfaction: 5 },
  });
  await page.reload();
  await page
    .locator('#rating-card-count')
    .filter({ hasText: `共 ${seeded.count + 1} 人评价` })
    .waitFor();
  await page.context().close();
});

test('staff see the summary with the breakdowns and export an .xlsx that names nobody', async () => {
  const page = await phoneAs(STAFF);
  await page.goto(detail());
  await page.locator('#rating-staff-count').filter({ hasText: '共 4 人评价' }).waitFor();
  await page.locator('#rating-staff-count').filter({ hasText: '其中 1 人写了意见' }).waitFor();
  // (4 + 4 + 3 + 4) / 4 = 3.75, written to one decimal.
  await page.locator('#rating-staff-dim-satisfaction-mean').filter({ hasText: '3.8 分' }).waitFor();
  // All four are of 中山区: under 5, so that district is not shown on its own.
  await page.locator('#rating-by-district-hidden').filter({ hasText: '不足 5 人，不显示' }).waitFor();
  // 王秀梅's comment passed the content check: listed under 评价意见 with its day and scores, nobody held.
  const listed = await api<RatingCommentsOutput>(STAFF, 'rating', 'comments', { projectId });
  const mine = listed.items.find((c) => c.comment === COMMENT);
  assert.ok(mine, 'the comment that passed the check is listed for staff');
  assert.equal(listed.held, 0);
  const item = `#rating-comment-${mine.ratingId}`;
  await page.locator(`${item}-text`).filter({ hasText: COMMENT }).waitFor();
  await page.locator(`${item}-scores`).filter({ hasText: '满意度 4 分' }).waitFor();
  const [y, m, d] = mine.day.split('-').map(Number);
  await page
    .locator(`${item}-day`)
    .filter({ hasText: `${y}年${m}月${d}日` })
    .waitFor();
  assert.equal(await page.locator('#rating-comments-held').count(), 0, 'nothing waits for review');
  assert.equal(await page.locator('#rating-comments-review').count(), 0, 'no 去审核 without held comments');
  await page.locator('#rating-staff').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, 'rating-06-staff-summary');

  await page.locator('#rating-export').click();
  await page.locator('#rating-export-rows').filter({ hasText: '已导出 4 条评价' }).waitFor();
  assert.equal((await page.locator('#rating-export-download').innerText()).trim(), '下载 Excel');
  const url = (await page.locator('#rating-export-link').innerText()).trim();
  assert.ok(url.startsWith(`${baseUrl}/`), `a full link with the host: ${url}`);
  const file = await fetch(url);
  assert.equal(file.status, 200);
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
  const text = ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']
    .map((name) => zipEntry(bytes, name)?.toString('utf8') ?? '')
    .join('\n');
  assert.ok(text.includes(COMMENT), 'the comment that passed the check is in the export');
  for (const who of ['demo-', '王秀梅', '李建国', '王建军', '张丽'])
    assert.ok(!text.includes(who), `the export names nobody (found ${who})`);
  await settle(page);
  await shot(page, 'rating-07-staff-export');
  await page.context().close();
});
