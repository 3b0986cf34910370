/**
 * H5: the browser's file chooser (Taro.chooseMedia), then `POST /upload` on the dev host with the raw
 * image bytes and the session token; the reply is `uploadOutputSchema`.
 */
import Taro from '@tarojs/taro';
import { uploadOutputSchema } from '@shishi/shared-types';
import { config } from '../config';
import { ApiError } from './callCore';
import { imageTypeOf, isCancel, type PickedImage, type UploadedImage } from './media';
import { getSessionToken } from './session';

export type { PickedImage, UploadedImage } from './media';

interface H5TempFile {
  tempFilePath: string;
  size: number;
  fileType?: string;
  originalFileObj?: File;
}

export async function pickImages(count: number): Promise<PickedImage[]> {
  try {
    // One source: on a phone browser Taro would otherwise first ask 拍摄 / 从相册选择.
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album'] });
    const files = res.tempFiles as unknown as H5TempFile[];
    // Cancelling fails (below); a pick that comes back empty means the browser could not read the files.
    if (files.length === 0) throw new ApiError({ code: 'INVALID_INPUT', message: '没能读取所选的文件，只能添加图片' });
    return files.map((file) => ({
      path: file.tempFilePath,
      size: file.size,
      contentType: imageTypeOf(file.originalFileObj?.type ?? file.fileType, file.originalFileObj?.name ?? ''),
      blob: file.originalFileObj,
    }));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isCancel(error)) return [];
    throw new ApiError({ code: 'INTERNAL', message: '没能打开图片选择，请稍后再试' });
  }
}

export async function uploadImage(image: PickedImage, _openid: string, _index: number): Promise<UploadedImage> {
  if (!image.contentType || !image.blob) throw new ApiError({ code: 'INVALID_INPUT', message: '只能添加图片' });
  const token = getSessionToken();
  let reply: unknown;
  try {
    const res = await fetch(`${config.apiBase}/upload`, {
      method: 'POST',
      headers: { 'Content-Type': image.contentType, Authorization: `Bearer ${token ?? ''}` },
      body: image.blob,
    });
    reply = await res.json().catch(() => ({
      ok: false,
      error: { message: `图片上传失败（${res.status}），请稍后再试` },
    }));
  } catch {
    throw new ApiError({ code: 'NETWORK', message: '图片上传失败，请检查网络后重试' });
  }
  const envelope = reply as { ok?: boolean; data?: unknown; error?: { code?: string; message?: string } };
  if (!envelope.ok) {
    throw new ApiError({ code: 'INVALID_INPUT', message: envelope.error?.message ?? '图片上传失败，请稍后再试' });
  }
  const parsed = uploadOutputSchema.safeParse(envelope.data);
  if (!parsed.success) throw new ApiError({ code: 'INTERNAL', message: '图片上传失败，请稍后再试' });
  return { fileID: parsed.data.fileID, url: parsed.data.url };
}
