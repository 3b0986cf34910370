import Taro from '@tarojs/taro';
import { config } from '../config';

/** WeChat cloud development: every `Taro.cloud.callFunction` goes to this environment. */
export function initPlatform(): void {
  Taro.cloud.init({ env: config.cloudEnv, traceUser: true });
}
