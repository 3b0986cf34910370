/** The ways an action talks back: confirm before, toast after, a dialog when it failed. */
import Taro from '@tarojs/taro';
import { toApiError } from '../services/call';

/** A yes/no question (Taro.showModal); resolves true when the user taps the confirm button. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    return res.confirm;
  } catch {
    return false;
  }
}

export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}

/** The server's Chinese message in a dialog the user closes themselves: toasts vanish too fast to read. */
export function showError(error: unknown, title = '没有成功'): void {
  void Taro.showModal({ title, content: toApiError(error).message, showCancel: false, confirmText: '知道了' });
}
