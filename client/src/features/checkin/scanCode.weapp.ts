/**
 * weapp: Taro.scanCode reads a service point's mini-program code (its `path` holds `scene=<code>`) or
 * the QR code of its H5 link (`c=<code>`). scanCode is not among WeChat's privacy-guarded APIs (it hands
 * back only what the code says), so client/src/privacy.ts does not list it.
 */
import Taro from '@tarojs/taro';
import { codeFromScan } from './routes';

export const canScan = true;

/** The code read, or null when the person cancelled; throws a plain Error when it is not a point's code. */
export async function scanPointCode(): Promise<string | null> {
  let res: { result?: string; path?: string };
  try {
    res = await Taro.scanCode({ onlyFromCamera: true });
  } catch {
    return null;
  }
  const code = codeFromScan(res.path ?? '') ?? codeFromScan(res.result ?? '');
  if (!code) throw new Error('这不是服务点的签到码，请扫服务点海报上的二维码');
  return code;
}
