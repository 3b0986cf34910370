/**
 * Picking images and uploading them as proposal attachments. Taro picks `upload.weapp.ts` (chooseMedia
 * → cloud storage) or `upload.h5.ts` (file chooser → the dev host's POST /upload) at build time; this
 * file gives the shared signature to TypeScript and refuses on any other platform.
 */
import type { PickedImage, UploadedImage } from './media';

export type { PickedImage, UploadedImage } from './media';

/** Opens the image chooser for at most `count` images; [] when the user cancels. */
export function pickImages(count: number): Promise<PickedImage[]> {
  void count;
  return Promise.reject(new Error('当前平台不支持选择图片'));
}

/** Uploads one picked image under `proposals/<openid>/`. */
export function uploadImage(image: PickedImage, openid: string, index: number): Promise<UploadedImage> {
  void image;
  void openid;
  void index;
  return Promise.reject(new Error('当前平台不支持上传图片'));
}
