/** Attachment checks that need no I/O: what a file is by its first bytes, and where a file id points. */
import { attachmentLimits, uploadPrefix, type AttachmentType } from '../schemas/attachment';

/** The image type by magic bytes (JPEG, PNG, GIF, WebP), or null: never trust a name or a declared type. */
export function sniffImageType(bytes: Uint8Array): AttachmentType | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...Array.from(bytes.subarray(from, to)));
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Why an uploaded file is refused (Chinese), or null. */
export function imageRefusal(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '图片是空的';
  if (bytes.length > attachmentLimits.maxBytes) {
    return `图片太大了（最大 ${Math.round(attachmentLimits.maxBytes / 1024 / 1024)} MB）`;
  }
  if (!sniffImageType(bytes)) return '只能上传 JPG、PNG、GIF 或 WebP 图片';
  return null;
}

/** The storage path of a file id `cloud://<env>.<bucket>/<path>`, or null when it is not one. */
export function cloudPathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  if (!m) return null;
  const path = m[1];
  if (path.split('/').some((part) => part === '..' || part === '.' || part === '')) return null;
  return path;
}

/** Whether the file was uploaded by this caller for a proposal (`proposals/<openid>/…`). */
export function isOwnUpload(fileID: string, openid: string): boolean {
  const path = cloudPathOf(fileID);
  return path !== null && path.startsWith(uploadPrefix(openid)) && path.length > uploadPrefix(openid).length;
}
