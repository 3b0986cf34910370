/** Where the check-in screens live. */

/** The worker's check-in page (its own subpackage), opened by a service point's code. */
export const checkinPagePath = 'pages/checkin/index';
export const checkinUrl = (code: string) => `/${checkinPagePath}?c=${encodeURIComponent(code)}`;

/** 服务点与签到 (staff, project subpackage). */
export const checkinManageUrl = (projectId: string) =>
  `/packages/project/pages/checkin/index?id=${encodeURIComponent(projectId)}`;

/** A poster: the project's (`id`) or one service point's (`point`). */
export const checkinPosterUrl = (projectId: string, pointId?: string) =>
  `/packages/project/pages/poster/index?id=${encodeURIComponent(projectId)}${pointId ? `&point=${encodeURIComponent(pointId)}` : ''}`;

/** The code in what a scan read: a mini-program path (`scene=` or `c=`) or an H5 link with `c=`. */
export function codeFromScan(text: string): string | null {
  const m = /[?&](?:c|scene)=([^&#]+)/.exec(text);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
