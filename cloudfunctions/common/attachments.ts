/**
 * Proposal images: each file named in a submit must be the caller's own upload, exist, be an image by
 * its magic bytes and fit the size limit. Images are checked for content: in production with
 * `security.mediaCheckAsync` (the verdict arrives later, see proposal/mediaCheck.ts); where that API is
 * missing (the local runtime) an image waits for a person in the review queue.
 */
import {
  AppError,
  attachmentLimits,
  imageRefusal,
  isOwnUpload,
  sniffImageType,
  type Attachment,
  type AttachmentModeration,
  type AttachmentType,
  type FieldError,
} from '@shishi/shared-types';
import type { Ctx } from './context';

export interface AttachmentDoc {
  fileID: string;
  contentType: AttachmentType;
  size: number;
  moderation: AttachmentModeration;
  /** mediaCheckAsync trace id while the check runs. */
  traceId?: string;
}

/** Checks every file; INVALID_INPUT naming each bad one (`attachments.<i>`), nothing stored. */
export async function verifyAttachments(
  ctx: Ctx,
  fileIDs: readonly string[],
  uploader: string,
  field = 'attachments',
): Promise<AttachmentDoc[]> {
  if (fileIDs.length > attachmentLimits.maxCount) {
    throw new AppError('INVALID_INPUT', `最多 ${attachmentLimits.maxCount} 张图片`, [
      { path: field, message: `最多 ${attachmentLimits.maxCount} 张图片` },
    ]);
  }
  const fields: FieldError[] = [];
  const docs: AttachmentDoc[] = [];
  await Promise.all(
    fileIDs.map(async (fileID, i) => {
      const path = `${field}.${i}`;
      if (!isOwnUpload(fileID, uploader)) {
        fields.push({ path, message: '只能添加自己上传的图片' });
        return;
      }
      let bytes: Buffer;
      try {
        bytes = (await ctx.cloud.downloadFile({ fileID })).fileContent;
      } catch {
        fields.push({ path, message: '图片不存在，请重新上传' });
        return;
      }
      const refusal = imageRefusal(bytes);
      if (refusal) {
        fields.push({ path, message: refusal });
        return;
      }
      docs[i] = { fileID, contentType: sniffImageType(bytes)!, size: bytes.length, moderation: 'review' };
    }),
  );
  if (fields.length > 0) {
    fields.sort((a, b) => (a.path < b.path ? -1 : 1));
    throw new AppError('INVALID_INPUT', `图片有误：${fields.map((f) => f.message).join('；')}`, fields);
  }
  return docs;
}

/**
 * Starts the image content check. Production: mediaCheckAsync per image (`pending` until the verdict);
 * without it (local runtime), or when the call fails, the image waits for a person (`review`).
 */
export async function startImageChecks(ctx: Ctx, docs: AttachmentDoc[]): Promise<AttachmentDoc[]> {
  const check = ctx.cloud.openapi.security.mediaCheckAsync;
  if (!check || docs.length === 0) return docs.map((d) => ({ ...d, moderation: 'review' }));
  const urls = await tempUrls(
    ctx,
    docs.map((d) => d.fileID),
  );
  return Promise.all(
    docs.map(async (d) => {
      try {
        const res = await check.call(ctx.cloud.openapi.security, {
          mediaUrl: urls.get(d.fileID) ?? '',
          mediaType: 2,
          version: 2,
          scene: 3,
          openid: ctx.openid,
        });
        return res.traceId
          ? { ...d, moderation: 'pending' as const, traceId: res.traceId }
          : { ...d, moderation: 'review' as const };
      } catch (e) {
        console.warn('[proposal] mediaCheckAsync failed; the image waits for review', e);
        return { ...d, moderation: 'review' as const };
      }
    }),
  );
}

/** Temporary download URLs (getTempFileURL takes at most 50 files a call). */
export async function tempUrls(ctx: Ctx, fileIDs: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(fileIDs)];
  for (let i = 0; i < unique.length; i += 50) {
    const res = await ctx.cloud.getTempFileURL({ fileList: unique.slice(i, i + 50) });
    for (const f of res.fileList) out.set(f.fileID, f.status === 0 ? f.tempFileURL : '');
  }
  return out;
}

/** Attachments as this viewer may see them: others get only the images that passed. */
export function toAttachments(
  docs: readonly AttachmentDoc[],
  urls: ReadonlyMap<string, string>,
  full: boolean,
): Attachment[] {
  return docs
    .filter((d) => full || d.moderation === 'pass')
    .map((d) => ({
      fileID: d.fileID,
      contentType: d.contentType,
      size: d.size,
      url: urls.get(d.fileID) ?? '',
      moderation: d.moderation,
    }));
}
