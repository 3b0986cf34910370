/** The dev host serves /storage/ only through signed, unexpired links (getTempFileURL), 403 otherwise. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { startDevHost, type DevHost } from '../src/server';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let base: string;
let host: DevHost;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shishi-links-host-'));
  const h5Dir = join(base, 'h5');
  mkdirSync(h5Dir, { recursive: true });
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>为职工办实事</title>');
  host = await startDevHost(
    loadConfig({
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: join(base, 'data'),
      SHISHI_NOW: '2026-11-24T10:00:00+08:00',
      H5_DIR: h5Dir,
      DEMO: '1',
    }),
  );
});

afterAll(async () => {
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

async function login(identity: string): Promise<string> {
  const res = await fetch(`${host.url}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

async function uploaded(): Promise<{ fileID: string; url: string }> {
  const token = await login('demo-worker');
  const res = await fetch(`${host.url}/upload`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
    body: png,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { fileID: string; url: string } }).data;
}

async function get(path: string) {
  const res = await fetch(host.url + path);
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('GET /storage/…', () => {
  it('serves an upload through the signed link the upload returned', async () => {
    const { url } = await uploaded();
    expect(url).toMatch(/^\/storage\/proposals\/demo-worker\/.+\.png\?e=\d+&s=[\w-]+$/);
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.body.equals(png)).toBe(true);
  });

  it('refuses the same path unsigned, with a forged signature, or expired: 403 with a plain message', async () => {
    const { url } = await uploaded();
    const [path, query] = url.split('?');
    const params = new URLSearchParams(query);
    const unsigned = await get(path);
    expect(unsigned).toMatchObject({ status: 403, type: 'text/plain; charset=utf-8' });
    expect(unsigned.body.toString()).toBe('链接无效：文件只能通过页面给出的链接打开');
    const forged = await get(`${path}?e=${params.get('e')}&s=${'A'.repeat(43)}`);
    expect(forged.status).toBe(403);
    const extended = await get(`${path}?e=${Number(params.get('e')) + 3600}&s=${params.get('s')}`);
    expect(extended.status).toBe(403);
    const cloudPath = decodeURIComponent(path.slice('/storage/'.length));
    const past = Math.floor(Date.now() / 1000) - 1;
    const expired = await get(host.cloud.local.storage.signedUrl(cloudPath, past));
    expect(expired.status).toBe(403);
    expect(expired.body.toString()).toBe('链接已过期，请回到页面重新打开或重新导出');
    expect(expired.body.toString()).not.toContain('png');
  });

  it('an export link works for its owner; its file name is not guessable', async () => {
    const token = await login('demo-district');
    const call = async (action: string, data: unknown) => {
      const res = await fetch(`${host.url}/api/proposal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, data }),
      });
      return (await res.json()) as {
        ok: boolean;
        data: { job: { jobId: string; status: string }; result: { url: string; fileID: string } | null };
      };
    };
    let reply = await call('export', {});
    for (let i = 0; i < 20 && !reply.data.result; i += 1) {
      reply = await call('exportStatus', { jobId: reply.data.job.jobId });
    }
    const { url, fileID } = reply.data.result!;
    expect(fileID).toMatch(/\/exports\/proposals\/\d{8}-[0-9a-f]{32}\.xlsx$/);
    expect(fileID).not.toContain('demo-district');
    const file = await get(url);
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 2).toString()).toBe('PK');
    expect((await get(url.split('?')[0])).status).toBe(403);
  });
});
