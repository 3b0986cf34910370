/**
 * The printable poster's layout, the same on both builds: a red band with a kicker and the title, the
 * code in the middle (H5: a QR code of the link, drawn module by module; weapp: the 小程序码 image), what
 * to do under it, and a few lines of facts at the bottom, on a 750 × 1180 canvas. Only the 2D calls
 * both canvases have (H5's CanvasRenderingContext2D, the weapp's canvas 2d context).
 */

export interface PosterText {
  /** 为职工办实事 · 需求调查 */
  kicker: string;
  title: string;
  /** Under the code, large: 扫码填写问卷 */
  action: string;
  /** Under it, small: 用微信或手机浏览器扫一扫 */
  actionHint: string;
  /** Facts at the bottom (each at most two lines). */
  lines: string[];
}

/** What the layout draws with. */
export type PosterContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'fillRect' | 'fillText' | 'measureText'
>;

export const POSTER_W = 750;
export const POSTER_H = 1180;
/** The code's box in the middle (px). */
export const POSTER_CODE_BOX = 440;
const RED = '#c8161d';
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Lines of at most `width` pixels (Chinese text breaks anywhere), at most `max` lines with … at the end. */
export function wrap(ctx: PosterContext, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
      if (lines.length === max) break;
    } else line += ch;
  }
  if (lines.length < max && line) lines.push(line);
  else if (lines.length === max && line)
    lines[max - 1] = `${Array.from(lines[max - 1])
      .slice(0, -1)
      .join('')}…`;
  return lines;
}

/**
 * Draws the poster; `code` draws the code at (x0, y0) in a square of its `size` (at most
 * POSTER_CODE_BOX), centred under the band.
 */
export function drawPosterLayout(
  ctx: PosterContext,
  spec: PosterText,
  code: { size: number; draw(x0: number, y0: number): void },
): void {
  const W = POSTER_W;
  const H = POSTER_H;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);

  // Header: who asks and what. The band grows with the title (one to three lines).
  ctx.font = `700 48px ${FONT}`;
  const titleLines = wrap(ctx, spec.title, W - 112, 3);
  const band = 190 + (titleLines.length - 1) * 64;
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, W, band);
  ctx.fillStyle = '#ffffff';
  ctx.font = `500 30px ${FONT}`;
  ctx.fillText(spec.kicker, 56, 76);
  ctx.font = `700 48px ${FONT}`;
  titleLines.forEach((l, i) => ctx.fillText(l, 56, 146 + i * 64));

  // The code on white.
  const size = code.size;
  const x0 = Math.round((W - size) / 2);
  const y0 = band + 70;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0, y0, size, size);
  code.draw(x0, y0);

  ctx.textAlign = 'center';
  ctx.fillStyle = '#222222';
  ctx.font = `600 34px ${FONT}`;
  ctx.fillText(spec.action, W / 2, y0 + size + 64);
  ctx.fillStyle = '#555555';
  ctx.font = `400 28px ${FONT}`;
  ctx.fillText(spec.actionHint, W / 2, y0 + size + 112);
  ctx.textAlign = 'left';
  ctx.font = `400 28px ${FONT}`;
  const lines = spec.lines.flatMap((t) => wrap(ctx, t, W - 112, 2)).slice(0, 5);
  // Three lines start where they always did (H - 200); more start higher, so none runs off the page.
  const top = H - 68 - lines.length * 44;
  lines.forEach((l, i) => ctx.fillText(l, 56, top + i * 44));
  ctx.fillStyle = RED;
  ctx.fillRect(0, H - 24, W, 24);
}
