/**
 * 现场座谈 (issue 11), in Chromium on the demo project in progress (环卫职工子女暑期托管班, 中山区总工会):
 * the district (张丽) opens the project record, taps 记录座谈, fills the form — place, attendance, a
 * participant unit, an issue, a follow-up with its owner and due date — and saves; back on the record
 * the forum shows first (newest first, above the seeded one) with its figures; its details show the
 * unit and the issue; the follow-up is marked 标记完成 with today's date. A worker reads only the short
 * version through the API (no participants, issues or follow-ups).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ForumPage, ProjectPage } from '@shishi/shared-types';
import { pickDateIn, signedInPhone } from './helpers';
import { api, launch, settle, shot } from './browser';

const PINNED = process.env.E2E_NOW ?? '2026-11-24T10:00:00+08:00';
const TITLE = '环卫职工子女暑期托管班';

const place = '中山区青少年宫二楼活动室';
const summary = '家长们认为托管班解决了暑期看护难题，希望明年提前报名，并增加一期。';
const unit = '中山区环卫服务中心第三班组';
const issue = '报名通知发得太晚，很多家长没赶上';
const followUp = '明年五月前发布托管班报名通知';

let browser: Browser;
let projectId = '';
const contexts: BrowserContext[] = [];

before(async () => {
  browser = await launch();
  const list = await api<ProjectPage>('demo-district', 'project', 'list', { status: 'inProgress', pageSize: 50 });
  projectId = list.items.find((p) => p.title === TITLE)?._id ?? '';
  assert.ok(projectId, `the demo data has ${TITLE} in progress`);
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const open = (identity: string, path: string) => signedInPhone(browser, contexts, identity, path, PINNED);

const detailPath = () => `packages/project/pages/detail/index?id=${encodeURIComponent(projectId)}`;
const onScreen = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();

/** Types into a text field (`#<id> input` or `#<id> textarea`). */
async function type(page: Page, id: string, value: string): Promise<void> {
  const box = onScreen(page, `#${id}`);
  await box.scrollIntoViewIfNeeded();
  await box.locator('input, textarea').first().fill(value);
}

/**
 * Chooses a day in a date box (`DateInput`): the picker is given the day, opened, and confirmed with
 * 确定 as a person would after scrolling the columns to it (as e2e/project.test.ts does).
 */
const pickDate = (page: Page, boxId: string, day: string) => pickDateIn(page, onScreen(page, `#${boxId}`), boxId, day);

async function tap(page: Page, selector: string): Promise<void> {
  const el = onScreen(page, selector);
  await el.scrollIntoViewIfNeeded();
  await el.click();
}

test('the district records a forum with a unit, an issue and a follow-up; it shows on the record; the follow-up is marked done', async () => {
  const page = await open('demo-district', detailPath());
  const section = onScreen(page, '#forum-section');
  await section.waitFor();
  // The seeded forum is there already (forum.record in the demo seed).
  await onScreen(page, '#forum-0').waitFor();
  const before = (await onScreen(page, '#forum-figures').textContent()) ?? '';
  const forumsBefore = Number(/共 (\d+) 次座谈/.exec(before)?.[1] ?? NaN);
  assert.ok(forumsBefore >= 1, `the figures count the seeded forum: ${before}`);

  await tap(page, '#forum-record');
  await onScreen(page, '#forum-form').waitFor();
  await settle(page);
  // The date is today by default (2026年11月24日).
  assert.match((await onScreen(page, '#forum-date').textContent()) ?? '', /2026年11月24日/);
  await type(page, 'forum-place', place);
  await type(page, 'forum-attendance', '26');
  await type(page, 'forum-summary', summary);

  await tap(page, '#forum-unit-add');
  await type(page, 'forum-unit-0-name', unit);
  await type(page, 'forum-unit-0-count', '12');

  await tap(page, '#forum-issue-add');
  await type(page, 'forum-issue-0-text', issue);

  await tap(page, '#forum-followup-add');
  await type(page, 'forum-followup-0-what', followUp);
  await type(page, 'forum-followup-0-owner', '张丽');
  await pickDate(page, 'forum-followup-0-due', '2026-12-20');
  await shot(page, 'forum-form');

  // A unit count above the attendance is refused next to the field, nothing sent.
  await type(page, 'forum-attendance', '5');
  await tap(page, '#forum-submit');
  await onScreen(page, '#forum-attendance-error').waitFor();
  await type(page, 'forum-attendance', '26');

  await tap(page, '#forum-submit');
  // Saved: back on the record, the new forum first (today is the newest date).
  await onScreen(page, '#project-staff').waitFor();
  await page.waitForFunction((p) => document.querySelector('#forum-0')?.textContent?.includes(p) ?? false, place);
  const first = onScreen(page, '#forum-0');
  assert.match((await first.textContent()) ?? '', /2026年11月24日/);
  assert.match((await first.textContent()) ?? '', /26 人/);
  assert.match((await first.textContent()) ?? '', /1 项跟进未完成/);
  assert.match(
    (await onScreen(page, '#forum-figures').textContent()) ?? '',
    new RegExp(`共 ${forumsBefore + 1} 次座谈`),
  );

  // Its details: the unit with its count, the issue, the follow-up.
  await tap(page, '#forum-0-open');
  const detail = onScreen(page, '#forum-0-detail');
  await detail.waitFor();
  assert.match((await onScreen(page, '#forum-0-unit-0').textContent()) ?? '', new RegExp(`${unit}：12 人`));
  assert.match((await onScreen(page, '#forum-0-issue-0').textContent()) ?? '', new RegExp(issue));
  assert.equal(await onScreen(page, '#forum-0-followup-0-state').textContent(), '未完成');
  await shot(page, 'forum-record-detail');

  // 标记完成: done today.
  await tap(page, '#forum-0-followup-0-done');
  await page.waitForFunction(
    () => document.querySelector('#forum-0-followup-0-state')?.textContent === '2026年11月24日完成',
  );
  assert.doesNotMatch((await onScreen(page, '#forum-0').textContent()) ?? '', /项跟进未完成/);
  await shot(page, 'forum-followup-done');

  // Stored as shown: the follow-up is done; a worker reads only the short version.
  const staff = await api<ForumPage>('demo-district', 'forum', 'list', { projectId });
  const mine = staff.items.find((f) => f.place === place);
  assert.ok(mine?.detail);
  assert.deepEqual(
    mine.detail.followUps.map((f) => [f.what, f.done, f.doneOn]),
    [[followUp, true, '2026-11-24']],
  );
  const worker = await api<ForumPage>('demo-worker', 'forum', 'list', { projectId });
  const seen = worker.items.find((f) => f.place === place);
  assert.ok(seen, 'the worker sees the forum');
  assert.equal(seen.summary, summary);
  assert.equal(seen.detail, null, 'no participants, issues, photos or follow-ups for workers');
  // The worker's project page: a 现场座谈 card with the short version (place and summary, no follow-ups).
  const phone = await open('demo-worker', detailPath());
  await onScreen(phone, '#forum-public').waitFor();
  const card = (await onScreen(phone, '#forum-public').textContent()) ?? '';
  assert.ok(card.includes(place) && !card.includes(followUp), 'the short version on the worker’s card');
});
