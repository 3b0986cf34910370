/**
 * A cloud function: a table of actions, each checked against its contract in shared-types
 * (input schema, who may call it). `handle(cloud, event)` is all the platform needs to call.
 */
import {
  accessRefusal,
  api,
  AppError,
  roleNames,
  parseInput,
  requestSchema,
  type ActionContract,
  type AppErrorBody,
  type Reply,
} from '@shishi/shared-types';
import type { z } from 'zod';
import type { Cloud } from './cloud';
import { actorOf, createCtx, type Ctx, type ProfileJoin } from './context';

type Contracts = typeof api;
type Fn = keyof Contracts;

export type Handler<C extends ActionContract> = (
  ctx: Ctx,
  input: z.output<C['input']>,
) => Promise<z.input<C['output']>>;

/**
 * An action's handler, or the handler with the joins its profile load needs (one round trip). The joins
 * may depend on the request's `data` (not yet validated: build no join from a value that is not sound).
 */
export type HandlerEntry<C extends ActionContract> =
  Handler<C> | { joins: readonly ProfileJoin[] | ((data: unknown) => readonly ProfileJoin[]); run: Handler<C> };

export type Handlers<F extends Fn> = {
  [A in keyof Contracts[F]]: Contracts[F][A] extends ActionContract ? HandlerEntry<Contracts[F][A]> : never;
};

export interface HandleOptions {
  /** The clock: production uses the real one; the dev host and tests may pin it. */
  now?: () => number;
}

export interface CloudFunction {
  name: Fn;
  handle(cloud: Cloud, event: unknown, options?: HandleOptions): Promise<Reply<unknown>>;
}

export function defineFunction<F extends Fn>(name: F, handlers: Handlers<F>): CloudFunction {
  const contracts = api[name] as unknown as Record<string, ActionContract>;
  return {
    name,
    async handle(cloud, event, options = {}) {
      try {
        const request = requestSchema.safeParse(event);
        if (!request.success) {
          throw new AppError('INVALID_INPUT', '请求格式不对：需要 { action, data }', [
            { path: 'action', message: '缺少 action' },
          ]);
        }
        const { action } = request.data;
        const contract = Object.prototype.hasOwnProperty.call(contracts, action) ? contracts[action] : undefined;
        const entry = (handlers as unknown as Record<string, HandlerEntry<ActionContract> | undefined>)[action];
        if (!contract || !entry) {
          throw new AppError('UNKNOWN_ACTION', `云函数 ${name} 没有操作 ${action}`);
        }
        const openid = cloud.getWXContext().OPENID;
        if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录后再操作');
        const handler = typeof entry === 'function' ? entry : entry.run;
        const joins =
          typeof entry === 'function'
            ? []
            : typeof entry.joins === 'function'
              ? entry.joins(stripIdentity(request.data.data))
              : entry.joins;
        const rule = contract.access;
        const ctx = createCtx(cloud, String(openid), new Date(options.now ? options.now() : Date.now()), joins, rule);
        if (rule.roles !== 'anyone') {
          // The role now; the scope once the handler has loaded the record (ctx.authorize).
          const refusal = accessRefusal(actorOf(await ctx.profile()), { roles: rule.roles, scope: 'any' }, undefined, '', roleNames);
          if (refusal) throw new AppError(refusal.code, refusal.message);
        }
        const input = parseInput(contract.input, stripIdentity(request.data.data));
        const output = await handler(ctx, input);
        return { ok: true, data: contract.output.parse(output) };
      } catch (e) {
        return { ok: false, error: toErrorBody(e, name) };
      }
    },
  };
}

/**
 * Identity comes from getWXContext(); an openid sent in the body is dropped, never trusted.
 * A request without `data` (or `data: null`) is an empty input, so page defaults apply.
 */
function stripIdentity(data: unknown): unknown {
  if (data === undefined || data === null) return {};
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const copy = { ...(data as Record<string, unknown>) };
    delete copy.openid;
    delete copy.OPENID;
    delete copy._openid;
    return copy;
  }
  return data;
}

function toErrorBody(e: unknown, fn: string): AppErrorBody {
  if (e instanceof AppError) return e.toBody();
  // Unexpected failures are logged with detail and shown to people plainly.
  console.error(`[${fn}]`, e);
  return { code: 'INTERNAL', message: '系统繁忙，请稍后再试；如果一直不行，请联系所在工会' };
}

/** True when a wx-server-sdk error is a unique-index violation (errCode -502001, E11000). */
export function isDuplicateKey(e: unknown): boolean {
  return e instanceof Error && /E11000|duplicate key/i.test(e.message);
}
