/**
 * The platform-independent half of `callFunction`: typing from the `api` table, checking replies
 * against the action's output schema, and the error type pages show. `call.weapp.ts` and
 * `call.h5.ts` supply only the transport.
 */
import {
  api,
  type ActionContract,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type ErrorCode,
  type FieldError,
  type FunctionName,
} from '@shishi/shared-types';

/** Server error codes plus the one the client adds when no reply arrived at all. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export interface ClientErrorBody {
  code: ClientErrorCode;
  message: string;
  fields?: FieldError[];
}

export type ClientReply<T> = { ok: true; data: T } | { ok: false; error: ClientErrorBody };

/** What a transport hands back: the raw reply, not yet trusted. */
export type Transport = (name: string, action: string, data: unknown) => Promise<unknown>;

/** The data argument may be left out when the action's input accepts `undefined`. */
export type DataArg<F extends FunctionName, A extends ActionName<F>> =
  undefined extends ActionInput<F, A> ? [data?: ActionInput<F, A>] : [data: ActionInput<F, A>];

export type CallFunction = <F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  ...args: DataArg<F, A>
) => Promise<ClientReply<ActionOutput<F, A>>>;

/** An `{ ok: false }` reply as a thrown value, so hooks can catch it and pages can show it. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly fields: FieldError[];
  constructor(body: ClientErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields ?? [];
  }
}

export const networkFailure: ClientErrorBody = { code: 'NETWORK', message: '网络不给力，请检查网络后重试' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isErrorBody(value: unknown): value is ClientErrorBody {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

/** Checks the raw reply is an envelope and that `data` matches the action's output schema. */
export function readReply<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  raw: unknown,
): ClientReply<ActionOutput<F, A>> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') {
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
  }
  if (raw.ok === false) {
    return isErrorBody(raw.error)
      ? { ok: false, error: raw.error }
      : { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
  }
  const contract: ActionContract = (api[name] as Record<string, ActionContract>)[action];
  const parsed = contract.output.safeParse(raw.data);
  if (!parsed.success) {
    console.error(`[callFunction] ${name}.${action} reply does not match its output schema`, parsed.error.issues);
    return { ok: false, error: { code: 'INTERNAL', message: '服务返回的数据有误，请稍后再试' } };
  }
  // The schema of this very action accepted the data, so it has this action's output type.
  return { ok: true, data: parsed.data as ActionOutput<F, A> };
}

export function createCallFunction(transport: Transport): CallFunction {
  return async (name, action, ...args) => {
    let raw: unknown;
    try {
      raw = await transport(name, action, args[0]);
    } catch (error) {
      console.warn(`[callFunction] ${name}.${action} failed to reach the server`, error);
      return { ok: false, error: networkFailure };
    }
    return readReply(name, action, raw);
  };
}

/** `callFunction` that returns the data and throws `ApiError` on `{ ok: false }`. */
export function createInvoke(callFunction: CallFunction) {
  return async function invoke<F extends FunctionName, A extends ActionName<F>>(
    name: F,
    action: A,
    ...args: DataArg<F, A>
  ): Promise<ActionOutput<F, A>> {
    const reply = await callFunction(name, action, ...args);
    if (!reply.ok) throw new ApiError(reply.error);
    return reply.data;
  };
}

/** Any thrown value as something a page can show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(error);
  return new ApiError({ code: 'INTERNAL', message: '出了点问题，请稍后再试' });
}
