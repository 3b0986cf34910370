/** weapp body of `callFunction`: WeChat cloud functions via `Taro.cloud.callFunction`. */
import Taro from '@tarojs/taro';
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

export const callFunction = createCallFunction(async (name, action, data) => {
  const res = await Taro.cloud.callFunction({ name, data: { action, data } });
  return res.result;
});

export const invoke = createInvoke(callFunction);

/** The cloud identifies the caller by OPENID: nothing to do on weapp. */
export function signOut(): void {}
