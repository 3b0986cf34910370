/**
 * Issue 12: `npm start` builds the H5 client again when its sources changed since the last build,
 * instead of serving an old one (scripts/lib/clientStamp.mjs, used by scripts/start.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const lib = join(__dirname, '..', 'lib', 'clientStamp.mjs');

/** Runs the ES module in a child Node (jest runs CommonJS): `staleReason(root)`, or `build` = stamp it. */
function run(root: string, what: 'stale' | 'build'): string {
  const code =
    what === 'stale'
      ? `const m = await import(${JSON.stringify(lib)}); console.log(String(m.staleReason(${JSON.stringify(root)})));`
      : `const m = await import(${JSON.stringify(lib)}); m.writeStamp(${JSON.stringify(root)}, m.sourceStamp(${JSON.stringify(root)}));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim();
}

describe('H5 build stamp', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stamp-'));
    mkdirSync(join(root, 'client', 'src', 'pages'), { recursive: true });
    mkdirSync(join(root, 'shared-types', 'src'), { recursive: true });
    writeFileSync(join(root, 'client', 'src', 'pages', 'home.tsx'), 'export default 1;\n');
    writeFileSync(join(root, 'shared-types', 'src', 'roles.ts'), "export const roles = ['worker'];\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const built = () => {
    mkdirSync(join(root, 'client', 'dist', 'h5'), { recursive: true });
    writeFileSync(join(root, 'client', 'dist', 'h5', 'index.html'), '<!doctype html>');
  };

  it('builds when there is no build, and when a build has no stamp', () => {
    expect(run(root, 'stale')).toBe('H5 build missing');
    built();
    expect(run(root, 'stale')).toBe('H5 build of unknown sources');
  });

  it('serves a build made from the same sources', () => {
    built();
    run(root, 'build');
    expect(readFileSync(join(root, 'client', 'dist', 'h5', '.source-stamp'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(run(root, 'stale')).toBe('null');
  });

  it('builds again after a client page or a shared schema changed, or a file was added', () => {
    built();
    run(root, 'build');
    writeFileSync(join(root, 'client', 'src', 'pages', 'home.tsx'), 'export default 2;\n');
    expect(run(root, 'stale')).toBe('client sources changed since the last H5 build');
    run(root, 'build');
    writeFileSync(join(root, 'shared-types', 'src', 'roles.ts'), "export const roles = ['worker', 'cadre'];\n");
    expect(run(root, 'stale')).toBe('client sources changed since the last H5 build');
    run(root, 'build');
    writeFileSync(join(root, 'client', 'src', 'pages', 'mine.tsx'), 'export default 3;\n');
    expect(run(root, 'stale')).toBe('client sources changed since the last H5 build');
  });

  it('start.mjs asks the stamp before starting the dev host', () => {
    const start = readFileSync(join(__dirname, '..', 'start.mjs'), 'utf8');
    expect(start).toMatch(/staleReason\(root\)/);
    expect(start).toMatch(/writeStamp\(root, stamp\)/);
  });
});

describe('README on starting', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  it('says which Node is needed and that the first start builds the client for about a minute and a half', () => {
    expect(readme).toMatch(/Node\.js 20 or newer/);
    expect(readme).toMatch(/first start builds the H5\s+client, which takes about a minute and a half/);
    expect(readme).toContain('```sh\nnpm install && npm start\n```');
    expect(readme).toContain('```sh\nnpm install && npm test\n```');
  });
});
