/** weapp: Taro.chooseMedia, then Taro.cloud.uploadFile to `proposals/<openid>/<timestamp>-<i>.<ext>`. */
import Taro from '@tarojs/taro';
import { uploadPrefix } from '@shishi/shared-types';
import { ApiError } from './callCore';
import { extensionOf, imageTypeOf, isCancel, type PickedImage, type UploadedImage } from './media';

export type { PickedImage, UploadedImage } from './media';

export async function pickImages(count: number): Promise<PickedImage[]> {
  try {
    const res = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    });
    return res.tempFiles.map((file) => ({
      path: file.tempFilePath,
      size: file.size,
      contentType: imageTypeOf(undefined, file.tempFilePath),
    }));
  } catch (error) {
    if (isCancel(error)) return [];
    throw new ApiError({ code: 'INTERNAL', message: '没能打开相册，请稍后再试' });
  }
}

export async function uploadImage(image: PickedImage, openid: string, index: number): Promise<UploadedImage> {
  if (!image.contentType) throw new ApiError({ code: 'INVALID_INPUT', message: '只能添加图片' });
  const cloudPath = `${uploadPrefix(openid)}${Date.now()}-${index}.${extensionOf(image.contentType)}`;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: image.path });
    return { fileID: res.fileID, url: image.path };
  } catch {
    throw new ApiError({ code: 'NETWORK', message: '图片上传失败，请检查网络后重试' });
  }
}
