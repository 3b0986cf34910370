/**
 * H5 only: what Taro's H5 shell leaves out for keyboards and screen readers (checked with axe-core in
 * the e2e run). Each page is a scrolling container: it becomes focusable, so the keyboard can scroll
 * it. The navigation bar's 返回 / 首页 are plain divs: they get a role, a name and Enter.
 */
import { config } from '../../config';

function mend(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((page) => {
    page.tabIndex = 0;
  });
  const named: [string, string][] = [
    ['.taro-navigation-bar-back', '返回'],
    ['.taro-navigation-bar-home', '回到首页'],
  ];
  for (const [selector, label] of named) {
    root.querySelectorAll<HTMLElement>(`${selector}:not([role])`).forEach((el) => {
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', label);
      el.tabIndex = 0;
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') el.click();
      });
    });
  }
}

export function initPageA11y(): void {
  if (config.platform !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const start = () => {
    mend(document);
    new MutationObserver(() => mend(document)).observe(document.body, { childList: true, subtree: true });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
