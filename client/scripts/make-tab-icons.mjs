/**
 * Draws the three tabBar icons (首页 / 大家的建议 / 我的), grey and union red, as small PNGs.
 * Generated rather than downloaded; run `node scripts/make-tab-icons.mjs` after changing a shape.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const SIZE = 81;
const STROKE = 5.5;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const seg = (ax, ay, bx, by) => ({ kind: 'seg', ax, ay, bx, by });
const circle = (cx, cy, r) => ({ kind: 'circle', cx, cy, r });
/** An arc of a circle, kept only where y <= maxY. */
const arc = (cx, cy, r, maxY) => ({ kind: 'arc', cx, cy, r, maxY });
const poly = (...pts) => pts.slice(1).map((p, i) => seg(pts[i][0], pts[i][1], p[0], p[1]));

const shapes = {
  home: [
    ...poly([12, 40], [40.5, 14], [69, 40]),
    ...poly([21, 34], [21, 67], [60, 67], [60, 34]),
    ...poly([34, 67], [34, 49], [47, 49], [47, 67]),
  ],
  proposals: [
    ...poly([17, 13], [64, 13], [64, 68], [17, 68], [17, 13]),
    seg(27, 28, 54, 28),
    seg(27, 40, 54, 40),
    seg(27, 52, 44, 52),
  ],
  mine: [circle(40.5, 26, 13), arc(40.5, 72, 26, 68), seg(14.5, 68, 66.5, 68)],
};

function distance(shape, x, y) {
  if (shape.kind === 'seg') {
    const { ax, ay, bx, by } = shape;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
  }
  const d = Math.abs(Math.hypot(x - shape.cx, y - shape.cy) - shape.r);
  if (shape.kind === 'arc' && y > shape.maxY + STROKE / 2) return Infinity;
  return d;
}

function render(parts, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          if (parts.some((s) => distance(s, x, y) <= STROKE / 2)) covered++;
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return png(raw);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tab');
mkdirSync(outDir, { recursive: true });
for (const [name, parts] of Object.entries(shapes)) {
  for (const [suffix, colour] of [
    ['', [0x55, 0x55, 0x55]],
    ['-active', [0xc8, 0x16, 0x1d]],
  ]) {
    const file = path.join(outDir, `${name}${suffix}.png`);
    const data = render(parts, colour);
    writeFileSync(file, data);
    console.log(`${path.relative(process.cwd(), file)} ${data.length} B`);
  }
}
