import { formatDateTime } from '@shishi/shared-types/src/time';

/** 发布于 11-24 10:00 · 已更新 11-25 09:30 */
export function publishedLine(publishedAt: string | null, editedAt: string | null): string {
  const short = (iso: string) => formatDateTime(iso).slice(5);
  const parts = [publishedAt ? `发布于 ${short(publishedAt)}` : '尚未发布'];
  if (editedAt) parts.push(`已更新 ${short(editedAt)}`);
  return parts.join(' · ');
}
