/** Shared set-up for the browser tests: Chromium, a phone-sized page, dev login, screenshots. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
const artifacts = join(__dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A fresh phone-sized page (iPhone-ish viewport, Chinese locale). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/**
 * For a test file whose tests each start on a fresh phone: launches Chromium before the file's tests and
 * closes it after. The function it returns opens a fresh phone (no session) signed in as a demo identity
 * through 选择演示身份, on 首页.
 */
export function freshPhones(): (identity: string) => Promise<Page> {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return async (identity) => {
    if (!browser) throw new Error('freshPhones: the browser is not launched yet (use it inside a test)');
    const page = await phonePage(browser);
    await page.goto(baseUrl + '/');
    await page.locator(`#identity-${identity}`).click();
    await page.locator('#home-greeting').waitFor();
    return page;
  };
}

/** Taps the confirm button of the open Taro.showModal dialog. */
export async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro-model__confirm').filter({ visible: true }).click();
}

/** Logs in as a demo identity through the H5 dev-login page, as a person would. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByText(name, { exact: false }).first().click();
}

/** Waits for page transitions and animations to finish, so a screenshot shows what a person sees. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Calls a function through the dev host as an identity (for set-up and for checking what was stored). */
export async function api<T = unknown>(identity: string, fn: string, action: string, data: unknown = {}): Promise<T> {
  const login = await fetch(`${baseUrl}/dev/login`, { method: 'POST', body: JSON.stringify({ identity }) });
  const { data: session } = (await login.json()) as { data: { token: string } };
  const res = await fetch(`${baseUrl}/api/${fn}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action, data }),
  });
  const reply = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!reply.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}
