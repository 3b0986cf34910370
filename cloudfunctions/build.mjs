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
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'dist', 'cloudfunctions');
const sdkVersion = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies['wx-server-sdk'];

const names = readdirSync(here).filter((name) => {
  const dir = join(here, name);
  return statSync(dir).isDirectory() && existsSync(join(dir, 'index.ts')) && existsSync(join(dir, 'config.json'));
});

rmSync(out, { recursive: true, force: true });
for (const name of names) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
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
  });
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
  console.log(`cloudfunction ${name}: ${(bytes / 1024).toFixed(1)} KB`);
}
