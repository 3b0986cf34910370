/**
 * A printable poster (H5): a red band with a kicker and the title, a QR code of a link in the middle,
 * what to do under it, and a few lines of facts at the bottom; drawn on a canvas and handed back as a
 * PNG data URL that staff download and print. The QR code's modules come from `qrcode` (its matrix
 * only; the drawing is ours). Used by the survey share poster and the check-in posters.
 */
import QRCode from 'qrcode';

export interface PosterSpec {
  /** 为职工办实事 · 需求调查 */
  kicker: string;
  title: string;
  link: string;
  /** Under the code, large: 扫码填写问卷 */
  action: string;
  /** Under it, small: 用微信或手机浏览器扫一扫 */
  actionHint: string;
  /** Facts at the bottom (each at most two lines). */
  lines: string[];
}

const W = 750;
const H = 1180;
const RED = '#c8161d';
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Lines of at most `width` pixels (Chinese text breaks anywhere), at most `max` lines with … at the end. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
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

export function drawPosterPng(spec: PosterSpec): string {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
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

  // The QR code, with its quiet zone.
  const qr = QRCode.create(spec.link, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const box = 440;
  const cell = Math.floor(box / (n + 8));
  const size = cell * (n + 8);
  const x0 = Math.round((W - size) / 2);
  const y0 = band + 70;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0, y0, size, size);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      if (qr.modules.get(r, c)) ctx.fillRect(x0 + (c + 4) * cell, y0 + (r + 4) * cell, cell, cell);
    }
  }

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
  return canvas.toDataURL('image/png');
}
