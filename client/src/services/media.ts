/**
 * Platform-independent half of picking and uploading images: the checks (type and size, with Chinese
 * messages) and the shapes. `upload.weapp.ts` / `upload.h5.ts` do the picking and the transfer.
 */
import { attachmentExtensions, attachmentLimits, type AttachmentType } from '@shishi/shared-types';

/** An image the user picked, not yet uploaded. */
export interface PickedImage {
  /** Local path to show as a thumbnail (weapp temp file, H5 blob: URL). */
  path: string;
  size: number;
  /** Known image type, or null when it is not one we accept. */
  contentType: AttachmentType | null;
  /** H5: the file itself. */
  blob?: Blob;
}

/** An image stored in cloud storage (weapp) or on the dev host (H5). */
export interface UploadedImage {
  fileID: string;
  /** Where to show it from: the upload's URL on H5, the local temp file on weapp. */
  url: string;
}

const extensionTypes: Record<string, AttachmentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The accepted type of a file from its MIME type or, failing that, its extension. */
export function imageTypeOf(mime: string | undefined, path: string): AttachmentType | null {
  const accepted = attachmentLimits.types as readonly string[];
  if (mime && accepted.includes(mime)) return mime as AttachmentType;
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(path)?.[1]?.toLowerCase();
  return ext ? (extensionTypes[ext] ?? null) : null;
}

export function extensionOf(type: AttachmentType): string {
  return attachmentExtensions[type];
}

const maxMb = Math.round(attachmentLimits.maxBytes / 1024 / 1024);
export const imageRules = `JPG、PNG、WEBP 或 GIF 图片，每张不超过 ${maxMb} MB，最多 ${attachmentLimits.maxCount} 张`;

/** Why an image cannot be attached, in words the worker understands; null when it is fine. */
export function imageProblem(image: PickedImage): string | null {
  if (!image.contentType) return '只能添加 JPG、PNG、WEBP 或 GIF 格式的图片';
  if (image.size > attachmentLimits.maxBytes) return `图片太大了，每张不能超过 ${maxMb} MB`;
  return null;
}

/** A user who closes the chooser without picking has not made a mistake. */
export function isCancel(error: unknown): boolean {
  const msg = typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';
  return /cancel|abort/i.test(msg);
}
