/**
 * Temp links of the local storage are signed and expire, as production's getTempFileURL links do: an
 * HMAC over the path and the expiry, with a secret from STORAGE_LINK_SECRET or generated once into the
 * data directory.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStorage, TEMP_LINK_DEFAULT_S, TEMP_LINK_MAX_S } from '../src/standins/storage';

let dir: string;
let clock: number;
const open = (secret?: string) =>
  new LocalStorage(join(dir, 'storage'), 'local-test', '/storage', { secret, clock: () => clock });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shishi-links-'));
  clock = Date.parse('2026-11-24T02:00:00Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A link's path below /storage/ (decoded) and its query. */
function parts(url: string): [string, URLSearchParams] {
  const u = new URL(url, 'http://x');
  return [decodeURIComponent(u.pathname.slice('/storage/'.length)), u.searchParams];
}

async function linkTo(storage: LocalStorage, cloudPath: string, maxAge?: number): Promise<string> {
  const { fileID } = await storage.surface().uploadFile({ cloudPath, fileContent: Buffer.from('名单') });
  const res = await storage.surface().getTempFileURL({ fileList: [maxAge ? { fileID, maxAge } : fileID] });
  expect(res.fileList[0].status).toBe(0);
  return res.fileList[0].tempFileURL;
}

describe('signed, expiring temp links', () => {
  it('a link from getTempFileURL is signed and valid until its expiry, then expired', async () => {
    const storage = open();
    const url = await linkTo(storage, 'exports/surveys/名单 1.csv');
    expect(url).toMatch(/^\/storage\/exports\/surveys\/.+\.csv\?e=\d+&s=[\w-]{43}$/);
    const [path, params] = parts(url);
    expect(path).toBe('exports/surveys/名单 1.csv');
    expect(Number(params.get('e'))).toBe(clock / 1000 + TEMP_LINK_DEFAULT_S);
    const check = storage.verifyLink(path, params);
    expect(check.ok && readFileSync(check.file, 'utf8')).toBe('名单');
    clock += TEMP_LINK_DEFAULT_S * 1000 - 1000;
    expect(storage.verifyLink(path, params).ok).toBe(true);
    clock += 1000;
    expect(storage.verifyLink(path, params)).toEqual({ ok: false, reason: 'expired' });
    expect(storage.readTempUrl(url)).toBeUndefined();
  });

  it('honours maxAge up to a day', async () => {
    const storage = open();
    const hour = parts(await linkTo(storage, 'a.txt', 3600))[1];
    expect(Number(hour.get('e'))).toBe(clock / 1000 + 3600);
    const long = parts(await linkTo(storage, 'b.txt', 30 * 86_400))[1];
    expect(Number(long.get('e'))).toBe(clock / 1000 + TEMP_LINK_MAX_S);
  });

  it('refuses a path without a signature, a changed path, a moved expiry and another secret', async () => {
    const storage = open();
    const url = await linkTo(storage, 'exports/proposals/x.xlsx');
    await storage.surface().uploadFile({ cloudPath: 'exports/proposals/y.xlsx', fileContent: Buffer.from('y') });
    const [path, params] = parts(url);
    expect(storage.verifyLink(path, new URLSearchParams())).toEqual({ ok: false, reason: 'unsigned' });
    expect(storage.verifyLink('exports/proposals/y.xlsx', params)).toEqual({ ok: false, reason: 'forged' });
    const later = new URLSearchParams(params);
    later.set('e', String(Number(params.get('e')) + 86_400));
    expect(storage.verifyLink(path, later)).toEqual({ ok: false, reason: 'forged' });
    const garbage = new URLSearchParams(params);
    garbage.set('s', 'x');
    expect(storage.verifyLink(path, garbage)).toEqual({ ok: false, reason: 'forged' });
    expect(open('another-secret').verifyLink(path, params)).toEqual({ ok: false, reason: 'forged' });
    // The image-check stand-in reads only what a valid link names.
    expect(storage.readTempUrl(url)?.toString()).toBe('名单');
    expect(storage.readTempUrl('/storage/exports/proposals/x.xlsx')).toBeUndefined();
  });

  it('a path outside the storage root is never served, even when signed', () => {
    const storage = open();
    const e = clock / 1000 + 60;
    const [path, params] = parts(storage.signedUrl('../session-secret', e));
    expect(storage.verifyLink(path, params)).toEqual({ ok: false, reason: 'forged' });
  });

  it('the generated secret is kept in the data directory (0600) and used again after a restart', async () => {
    const url = await linkTo(open(), 'a.txt');
    const file = join(dir, 'storage-link.secret');
    expect(readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(43);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const [path, params] = parts(url);
    expect(open().verifyLink(path, params).ok).toBe(true);
  });

  it('STORAGE_LINK_SECRET from the environment is the secret when set', async () => {
    const before = process.env.STORAGE_LINK_SECRET;
    process.env.STORAGE_LINK_SECRET = 'from-the-environment-0123456789abcdef';
    try {
      const url = await linkTo(open(), 'a.txt');
      const [path, params] = parts(url);
      expect(open('from-the-environment-0123456789abcdef').verifyLink(path, params).ok).toBe(true);
    } finally {
      if (before === undefined) delete process.env.STORAGE_LINK_SECRET;
      else process.env.STORAGE_LINK_SECRET = before;
    }
  });
});
