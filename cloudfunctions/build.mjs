/**
 * Bundles each cloud function into a deployable folder under dist/cloudfunctions/<name>/:
 * index.js (shared-types, zod and dayjs inlined; wx-server-sdk left to the platform's npm install),
 * package.json depending on wx-server-sdk, and the function's config.json (openapi permissions).
 */
import { build } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
/** `--out <dir>`: build somewhere else than dist/cloudfunctions (scripts/bundle-report.mjs). */
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(root, 'dist', 'cloudfunctions');
const sdkVersion = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies['wx-server-sdk'];

const names = readdirSync(here).filter((name) => {
  const dir = join(here, name);
  return statSync(dir).isDirectory() && existsSync(join(dir, 'index.ts')) && existsSync(join(dir, 'config.json'));
});

/**
 * zod re-exports every locale it ships as `z.locales` (`export * as locales from "../locales/index.js"`),
 * and a namespace re-export is kept whole by esbuild: ~260 KB of 40-odd languages in each function.
 * The functions speak Chinese only (shared-types/src/zod-locale.ts sets zh-CN; zod's own schemas import
 * `en` as the fallback directly), so the barrel is replaced by those two.
 */
const zodLocales = {
  name: 'zod-locales-zh-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      resolveDir: dirname(args.path),
      contents: "export { default as zhCN } from './zh-CN.js';\nexport { default as en } from './en.js';\n",
      loader: 'js',
    }));
  },
};

/**
 * Export-only libraries (spreadsheets, Word documents) are bundled apart, into `lazy/<lib>.js` next to
 * the function's index.js, and required the first time the handler touches one of their exports: a
 * cold start that answers anything but an export neither reads nor evaluates them. The handlers keep
 * plain imports; the main bundle gets a stand-in whose exports are getters over the lazy require.
 */
const LAZY = ['exceljs', 'docx'];
const requireHere = createRequire(import.meta.url);

function lazyLibs(used) {
  return {
    name: 'lazy-export-libs',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (args) => ({
        path: args.path,
        namespace: 'lazy-lib',
      }));
      b.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-lib' }, (args) => {
        used.add(args.path);
        const names = Object.keys(requireHere(args.path)).filter((k) => k !== 'default' && k !== '__esModule');
        const contents = [
          `let m;`,
          `const load = () => m || (m = require(${JSON.stringify(`./lazy/${args.path}.js`)}));`,
          `Object.defineProperty(exports, '__esModule', { value: true });`,
          `for (const k of ${JSON.stringify(names)}) Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });`,
          `Object.defineProperty(exports, 'default', { enumerable: true, get: () => { const x = load(); return x && x.__esModule && 'default' in x ? x.default : x; } });`,
        ].join('\n');
        return { contents, loader: 'js', resolveDir: here };
      });
    },
  };
}

rmSync(out, { recursive: true, force: true });
for (const name of names) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const used = new Set();
  const result = await build({
    entryPoints: [join(here, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['wx-server-sdk'],
    minify: true,
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [zodLocales, lazyLibs(used)],
  });
  for (const lib of used) {
    const chunk = await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(lib)});`, resolveDir: here, loader: 'js' },
      outfile: join(dir, 'lazy', `${lib}.js`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: true,
      keepNames: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    result.metafile.outputs = { ...result.metafile.outputs, ...chunk.metafile.outputs };
  }
  copyFileSync(join(here, name, 'config.json'), join(dir, 'config.json'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } },
      null,
      2,
    ) + '\n',
  );
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  const main = statSync(join(dir, 'index.js')).size;
  const lazy = used.size ? ` (index.js ${(main / 1024).toFixed(1)} KB; loaded on export: ${[...used].join(', ')})` : '';
  console.log(`cloudfunction ${name}: ${(bytes / 1024).toFixed(1)} KB${lazy}`);
}
