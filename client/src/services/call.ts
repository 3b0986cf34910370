/**
 * The one API for calling cloud functions: `callFunction(name, action, data)` typed from the `api`
 * table of `@shishi/shared-types`, returning the reply envelope; `invoke` returns the data and throws
 * `ApiError`. Taro picks `call.weapp.ts` or `call.h5.ts` at build time; this file gives the shared
 * signature to TypeScript and answers on any other platform.
 */
import { createCallFunction, createInvoke } from './callCore';
import './contracts';

export {
  ApiError,
  toApiError,
  type CallFunction,
  type ClientErrorBody,
  type ClientErrorCode,
  type ClientReply,
  registerContracts,
} from './callCore';

export const callFunction = createCallFunction(() =>
  Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: '当前平台不支持调用云函数' } }),
);

export const invoke = createInvoke(callFunction);

/** Ends the current session where the platform has one (H5 demo identities). */
export function signOut(): void {}
