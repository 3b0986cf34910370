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
          const refusal = accessRefusal(
            actorOf(await ctx.profile()),
            { roles: rule.roles, scope: 'any' },
            undefined,
            '',
            roleNames,
          );
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

/**
 * The one place a failure becomes the reply's error. An AppError is passed on; a transaction that
 * still conflicted after wx-server-sdk's retries is CONFLICT with a "try again" message (nothing was
 * stored: runTransaction rolled it back); anything else is INTERNAL, logged with detail.
 */
export function toErrorBody(e: unknown, fn: string): AppErrorBody {
  if (e instanceof AppError) return e.toBody();
  if (isTransactionConflict(e)) {
    console.warn(`[${fn}] transaction conflict after retries:`, errorText(e));
    return { code: 'CONFLICT', message: BUSY_MESSAGE };
  }
  // Unexpected failures are logged with detail and shown to people plainly.
  console.error(`[${fn}]`, e);
  return { code: 'INTERNAL', message: '系统繁忙，请稍后再试；如果一直不行，请联系所在工会' };
}

/** What a person sees when their change lost to others' concurrent changes every time it was tried. */
export const BUSY_MESSAGE = '操作的人较多，请稍后再试';

/**
 * wx-server-sdk's two shapes of a database failure:
 * - inside `runTransaction`, a failed commit is rethrown as the request layer's reply, a plain object
 *   `{ code, message, requestId }` (@cloudbase/database transaction/index.js: `if (res.code) throw res`);
 * - every other call rejects with an Error carrying `errCode` (its TCB_ERR_CODE of `code`: -502001 for
 *   DATABASE_REQUEST_FAILED, -501001 for a code its table lacks) and `errMsg`
 *   ("<api>:fail <errCode> <text>. <message>"); the code string itself is gone.
 */
interface RequestLayerError {
  code: string;
  message?: string;
}

function requestLayerError(e: unknown): RequestLayerError | undefined {
  if (!e || typeof e !== 'object' || e instanceof Error) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? (e as RequestLayerError) : undefined;
}

function sdkError(e: unknown): { errCode: number; errMsg: string } | undefined {
  if (!(e instanceof Error)) return undefined;
  const { errCode, errMsg } = e as Error & { errCode?: unknown; errMsg?: unknown };
  if (typeof errCode !== 'number') return undefined;
  return { errCode, errMsg: typeof errMsg === 'string' ? errMsg : e.message };
}

function errorText(e: unknown): string {
  return requestLayerError(e)?.message ?? sdkError(e)?.errMsg ?? String(e);
}

/** TCB_ERR_CODE in wx-server-sdk: DATABASE_REQUEST_FAILED, and SYS_ERR for the codes it does not map. */
const DATABASE_REQUEST_FAILED = -502001;
const SYS_ERR = -501001;
const E11000 = /\bE11000 duplicate key error\b/;

/**
 * True when a wx-server-sdk failure is a unique-index violation, and only then. CloudBase answers one
 * with code DATABASE_DUPLICATE_WRITE and MongoDB's "E11000 duplicate key error …" message
 * (docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE); older environments sent
 * DATABASE_REQUEST_FAILED with the same message. Through the SDK that is:
 * - a rejected call: an Error with errCode -501001 (the SDK has no mapping for DATABASE_DUPLICATE_WRITE)
 *   or -502001, whose errMsg carries the E11000 text;
 * - a transaction's commit: the reply itself, `{ code: 'DATABASE_DUPLICATE_WRITE', message }` (or
 *   DATABASE_REQUEST_FAILED with the E11000 text).
 * Any other failure — another errCode, an E11000-looking text without an errCode, an AppError — is not.
 */
export function isDuplicateKey(e: unknown): boolean {
  const raw = requestLayerError(e);
  if (raw) {
    return (
      raw.code === 'DATABASE_DUPLICATE_WRITE' ||
      (raw.code === 'DATABASE_REQUEST_FAILED' && E11000.test(String(raw.message ?? '')))
    );
  }
  const sdk = sdkError(e);
  return !!sdk && (sdk.errCode === SYS_ERR || sdk.errCode === DATABASE_REQUEST_FAILED) && E11000.test(sdk.errMsg);
}

/**
 * True when a transaction lost to concurrent changes and runTransaction gave up: @cloudbase/database
 * retries a commit that fails with code DATABASE_TRANSACTION_CONFLICT (3 more times by default) and then
 * rethrows that reply, `{ code: 'DATABASE_TRANSACTION_CONFLICT', message, requestId }`. A conflict
 * reported by an operation inside the callback reaches the function as an SDK Error (errCode -501001,
 * the code gone, not retried by the SDK) whose errMsg carries the SDK's text for the code,
 * "database transaction conflict" (@cloudbase/database const/code.js) or the code itself.
 */
export function isTransactionConflict(e: unknown): boolean {
  const raw = requestLayerError(e);
  if (raw) return raw.code === 'DATABASE_TRANSACTION_CONFLICT';
  const sdk = sdkError(e);
  return (
    !!sdk && sdk.errCode === SYS_ERR && /DATABASE_TRANSACTION_CONFLICT|database transaction conflict/i.test(sdk.errMsg)
  );
}
