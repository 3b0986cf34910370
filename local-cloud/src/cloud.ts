/**
 * `createLocalCloud({ dataDir })`: the wx-server-sdk surface, running on this machine.
 * The database is the real SDK over the local engine; `getWXContext`, `openapi`, storage and
 * `callFunction` are local stand-ins that record what they did.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LocalEngine, type CollectionSpec, type StrictOptions } from './engine';
import { installRequester, registerEngine, unregisterEngine } from './requester';
import { callerContext, type WXContext } from './standins/context';
import { OpenApiStandIn } from './standins/openapi';
import { LocalStorage } from './standins/storage';

/** The part of wx-server-sdk the product uses. Typed loosely where the SDK's own typings are loose. */
export interface CloudSurface {
  DYNAMIC_CURRENT_ENV: symbol | string;
  init(config?: Record<string, unknown>): void;
  database(config?: Record<string, unknown>): WxDatabase;
  getWXContext(): WXContext;
  openapi: ReturnType<OpenApiStandIn['surface']>;
  uploadFile: LocalStorage['surface'] extends () => infer S ? (S extends { uploadFile: infer U } ? U : never) : never;
  getTempFileURL: ReturnType<LocalStorage['surface']>['getTempFileURL'];
  downloadFile: ReturnType<LocalStorage['surface']>['downloadFile'];
  deleteFile: ReturnType<LocalStorage['surface']>['deleteFile'];
  callFunction(args: { name: string; data?: unknown }): Promise<{ result: unknown; errMsg: string }>;
}

// The SDK's database typings are not exported in a usable form; the handler layer narrows what it uses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WxDatabase = any;

export type LocalFunction = (event: unknown, context: Record<string, unknown>) => Promise<unknown>;

export interface LocalCloudOptions {
  dataDir: string;
  collections?: readonly CollectionSpec[];
  /** Milliseconds since the epoch; tests pin the clock. */
  now?: () => number;
  /** Base URL of temp file links (the dev host serves `/storage`). */
  storageUrlBase?: string;
  /** Delay of the image check's verdict (`openapi.security.mediaCheckAsync`), default 50 ms. */
  mediaCheckDelayMs?: number;
  /** Functions `cloud.callFunction` can reach. */
  functions?: Record<string, LocalFunction>;
  /**
   * Behave as CloudBase does under contention and without indexes (engine.ts, StrictOptions): `true`
   * for both. The integration suite runs strict; the dev host stays lenient (default `false`).
   */
  strict?: boolean | StrictOptions;
}

export interface LocalCloud extends CloudSurface {
  readonly local: {
    env: string;
    engine: LocalEngine;
    openapi: OpenApiStandIn;
    storage: LocalStorage;
    now: () => number;
    /** Runs `fn` as an invocation by the given caller: `getWXContext()` inside it reports them. */
    runAs<T>(context: WXContext, fn: () => Promise<T>): Promise<T>;
    registerFunction(name: string, fn: LocalFunction): void;
    close(): Promise<void>;
  };
}

const requireHere = createRequire(__filename);
let counter = 0;
let sdkInitialised = false;

export function createLocalCloud(options: LocalCloudOptions): LocalCloud {
  installRequester();
  const sdk = requireHere('wx-server-sdk') as {
    init(c: Record<string, unknown>): void;
    database(c?: Record<string, unknown>): WxDatabase;
    DYNAMIC_CURRENT_ENV: symbol;
  };
  if (!sdkInitialised) {
    // wx-server-sdk's default (throwOnNotFound: true): doc(id).get() of a missing document rejects with
    // "document.get:fail document with _id … does not exist", as in production.
    sdk.init({ env: 'local' });
    sdkInitialised = true;
  }
  counter += 1;
  const env = `local-${process.pid}-${counter}`;
  const now = options.now ?? Date.now;
  const engine = new LocalEngine({
    dataDir: join(options.dataDir, 'db'),
    collections: options.collections,
    now,
    strict: options.strict,
  });
  registerEngine(env, engine);
  const storage = new LocalStorage(join(options.dataDir, 'storage'), env, options.storageUrlBase ?? '/storage');
  const openapi = new OpenApiStandIn(now, undefined, undefined, {
    read: (url) => storage.readTempUrl(url),
    delayMs: options.mediaCheckDelayMs,
  });
  const functions = new Map(Object.entries(options.functions ?? {}));
  const files = storage.surface();

  const cloud: LocalCloud = {
    DYNAMIC_CURRENT_ENV: sdk.DYNAMIC_CURRENT_ENV,
    init: () => {
      /* the local env is fixed at creation */
    },
    database: (config?: Record<string, unknown>) => sdk.database({ ...(config ?? {}), env }),
    getWXContext: () => ({ ENV: env, SOURCE: 'wx_client', ...(callerContext.getStore() ?? {}) }),
    openapi: openapi.surface(),
    uploadFile: files.uploadFile,
    getTempFileURL: files.getTempFileURL,
    downloadFile: files.downloadFile,
    deleteFile: files.deleteFile,
    callFunction: async ({ name, data }) => {
      const fn = functions.get(name);
      if (!fn) throw Object.assign(new Error(`FUNCTION_NOT_FOUND: ${name}`), { errCode: -504002 });
      const result = await fn(data ?? {}, {});
      return { result, errMsg: 'cloud.callFunction:ok' };
    },
    local: {
      env,
      engine,
      openapi,
      storage,
      now,
      runAs: (context, fn) => callerContext.run({ ...context }, fn),
      registerFunction: (name, fn) => void functions.set(name, fn),
      close: async () => {
        openapi.onMessagePush(undefined);
        await openapi.settled();
        unregisterEngine(env);
        await engine.close();
      },
    },
  };
  return cloud;
}
