/**
 * Shared set-up for the conformance suite: a fresh data directory per test file, a pinned clock,
 * and small assertions about how wx-server-sdk reports failures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud, type LocalCloudOptions } from '../src';

/** 2024-03-01T08:00:00.000Z: every test file pins the clock here unless it says otherwise. */
export const NOW = Date.UTC(2024, 2, 1, 8, 0, 0);

const created: string[] = [];

/** A fresh directory under the OS temp dir; `removeTempDirs()` deletes the ones this test file made. */
export function tempDir(prefix = 'local-cloud-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Call after closing every cloud opened on them. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function openCloud(options: Partial<LocalCloudOptions> & { dataDir?: string } = {}): LocalCloud {
  return createLocalCloud({ now: () => NOW, ...options, dataDir: options.dataDir ?? tempDir() });
}

/** What wx-server-sdk rejects with: an Error carrying errCode and errMsg. */
export interface SdkError extends Error {
  errCode: number;
  errMsg: string;
}

/** Awaits a promise that must reject and returns the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to reject, but it resolved');
}

/** Sorts by a key so tests do not depend on insertion order unless they mean to. */
export function byKey<T extends Record<string, unknown>>(key: keyof T) {
  return (a: T, b: T) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0);
}

/**
 * Runs `script` (TypeScript, through node with tsx as a loader — not the tsx CLI, whose node grandchild
 * a SIGKILL would miss) and reads its stdout line by line; `onLine` returns true when the child should
 * be killed with SIGKILL now. Lines read after the kill are still handed over (acknowledged before it).
 * Rejects when the child exits on its own or is not killed within `timeoutMs`.
 */
export function runAndKill(
  script: string,
  args: readonly string[],
  onLine: (line: string) => boolean,
  timeoutMs: number,
): Promise<{ signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} was not killed within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (onLine(line) && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`${script} exited by itself (code ${code}, ${signal}); stderr: ${stderr}`));
      else resolve({ signal });
    });
  });
}
