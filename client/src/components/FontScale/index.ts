/**
 * 长辈模式 (large-font mode): every font size is `calc(<size> * var(--fs, 1))` (styles/_tokens.scss), so
 * one CSS variable scales the text of a page without touching its layout.
 * - The person's switch (我的 → 长辈模式) is kept on the device and multiplies text by LARGE_FONT_SCALE.
 * - weapp follows the phone: WeChat's 字体大小 setting (`fontSizeSetting`, 17 px is standard) raises the
 *   scale too; the larger of the two wins.
 * - H5: the variable sits on <html>, so every page, sheet and dialog follows. weapp has no shared root:
 *   every page's default export is wrapped, `export default withFontScale(SomePage)`, which puts the
 *   scale on a view around the whole page (loading and error states included). A page may instead put
 *   `style={useFontScaleStyle()}` on every root it returns. scripts/__tests__/fontScalePages.test.ts
 *   fails for a page of app.config.ts that does neither.
 */
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { createElement, useEffect, useState, type ComponentType } from 'react';
import { config } from '../../config';

export const LARGE_FONT_KEY = 'shishi.largeFont';
/** At least 1.25× (issue 12): 16 px body text becomes 20 px. */
export const LARGE_FONT_SCALE = 1.25;
const STANDARD_WECHAT_FONT = 17;
/** Taro.eventCenter event: the switch changed (pages re-read the scale). */
const CHANGED = 'shishi.fontScale';
const MAX_SCALE = 1.6;

export function largeFontOn(): boolean {
  try {
    return Taro.getStorageSync(LARGE_FONT_KEY) === true;
  } catch {
    return false;
  }
}

/** The phone's own text size as a scale (weapp only; 1 when standard or unknown). */
function systemScale(): number {
  if (config.platform !== 'weapp') return 1;
  try {
    const info = (Taro.getAppBaseInfo ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as {
      fontSizeSetting?: number;
    };
    const setting = info.fontSizeSetting ?? STANDARD_WECHAT_FONT;
    return Math.min(MAX_SCALE, Math.max(1, setting / STANDARD_WECHAT_FONT));
  } catch {
    return 1;
  }
}

export function fontScale(): number {
  return Math.max(largeFontOn() ? LARGE_FONT_SCALE : 1, systemScale());
}

/** H5: writes the scale on <html> (class `large-font` too, for the few rules that change more than size). */
export function applyFontScale(): void {
  if (config.platform !== 'h5' || typeof document === 'undefined') return;
  const root = document.documentElement;
  const scale = fontScale();
  root.style.setProperty('--fs', String(scale));
  root.classList.toggle('large-font', scale > 1);
}

export function setLargeFont(on: boolean): void {
  try {
    Taro.setStorageSync(LARGE_FONT_KEY, on);
  } catch {
    // Storage full or unavailable: the mode lasts until the app closes.
  }
  applyFontScale();
  Taro.eventCenter.trigger(CHANGED);
}

/**
 * The page root's style on weapp (`--fs:1.25`), read again each time the page shows (the switch may
 * have changed on 我的); undefined on H5, where <html> carries it.
 */
export function useFontScaleStyle(): string | undefined {
  const [scale, setScale] = useState(fontScale);
  useDidShow(() => setScale(fontScale()));
  useEffect(() => {
    const update = () => setScale(fontScale());
    Taro.eventCenter.on(CHANGED, update);
    return () => void Taro.eventCenter.off(CHANGED, update);
  }, []);
  if (config.platform === 'h5' || scale === 1) return undefined;
  return `--fs:${scale}`;
}

/**
 * A page component with the text scale on a view around it (weapp). The view is there at every scale,
 * so switching 长辈模式 never remounts the page; its class `fs-root` (app.scss) also sets the body text
 * size, which unstyled text inherits. H5 gets the page unchanged: <html> carries the scale there.
 */
export function withFontScale<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  if (config.platform === 'h5') return Page;
  function FontScaled(props: P) {
    const style = useFontScaleStyle();
    return createElement(View, { className: 'fs-root', style }, createElement(Page, props));
  }
  return FontScaled;
}
