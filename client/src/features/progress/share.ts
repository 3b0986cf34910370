/**
 * 分享: the project page shared to a chat (onShareAppMessage) and to Moments (onShareTimeline) with the
 * project's title and an image — the newest public progress photo that passed the check, else the
 * programme's card (copied into the project subpackage by client/config). The page config turns both
 * on (`enableShareAppMessage`, `enableShareTimeline`). On H5 the 分享 button copies the link instead.
 */
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { Project } from '@shishi/shared-types';
import { projectPath } from './labels';

/** The share card's default picture (5:4, as WeChat crops it). */
export const defaultShareImage = '/packages/project/assets/share.png';

export function shareImageOf(project: Project | null | undefined): string {
  const photo = project?.implementation?.updates
    .flatMap((u) => u.photos)
    .find((p) => p.moderation === 'pass' && p.url.startsWith('http'));
  return photo?.url ?? defaultShareImage;
}

export function shareTitleOf(project: Project | null | undefined): string {
  return project ? `为职工办实事：${project.title}` : '为职工办实事';
}

/** Call once in the project page: both share menus carry this project. */
export function useProjectShare(id: string, project: Project | null | undefined): void {
  useShareAppMessage(() => ({
    title: shareTitleOf(project),
    path: `/${projectPath(id)}`,
    imageUrl: shareImageOf(project),
  }));
  useShareTimeline(() => ({
    title: shareTitleOf(project),
    query: `id=${encodeURIComponent(id)}`,
    imageUrl: shareImageOf(project),
  }));
}
