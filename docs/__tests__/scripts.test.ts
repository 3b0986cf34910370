/**
 * The commands the README names are real: every npm script that runs a file of this repository names a
 * file that exists, and every `npm run <name>` / `npm start|test` in the README is a script.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('npm scripts', () => {
  it('every script that runs a file names a file that exists', () => {
    const missing: string[] = [];
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const m of command.matchAll(/(?:^|\s)((?:\.\/)?[\w.-]+(?:\/[\w.-]+)+\.(?:mjs|cjs|js|ts))(?=\s|$)/g)) {
        if (!existsSync(join(root, m[1]))) missing.push(`${name}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every npm command the README names is a script', () => {
    const named = [...readme.matchAll(/npm (?:run ([\w:-]+)|(start|test)\b)/g)].map((m) => m[1] ?? m[2]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !(n in pkg.scripts))).toEqual([]);
  });
});

describe('tests', () => {
  it('no test accepts any error: a rejection is asserted with the code or message meant', () => {
    // The two matchers that accept any error, built from parts so this file does not hold them itself.
    const loose = ['toBeDefined', 'toBeTruthy'].map((m) => `rejects\\.${m}\\(\\)`).join('|');
    let hits = '';
    try {
      hits = execFileSync(
        'git',
        ['grep', '--untracked', '-nE', loose, '--', '*.test.ts', '*.test.tsx', ':!docs/__tests__/scripts.test.ts'],
        { cwd: root, encoding: 'utf8' },
      );
    } catch {
      hits = ''; // git grep exits 1 when nothing matches
    }
    expect(hits.split('\n').filter(Boolean)).toEqual([]);
  });
});
