import { z } from 'zod';

/**
 * Proposal attachments: images only (a photo of the paper form, a picture of the problem). Checked on
 * the server by size and by magic bytes, never by the name or the declared type alone.
 */
export const attachmentLimits = {
  maxCount: 9,
  /** Bytes per image. chooseMedia with sizeType 'compressed' gives well under this. */
  maxBytes: 5 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const,
};
export type AttachmentType = (typeof attachmentLimits.types)[number];

/** Extension used in storage paths for each type. */
export const attachmentExtensions: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** A cloud storage file id (`cloud://<env>.<bucket>/<path>`). */
export const fileIdSchema = z
  .string({ error: '缺少图片' })
  .min(1, '缺少图片')
  .max(512, '图片编号过长')
  .regex(/^cloud:\/\/\S+$/, '图片编号格式不对');

/** Images attached to a proposal: cloud file ids under the caller's upload prefix `proposals/<openid>/`. */
export const attachmentsInputSchema = z
  .array(fileIdSchema, { error: '图片要以列表传入' })
  .max(attachmentLimits.maxCount, `最多 ${attachmentLimits.maxCount} 张图片`)
  .refine((ids) => new Set(ids).size === ids.length, '同一张图片只能添加一次')
  .default([]);

/** Image content check: `pending` while the asynchronous check runs (production), then pass / review / rejected. */
export const attachmentModerationStates = ['pending', 'pass', 'review', 'rejected'] as const;
export type AttachmentModeration = (typeof attachmentModerationStates)[number];

export const attachmentSchema = z.object({
  fileID: z.string(),
  contentType: z.enum(attachmentLimits.types),
  size: z.number().int().min(1),
  /** Temporary download URL (`getTempFileURL`); empty when the file is gone. */
  url: z.string(),
  moderation: z.enum(attachmentModerationStates),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The dev host's `POST /upload` reply (H5 only; the mini-program uploads with Taro.cloud.uploadFile). */
export const uploadOutputSchema = z.object({
  fileID: z.string(),
  contentType: z.enum(attachmentLimits.types),
  size: z.number().int(),
  url: z.string(),
});
export type UploadOutput = z.infer<typeof uploadOutputSchema>;

/** Cloud path prefix of a caller's proposal uploads: the submit action only accepts files under it. */
export function uploadPrefix(openid: string): string {
  return `proposals/${openid}/`;
}
