/**
 * The caller of the running function, as `getWXContext()` reports it. In WeChat the platform puts it in
 * environment variables per invocation; here invocations run side by side in one process, so it is
 * carried by AsyncLocalStorage instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WXContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
  SOURCE?: string;
}

export const callerContext = new AsyncLocalStorage<WXContext>();
