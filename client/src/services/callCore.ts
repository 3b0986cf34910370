/**
 * The platform-independent half of `callFunction`: typing from the `api` table, checking replies
 * against the action's output schema, and the error type pages show. `call.weapp.ts` and
 * `call.h5.ts` supply only the transport.
 *
 * Only the *type* of the `api` table is imported here. The schemas that check replies are registered
 * by the code that calls them (`registerContracts`), so a function's contracts land in the package
 * that uses it: the project contracts stay in the `packages/project` subpackage, not the main one.
 */
// Chinese messages for what zod writes itself. shared-types' barrel imports this too, but webpack skips
// the barrel (the package declares which files have side effects), so it is loaded here by name.
import '@shishi/shared-types/src/zod-locale';
import type {
  ActionContract,
  ActionInput,
  ActionName,
  ActionOutput,
  Api,
  ErrorCode,
  FieldError,
  FunctionName,
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

/** What `callFunction` needs of a contract: the schema that checks the reply. */
export type ReplyCheck = Pick<ActionContract, 'output'>;

const registry: { [F in FunctionName]?: Record<string, ReplyCheck> } = {};

/**
 * Makes the contracts of one cloud function known to `callFunction`, so its replies are checked.
 * Called at module level by the feature (or service) that calls the function, usually with the
 * function's whole table (`registerContracts('project', projectContracts)`); calling it again is
 * harmless. A main-package page that calls one action of a subpackage's function may register just
 * that action with `keepExisting` (see `features/project/home/WorkQueue.tsx`): the whole table wins.
 */
export function registerContracts<F extends FunctionName>(
  name: F,
  contracts: Api[F] | { [A in ActionName<F>]?: ReplyCheck },
  { keepExisting = false }: { keepExisting?: boolean } = {},
): void {
  const added = contracts as Record<string, ReplyCheck>;
  registry[name] = keepExisting ? { ...added, ...registry[name] } : { ...registry[name], ...added };
}

/**
 * The registered contract of one action. A missing one is a programming error, not a server fault:
 * it throws in development; in production the call is refused (an unchecked reply is never used).
 */
function contractOf(name: string, action: string): ReplyCheck | undefined {
  const contract = (registry as Record<string, Record<string, ReplyCheck> | undefined>)[name]?.[action];
  if (contract) return contract;
  const problem =
    `[callFunction] no contract registered for ${name}.${action}: call registerContracts('${name}', …) ` +
    `in the module that calls it (see services/callCore.ts)`;
  if (process.env.NODE_ENV !== 'production') throw new Error(problem);
  console.error(problem);
  return undefined;
}

const unchecked: ClientErrorBody = { code: 'INTERNAL', message: '服务返回的数据有误，请稍后再试' };

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
  const contract = contractOf(name, action);
  if (!contract) return { ok: false, error: unchecked };
  const parsed = contract.output.safeParse(raw.data);
  if (!parsed.success) {
    console.error(`[callFunction] ${name}.${action} reply does not match its output schema`, parsed.error.issues);
    return { ok: false, error: unchecked };
  }
  // The schema of this very action accepted the data, so it has this action's output type.
  return { ok: true, data: parsed.data as ActionOutput<F, A> };
}

export function createCallFunction(transport: Transport): CallFunction {
  return async (name, action, ...args) => {
    // Checked before sending: a change the server made must not come back as a reply nobody can read.
    if (!contractOf(name, action)) return { ok: false, error: unchecked };
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
