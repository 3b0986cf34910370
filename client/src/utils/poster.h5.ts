/**
 * A printable poster (H5): the shared layout (features/poster/layout.ts) with a QR code of a link in the
 * middle, drawn on a canvas and handed back as a PNG data URL that staff download and print. The QR
 * code's modules come from `qrcode` (its matrix only; the drawing is ours). Used by the survey share
 * poster and the check-in posters; the weapp draws the same layout around the 小程序码.
 */
import QRCode from 'qrcode';
import { drawPosterLayout, POSTER_CODE_BOX, POSTER_H, POSTER_W, type PosterText } from '../features/poster/layout';

export interface PosterSpec extends PosterText {
  link: string;
}

export function drawPosterPng(spec: PosterSpec): string {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_W;
  canvas.height = POSTER_H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  // The QR code, with its quiet zone.
  const qr = QRCode.create(spec.link, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = Math.floor(POSTER_CODE_BOX / (n + 8));
  const size = cell * (n + 8);
  drawPosterLayout(ctx, spec, {
    size,
    draw(x0, y0) {
      ctx.fillStyle = '#000000';
      for (let r = 0; r < n; r += 1) {
        for (let c = 0; c < n; c += 1) {
          if (qr.modules.get(r, c)) ctx.fillRect(x0 + (c + 4) * cell, y0 + (r + 4) * cell, cell, cell);
        }
      }
    },
  });
  return canvas.toDataURL('image/png');
}
