/**
 * One cold start (scripts/bundle-report.mjs): the platform part first — a local runtime over a fresh
 * seeded data directory stands in for wx-server-sdk — then the timed part: require the bundle and
 * answer one call. Prints `{ ms, loadMs, callMs, call, reply }`.
 *
 * stdin: `{ openid, event }` (the call), or `{ fn }` for a function the report has no call for: the
 * call is then picked from the contract table (shared-types api): the first action that reads (list…,
 * get…, current, me, mine, tree …; else any) whose input accepts `{}`, by a demo identity whose role
 * it allows. The pick is made before the clock starts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalCloud } from '../../local-cloud/src';
import { api, collections } from '../../shared-types/src';
import { seed } from '../../devhost/src/seed';
import { demoIdentities } from '../../devhost/src/identities';

interface Call {
  openid: string;
  event: { action: string; data: unknown };
}

const READS = /^(list|get|current|me$|mine|tree|my|status|summary|overview|results|open)/i;

/** A call the function answers for a seeded caller, from its contracts. */
export function pickCall(fn: string): Call | null {
  const contracts = (
    api as unknown as Record<
      string,
      Record<
        string,
        { input: { safeParse(x: unknown): { success: boolean } }; access: { roles: 'anyone' | readonly string[] } }
      >
    >
  )[fn];
  if (!contracts) return null;
  const actions = Object.entries(contracts).filter(([, c]) => c.input.safeParse({}).success);
  actions.sort(([a], [b]) => Number(!READS.test(a)) - Number(!READS.test(b)));
  for (const [action, c] of actions) {
    const roles = c.access?.roles ?? 'anyone';
    const who = demoIdentities.find((d) => d.bound && (roles === 'anyone' || roles.includes(d.role)));
    if (who) return { openid: who.id, event: { action, data: {} } };
  }
  return null;
}

async function main(): Promise<void> {
  const bundle = process.argv[2];
  const asked = JSON.parse(readFileSync(0, 'utf8')) as Call | { fn: string };
  const call = 'fn' in asked ? pickCall(asked.fn) : asked;
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
    const loaded = performance.now();
    // No call the report knows of and none in the contracts: an action that does not exist (the
    // function still parses the event and answers it).
    const event = call?.event ?? { action: '__coldStart', data: {} };
    const reply = await cloud.local.runAs({ OPENID: call?.openid ?? 'demo-worker' }, () => fn.main(event));
    const end = performance.now();
    const r = reply as { ok?: boolean; error?: { code?: string } };
    process.stdout.write(
      `${JSON.stringify({
        ms: end - start,
        loadMs: loaded - start,
        callMs: end - loaded,
        call: { openid: call?.openid ?? 'demo-worker', action: event.action },
        reply: { ok: r.ok, code: r.error?.code ?? null },
      })}\n`,
    );
  } finally {
    await cloud.local.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
