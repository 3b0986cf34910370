/** Attachments are images by their bytes, within the size limit, and the caller's own uploads. */
import { attachmentLimits, cloudPathOf, imageRefusal, isOwnUpload, sniffImageType } from '../src';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('attachments', () => {
  it('knows JPEG, PNG, GIF and WebP by their magic bytes, and nothing else', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffImageType(ascii('GIF89a....'))).toBe('image/gif');
    expect(sniffImageType(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(ascii('%PDF-1.7'))).toBeNull();
  });

  it('refuses empty, oversize and non-image files in Chinese', () => {
    expect(imageRefusal(new Uint8Array(0))).toBe('图片是空的');
    const big = new Uint8Array(attachmentLimits.maxBytes + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(imageRefusal(big)).toBe('图片太大了（最大 5 MB）');
    expect(imageRefusal(ascii('hello'))).toBe('只能上传 JPG、PNG、GIF 或 WebP 图片');
    expect(imageRefusal(bytes(0xff, 0xd8, 0xff, 0xe0))).toBeNull();
  });

  it('accepts only files under the caller’s proposals/<openid>/ prefix', () => {
    expect(cloudPathOf('cloud://env-1.bucket/proposals/u1/a.png')).toBe('proposals/u1/a.png');
    expect(isOwnUpload('cloud://env-1.bucket/proposals/u1/a.png', 'u1')).toBe(true);
    expect(isOwnUpload('cloud://env-1.bucket/proposals/u2/a.png', 'u1')).toBe(false);
    expect(isOwnUpload('cloud://env-1.bucket/proposals/u1/../u2/a.png', 'u1')).toBe(false);
    expect(isOwnUpload('cloud://env-1.bucket/proposals/u10/a.png', 'u1')).toBe(false);
    expect(isOwnUpload('https://example.com/proposals/u1/a.png', 'u1')).toBe(false);
  });
});
