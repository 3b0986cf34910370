/**
 * WeChat's own toolchain on the weapp build (no DevTools on Linux):
 * - miniprogram-compiler's official `wcc` compiles every WXML and `wcsc` every WXSS;
 * - miniprogram-ci `getCompiledResult` (the DevTools compile) and `checkCodeQuality` (its code-quality
 *   panel: package sizes, compression, lazyCodeLoading, files only other packages use);
 * - the main package stays within our 600 KB budget (WeChat's limit is 2 MB).
 * Writes the figures to dist/weapp-report.json.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const weapp = join(root, 'client', 'dist', 'weapp');
const MAIN_BUDGET = 600 * 1024;
const failures = [];

if (!existsSync(join(weapp, 'app.json'))) {
  console.error('No weapp build: run npm run build:weapp first.');
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

// Package sizes as WeChat counts them: subpackage roots from app.json, everything else is main.
const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, '') + '/');
const sizes = { main: 0 };
for (const file of walk(weapp)) {
  const rel = relative(weapp, file).split('\\').join('/');
  if (rel.endsWith('.map')) continue;
  const sub = subRoots.find((r) => rel.startsWith(r));
  const key = sub ? sub.slice(0, -1) : 'main';
  sizes[key] = (sizes[key] ?? 0) + statSync(file).size;
}
for (const [pkg, bytes] of Object.entries(sizes)) console.log(`package ${pkg}: ${(bytes / 1024).toFixed(1)} KB`);
if (sizes.main > MAIN_BUDGET)
  failures.push(`main package ${(sizes.main / 1024).toFixed(1)} KB is over the ${MAIN_BUDGET / 1024} KB budget`);
for (const [pkg, bytes] of Object.entries(sizes))
  if (bytes > 2 * 1024 * 1024) failures.push(`${pkg} is over WeChat's 2 MB limit`);

// The project page shares to a chat and to Moments (issue 13). Taro compiles the page config into the page's
// JS and marks the page component (enableShareAppMessage / enableShareTimeline = !0), from which its runtime
// defines onShareAppMessage / onShareTimeline; the hooks give the title, path and image; the default card
// is copied into the project subpackage.
{
  const page = join(weapp, 'packages', 'project', 'pages', 'detail', 'index.js');
  const js = existsSync(page) ? readFileSync(page, 'utf8') : '';
  if (!js) failures.push('project page: packages/project/pages/detail/index.js is missing');
  for (const [what, re] of [
    ['enableShareAppMessage on', /enableShareAppMessage\s*[:=]\s*(!0|true)/],
    ['enableShareTimeline on', /enableShareTimeline\s*[:=]\s*(!0|true)/],
    ['useShareAppMessage called', /useShareAppMessage\)?\(/],
    ['useShareTimeline called', /useShareTimeline\)?\(/],
  ])
    if (js && !re.test(js)) failures.push(`project page: ${what} not found in the built page`);
  if (!existsSync(join(weapp, 'packages', 'project', 'assets', 'share.png')))
    failures.push('project page: the default share card packages/project/assets/share.png is missing');
  else console.log('project page: shares to a chat and to Moments, default card in the subpackage');
}

// wcc / wcsc: the official compilers must accept every template and style sheet.
const compilerDir = dirname(require.resolve('miniprogram-compiler/package.json'));
for (const bin of ['wcc', 'wcsc']) {
  const p = join(compilerDir, 'bin', 'linux', bin);
  if (existsSync(p)) chmodSync(p, 0o755);
}
const compiler = require('miniprogram-compiler');
try {
  const wxml = compiler.wxmlToJs(weapp);
  console.log(`wcc: compiled WXML to ${(wxml.length / 1024).toFixed(1)} KB of JS`);
} catch (e) {
  failures.push(`wcc failed: ${e.message}`);
}
try {
  const wxss = compiler.wxssToJs(weapp);
  console.log(`wcsc: compiled WXSS to ${(wxss.length / 1024).toFixed(1)} KB of JS`);
} catch (e) {
  failures.push(`wcsc failed: ${e.message}`);
}

// miniprogram-ci reads the project settings (compression, es6) from project.config.json beside the code:
// derive it from the repository's own, which points DevTools at this build.
const rootConfig = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
delete rootConfig.cloudfunctionRoot;
delete rootConfig.miniprogramRoot;
writeFileSync(join(weapp, 'project.config.json'), JSON.stringify(rootConfig, null, 2));

// miniprogram-ci: the DevTools compile and the code-quality panel. Any privateKey string works offline
// when the project is given its attributes.
const ci = require('miniprogram-ci');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const keyPath = join(tmp, 'ci-offline.key');
writeFileSync(keyPath, 'offline-check-no-upload');
const project = new ci.Project({
  appid: 'touristappid',
  type: 'miniProgram',
  projectPath: weapp,
  privateKeyPath: keyPath,
  ignores: ['node_modules/**/*', '**/*.map'],
  attr: async () => ({
    appType: 0,
    setting: { MaxCodeSize: 2, MaxSubpackageSubCodeSize: 2, MaxSubpackageFullCodeSize: 20 },
  }),
});
let compiledFiles = 0;
try {
  const compiled = await ci.getCompiledResult({
    project,
    desc: 'check',
    setting: { es6: true, minify: true },
    onProgressUpdate: () => {},
  });
  compiledFiles = Object.keys(compiled).length;
  console.log(`miniprogram-ci getCompiledResult: ${compiledFiles} files`);
} catch (e) {
  failures.push(`getCompiledResult failed: ${e.message ?? e}`);
}
let quality = [];
try {
  quality = await ci.checkCodeQuality(project);
  for (const item of quality)
    console.log(`checkCodeQuality ${item.success ? 'ok  ' : 'FAIL'} ${item.name}: ${item.text ?? ''}`);
  for (const item of quality) if (!item.success) failures.push(`checkCodeQuality ${item.name}: ${item.text ?? ''}`);
} catch (e) {
  failures.push(`checkCodeQuality failed: ${e.message ?? e}`);
}

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(
  join(root, 'dist', 'weapp-report.json'),
  JSON.stringify(
    { sizes, compiledFiles, quality: quality.map(({ name, success, text }) => ({ name, success, text })) },
    null,
    2,
  ),
);
if (failures.length) {
  console.error('\nweapp checks failed:\n- ' + failures.join('\n- '));
  process.exit(1);
}
console.log('weapp checks: all passed');
// miniprogram-ci leaves a file watcher running: end the process ourselves.
process.exit(0);
