export interface PosterToolsProps {
  /** 为职工办实事 · 服务点签到 */
  kicker: string;
  title: string;
  /** The page the code opens (mini-program path without the leading slash, also the H5 route). */
  path: string;
  action: string;
  lines: string[];
  /** The mini-program code (production, from checkin.code or checkin.summary with `poster`), or null. */
  miniCodeUrl: string | null;
  fileName: string;
}
