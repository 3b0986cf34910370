/**
 * Issue 12 — trust and ease: menus that promise only what a role can do, errors that say what happened,
 * weights that add up, 长辈模式 (large text), tap targets of at least 44 × 44, the 附议 row at 390 px,
 * axe-core on the main pages, desktop staff pages that use the width, a back button on H5, and the
 * greeting on the Shanghai clock.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '@shishi/shared-types';
import { menuFor } from '../client/src/pages/home/menu';
import { tokenOf } from './helpers';
import { api, baseUrl, confirmModal, launch, settle, shot } from './browser';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A page signed in as `identity` (session preset), phone-sized unless a desktop width is given. */
async function open(identity: string, path: string, width = 390, height = 844): Promise<Page> {
  const phone = width < 900;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: phone ? 2 : 1,
    locale: 'zh-CN',
    isMobile: phone,
    hasTouch: phone,
  });
  const token = await tokenOf(identity);
  await context.addInitScript((t) => {
    if (!localStorage.getItem('shishi.session')) localStorage.setItem('shishi.session', JSON.stringify({ data: t }));
  }, token);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/#/${path}`);
  return page;
}

/** The page on screen (Taro keeps visited tab pages in the DOM, hidden). */
const current = (page: Page) => page.locator('.taro_page:not(.taro_page_shade)').last();

async function ready(page: Page, selector: string): Promise<void> {
  await page.locator(selector).filter({ visible: true }).first().waitFor();
  await settle(page);
}

/** Everything tappable on screen that is smaller than 44 × 44 CSS px (Taro keeps click handlers in `__events`). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const events = (el as unknown as { __events?: Record<string, unknown> }).__events ?? {};
      const tappable =
        events.click !== undefined ||
        events.tap !== undefined ||
        el.matches(
          'taro-button-core, a[href], .weui-tabbar__item, .taro-navigation-bar-back, .taro-navigation-bar-home',
        );
      if (!tappable || el.closest('.taro_page_shade')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      if (r.width < 44 || r.height < 44) {
        const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`;
        out.push(`${name} (${Math.round(r.width)}×${Math.round(r.height)} “${(el.innerText || '').slice(0, 12)}”)`);
      }
    }
    return out;
  });
}

/** axe-core's serious and critical violations on the document as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** No element of the page on screen reaches past the viewport's right edge. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const page = Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)')).pop();
    if (!page) return ['no page'];
    const out: string[] = [];
    for (const el of Array.from(page.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).display === 'none') continue;
      if (r.right > width + 1 || r.left < -1) {
        const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`;
        out.push(`${name} ${Math.round(r.left)}…${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 10);
  });
}

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .filter({ visible: true })
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** The main worker pages, each with what shows that it has loaded. */
const workerPages: [name: string, path: string, loaded: string][] = [
  ['home', 'pages/home/index', '#home-greeting'],
  ['proposals', 'pages/proposals/index', '#proposals-total'],
  ['mine', 'pages/mine/index', '#mine-total'],
  ['detail', 'pages/proposal-detail/index?id=seed-p11', '#detail-title'],
  ['new', 'pages/proposal-new/index', '#proposal-title'],
];

test('each role’s 首页 menu lists only what the role may call; read-only views say so', async () => {
  const identities = [
    'demo-worker',
    'demo-cadre',
    'demo-district',
    'demo-reviewer',
    'demo-depthead',
    'demo-leader',
    'demo-research',
    'demo-admin',
  ];
  for (const identity of identities) {
    const me = await api<{ profile: { role: Role; bindings?: { role: Role }[] } }>(identity, 'profile', 'me');
    const roles = (me.profile.bindings ?? [me.profile]).map((b) => b.role);
    const expected = menuFor(roles).flatMap((g) => g.entries.map((e) => [e.id, e.description]));
    const page = await open(identity, 'pages/home/index');
    await ready(page, '#home-greeting');
    await page.locator('.home__footer').filter({ visible: true }).waitFor();
    const shown = await current(page)
      .locator('.ui-cell[id^="home-"]')
      .evaluateAll((cells) =>
        cells.map((c) => [c.id, (c.querySelector('.ui-cell__desc') as HTMLElement | null)?.innerText ?? '']),
      );
    assert.deepEqual(shown, expected, identity);
    if (['demo-reviewer', 'demo-depthead', 'demo-leader'].includes(identity)) {
      const screening = shown.find(([id]) => id === 'home-screening')?.[1] ?? '';
      assert.doesNotMatch(screening, /合并|评分|作出决定/, identity);
      assert.match(screening, /只读/, identity);
      await shot(page, `ease-menu-${identity}`);
    }
    if (identity === 'demo-admin')
      assert.ok(
        shown.some(([id]) => id === 'home-roles'),
        'admin has 人员与角色',
      );
    await page.context().close();
  }
});

test('read-only views say so: reviewer and leader on 建议筛选 see 只读 and no buttons to merge, score or decide; staff who act see no notice', async () => {
  for (const identity of ['demo-reviewer', 'demo-leader']) {
    const page = await open(identity, 'pages/home/index');
    await ready(page, '#home-greeting');
    await current(page).locator('#home-screening').click();
    await ready(page, '#screen-total');
    const screen = current(page);
    assert.match(await screen.locator('#screen-read-only').innerText(), /^只读：.*不能合并、评分、作出决定/, identity);
    // The proposals are listed, without a tick to merge, 评分, 决定 or 撤销合并.
    assert.ok((await screen.locator('.screen-card').count()) > 0, `${identity} sees the proposals`);
    const acting =
      '[id^="screen-select-"], [id^="screen-score-"], [id^="screen-decide-"], [id^="screen-unmerge"], #screen-merge-open';
    assert.equal(await screen.locator(acting).count(), 0, identity);
    const buttons = await screen.locator('taro-button-core').allInnerTexts();
    assert.ok(!buttons.some((t) => /采纳|合并|评分|决定/.test(t)), `${identity}: ${buttons.join(' | ')}`);
    assert.doesNotMatch(await screen.locator('#screen-total').innerText(), /合并/, identity);
    await shot(page, `ease-read-only-${identity}`);
    // 绩效看板: the leader looks and exports; setting the thresholds is for the district's staff.
    if (identity === 'demo-leader') {
      await page.goto(`${baseUrl}/#/packages/kpi/pages/dashboard/index`);
      await ready(page, '#kpi-filters');
      assert.match(await current(page).locator('#kpi-read-only').innerText(), /^只读：.*不能设置信号阈值/);
    }
    await page.context().close();
  }
  // Staff who act: no notice, and the buttons are there.
  const staff = await open('demo-research', 'pages/home/index');
  await ready(staff, '#home-greeting');
  await current(staff).locator('#home-screening').click();
  await ready(staff, '#screen-total');
  assert.equal(await current(staff).locator('#screen-read-only').count(), 0);
  assert.ok((await current(staff).locator('[id^="screen-score-"]').count()) > 0, 'research may score');
  await staff.goto(`${baseUrl}/#/packages/kpi/pages/dashboard/index`);
  await ready(staff, '#kpi-filters');
  assert.equal(await current(staff).locator('#kpi-read-only').count(), 0);
  await staff.context().close();
});

test('“not found” says what happened and where to go, without a 重试 that cannot work; empty states have an icon', async () => {
  const page = await open('demo-worker', 'pages/proposal-detail/index?id=no-such-proposal');
  await ready(page, '#error-block');
  // The server answers a proposal that does not exist with NOT_FOUND or INVALID_INPUT: either way the
  // page says so plainly, with the server's reason under it.
  assert.match(await current(page).locator('.ui-error__title').innerText(), /^(没有找到这条内容|打不开这条内容)$/);
  assert.ok((await current(page).locator('.ui-error__message').innerText()).length > 0);
  assert.equal(await current(page).locator('#error-retry').count(), 0, 'no 重试');
  assert.match(await current(page).locator('#error-leave').innerText(), /回到首页|返回/);
  await shot(page, 'ease-not-found');
  await current(page).locator('#error-leave').click();
  await ready(page, '#home-greeting');

  await page.goto(`${baseUrl}/#/pages/proposals/index`);
  await ready(page, '#proposals-total');
  await current(page).locator('#proposals-search input').fill('没有这样的建议标题ZZZ');
  await current(page).locator('#proposals-search-submit').click();
  const mark = current(page).locator('#proposals-list-empty .ui-empty__mark');
  await mark.waitFor();
  const icon = await mark.evaluate((el) => getComputedStyle(el).backgroundImage);
  assert.match(icon, /svg/, 'the empty state draws an icon, not a grey square');
  await shot(page, 'ease-empty');
  await page.context().close();
});

test('weights must add up to 100, and a wrong year says which years are allowed', async () => {
  const page = await open('demo-research', 'packages/staff/pages/windows/index');
  await ready(page, '.window-admin');
  await current(page).locator('[id^="window-weights-"]').first().click();
  await page.locator('#weights-concentration input').fill('50');
  await page.locator('#weights-urgency input').fill('30');
  await page.locator('#weights-feasibility input').fill('30');
  assert.match(await page.locator('#weights-total').innerText(), /合计 110，要正好等于 100/);
  await page.locator('#weights-save').click();
  await page.locator('#weights-error').waitFor();
  assert.match(await page.locator('#weights-error').innerText(), /三项权重加起来要等于 100（现在是 110）/);
  await shot(page, 'ease-weights-110');
  await page.locator('#weights-sheet-close').click();

  await current(page).locator('#window-create').click();
  await page.locator('#wc-year input').fill('1999');
  await page.locator('#wc-submit').click();
  await page.locator('#wc-year-error').waitFor();
  assert.match(await page.locator('#wc-year-error').innerText(), /2000 到 2100 之间的年份/);
  await page.context().close();
});

test('长辈模式: a switch in 我的 makes text at least 1.25× larger on every worker page, layouts intact', async () => {
  const page = await open('demo-worker', 'pages/home/index');
  const normal: Record<string, number> = {};
  for (const [name, path, loaded] of workerPages) {
    await page.goto(`${baseUrl}/#/${path}`);
    await ready(page, loaded);
    normal[name] = await fontSize(page, `${loaded}, .ui-cell__title`);
    await shot(page, `ease-font-normal-${name}`);
  }

  await page.goto(`${baseUrl}/#/pages/mine/index`);
  await ready(page, '#large-font');
  const before = await fontSize(page, '#large-font .ui-cell__title');
  await current(page).locator('#large-font').click();
  assert.equal(await current(page).locator('#large-font-switch').getAttribute('aria-checked'), 'true');
  const afterSwitch = await fontSize(page, '#large-font .ui-cell__title');
  assert.ok(afterSwitch >= before * 1.25 - 0.01, `我的: ${before} → ${afterSwitch}`);

  // Kept on the device: every page, after a reload too.
  await page.reload();
  for (const [name, path, loaded] of workerPages) {
    await page.goto(`${baseUrl}/#/${path}`);
    await ready(page, loaded);
    const large = await fontSize(page, `${loaded}, .ui-cell__title`);
    assert.ok(large >= normal[name] * 1.25 - 0.01, `${name}: ${normal[name]} → ${large}`);
    assert.deepEqual(await overflowing(page), [], `${name}: nothing past the screen's edges in 长辈模式`);
    await shot(page, `ease-font-large-${name}`);
  }

  // And off again.
  await page.goto(`${baseUrl}/#/pages/mine/index`);
  await ready(page, '#large-font');
  await current(page).locator('#large-font').click();
  assert.equal(await fontSize(page, '#large-font .ui-cell__title'), before);
  await page.context().close();
});

test('tap targets of the main pages are at least 44 × 44; tab-bar labels at least 12 px', async () => {
  const small: string[] = [];
  for (const identity of ['demo-worker', 'demo-cadre']) {
    const page = await open(identity, 'pages/home/index');
    for (const [name, path, loaded] of workerPages) {
      await page.goto(`${baseUrl}/#/${path}`);
      await ready(page, loaded);
      small.push(...(await smallTargets(page)).map((s) => `${identity} ${name}: ${s}`));
    }
    const labels = await page
      .locator('.weui-tabbar__label')
      .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    assert.ok(labels.length === 3 && labels.every((s) => s >= 12), `tab-bar labels ${labels.join(', ')} px`);
    await page.context().close();
  }
  assert.deepEqual(small, []);
});

test('the 附议 row at 390 px: ✓ 已附议 and 撤回 stay inside the card, in both text sizes', async () => {
  const page = await open('demo-worker', 'pages/proposals/index');
  await ready(page, '#proposals-total');
  const card = current(page).locator('#proposal-seed-p7');
  await card.locator('#support-seed-p7').click();
  await card.locator('#support-seed-p7-withdraw').waitFor();
  await settle(page);
  const inside = () =>
    card.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return Array.from(el.querySelectorAll<HTMLElement>('.support__done-label, .support__btn, .support__count'))
        .map((c) => c.getBoundingClientRect())
        .every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5);
    });
  assert.ok(await inside(), 'normal text');
  await card.screenshot({ path: `${__dirname}/artifacts/ease-support-row.png` });
  await page.evaluate(() => localStorage.setItem('shishi.largeFont', JSON.stringify({ data: true })));
  await page.reload();
  await ready(page, '#proposals-total');
  await card.locator('#support-seed-p7-withdraw').waitFor();
  assert.ok(await inside(), '长辈模式');
  await card.screenshot({ path: `${__dirname}/artifacts/ease-support-row-large.png` });
  // Leave the data as it was.
  await card.locator('#support-seed-p7-withdraw').click();
  await confirmModal(page).catch(() => undefined);
  await page.context().close();
});

test('axe-core finds no serious or critical violations on the main pages', async () => {
  const found: string[] = [];
  const page = await open('demo-worker', 'pages/home/index');
  for (const [name, path, loaded] of [
    ...workerPages,
    ['survey', 'pages/survey-answer/index?id=seed-survey-needs', '#survey-title'] as const,
  ]) {
    await page.goto(`${baseUrl}/#/${path}`);
    await ready(page, loaded);
    found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
  }
  await page.context().close();
  const staff = await open('demo-research', 'packages/staff/pages/screening/index');
  await ready(staff, '#screen-total');
  found.push(...(await axeViolations(staff)).map((v) => `screening: ${v}`));
  await staff.context().close();
  assert.deepEqual(found, []);
});

/** A staff list of the desktop test: where it is, what shows it has loaded, its header row, rows and title cells. */
interface StaffList {
  name: string;
  path: string;
  loaded: string;
  head: string;
  row: string;
  title: string;
}

/** The title cells of the first rows: where they are and on how many lines their text runs. */
async function titleCells(page: Page, list: StaffList) {
  return current(page)
    .locator(`${list.row} ${list.title}`)
    .evaluateAll((els) =>
      els.slice(0, 8).map((e) => {
        const box = e.getBoundingClientRect();
        // One rect per line of the text (a Range over the title's words), whatever the cell's height.
        const range = document.createRange();
        range.selectNodeContents(e);
        const tops: number[] = [];
        for (const r of Array.from(range.getClientRects())) {
          if (r.width > 0 && r.height > 0 && !tops.some((t) => Math.abs(t - r.top) < 4)) tops.push(r.top);
        }
        return { left: box.left, width: box.width, lines: tops.length, text: (e as HTMLElement).innerText };
      }),
    );
}

/** The staff lists that are tables on a desktop (the KPI list's path needs a year with projects: set below). */
const staffLists: StaffList[] = [
  {
    name: '建议筛选',
    path: 'packages/staff/pages/screening/index',
    loaded: '#screen-total',
    head: '#screen-desk-head',
    row: '#screen-list .screen-card',
    title: '.screen-card__title',
  },
  {
    name: '建议管理',
    path: 'packages/staff/pages/proposals/index',
    loaded: '#staff-total',
    head: '#staff-desk-head',
    row: '#staff-list .proposal-card',
    title: '.proposal-card__title',
  },
  {
    name: '项目管理',
    path: 'packages/project/pages/list/index',
    loaded: '#plist-total',
    head: '#plist-desk-head',
    row: '#plist-list .project-card',
    title: '.project-card__title',
  },
  {
    name: '问卷管理',
    path: 'packages/survey/pages/list/index',
    loaded: '#survey-total',
    head: '#survey-desk-head',
    row: '#survey-list .survey-admin',
    title: '.survey-admin__title',
  },
];

/** A year whose 绩效看板 list has at least two projects for `identity` (the seed's projects are this year's or last year's). */
async function kpiListPath(identity: string): Promise<string> {
  const projects = await api<{ items: { year: number }[] }>(identity, 'project', 'list', { page: 1, pageSize: 50 });
  for (const year of [...new Set(projects.items.map((p) => p.year))]) {
    const listed = await api<{ total: number }>(identity, 'kpi', 'list', { year, page: 1, pageSize: 10 });
    if (listed.total >= 2) {
      return `packages/kpi/pages/list/index?f=${encodeURIComponent(JSON.stringify({ year }))}&t=${encodeURIComponent('全部项目')}`;
    }
  }
  throw new Error('no year with two projects on the 绩效看板 list');
}

test('desktop (1280 px): staff lists are tables with titles on at most two lines, cards on a phone; H5 pages have a back button', async () => {
  const lists: StaffList[] = [
    ...staffLists,
    {
      name: '绩效看板项目',
      path: await kpiListPath('demo-research'),
      loaded: '#kpi-list-total',
      head: '#kpi-list-desk-head',
      row: '#kpi-list .project-card',
      title: '.project-card__title',
    },
  ];
  const desk = await open('demo-research', 'pages/home/index', 1280, 900);
  await ready(desk, '#home-greeting');
  for (const list of lists) {
    await desk.goto(`${baseUrl}/#/${list.path}`);
    await ready(desk, list.loaded);
    await current(desk).locator(list.head).waitFor();
    await shot(desk, `ease-desktop-${list.path.split('/')[1]}-${list.path.split('/')[3]}`);
    // A header row over the rows, each row one line of the table across the width (not cards side by side).
    const head = (await current(desk).locator(list.head).boundingBox())!;
    const rows = await current(desk)
      .locator(list.row)
      .evaluateAll((els) => els.slice(0, 8).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    assert.ok(rows.length >= 2, `${list.name}: at least two rows (${rows.length})`);
    assert.ok(head.y + head.height <= rows[0].top + 1, `${list.name}: the header row is above the rows`);
    for (const r of rows) {
      assert.ok(r.width >= 1000, `${list.name}: a row spans the width (${Math.round(r.width)} px)`);
      assert.ok(Math.abs(r.left - rows[0].left) < 1.5, `${list.name}: rows under each other`);
    }
    // The title cells share one left edge and one width: a column of a table. Titles wrap onto 2 lines at most.
    const cells = await titleCells(desk, list);
    const at = cells.map((c) => `${Math.round(c.left)}+${Math.round(c.width)}`).join(', ');
    for (const c of cells) {
      assert.ok(Math.abs(c.left - cells[0].left) < 1.5, `${list.name}: title cells share one left edge (${at})`);
      assert.ok(Math.abs(c.width - cells[0].width) < 1.5, `${list.name}: title cells share one width (${at})`);
      assert.ok(c.lines >= 1 && c.lines <= 2, `${list.name}: “${c.text}” runs onto ${c.lines} lines`);
    }
    assert.ok(cells[0].width >= 250, `${list.name}: the title column is wide enough (${at})`);
  }
  await desk.context().close();

  // A phone keeps the cards: the header row is there but not shown.
  const phone = await open('demo-research', 'pages/home/index');
  await ready(phone, '#home-greeting');
  for (const list of lists) {
    await phone.goto(`${baseUrl}/#/${list.path}`);
    await ready(phone, list.loaded);
    await current(phone).locator(list.row).first().waitFor();
    assert.equal(await current(phone).locator(list.head).count(), 1, `${list.name}: the header row is rendered`);
    assert.equal(await current(phone).locator(list.head).isVisible(), false, `${list.name}: no header row at 390 px`);
  }
  await phone.context().close();

  // 返回 on a page that is not a tab, 44 × 44, back to 首页.
  const page = await open('demo-research', 'pages/home/index', 1280, 900);
  await ready(page, '#home-greeting');
  await current(page).locator('#home-screening').click();
  await ready(page, '#screen-total');
  const back = page.locator('.taro-navigation-bar-back').filter({ visible: true });
  await back.waitFor();
  const box = (await back.boundingBox())!;
  assert.ok(box.width >= 44 && box.height >= 44, `返回 ${box.width}×${box.height}`);
  assert.equal(await back.getAttribute('aria-label'), '返回');
  await back.click();
  await ready(page, '#home-greeting');
  await page.context().close();

  // A page opened first (a shared link) offers 首页 instead.
  const linked = await open('demo-worker', 'pages/proposal-detail/index?id=seed-p11');
  await ready(linked, '#detail-title');
  await linked.locator('.taro-navigation-bar-home').filter({ visible: true }).click();
  await ready(linked, '#home-greeting');
  await linked.context().close();
});

test('the greeting follows the Shanghai clock of the server, not the phone’s own', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  // The phone says 20:00 in Shanghai; the server's pinned clock says 10:00 (SHISHI_NOW).
  await context.addInitScript(() => {
    const fixed = Date.parse('2026-11-24T12:00:00Z');
    const RealDate = Date;
    class PhoneDate extends RealDate {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(fixed);
        else super(...(args as ConstructorParameters<DateConstructor>));
      }
      static override now() {
        return fixed;
      }
    }
    (globalThis as { Date: DateConstructor }).Date = PhoneDate as DateConstructor;
  });
  const token = await tokenOf('demo-worker');
  await context.addInitScript((t) => localStorage.setItem('shishi.session', JSON.stringify({ data: t })), token);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/#/pages/home/index`);
  await page.locator('#window-countdown').waitFor();
  assert.match(await page.locator('#home-greeting').innerText(), /上午好/);
  await context.close();
});

test('survey builder: 上移 and 删除 are not side by side', async () => {
  const page = await open('demo-research', 'packages/survey/pages/edit/index?id=seed-survey-women');
  await page.locator('.se-q').first().waitFor();
  await settle(page);
  const gaps = await current(page)
    .locator('.se-q__actions')
    .evaluateAll((rows) =>
      rows
        .map((row) => {
          const up = row.querySelector('[id$="-up"]');
          const remove = row.querySelector('[id$="-remove"]');
          if (!up || !remove) return null;
          return remove.getBoundingClientRect().left - up.getBoundingClientRect().right;
        })
        .filter((g): g is number => g !== null),
    );
  await shot(page, 'ease-builder');
  assert.ok(gaps.length > 0, 'questions with 上移 and 删除');
  assert.ok(
    gaps.every((g) => g >= 60),
    `gaps between 上移 and 删除: ${gaps.join(', ')}`,
  );
  await page.context().close();
});
