/**
 * An .xlsx written in parts, across invocations. A sheet's XML is deflated one batch of rows at a time
 * with a sync flush (each part ends on a byte boundary, so the parts concatenate into one deflate
 * stream) while the job's state carries the sheet's running CRC-32 and length; the last step only
 * concatenates the stored parts into the zip. Cells are inline strings and numbers (no shared strings
 * table to keep across parts); links and a bold header are the only styling.
 */
import { deflateRawSync, constants } from 'node:zlib';
import type { Cloud } from './cloud';

// CRC-32 (zip's), continued from an earlier value: zlib.crc32 is only in Node ≥ 20.15, the cloud runs 16.
const table = new Int32Array(256);
for (let n = 0; n < 256; n += 1) {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  table[n] = c;
}
export function crc32(data: Buffer, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i += 1) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export type XCell = string | number | null | undefined;

/** Where a sheet's stream stands: carried in the job's state between parts. */
export interface SheetStream {
  crc: number;
  size: number;
  /** Rows written so far (the next row is rows + 1). */
  rows: number;
}

export const emptyStream = (): SheetStream => ({ crc: 0, size: 0, rows: 0 });

// Characters XML 1.0 does not allow (a control character typed into an answer).
// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function esc(s: string): string {
  return s
    .replace(invalidXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Rows as sheet XML, numbered from `first`; `style` 1 is bold. */
export function rowsXml(rows: readonly XCell[][], first: number, style?: number): string {
  let out = '';
  for (const [i, row] of rows.entries()) {
    const r = first + i;
    out += `<row r="${r}">`;
    for (const [j, v] of row.entries()) {
      if (v === null || v === undefined || v === '') continue;
      const ref = `${colName(j)}${r}`;
      const s = style ? ` s="${style}"` : '';
      if (typeof v === 'number' && Number.isFinite(v)) out += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else out += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(String(v))}</t></is></c>`;
    }
    out += '</row>';
  }
  return out;
}

/** One part of a sheet: the XML deflated with a sync flush (or, for the last part, finished). */
export function deflatePart(xml: string, stream: SheetStream, last = false): { bytes: Buffer; stream: SheetStream } {
  const raw = Buffer.from(xml, 'utf8');
  const bytes = deflateRawSync(raw, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
  return { bytes, stream: { crc: crc32(raw, stream.crc), size: stream.size + raw.length, rows: stream.rows } };
}

export interface SheetHead {
  /** Column widths (characters). */
  widths?: readonly number[];
  /** Freeze the first row. */
  freezeHeader?: boolean;
}

/** The sheet's XML up to and including `<sheetData>`. */
export function sheetHead(head: SheetHead = {}): string {
  const views = head.freezeHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '';
  const cols = head.widths?.length
    ? `<cols>${head.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${views}${cols}<sheetData>`
  );
}

/** The sheet's XML after the rows (links go here, each `r:id` `rIdN` in order). */
export function sheetTail(links: ReadonlyArray<{ ref: string }> = []): string {
  const hl = links.length
    ? `<hyperlinks>${links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}"/>`).join('')}</hyperlinks>`
    : '';
  return `</sheetData>${hl}</worksheet>`;
}

export interface SheetParts {
  name: string;
  /** The deflated parts in order, the last one finished. */
  parts: Buffer[];
  stream: SheetStream;
  links?: ReadonlyArray<{ ref: string; url: string }>;
}

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function whole(name: string, xml: string): Entry {
  const raw = Buffer.from(xml, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '</styleSheet>';

/** The workbook: the sheets' stored parts concatenated, and the small files around them. */
export function assembleXlsx(sheets: readonly SheetParts[]): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  const entries: Entry[] = [
    whole(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${ns}/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    whole(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        '</Relationships>',
    ),
    whole(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>` +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    whole(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    whole('xl/styles.xml', STYLES),
  ];
  for (const [i, s] of sheets.entries()) {
    entries.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.concat(s.parts),
      crc: s.stream.crc,
      size: s.stream.size,
    });
    if (s.links?.length) {
      entries.push(
        whole(
          `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${ns}/package/2006/relationships">` +
            s.links
              .map(
                (l, k) =>
                  `<Relationship Id="rId${k + 1}" Type="${ns}/officeDocument/2006/relationships/hyperlink" Target="${esc(l.url)}" TargetMode="External"/>`,
              )
              .join('') +
            '</Relationships>',
        ),
      );
    }
  }
  return zip(entries);
}

/** A zip of deflated entries (no zip64: an export stays far below 4 GB). */
function zip(entries: readonly Entry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

// ---------------------------------------------------------------- parts in storage

const PARALLEL_DOWNLOADS = 16;

/** The stored parts, in order (downloaded a batch at a time in parallel). */
export async function readParts(cloud: Cloud, fileIDs: readonly string[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < fileIDs.length; i += PARALLEL_DOWNLOADS) {
    const batch = fileIDs.slice(i, i + PARALLEL_DOWNLOADS);
    const files = await Promise.all(batch.map((fileID) => cloud.downloadFile({ fileID })));
    out.push(...files.map((f) => f.fileContent));
  }
  return out;
}

/** Deletes the parts once the file is stored; best effort (a part already gone is no failure). */
export async function dropParts(cloud: Cloud, fileIDs: readonly string[]): Promise<void> {
  for (let i = 0; i < fileIDs.length; i += 50) {
    await cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) }).catch(() => undefined);
  }
}
