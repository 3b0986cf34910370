/**
 * Integration set-up: the real cloud functions, called through the real wx-server-sdk on the local
 * runtime, over a fresh data directory seeded as the dev host seeds it, with a pinned clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCloud, type LocalCloud, type StrictOptions } from '@shishi/local-cloud';
import { collections, type AppErrorBody, type Reply } from '@shishi/shared-types';
import { seed } from '../../devhost/src/seed';
import { functions, messagePushTarget } from '../registry';

/** 2026-11-24 10:00 in Dalian: inside the 2026 Q4 collection window. */
export const NOV = Date.parse('2026-11-24T10:00:00+08:00');
/** 2027-02-10 10:00 in Dalian: between windows. */
export const FEB = Date.parse('2027-02-10T10:00:00+08:00');

export interface World {
  cloud: LocalCloud;
  /** Calls `fn.action` as the caller `openid` (none: no OPENID in the context). */
  call(openid: string | null, fn: string, action: string, data?: unknown): Promise<Reply<unknown>>;
  /** Moves the clock; every call also advances it by one second so records keep their order. */
  setNow(ms: number): void;
  now(): number;
  count(collection: string, where?: Record<string, unknown>): Promise<number>;
  doc<T = Record<string, unknown>>(collection: string, id: string): Promise<T | undefined>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /**
   * The local runtime's strict mode (local-cloud StrictOptions): transactions conflict as CloudBase's
   * do (no waiting turns, no held replies) and a query no declared index serves fails. On by default:
   * the suite checks the functions against production's behaviour. (The dev host runs lenient.)
   */
  strict?: boolean | StrictOptions;
  /** Delay of the image check's verdict (default 50 ms): a test of what shows while it is pending sets more. */
  mediaCheckDelayMs?: number;
}

export async function openWorld(start = NOV, options: WorldOptions = {}): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shishi-cf-'));
  let clock = start;
  const now = () => clock;
  const cloud = createLocalCloud({
    dataDir,
    collections,
    now,
    strict: options.strict ?? true,
    mediaCheckDelayMs: options.mediaCheckDelayMs,
  });
  cloud.local.openapi.onMessagePush((event) => messagePushTarget(cloud, event, new Date(clock)));
  // The dev host's seeding (and its upgrades of older data directories) is not a function's query.
  await cloud.local.engine.inspect(() => seed(cloud.database(), new Date(clock)));
  return worldOn(cloud, {
    now,
    set: (ms) => (clock = ms),
    tick: () => (clock += 1000),
    close: async () => {
      // Image verdicts still on their way (mediaCheckDelayMs) land before the database closes.
      await cloud.local.openapi.settled();
      await cloud.local.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/**
 * A World over an open local cloud and a clock the caller keeps (openWorld's, or a crash test's child
 * process on its data directory): `tick` moves the clock before each call.
 */
export function worldOn(
  cloud: LocalCloud,
  clock: { now(): number; set(ms: number): void; tick(): void; close(): Promise<void> },
): World {
  const db = cloud.database();
  const now = () => clock.now();
  return {
    cloud,
    async call(openid, fn, action, data) {
      const target = functions[fn];
      if (!target) throw new Error(`no function ${fn}`);
      clock.tick();
      const event = data === undefined ? { action } : { action, data };
      return cloud.local.runAs(openid ? { OPENID: openid } : {}, () => target.handle(cloud, event, { now }));
    },
    setNow(ms) {
      clock.set(ms);
    },
    now,
    // The test's own reads: not the product's queries, so not held to the index rule.
    async count(collection, where = {}) {
      const res = await cloud.local.engine.inspect(() => db.collection(collection).where(where).count());
      return (res as { total: number }).total;
    },
    async doc<T>(collection: string, id: string) {
      const res = await cloud.local.engine.inspect(() => db.collection(collection).where({ _id: id }).limit(1).get());
      return (res as { data: T[] }).data[0];
    },
    close: () => clock.close(),
  };
}

/**
 * A fresh world for each test of the file: opened before each test, closed after it. The world returned
 * stands for the current test's.
 */
export function worldPerTest(start = NOV, options: WorldOptions = {}): World {
  let current: World | undefined;
  beforeEach(async () => {
    current = await openWorld(start, options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const world = (): World => {
    if (!current) throw new Error('worldPerTest: no world outside a test');
    return current;
  };
  return {
    get cloud() {
      return world().cloud;
    },
    call: (openid, fn, action, data) => world().call(openid, fn, action, data),
    setNow: (ms) => world().setNow(ms),
    now: () => world().now(),
    count: (collection, where) => world().count(collection, where),
    doc: <T>(collection: string, id: string) => world().doc<T>(collection, id),
    close: () => world().close(),
  };
}

/** A 1×1 PNG. */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** The data of a successful reply; fails the test with the error otherwise. */
export function ok<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

/** The error of a failed reply; fails the test when the call succeeded. */
export function failure(reply: Reply<unknown>): AppErrorBody {
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.data)}`);
  return reply.error;
}

export const validProposal = {
  title: '职工食堂延长晚餐供应时间',
  content: '夜班职工下班时食堂已经关门，建议把晚餐供应延长到晚上八点，并提供打包服务。',
  category: 'labourEconomy',
  targetGroup: 'frontline',
} as const;
