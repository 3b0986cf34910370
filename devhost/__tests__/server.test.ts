/** The dev host over real HTTP on loopback: dev login, POST /api/<function>, limits and static serving. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roles } from '@shishi/shared-types';
import { loadConfig } from '../src/config';
import { demoIdentities } from '../src/identities';
import { seed } from '../src/seed';
import { startDevHost, type DevHost } from '../src/server';

const PINNED = '2026-11-24T10:00:00+08:00';
const SECRET = 'this-file-lies-outside-the-h5-root';
const MAX_BODY_BYTES = 4096;

const proposal = {
  title: '职工食堂延长晚餐供应时间',
  content: '夜班职工下班时食堂已经关门，建议把晚餐供应延长到晚上八点，并提供打包服务。',
  category: 'labourEconomy',
  targetGroup: 'frontline',
};

let base: string;
let dataDir: string;
let h5Dir: string;
let host: DevHost;

function configFor(dir: string) {
  return loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dir,
    SHISHI_NOW: PINNED,
    H5_DIR: h5Dir,
    MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    DEMO: '1',
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shishi-devhost-'));
  dataDir = join(base, 'data');
  h5Dir = join(base, 'site', 'h5');
  mkdirSync(join(h5Dir, 'assets'), { recursive: true });
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>为职工办实事</title>');
  writeFileSync(join(h5Dir, 'assets', 'app.js'), 'console.log("app");');
  // Files just outside the served root: a traversal must never reach them.
  writeFileSync(join(base, 'site', 'package.json'), JSON.stringify({ secret: SECRET }));
  writeFileSync(join(base, 'package.json'), JSON.stringify({ secret: SECRET }));
  host = await startDevHost(configFor(dataDir));
});

afterAll(async () => {
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

interface Envelope<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; fields?: Array<{ path: string; message: string }> };
}

async function getJson<T>(path: string): Promise<{ status: number; body: Envelope<T> }> {
  const res = await fetch(host.url + path);
  return { status: res.status, body: (await res.json()) as Envelope<T> };
}

async function post<T>(
  path: string,
  body: unknown,
  token?: string | null,
  raw?: string,
): Promise<{ status: number; body: Envelope<T> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(host.url + path, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Envelope<T> };
}

async function login(identity: string): Promise<string> {
  const { status, body } = await post<{ token: string; openid: string }>('/dev/login', { identity });
  expect(status).toBe(200);
  return body.data!.token;
}

/** A request with the path sent exactly as written (fetch would normalise `..` away first). */
function rawGet(path: string): Promise<{ status: number; text: string }> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A POST whose body is streamed in chunks with no content-length. */
function chunkedPost(path: string, chunks: string[], token: string): Promise<{ status: number; text: string }> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        const out: Buffer[] = [];
        res.on('data', (c: Buffer) => out.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(out).toString('utf8') }));
      },
    );
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

async function proposalCount(): Promise<number> {
  const res = await host.cloud.database().collection('proposals').count();
  return res.total as number;
}

describe('dev host', () => {
  it('answers /healthz with the pinned clock', async () => {
    const { status, body } = await getJson<{ status: string; now: string }>('/healthz');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data?.status).toBe('ok');
    expect(Date.parse(body.data!.now)).toBeGreaterThanOrEqual(Date.parse(PINNED));
    expect(body.data!.now.slice(0, 10)).toBe('2026-11-24');
  });

  it('lists every demo identity: all 8 roles and the newcomer, with names and orgs', async () => {
    const { status, body } = await getJson<
      Array<{
        id: string;
        role: string;
        roleLabel: string;
        name: string;
        orgId: string;
        orgName: string;
        bound: boolean;
      }>
    >('/dev/identities');
    expect(status).toBe(200);
    const list = body.data!;
    expect(list.map((i) => i.id)).toEqual(demoIdentities.map((i) => i.id));
    const bound = list.filter((i) => i.bound);
    expect(new Set(bound.map((i) => i.role))).toEqual(new Set(roles));
    for (const who of bound) {
      expect(who.name).not.toBe('');
      expect(who.orgId).not.toBe('');
      expect(who.orgName).not.toBe('');
      expect(who.roleLabel).not.toBe('');
    }
    expect(list.find((i) => i.id === 'demo-worker')).toMatchObject({
      name: '王秀梅',
      orgName: '中山区环卫服务中心工会',
      role: 'worker',
    });
    expect(list.find((i) => i.id === 'demo-district')).toMatchObject({ role: 'unionStaff', orgName: '中山区总工会' });
    const newcomer = list.find((i) => i.id === 'demo-newcomer');
    expect(newcomer).toMatchObject({ bound: false, orgName: '' });
    expect(newcomer?.roleLabel).toContain('未绑定');
  });

  it('signs in a demo identity and refuses an unknown one', async () => {
    const { status, body } = await post<{ token: string; openid: string }>('/dev/login', { identity: 'demo-worker' });
    expect(status).toBe(200);
    expect(body.data?.openid).toBe('demo-worker');
    expect(typeof body.data?.token).toBe('string');
    const unknown = await post('/dev/login', { identity: 'root' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.code).toBe('INVALID_INPUT');
  });

  it('runs /api/profile me as the signed-in identity', async () => {
    const token = await login('demo-worker');
    const { status, body } = await post<{ bound: boolean; profile: { openid: string; name: string; orgId: string } }>(
      '/api/profile',
      { action: 'me' },
      token,
    );
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data).toMatchObject({
      bound: true,
      profile: { openid: 'demo-worker', name: '王秀梅', orgId: 'gr-zs-sanitation' },
    });
    const newcomer = await post('/api/profile', { action: 'me' }, await login('demo-newcomer'));
    expect(newcomer.body).toEqual({ ok: true, data: { bound: false } });
  });

  it('refuses /api calls without a token, or with a bad one: UNAUTHENTICATED', async () => {
    const token = await login('demo-worker');
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ openid: 'demo-admin', exp: Date.parse(PINNED) + 3600_000 })).toString(
      'base64url',
    );
    for (const bad of [null, 'garbage', 'a.b', `${payload}.${mac}x`, `${forged}.${mac}`]) {
      const { body } = await post('/api/profile', { action: 'me' }, bad);
      expect(body.ok).toBe(false);
      expect(body.error?.code).toBe('UNAUTHENTICATED');
    }
    const noBearer = await fetch(`${host.url}/api/profile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ action: 'me' }),
    });
    expect(((await noBearer.json()) as Envelope).error?.code).toBe('UNAUTHENTICATED');
  });

  it('takes identity from the token only: an openid in the body is ignored', async () => {
    const token = await login('demo-worker');
    const { body } = await post<{ profile: { openid: string } }>(
      '/api/profile',
      { action: 'me', data: { openid: 'demo-admin' } },
      token,
    );
    expect(body.data?.profile.openid).toBe('demo-worker');
  });

  it('answers an unknown function with 404 UNKNOWN_FUNCTION, also for names on Object.prototype', async () => {
    const token = await login('demo-worker');
    for (const name of ['nope', 'constructor', 'toString', 'hasOwnProperty']) {
      const { status, body } = await post(`/api/${name}`, { action: 'me' }, token);
      expect(status).toBe(404);
      expect(body.error?.code).toBe('UNKNOWN_FUNCTION');
    }
  });

  it('answers an unknown action with UNKNOWN_ACTION', async () => {
    const { body } = await post('/api/profile', { action: 'drop' }, await login('demo-worker'));
    expect(body.error?.code).toBe('UNKNOWN_ACTION');
  });

  it('refuses GET on /api with 405', async () => {
    const res = await fetch(`${host.url}/api/x`);
    expect(res.status).toBe(405);
    expect(((await res.json()) as Envelope).ok).toBe(false);
    expect((await fetch(`${host.url}/api/profile`)).status).toBe(405);
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE, storing nothing', async () => {
    const token = await login('demo-worker');
    const before = await proposalCount();
    const padded = { action: 'submit', data: { ...proposal, padding: 'x'.repeat(MAX_BODY_BYTES) } };
    const declared = await post('/api/proposal', padded, token);
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(declared.body.error?.message).toMatch(/[\u4e00-\u9fa5]/);

    const text = JSON.stringify(padded);
    const streamed = await chunkedPost(
      '/api/proposal',
      [text.slice(0, 2000), text.slice(2000, 4000), text.slice(4000)],
      token,
    );
    expect(streamed.status).toBe(413);
    expect((JSON.parse(streamed.text) as Envelope).error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await proposalCount()).toBe(before);

    // The same proposal within the limit is accepted: it was the size that was refused.
    const accepted = await post<{ _id: string }>(
      '/api/proposal',
      { action: 'submit', data: { ...proposal, padding: 'x' } },
      token,
    );
    expect(accepted.body.ok).toBe(true);
    expect(await proposalCount()).toBe(before + 1);
  });

  it('refuses a body that is not JSON with 400 INVALID_INPUT', async () => {
    const token = await login('demo-worker');
    const before = await proposalCount();
    const { status, body } = await post('/api/proposal', null, token, '{"action": "submit", "data": {');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('INVALID_INPUT');
    expect(await proposalCount()).toBe(before);
    const login400 = await post('/dev/login', null, null, 'not json');
    expect(login400.status).toBe(400);
    expect(login400.body.error?.code).toBe('INVALID_INPUT');
  });

  it('serves the H5 build and falls back to index.html for app routes', async () => {
    const asset = await rawGet('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toContain('console.log');
    const route = await rawGet('/pages/proposal/list');
    expect(route.status).toBe(200);
    expect(route.text).toContain('为职工办实事');
  });

  it('never serves a file outside the H5 root', async () => {
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
    ];
    for (const path of attempts) {
      const res = await rawGet(path);
      expect(res.text).not.toContain(SECRET);
      if (res.status === 200) expect(res.text).toContain('<title>为职工办实事</title>');
    }
  });

  it('never serves the session secret or the database through /storage', async () => {
    const secret = readFileSync(join(dataDir, 'session-secret'), 'utf8').trim();
    const attempts = [
      '/storage/../session-secret',
      '/storage/..%2fsession-secret',
      '/storage/%2e%2e%2fsession-secret',
      '/storage/..%2f..%2fdata%2fsession-secret',
      '/storage/..%2fdb%2fdb.lmdb',
      '/storage/%2fetc%2fpasswd',
    ];
    for (const path of attempts) {
      const res = await rawGet(path);
      expect(res.text).not.toContain(secret);
      // `/storage/../x` is normalised to `/x` before routing: at most the app page comes back.
      if (res.status === 200) expect(res.text).toContain('<title>为职工办实事</title>');
    }
  });

  it('answers a malformed path with 400, not a server error', async () => {
    const res = await rawGet('/%E0%A4%A');
    expect(res.status).toBe(400);
    expect((JSON.parse(res.text) as Envelope).error?.code).toBe('INVALID_INPUT');
    const storage = await rawGet('/storage/%E0%A4%A');
    expect(storage.status).toBe(400);
  });

  it('keeps data across a restart on the same DATA_DIR, and re-seeding adds nothing', async () => {
    const token = await login('demo-cadre');
    const submitted = await post<{ _id: string }>(
      '/api/proposal',
      { action: 'submit', data: { ...proposal, title: '重启之后还在的建议' } },
      token,
    );
    expect(submitted.body.ok).toBe(true);
    const id = submitted.body.data!._id;
    const counts = async (h: DevHost) => {
      const out: Record<string, number> = {};
      for (const name of ['orgs', 'users', 'collectWindows', 'proposals']) {
        out[name] = ((await h.cloud.database().collection(name).count()) as { total: number }).total;
      }
      return out;
    };
    const before = await counts(host);

    await host.close();
    host = await startDevHost(configFor(dataDir));

    expect(await counts(host)).toEqual(before);
    expect(await seed(host.cloud.database(), new Date(Date.parse(PINNED)))).toEqual({ added: 0 });
    expect(await counts(host)).toEqual(before);

    // The session secret lives in DATA_DIR too: the token still works after the restart.
    const mine = await post<{ items: Array<{ _id: string; title: string }>; total: number }>(
      '/api/proposal',
      { action: 'listMine', data: {} },
      token,
    );
    expect(mine.body.ok).toBe(true);
    expect(mine.body.data?.items.map((p) => p._id)).toContain(id);
  });
});

describe('dev host POST /upload (H5 images)', () => {
  /** A 1×1 PNG. */
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );

  async function upload(body: Buffer | string, headers: Record<string, string>) {
    const res = await fetch(host.url + '/upload', { method: 'POST', headers, body });
    return {
      status: res.status,
      body: (await res.json()) as Envelope<{ fileID: string; contentType: string; size: number; url: string }>,
    };
  }

  it('stores raw image bytes under the caller’s prefix, checked by magic bytes, and serves them back', async () => {
    const token = await login('demo-worker');
    const { status, body } = await upload(png, { 'content-type': 'image/png', authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ contentType: 'image/png', size: png.length });
    expect(body.data!.fileID).toMatch(/^cloud:\/\/[^/]+\/proposals\/demo-worker\/.+\.png$/);
    const served = await fetch(host.url + body.data!.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    // The submit accepts it.
    const submitted = await post<{ attachments: Array<{ fileID: string; moderation: string }> }>(
      '/api/proposal',
      { action: 'submit', data: { ...proposal, title: '带图片的建议标题', attachments: [body.data!.fileID] } },
      token,
    );
    // The image check answers later (mediaCheckAsync stand-in → wxa_media_check push to the proposal function).
    expect(submitted.body.data?.attachments).toEqual([
      expect.objectContaining({ fileID: body.data!.fileID, moderation: 'pending' }),
    ]);
    await host.cloud.local.openapi.settled();
    const outbox = (await (await fetch(host.url + '/dev/outbox')).json()) as { data: { mediaChecks: unknown[] } };
    expect(outbox.data.mediaChecks.at(-1)).toMatchObject({ openid: 'demo-worker', suggest: 'pass' });
    const after = await post<{ proposal: { attachments: Array<{ moderation: string }> } }>(
      '/api/proposal',
      { action: 'get', data: { proposalId: (submitted.body.data as unknown as { _id: string })._id } },
      token,
    );
    expect(after.body.data?.proposal.attachments.map((a) => a.moderation)).toEqual(['pass']);
  });

  it('accepts JSON { name, contentType, dataBase64 } too, judging the type by the bytes', async () => {
    const token = await login('demo-cadre');
    const { status, body } = await upload(
      JSON.stringify({ name: 'form.jpg', contentType: 'image/jpeg', dataBase64: png.toString('base64') }),
      { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    );
    expect(status).toBe(200);
    expect(body.data?.contentType).toBe('image/png');
    expect(body.data?.fileID).toContain('/proposals/demo-cadre/');
  });

  it('refuses what is not an image, what is too large, and a caller without a session', async () => {
    const token = await login('demo-worker');
    const svg = await upload('<svg xmlns="http://www.w3.org/2000/svg"/>', {
      'content-type': 'image/png',
      authorization: `Bearer ${token}`,
    });
    expect(svg.status).toBe(400);
    expect(svg.body.error).toMatchObject({ code: 'INVALID_INPUT', message: '只能上传 JPG、PNG、GIF 或 WebP 图片' });
    const big = await upload(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), {
      'content-type': 'image/png',
      authorization: `Bearer ${token}`,
    });
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.body.error?.message).toContain('5 MB');
    const anonymous = await upload(png, { 'content-type': 'image/png' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('UNAUTHENTICATED');
    const get = await fetch(host.url + '/upload');
    expect(get.status).toBe(405);
  });
});
