/**
 * H5 body of `callFunction`: `POST /api/<name>` on the dev host with the session token of a demo
 * identity. Without a token (or when the dev host no longer accepts it) the app goes to 选择演示身份.
 */
import Taro from '@tarojs/taro';
import { config, routes } from '../config';
import { clearSessionToken, getSessionToken } from './session';
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

let redirecting = false;

function goToDevLogin(): void {
  if (redirecting) return;
  redirecting = true;
  void Taro.reLaunch({ url: routes.devLogin }).finally(() => {
    redirecting = false;
  });
}

const signedOut = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先选择演示身份' } } as const;

export const callFunction = createCallFunction(async (name, action, data) => {
  const token = getSessionToken();
  if (!token) {
    goToDevLogin();
    return signedOut;
  }
  const res = await fetch(`${config.apiBase}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data }),
  });
  const reply: unknown = await res.json().catch(() => ({
    ok: false,
    error: { code: 'INTERNAL', message: `服务暂时不可用（${res.status}），请稍后再试` },
  }));
  if (typeof reply === 'object' && reply !== null && 'error' in reply) {
    const error: unknown = reply.error;
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'UNAUTHENTICATED') {
      clearSessionToken();
      goToDevLogin();
    }
  }
  return reply;
});

export const invoke = createInvoke(callFunction);

/** Forgets the demo identity and goes back to 选择演示身份. */
export function signOut(): void {
  clearSessionToken();
  goToDevLogin();
}
