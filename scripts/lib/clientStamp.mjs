/**
 * Is the H5 build older than the code it was built from? `npm start` keeps a stamp beside the build: a
 * hash of every file under client/src, client/config and shared-types/src (path and content) and the
 * client's package.json. A different stamp (or none) means the client must be built again, so the dev
 * host never serves a page older than the code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const STAMP_FILE = '.source-stamp';
const sources = ['client/src', 'client/config', 'shared-types/src', 'client/package.json'];

function walk(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== '__tests__' && !name.startsWith('.'))
    .sort()
    .flatMap((name) => walk(join(path, name)));
}

/** The hash of the client's sources under `root`. */
export function sourceStamp(root) {
  const hash = createHash('sha256');
  for (const file of sources.flatMap((s) => walk(join(root, s)))) {
    hash.update(relative(root, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why the H5 build must be made again, or null when it matches the sources. */
export function staleReason(root) {
  const dir = join(root, 'client', 'dist', 'h5');
  if (!existsSync(join(dir, 'index.html'))) return 'H5 build missing';
  const stampPath = join(dir, STAMP_FILE);
  if (!existsSync(stampPath)) return 'H5 build of unknown sources';
  if (readFileSync(stampPath, 'utf8').trim() !== sourceStamp(root))
    return 'client sources changed since the last H5 build';
  return null;
}

/** Records which sources the H5 build was made from (call with the stamp taken before building). */
export function writeStamp(root, stamp) {
  writeFileSync(join(root, 'client', 'dist', 'h5', STAMP_FILE), stamp + '\n');
}
