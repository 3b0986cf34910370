import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { attachmentLimits } from '@shishi/shared-types';
import { toApiError } from '../../services/call';
import { imageProblem } from '../../services/media';
import { pickImages, uploadImage } from '../../services/upload';

export interface AttachmentItem {
  key: string;
  /** Thumbnail source: the local file until the upload's URL is known. */
  src: string;
  fileID: string | null;
  uploading: boolean;
}

/**
 * Images attached to a form: picked (chooseMedia), checked for type and size on the device, uploaded
 * at once so the submit only sends file ids. Problems are one Chinese sentence for the field.
 */
export function useAttachments(
  openid: string | null,
  max: number = attachmentLimits.maxCount,
  /** Images already stored (修改建议): shown and kept unless removed. */
  initial: ReadonlyArray<{ fileID: string; url: string }> = [],
) {
  const [items, setItems] = useState<AttachmentItem[]>(() =>
    initial.map((a, i) => ({ key: `stored-${i}`, src: a.url, fileID: a.fileID, uploading: false })),
  );
  const [error, setError] = useState<string | null>(null);
  const counter = useRef(0);

  const add = async () => {
    setError(null);
    if (!openid) {
      setError('还没有读取到您的身份，请稍后再试');
      return;
    }
    const room = max - items.length;
    if (room <= 0) {
      setError(`最多添加 ${max} 张图片`);
      return;
    }
    let picked;
    try {
      picked = await pickImages(room);
    } catch (e) {
      setError(toApiError(e).message);
      return;
    }
    const problems: string[] = [];
    const accepted = picked.filter((image) => {
      const problem = imageProblem(image);
      if (problem) problems.push(problem);
      return problem === null;
    });
    const fresh = accepted.slice(0, room).map((image) => {
      counter.current += 1;
      return { image, item: { key: `img-${counter.current}`, src: image.path, fileID: null, uploading: true } };
    });
    if (accepted.length > room) problems.push(`最多添加 ${max} 张图片，多出的没有加上`);
    if (problems.length > 0) setError(Array.from(new Set(problems)).join('；'));
    if (fresh.length === 0) return;
    setItems((current) => [...current, ...fresh.map((f) => f.item)]);
    await Promise.all(
      fresh.map(async ({ image, item }, i) => {
        try {
          const uploaded = await uploadImage(image, openid, items.length + i);
          setItems((current) =>
            current.map((it) =>
              it.key === item.key
                ? { ...it, fileID: uploaded.fileID, src: uploaded.url || it.src, uploading: false }
                : it,
            ),
          );
        } catch (e) {
          setItems((current) => current.filter((it) => it.key !== item.key));
          setError(toApiError(e).message);
        }
      }),
    );
  };

  const remove = (index: number) => {
    setError(null);
    setItems((current) => current.filter((_, i) => i !== index));
  };

  const preview = (index: number) => {
    const urls = items.map((it) => it.src);
    void Taro.previewImage({ urls, current: urls[index] });
  };

  const uploading = items.some((it) => it.uploading);
  const fileIDs = items.flatMap((it) => (it.fileID ? [it.fileID] : []));

  return { items, error, setError, add, remove, preview, uploading, fileIDs, max };
}

export type Attachments = ReturnType<typeof useAttachments>;
