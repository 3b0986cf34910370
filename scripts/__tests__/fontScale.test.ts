/**
 * Issue 12, 长辈模式: on weapp the text follows the phone's own 字体大小 setting (WeChat's
 * `fontSizeSetting`, 17 px standard), at most 1.6×, and the person's switch in 我的 (1.25×) combines with
 * it: the larger of the two wins. H5 has no such setting. Taro is replaced by a phone whose setting and
 * storage each test chooses; the code under test is client/src/components/FontScale as built.
 */
import { join } from 'node:path';

interface FontScaleModule {
  fontScale(): number;
  LARGE_FONT_KEY: string;
}

/** What the fake phone reports: `getAppBaseInfo` (or, on an old base library, `getSystemInfoSync`). */
const phone: { info: () => { fontSizeSetting?: number }; hasAppBaseInfo: boolean; storage: Map<string, unknown> } = {
  info: () => ({ fontSizeSetting: 17 }),
  hasAppBaseInfo: true,
  storage: new Map(),
};

jest.doMock('@tarojs/taro', () => {
  const taro = {
    get getAppBaseInfo() {
      return phone.hasAppBaseInfo ? () => phone.info() : undefined;
    },
    getSystemInfoSync: () => phone.info(),
    getStorageSync: (key: string) => phone.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void phone.storage.set(key, value),
    eventCenter: { on: () => undefined, off: () => undefined, trigger: () => undefined },
  };
  return { __esModule: true, default: taro, useDidShow: () => undefined };
});
jest.doMock('@tarojs/components', () => ({ __esModule: true, View: 'view' }));

/** The module as the given platform's build sees it (config.platform is read when it loads). */
function load(platform: 'weapp' | 'h5'): FontScaleModule {
  const env = process.env.TARO_ENV;
  process.env.TARO_ENV = platform;
  try {
    let mod: FontScaleModule | undefined;
    jest.isolateModules(() => {
      mod = jest.requireActual<FontScaleModule>(
        join(__dirname, '..', '..', 'client', 'src', 'components', 'FontScale'),
      );
    });
    return mod!;
  } finally {
    process.env.TARO_ENV = env;
  }
}

const weapp = load('weapp');
const h5 = load('h5');

function setPhone(fontSizeSetting: number | undefined, largeFont = false) {
  phone.info = () => (fontSizeSetting === undefined ? {} : { fontSizeSetting });
  phone.hasAppBaseInfo = true;
  phone.storage.clear();
  if (largeFont) phone.storage.set(weapp.LARGE_FONT_KEY, true);
}

describe('weapp follows the phone’s font size setting', () => {
  it('standard text (17) keeps the scale at 1', () => {
    setPhone(17);
    expect(weapp.fontScale()).toBe(1);
  });

  it('larger settings scale the text up in proportion', () => {
    setPhone(20);
    expect(weapp.fontScale()).toBeCloseTo(20 / 17, 5);
    setPhone(24);
    expect(weapp.fontScale()).toBeCloseTo(24 / 17, 5);
  });

  it('is capped at 1.6, so the largest settings do not break the layouts', () => {
    setPhone(28);
    expect(weapp.fontScale()).toBe(1.6);
    setPhone(40);
    expect(weapp.fontScale()).toBe(1.6);
  });

  it('a smaller setting never shrinks the text below the design', () => {
    setPhone(14);
    expect(weapp.fontScale()).toBe(1);
  });

  it('a missing setting, or a phone that cannot say, gives 1', () => {
    setPhone(undefined);
    expect(weapp.fontScale()).toBe(1);
    phone.info = () => {
      throw new Error('getAppBaseInfo:fail');
    };
    expect(weapp.fontScale()).toBe(1);
  });

  it('an old base library without getAppBaseInfo is asked through getSystemInfoSync', () => {
    setPhone(22);
    phone.hasAppBaseInfo = false;
    expect(weapp.fontScale()).toBeCloseTo(22 / 17, 5);
  });

  it('with 长辈模式 on, the larger of the switch (1.25) and the phone wins', () => {
    setPhone(17, true);
    expect(weapp.fontScale()).toBe(1.25);
    setPhone(20, true); // 1.18 from the phone: the switch is larger
    expect(weapp.fontScale()).toBe(1.25);
    setPhone(24, true); // 1.41 from the phone
    expect(weapp.fontScale()).toBeCloseTo(24 / 17, 5);
    setPhone(30, true);
    expect(weapp.fontScale()).toBe(1.6);
  });
});

describe('H5', () => {
  it('has no phone setting: only 长辈模式 changes the scale', () => {
    setPhone(24);
    expect(h5.fontScale()).toBe(1);
    setPhone(24, true);
    expect(h5.fontScale()).toBe(1.25);
  });
});
