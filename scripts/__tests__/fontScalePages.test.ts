/**
 * Issue 12, 长辈模式 on weapp: every page of app.config.ts renders its text at the person's scale, in
 * every state (loading, error, content). weapp has no shared root, so each page's default export is
 * `withFontScale(…)` or puts `style={useFontScaleStyle()}` on every root it returns.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pagePaths, unscaledRoots } from '../lib/fontScalePages';

const src = join(__dirname, '..', '..', 'client', 'src');

function appConfig() {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown };
  g.defineAppConfig = (c) => c;
  const env = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5'; // the H5 build lists every page (选择演示身份 too)
  try {
    return jest.requireActual<{ default: Parameters<typeof pagePaths>[0] }>(join(src, 'app.config.ts')).default;
  } finally {
    process.env.TARO_ENV = env;
  }
}

test('every page of app.config.ts carries the 长辈模式 text scale on each root it renders', () => {
  const pages = pagePaths(appConfig());
  expect(pages.length).toBeGreaterThan(20);
  const offenders = pages.flatMap((page) => {
    const file = join(src, `${page}.tsx`);
    if (!existsSync(file)) return [`client/src/${page}.tsx: missing`];
    return unscaledRoots(`client/src/${page}.tsx`, readFileSync(file, 'utf8'));
  });
  expect(offenders).toEqual([]);
});

/** Every .scss under a folder. */
const sheets = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sheets(join(dir, e.name)) : e.name.endsWith('.scss') ? [join(dir, e.name)] : [],
  );

test('every text size in the client’s style sheets follows the scale (tokens, fs(), or a mixin that scales)', () => {
  // A plain `font-size: 26px` stays small in 长辈模式 while the text around it grows.
  const follows = /\$font-|fs\(|scaled\(|var\(--fs|inherit/;
  const fixed = sheets(src).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: `${relative(src, file)}:${i + 1}` }))
      .filter(({ line }) => /^\s*font-size:/.test(line) && !follows.test(line))
      .map(({ line, at }) => `${at} ${line.trim()}`),
  );
  expect(fixed).toEqual([]);
});

describe('the check finds a page without the scale', () => {
  const check = (code: string) => unscaledRoots('page.tsx', code);

  test('wrapped default exports pass, in either form', () => {
    expect(check('function P() { return <View /> }\nexport default withFontScale(P);')).toEqual([]);
    expect(check('const P = withFontScale(function P() { return <View /> });\nexport default P;')).toEqual([]);
  });

  test('a root with the style passes; one state without it is reported with its line', () => {
    const ok = `export default function P() {
      const fontStyle = useFontScaleStyle();
      return <View className="page" style={fontStyle} />;
    }`;
    expect(check(ok)).toEqual([]);
    const loadingUnscaled = `export default function P() {
      const s = useData();
      if (!s.data) return <Loading />;
      return <Content data={s.data} />;
    }
    function Content({ data }) {
      return data.done ? (
        <View className="page" style={useFontScaleStyle()} />
      ) : (
        <View className="page">
          <Text>{data.title}</Text>
        </View>
      );
    }`;
    expect(check(loadingUnscaled)).toEqual(['page.tsx:3 <Loading>', 'page.tsx:10 <View>']);
  });

  test('a page that never uses the scale is reported', () => {
    expect(check('export default function P() { return <View className="page" style={other} /> }')).toEqual([
      'page.tsx:1 <View>',
    ]);
    expect(check('const P = () => <View />;\nexport default P;')).toEqual(['page.tsx:1 <View>']);
  });
});
