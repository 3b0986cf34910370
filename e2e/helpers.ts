/** Shared steps of the browser tests: a phone signed in by token on a pinned clock, and a project made established through the API. */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Project } from '@shishi/shared-types';
import { api, baseUrl, phonePage } from './browser';

/** The dev host's session token for a demo identity. */
export async function tokenOf(identity: string): Promise<string> {
  const res = await fetch(`${baseUrl}/dev/login`, { method: 'POST', body: JSON.stringify({ identity }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

/**
 * A phone signed in as `identity`, on the clock pinned at `pinned` (so "today" agrees with the dev host),
 * at `path`. Its context is added to `contexts`, for the test file to close.
 */
export async function signedInPhone(
  browser: Browser,
  contexts: BrowserContext[],
  identity: string,
  path: string,
  pinned: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
  });
  contexts.push(context);
  const token = await tokenOf(identity);
  await context.addInitScript((t) => {
    if (!localStorage.getItem('shishi.session')) localStorage.setItem('shishi.session', JSON.stringify({ data: t }));
  }, token);
  const page = await context.newPage();
  await page.clock.install({ time: new Date(pinned) });
  await page.goto(`${baseUrl}/#/${path}`);
  return page;
}

/**
 * A new project of `staff` (中山区总工会) taken up to an approved start form through the API: 论证 passed,
 * 市总党组会 with `resolution`, 启动申报表 with `startForm` signed by all three. Returns its id.
 */
export async function establishProject(
  staff: string,
  record: Record<string, unknown>,
  resolution: string,
  startForm: { overview: string; plan: string; fillDate: string },
): Promise<string> {
  const p = await api<Project>(staff, 'project', 'create', { record });
  await api(staff, 'project', 'move', { projectId: p._id, move: 'submitFeasibility' });
  await api('demo-org-reviewer', 'project', 'move', {
    projectId: p._id,
    move: 'recordReview',
    review: {
      kind: 'argument',
      date: '2026-11-10',
      participants: '组织部、财务部、职工代表',
      conclusion: 'pass',
      conclusionText: '需求集中，方案可行，同意上报',
    },
  });
  await api('demo-org-reviewer', 'project', 'move', { projectId: p._id, move: 'submitForDecision' });
  await api('demo-research-staff', 'project', 'recordDecision', {
    meetingKind: 'cityPartyGroup',
    meetingDate: '2026-11-15',
    resolution,
    projectIds: [p._id],
  });
  const filed = await api<Project>(staff, 'project', 'submitForm', {
    projectId: p._id,
    kind: 'start',
    fields: startForm,
  });
  const form = filed.staff!.forms.filter((f) => f.kind === 'start').at(-1)!;
  const sign = { formId: form._id, decision: 'approve', opinion: '同意' };
  await api('demo-district-head', 'project', 'sign', { ...sign, sealConfirmed: true });
  await api('demo-org-head', 'project', 'sign', sign);
  const approved = await api<Project>('demo-org-leader', 'project', 'sign', sign);
  assert.equal(approved.status, 'established');
  return p._id;
}

/** A fresh phone on the clock pinned at `pinned`, signed in as a demo identity through 选择演示身份, on 首页. */
export async function phoneChosenAs(browser: Browser, identity: string, pinned: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.clock.install({ time: new Date(pinned) });
  await page.goto(baseUrl + '/');
  await page.locator(`#identity-${identity}`).click();
  await page.locator('#home-greeting').waitFor();
  return page;
}

/**
 * Picks `day` (YYYY-MM-DD) in the date picker around `box` (the element `#<boxId>`): sets the picker's
 * value, taps the box and 确定, then waits until the box shows the day (`shown`, by default YYYY年M月D日) and
 * the picker is gone.
 */
export async function pickDateIn(page: Page, box: Locator, boxId: string, day: string, shown?: string): Promise<void> {
  await box.scrollIntoViewIfNeeded();
  await box.evaluate((el, d) => {
    const picker = el.closest('taro-picker-core') as (HTMLElement & { value?: string }) | null;
    if (!picker) throw new Error('no picker around the date box');
    picker.value = d;
  }, day);
  await box.click();
  await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
  const [y, m, dd] = day.split('-').map(Number);
  await page.waitForFunction(([id, label]) => document.getElementById(id)?.textContent?.includes(label), [
    boxId,
    shown ?? `${y}年${m}月${dd}日`,
  ] as const);
  await page
    .locator('.weui-picker')
    .filter({ visible: true })
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/**
 * The browser's back, once the page on top has finished sliding in, and until the page below shows.
 * Taro's H5 router hides the page below when the slide-in ends: a back during it (a page that loads at
 * once) left the page below hidden under nothing.
 */
export async function goBackSettled(page: Page): Promise<void> {
  // Settled: every page but the top one is hidden.
  await page.waitForFunction(() => {
    const all = Array.from(document.querySelectorAll('.taro_page'));
    return all.slice(0, -1).every((p) => p.classList.contains('taro_page_shade'));
  });
  const topBefore = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('.taro_page'));
    return all[all.length - 1]?.id ?? '';
  });
  await page.goBack();
  // Back: the page on top is another one, and it shows.
  await page.waitForFunction((before) => {
    const all = Array.from(document.querySelectorAll('.taro_page'));
    const top = all[all.length - 1];
    return !!top && top.id !== before && !top.classList.contains('taro_page_shade');
  }, topBefore);
}
