/**
 * The seam (DESIGN.md §4): @cloudbase/database sends every database operation through
 * `new Db.reqClass(config).send(action, params)`. We make `Db.reqClass` a property whose getter always
 * answers with the local requester; @cloudbase/node-sdk assigns it on every `cloud.database()` call,
 * and those assignments are ignored. The requester finds the engine by the env name in its config.
 */
import { createRequire } from 'node:module';
import type { LocalEngine } from './engine';
import { resolveCloudbaseDatabase } from './ejson';

const engines = new Map<string, LocalEngine>();
let installed = false;

class LocalRequester {
  constructor(private readonly config: { env?: string; envName?: string }) {}

  async send(action: string, params?: Record<string, unknown>): Promise<Record<string, unknown>> {
    const env = this.config.envName ?? this.config.env ?? '';
    const engine = engines.get(env);
    if (!engine) return { code: 'INVALID_PARAM', message: `no local database for env "${env}"` };
    return engine.send(action, params ?? {});
  }
}

export function installRequester(): void {
  if (installed) return;
  const requireHere = createRequire(__filename);
  const { Db } = requireHere(resolveCloudbaseDatabase()) as { Db: object };
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => LocalRequester,
    set: () => {
      /* node-sdk resets it on every database(): keep ours */
    },
  });
  installed = true;
}

export function registerEngine(env: string, engine: LocalEngine): void {
  engines.set(env, engine);
}

export function unregisterEngine(env: string): void {
  engines.delete(env);
}
