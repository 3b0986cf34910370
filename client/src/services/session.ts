/** H5 session token issued by the dev host (`POST /dev/login`), kept in Taro storage. */
import Taro from '@tarojs/taro';
import { SESSION_STORAGE_KEY } from '../config';

export function getSessionToken(): string | null {
  const value: unknown = Taro.getStorageSync(SESSION_STORAGE_KEY);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function setSessionToken(token: string): void {
  Taro.setStorageSync(SESSION_STORAGE_KEY, token);
}

export function clearSessionToken(): void {
  Taro.removeStorageSync(SESSION_STORAGE_KEY);
}
