/**
 * weapp: 保存到相册 for a poster whose code is a 小程序码 from cloud storage (survey.poster,
 * checkin.code, checkin.summary with `poster`). The code's PNG is downloaded (downloadFile: its domain
 * may need adding, README 上线步骤 6), drawn into the shared poster layout (layout.ts: title, code, what to
 * do, facts) on an offscreen canvas, and that file saved; where the phone cannot draw it, the code alone
 * is saved. saveImageToPhotosAlbum is a privacy API (client/src/privacy.ts): the component that calls
 * this renders the PrivacyPrompt component.
 *
 * A refused album permission (this time or earlier) gets a dialog saying so with 去设置 (Taro.openSetting,
 * where 添加到相册 can be switched on); every other failure says what to do instead.
 */
import Taro from '@tarojs/taro';
import { confirm, toastSuccess } from '../../utils/feedback';
import { drawPosterLayout, POSTER_CODE_BOX, POSTER_H, POSTER_W, type PosterContext, type PosterText } from './layout';

interface LoadingImage {
  onload: (() => void) | null;
  onerror: ((e: unknown) => void) | null;
  src: string;
}

interface Canvas2D {
  getContext(
    type: '2d',
  ): PosterContext & { drawImage(image: unknown, x: number, y: number, w: number, h: number): void };
  createImage(): LoadingImage;
  toDataURL?(type?: string): string;
}

/** What a failed Taro call rejects with. */
function errMsgOf(e: unknown): string {
  return String((e as { errMsg?: string } | null)?.errMsg ?? (e instanceof Error ? e.message : (e ?? '')));
}

async function drawPoster(text: PosterText, codePath: string): Promise<string> {
  const canvas = (
    Taro as unknown as { createOffscreenCanvas(o: { type: '2d'; width: number; height: number }): Canvas2D }
  ).createOffscreenCanvas({ type: '2d', width: POSTER_W, height: POSTER_H });
  const ctx = canvas.getContext('2d');
  const image = canvas.createImage();
  await new Promise<void>((resolve, reject) => {
    // A phone that never answers is not waited for: the code alone is saved then.
    const timer = setTimeout(() => reject(new Error('image load timeout')), 10_000);
    image.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    image.onerror = (e) => {
      clearTimeout(timer);
      reject(e);
    };
    image.src = codePath;
  });
  drawPosterLayout(ctx, text, {
    size: POSTER_CODE_BOX,
    draw: (x0, y0) => ctx.drawImage(image, x0, y0, POSTER_CODE_BOX, POSTER_CODE_BOX),
  });
  try {
    const out = await Taro.canvasToTempFilePath({
      canvas,
      fileType: 'png',
    } as unknown as Taro.canvasToTempFilePath.Option);
    return out.tempFilePath;
  } catch (e) {
    // Older base libraries take no offscreen canvas here: write its data URL to a file instead.
    const data = canvas.toDataURL?.('image/png');
    if (!data) throw e;
    const filePath = `${Taro.env.USER_DATA_PATH ?? 'wxfile://usr'}/poster-${Date.now()}.png`;
    Taro.getFileSystemManager().writeFileSync(filePath, data.replace(/^data:image\/png;base64,/, ''), 'base64');
    return filePath;
  }
}

/** The refusal of the album permission (now, or remembered from before). */
function albumRefused(msg: string): boolean {
  return /auth den|authorize|scope\.writePhotosAlbum|permission denied/i.test(msg) && !/privacy/i.test(msg);
}

/**
 * Saves the poster (the layout around the code at `codeUrl`) to the phone's album; true when saved.
 * Tells the person what happened in every case.
 */
export async function savePosterToAlbum(text: PosterText, codeUrl: string): Promise<boolean> {
  let codePath: string;
  try {
    const got = await Taro.downloadFile({ url: codeUrl });
    if (got.statusCode !== 200) throw new Error(String(got.statusCode));
    codePath = got.tempFilePath;
  } catch {
    await Taro.showModal({
      title: '海报没能下载',
      content: '请检查网络后再点“保存到相册”；也可以点“查看大图”，长按图片保存小程序码。',
      showCancel: false,
      confirmText: '知道了',
    });
    return false;
  }
  let filePath = codePath;
  try {
    filePath = await drawPoster(text, codePath);
  } catch {
    // This phone cannot draw the poster: the code alone is still worth saving.
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    toastSuccess(filePath === codePath ? '小程序码已保存到相册' : '海报已保存到相册');
    return true;
  } catch (e) {
    const msg = errMsgOf(e);
    if (/cancel/i.test(msg)) return false;
    if (albumRefused(msg)) {
      const go = await confirm(
        '没有保存到相册的权限',
        '保存海报需要允许“添加到相册”。点“去设置”打开它，回来后再点一次“保存到相册”。',
        '去设置',
      );
      if (go) await Taro.openSetting().catch(() => undefined);
      return false;
    }
    await Taro.showModal({
      title: '没有保存',
      content: /privacy/i.test(msg)
        ? '需要先同意《用户隐私保护指引》才能保存图片。再点一次“保存到相册”，在弹出的说明里点“同意”。'
        : '图片没能保存到相册，请稍后再试；也可以点“查看大图”，长按图片保存。',
      showCancel: false,
      confirmText: '知道了',
    });
    return false;
  }
}
