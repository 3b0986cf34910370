/**
 * Issue 12, older workers: the main pages of every demo identity, at phone size (390 × 844), in normal
 * text and in 长辈模式 (1.25×):
 * - every tap target is at least 44 × 44 CSS px. Exception (WCAG 2.5.8 "inline"): a link that sits inside
 *   a sentence, whose size the line of text sets; nothing else is excused;
 * - nothing is wider than the screen (the page body does not scroll sideways, no element reaches past an
 *   edge), no button's words are cut or spill out of it (scrollWidth/scrollHeight against the box), and
 *   no two tap targets cover each other;
 * - a screenshot of each page in each mode lands in e2e/artifacts/ (layout-<identity>-<page>-<mode>.png).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { baseUrl, launch, settle } from './browser';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

type Mode = 'normal' | 'large';
/** A page: its path (or a tap from the page before that opens it) and what shows that it has loaded. */
interface Screen {
  name: string;
  path: string;
  loaded: string;
  /** Opened by tapping this on the previous screen instead of by path (ids known only at run time). */
  via?: string;
}

const worker: Screen[] = [
  { name: 'home', path: 'pages/home/index', loaded: '#home-greeting' },
  { name: 'proposals', path: 'pages/proposals/index', loaded: '#proposals-total' },
  { name: 'mine', path: 'pages/mine/index', loaded: '#mine-total' },
  { name: 'detail', path: 'pages/proposal-detail/index?id=seed-p11', loaded: '#detail-title' },
  { name: 'new', path: 'pages/proposal-new/index', loaded: '#proposal-title' },
  { name: 'messages', path: 'pages/messages/index', loaded: '#messages-list, #messages-list-empty' },
  { name: 'survey', path: 'pages/survey-answer/index?id=seed-survey-needs', loaded: '#survey-title' },
];
const screening: Screen = { name: 'screening', path: 'packages/staff/pages/screening/index', loaded: '#screen-total' };
const projects: Screen = { name: 'projects', path: 'packages/project/pages/list/index', loaded: '#plist-total' };
const project: Screen = {
  name: 'project',
  path: '',
  via: '#plist-list .project-card',
  loaded: '#project-title',
};
const staff: Screen[] = [
  { name: 'home', path: 'pages/home/index', loaded: '#home-greeting' },
  { name: 'staff-proposals', path: 'packages/staff/pages/proposals/index', loaded: '#staff-total' },
  screening,
  { name: 'windows', path: 'packages/staff/pages/windows/index', loaded: '.window-admin' },
  { name: 'review', path: 'packages/staff/pages/review/index', loaded: '#review-total' },
  { name: 'surveys', path: 'packages/survey/pages/list/index', loaded: '#survey-total' },
  { name: 'survey-edit', path: 'packages/survey/pages/edit/index?id=seed-survey-women', loaded: '.se-q' },
  { name: 'survey-results', path: 'packages/survey/pages/results/index?id=seed-survey-needs', loaded: '#results-head' },
  { name: 'offline', path: 'packages/cadre/pages/offline-new/index', loaded: '#offline-title' },
  projects,
  project,
];

/** The main pages of each demo identity. */
const plan: [identity: string, screens: Screen[]][] = [
  ['demo-worker', worker],
  [
    'demo-cadre',
    [
      { name: 'home', path: 'pages/home/index', loaded: '#home-greeting' },
      { name: 'offline', path: 'packages/cadre/pages/offline-new/index', loaded: '#offline-title' },
      { name: 'survey-offline', path: 'packages/survey/pages/offline/index', loaded: '#so-pick-list, #so-pick-empty' },
    ],
  ],
  ['demo-district', staff],
  [
    'demo-research',
    [...staff, { name: 'decision', path: 'packages/project/pages/decision/index', loaded: '#cd-total' }],
  ],
  ...(['demo-reviewer', 'demo-depthead', 'demo-leader'] as const).map((id): [string, Screen[]] => [
    id,
    [{ name: 'home', path: 'pages/home/index', loaded: '#home-greeting' }, screening, projects, project],
  ]),
  [
    'demo-admin',
    [
      { name: 'home', path: 'pages/home/index', loaded: '#home-greeting' },
      { name: 'roles', path: 'packages/admin/pages/roles/index', loaded: '#roles-total' },
    ],
  ],
];

async function open(identity: string, mode: Mode): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
  });
  const login = await fetch(`${baseUrl}/dev/login`, { method: 'POST', body: JSON.stringify({ identity }) });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  // tsx names the helpers of findings() with __name(); the page has no such function.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(
    ([t, large]) => {
      localStorage.setItem('shishi.session', JSON.stringify({ data: t }));
      localStorage.setItem('shishi.largeFont', JSON.stringify({ data: large }));
    },
    [token, mode === 'large'] as const,
  );
  return context.newPage();
}

/**
 * The whole page as one picture: Taro H5 scrolls inside the page, not the document, so the window is
 * made as tall as the page's content for the shot (at most 4,000 px), then put back.
 */
async function wholePage(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page:not(.taro_page_shade)')).pop();
    return shown ? shown.scrollHeight + (window.innerHeight - shown.clientHeight) : window.innerHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(4000, Math.max(size.height, height)) });
  await settle(page);
  await page.screenshot({ path: join(__dirname, 'artifacts', `${name}.png`), scale: 'css' });
  await page.setViewportSize(size);
}

/**
 * What a person would find wrong on the page on screen: tap targets under 44 × 44, anything wider than
 * the screen, button words cut or spilling. Each finding names the element and its size.
 */
async function findings(
  page: Page,
): Promise<{ small: string[]; overflow: string[]; clipped: string[]; overlapping: string[] }> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const r = el.getBoundingClientRect();
      const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`;
      const text = ((el as HTMLElement).innerText || el.getAttribute('aria-label') || '')
        .replace(/\s+/g, ' ')
        .slice(0, 14);
      return `${name} ${Math.round(r.width)}×${Math.round(r.height)} “${text}”`;
    };
    /** Taro keeps H5 click handlers in `__events`; React keeps them in its props. */
    const tappable = (el: Element) => {
      const events = (el as unknown as { __events?: Record<string, unknown> }).__events ?? {};
      const propsKey = Object.keys(el).find((k) => k.startsWith('__reactProps'));
      const props = propsKey ? (el as unknown as Record<string, { onClick?: unknown; onTap?: unknown }>)[propsKey] : {};
      return (
        events.click !== undefined ||
        events.tap !== undefined ||
        typeof props?.onClick === 'function' ||
        typeof props?.onTap === 'function' ||
        el.matches(
          'taro-button-core, a[href], .weui-tabbar__item, .taro-navigation-bar-back, .taro-navigation-bar-home, taro-switch-core, taro-checkbox-core, taro-radio-core',
        )
      );
    };
    /** WCAG 2.5.8's inline exception: a link in a line of text (flex and grid items are never inline). */
    const inSentence = (el: HTMLElement) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const parent = el.parentElement;
      return !!parent && parent.innerText.trim().length > el.innerText.trim().length;
    };
    const page = Array.from(document.querySelectorAll<HTMLElement>('.taro_page:not(.taro_page_shade)')).pop();
    const width = document.documentElement.clientWidth;
    const small: string[] = [];
    const overflow: string[] = [];
    const clipped: string[] = [];
    const overlapping: string[] = [];
    const targets: HTMLElement[] = [];
    if (!page) return { small: ['no page on screen'], overflow, clipped, overlapping };
    if (document.documentElement.scrollWidth > width + 1)
      overflow.push(`the document scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    if (page.scrollWidth > page.clientWidth + 1)
      overflow.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
    // The page, and what sits fixed over it (tab bar, navigation bar, open sheets and dialogs).
    const scope = [
      ...Array.from(page.querySelectorAll<HTMLElement>('*')),
      ...Array.from(document.querySelectorAll<HTMLElement>('.weui-tabbar *, #taro-navigation-bar *')),
    ];
    for (const el of scope) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      if (r.right > width + 1 || r.left < -1)
        overflow.push(`${describe(el)} reaches ${Math.round(r.left)}…${Math.round(r.right)}`);
      if (!tappable(el)) continue;
      targets.push(el);
      if ((r.width < 44 || r.height < 44) && !inSentence(el)) small.push(describe(el));
      const clamped = style.webkitLineClamp !== 'none' || style.textOverflow === 'ellipsis';
      if (
        !clamped &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) &&
        el.clientWidth > 0
      )
        clipped.push(`${describe(el)} holds ${el.scrollWidth}×${el.scrollHeight}`);
    }
    // Two targets (neither inside the other) of the same layer covering each other: a tap could hit the
    // wrong one. Content passing under a fixed bar (bottom buttons) or out of the page's box while it
    // scrolls is not that.
    const layer = (el: HTMLElement) => {
      for (let at: HTMLElement | null = el; at; at = at.parentElement)
        if (
          ['fixed', 'sticky'].includes(getComputedStyle(at).position) ||
          at.matches('.weui-tabbar, #taro-navigation-bar')
        )
          return at;
      return null;
    };
    // What of a target can be seen: the page scrolls inside its own box (the tab bar is outside it).
    const box = page.getBoundingClientRect();
    const shown = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      if (!page.contains(el)) return r;
      const top = Math.max(r.top, box.top);
      const bottom = Math.min(r.bottom, box.bottom);
      return { left: r.left, right: r.right, top, bottom: Math.max(top, bottom) };
    };
    for (let i = 0; i < targets.length; i++)
      for (let j = i + 1; j < targets.length; j++) {
        const [a, b] = [targets[i], targets[j]];
        if (a.contains(b) || b.contains(a) || layer(a) !== layer(b)) continue;
        const [p, q] = [shown(a), shown(b)];
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) overlapping.push(`${describe(a)} and ${describe(b)}`);
      }
    return { small, overflow: overflow.slice(0, 12), clipped, overlapping };
  });
}

for (const [identity, screens] of plan) {
  test(`${identity}: main pages at 390 px in normal text and 长辈模式 — targets ≥ 44 × 44, nothing past the edges, no button text cut`, async () => {
    const problems: string[] = [];
    for (const mode of ['normal', 'large'] as Mode[]) {
      const page = await open(identity, mode);
      for (const screen of screens) {
        if (screen.via) {
          const link = page.locator(screen.via).filter({ visible: true }).first();
          if ((await link.count()) === 0) {
            problems.push(`${mode} ${screen.name}: nothing to open (${screen.via})`);
            continue;
          }
          await link.click();
        } else await page.goto(`${baseUrl}/#/${screen.path}`);
        await page.locator(screen.loaded).filter({ visible: true }).first().waitFor();
        await settle(page);
        // The page has slid all the way in (Taro H5 animates a page opened on top of another).
        await page.waitForFunction(() => {
          const shown = Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)')).pop();
          return !!shown && Math.abs(shown.getBoundingClientRect().left) < 1;
        });
        // The scale is on <html> in 长辈模式 (components/FontScale), and only then.
        const fs = await page.evaluate(() => document.documentElement.style.getPropertyValue('--fs'));
        assert.equal(fs, mode === 'large' ? '1.25' : '1', `${identity} ${screen.name} ${mode}: --fs`);
        const found = await findings(page);
        await wholePage(page, `layout-${identity}-${screen.name}-${mode}`);
        for (const [kind, list] of Object.entries(found))
          problems.push(...list.map((f) => `${mode} ${screen.name} ${kind}: ${f}`));
      }
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });
}
