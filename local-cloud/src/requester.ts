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
  const { Db, Query } = requireHere(resolveCloudbaseDatabase()) as { Db: object; Query: { prototype: object } };
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => LocalRequester,
    set: () => {
      /* node-sdk resets it on every database(): keep ours */
    },
  });
  refuseWhereInTransaction(Query.prototype as Record<string, unknown>);
  installed = true;
}

/**
 * @cloudbase/database sends `where().update()`, `where().remove()` and `where().count()` on a
 * transaction's collection WITHOUT the transaction id: they would run outside the transaction, at once,
 * and survive its rollback. CloudBase transactions are single-document (`doc(id)`) only, so the local
 * runtime refuses them, as the engine refuses `where().get()` inside a transaction, instead of letting
 * a silently non-transactional write through.
 */
function refuseWhereInTransaction(proto: Record<string, unknown>): void {
  for (const method of ['update', 'remove', 'count']) {
    const original = proto[method] as (this: unknown, ...args: unknown[]) => Promise<unknown>;
    proto[method] = function (this: { _transactionId?: string }, ...args: unknown[]) {
      if (this._transactionId) {
        return Promise.resolve({
          code: 'DATABASE_REQUEST_FAILED',
          message: `transactions support single-document operations only (doc(id)): where().${method}() is not part of the transaction`,
        });
      }
      return original.apply(this, args);
    };
  }
}

export function registerEngine(env: string, engine: LocalEngine): void {
  engines.set(env, engine);
}

export function unregisterEngine(env: string): void {
  engines.delete(env);
}
