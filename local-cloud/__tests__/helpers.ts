/**
 * Shared set-up for the conformance suite: a fresh data directory per test file, a pinned clock,
 * and small assertions about how wx-server-sdk reports failures.
 */
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
