/**
 * The privacy declaration (client/src/privacy.ts) and the code stay in step: every WeChat privacy API the
 * client calls is declared with its purpose, no declared API is unused, each call has the consent prompt
 * where it is made, and the README's 用户隐私保护指引 table says the same.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { privacyApis, privacyDeclarations, privacyOpenTypes } from '../../client/src/privacy';

const root = join(__dirname, '..', '..');
const src = join(root, 'client', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === '__tests__') return [];
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}
const files = walk(src)
  .filter((f) => relative(src, f) !== 'privacy.ts')
  .map((f) => ({ path: relative(src, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

/** Taro.<api> uses (calls or references), and wx.<api> should anyone bypass Taro. */
function uses(api: string) {
  const re = new RegExp(`\\b(?:Taro|wx)\\.${api}\\b`);
  return files.filter((f) => re.test(f.text)).map((f) => f.path);
}

test('every privacy API the client calls is declared, and every declared one is called', () => {
  const called = privacyApis.filter((api) => uses(api).length > 0);
  expect(called.sort()).toEqual(privacyDeclarations.map((d) => d.api).sort());
});

test('each declaration names the files that call it', () => {
  for (const d of privacyDeclarations)
    expect({ api: d.api, callers: uses(d.api).sort() }).toEqual({ api: d.api, callers: [...d.callers].sort() });
});

test('the consent prompt is rendered where each privacy API is used', () => {
  for (const d of privacyDeclarations)
    for (const path of d.promptIn) {
      const file = files.find((f) => f.path === path);
      expect({ path, renders: !!file && /<PrivacyPrompt\b/.test(file.text) }).toEqual({ path, renders: true });
    }
  // The only components that render it are the declared ones (no prompt without a declared use).
  const rendering = files.filter((f) => /<PrivacyPrompt\b/.test(f.text)).map((f) => f.path);
  expect(rendering.sort()).toEqual([...new Set(privacyDeclarations.flatMap((d) => d.promptIn))].sort());
});

test('no button collects a phone number or a profile (collect only what a feature needs)', () => {
  for (const t of privacyOpenTypes)
    expect(files.filter((f) => f.text.includes(`'${t}'`) || f.text.includes(`"${t}"`)).map((f) => f.path)).toEqual([]);
  expect(files.filter((f) => /type=['"]nickname['"]/.test(f.text)).map((f) => f.path)).toEqual([]);
});

test('app.config.ts turns the privacy check on', () => {
  expect(readFileSync(join(src, 'app.config.ts'), 'utf8')).toMatch(/__usePrivacyCheck__:\s*true/);
});

test("the README's 用户隐私保护指引 table is the declaration", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- privacy:start -->');
  const end = readme.indexOf('<!-- privacy:end -->');
  expect(start).toBeGreaterThan(0);
  const table = readme.slice(start, end);
  const rows = privacyDeclarations.map((d) => `| ${d.info} | ${d.purpose} | ${d.feature} | \`${d.api}\` |`);
  expect(
    table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 处理的信息') && !l.startsWith('|---')),
  ).toEqual(rows);
});
