/**
 * One cold start (scripts/bundle-report.mjs): the platform part first — a local runtime over a fresh
 * seeded data directory stands in for wx-server-sdk — then the timed part: require the bundle and
 * answer one call. Prints `{ ms, reply }`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalCloud } from '../../local-cloud/src';
import { collections } from '../../shared-types/src';
import { seed } from '../../devhost/src/seed';

async function main(): Promise<void> {
  const bundle = process.argv[2];
  const { openid, event } = JSON.parse(readFileSync(0, 'utf8')) as { openid: string; event: unknown };
  const dataDir = mkdtempSync(join(tmpdir(), 'shishi-cold-'));
  const now = () => Date.parse('2026-11-24T10:00:00+08:00');
  const cloud = createLocalCloud({ dataDir, collections, now });
  try {
    await seed(cloud.database(), new Date(now()));
    // The bundle's `require('wx-server-sdk')` gets the local runtime.
    const resolve = (Module as unknown as { _resolveFilename: (...a: unknown[]) => string })._resolveFilename;
    const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
    const sdkKey = join(dataDir, 'wx-server-sdk.js');
    cache[sdkKey] = { id: sdkKey, filename: sdkKey, loaded: true, exports: cloud };
    (Module as unknown as { _resolveFilename: (...a: unknown[]) => string })._resolveFilename = function (
      request: unknown,
      ...rest: unknown[]
    ) {
      if (request === 'wx-server-sdk') return sdkKey;
      return resolve.call(this, request, ...rest);
    };
    const requireBundle = Module.createRequire(bundle);
    const start = performance.now();
    const fn = requireBundle(bundle) as { main(event: unknown): Promise<unknown> };
    const reply = await cloud.local.runAs({ OPENID: openid }, () => fn.main(event));
    const ms = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ ms, reply: { ok: (reply as { ok?: boolean }).ok } })}\n`);
  } finally {
    await cloud.local.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
