/** Reads one entry of a zip file (a .docx / .xlsx) with node's zlib: enough to check what was exported. */
import { inflateRawSync } from 'node:zlib';

/** The bytes of `name` in the zip `bytes`, or null when it has no such entry. */
export function zipEntry(bytes: Buffer, name: string): Buffer | null {
  // End of central directory: signature 0x06054b50, in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(dataAt, dataAt + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip entry ${name}: compression method ${method} not supported`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

/** The text of a .docx body (word/document.xml with the tags removed). */
export function docxText(bytes: Buffer): string {
  const xml = zipEntry(bytes, 'word/document.xml');
  if (!xml) throw new Error('not a .docx: no word/document.xml');
  return xml
    .toString('utf8')
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '');
}
