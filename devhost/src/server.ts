/**
 * The dev host: one Node process that serves the H5 build and `POST /api/<function>`, running the
 * cloud functions in-process on the local runtime. Dev login exists only here, and only in demo mode
 * (DEMO=1; on a network address only with DEMO_ON_NETWORK=yes-i-understand).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { functions, messagePushTarget, timerTriggers } from '@shishi/cloudfunctions/registry';
import { createLocalCloud, type LocalCloud } from '@shishi/local-cloud';
import {
  attachmentExtensions,
  attachmentLimits,
  collections,
  imageRefusal,
  roleLabels,
  sniffImageType,
  uploadPrefix,
  type AppErrorBody,
  type Reply,
  type UploadOutput,
} from '@shishi/shared-types';
import { randomBytes } from 'node:crypto';
import { demoRefusal, type DevHostConfig } from './config';
import { demoIdentities } from './identities';
import { seed } from './seed';
import { Sessions } from './session';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DevHost {
  server: Server;
  cloud: LocalCloud;
  url: string;
  close(): Promise<void>;
}

export async function startDevHost(config: DevHostConfig): Promise<DevHost> {
  const refusal = demoRefusal(config);
  if (refusal) throw new Error(refusal);
  const demo = config.DEMO === '1';
  const cloud = createLocalCloud({
    dataDir: config.DATA_DIR,
    collections,
    now: config.now,
    storageUrlBase: '/storage',
  });
  for (const [name, fn] of Object.entries(functions)) {
    cloud.local.registerFunction(name, (event) => fn.handle(cloud, event, { now: config.now }));
  }
  cloud.local.openapi.onMessagePush((event) => messagePushTarget(cloud, event, new Date(config.now())));
  await seed(cloud.database(), new Date(config.now()));
  // Timer triggers, on the periods their config.json declares.
  const timers = timerTriggers.map((t) => {
    const timer = setInterval(() => {
      t.run(cloud, new Date(config.now())).catch((e: unknown) => console.error(`[devhost] ${t.function}/${t.name}`, e));
    }, t.everyMs);
    timer.unref();
    return timer;
  });
  const sessions = new Sessions(config.DATA_DIR);

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      console.error('[devhost]', e);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '服务器出错了，请稍后再试'));
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/healthz' && req.method === 'GET') {
      return sendJson(res, 200, {
        ok: true,
        data: { status: 'ok', env: cloud.local.env, now: new Date(config.now()).toISOString() },
      });
    }
    if (path.startsWith('/dev/') && !demo) return sendJson(res, 404, fail('NOT_FOUND', '没有这个地址'));
    if (path === '/dev/identities' && req.method === 'GET') {
      const data = demoIdentities.map((i) => ({
        id: i.id,
        role: i.role,
        roleLabel: i.bound ? (i.label ?? roleLabels[i.role]) : '未绑定资料的新职工',
        name: i.name,
        orgId: i.orgId,
        orgName: i.bound ? orgName(i.orgId) : '',
        unit: i.unit ?? '',
        bound: i.bound,
      }));
      return sendJson(res, 200, { ok: true, data });
    }
    if (path === '/dev/login' && req.method === 'POST') {
      const body = await readJson(req, config.MAX_BODY_BYTES);
      if (!body.ok) return sendJson(res, body.status, { ok: false, error: body.error });
      const id = (body.value as { identity?: unknown } | null)?.identity;
      const who = demoIdentities.find((i) => i.id === id);
      if (!who)
        return sendJson(
          res,
          400,
          fail('INVALID_INPUT', '没有这个演示身份', [{ path: 'identity', message: '请从列表中选择' }]),
        );
      return sendJson(res, 200, { ok: true, data: { token: sessions.sign(who.id, config.now()), openid: who.id } });
    }
    if (path === '/dev/outbox' && req.method === 'GET') {
      return sendJson(res, 200, {
        ok: true,
        data: {
          subscribeMessages: cloud.local.openapi.outbox,
          securityChecks: cloud.local.openapi.securityChecks,
          mediaChecks: cloud.local.openapi.mediaChecks,
        },
      });
    }
    const api = /^\/api\/([A-Za-z][A-Za-z0-9_]*)$/.exec(path);
    if (api) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请用 POST 调用云函数'));
      const fn = functions[api[1]];
      if (!fn || !Object.prototype.hasOwnProperty.call(functions, api[1])) {
        return sendJson(res, 404, fail('UNKNOWN_FUNCTION', `没有名为 ${api[1]} 的云函数`));
      }
      const body = await readJson(req, config.MAX_BODY_BYTES);
      if (!body.ok) return sendJson(res, body.status, { ok: false, error: body.error });
      const openid = bearer(req, sessions, config.now());
      const reply = await cloud.local.runAs(openid ? { OPENID: openid } : {}, () =>
        fn.handle(cloud, body.value, { now: config.now }),
      );
      return sendJson(res, 200, reply);
    }
    if (path === '/upload') {
      if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请用 POST 上传图片'));
      return upload(req, res);
    }
    if (path.startsWith('/storage/') && req.method === 'GET') {
      // Only through a signed, unexpired link (getTempFileURL), as production's temp links.
      let cloudPath: string;
      try {
        cloudPath = decodeURIComponent(path.slice('/storage/'.length));
      } catch {
        return sendJson(res, 400, fail('INVALID_INPUT', '文件路径不对'));
      }
      const check = cloud.local.storage.verifyLink(cloudPath, url.searchParams);
      if (!check.ok) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(
          check.reason === 'expired'
            ? '链接已过期，请回到页面重新打开或重新导出'
            : '链接无效：文件只能通过页面给出的链接打开',
        );
        return;
      }
      return serveFile(res, check.file, true);
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(res, path);
    return sendJson(res, 404, fail('NOT_FOUND', '没有这个地址'));
  }

  /**
   * H5 image upload (the mini-program uploads to cloud storage itself): the raw image bytes, or JSON
   * `{ name, contentType, dataBase64 }`. Checked by size and magic bytes; stored under the caller's
   * prefix `proposals/<openid>/`, which is all proposal.submit accepts.
   */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = bearer(req, sessions, config.now());
    if (!openid) {
      req.resume();
      return sendJson(res, 401, fail('UNAUTHENTICATED', '请先登录后再上传图片'));
    }
    const json = /^application\/json/i.test(String(req.headers['content-type'] ?? ''));
    const limit = json ? Math.ceil((attachmentLimits.maxBytes * 4) / 3) + 4096 : attachmentLimits.maxBytes;
    const body = await readBody(req, limit);
    if (!body.ok) {
      const mb = Math.round(attachmentLimits.maxBytes / 1024 / 1024);
      return sendJson(
        res,
        body.status,
        fail(body.error.code, body.status === 413 ? `图片太大了（最大 ${mb} MB）` : body.error.message),
      );
    }
    let bytes = body.value;
    if (json) {
      let parsed: { dataBase64?: unknown } | null = null;
      try {
        parsed = JSON.parse(bytes.toString('utf8')) as { dataBase64?: unknown };
      } catch {
        parsed = null;
      }
      if (!parsed || typeof parsed.dataBase64 !== 'string') {
        return sendJson(
          res,
          400,
          fail('INVALID_INPUT', '请求内容不对：需要 { name, contentType, dataBase64 }', [
            { path: 'dataBase64', message: '缺少图片内容' },
          ]),
        );
      }
      bytes = Buffer.from(parsed.dataBase64, 'base64');
    }
    const refusal = imageRefusal(bytes);
    if (refusal) {
      return sendJson(
        res,
        bytes.length > attachmentLimits.maxBytes ? 413 : 400,
        fail(bytes.length > attachmentLimits.maxBytes ? 'PAYLOAD_TOO_LARGE' : 'INVALID_INPUT', refusal),
      );
    }
    const contentType = sniffImageType(bytes)!;
    const cloudPath = `${uploadPrefix(openid)}${config.now()}-${randomBytes(6).toString('hex')}.${attachmentExtensions[contentType]}`;
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes });
    const temp = await cloud.getTempFileURL({ fileList: [fileID] });
    const data: UploadOutput = { fileID, contentType, size: bytes.length, url: temp.fileList[0]?.tempFileURL ?? '' };
    return sendJson(res, 200, { ok: true, data });
  }

  function orgName(id: string): string {
    return orgNames.get(id) ?? '';
  }
  const orgRes = await cloud.database().collection('orgs').limit(1000).get();
  const orgNames = new Map<string, string>(
    (orgRes.data as Array<{ _id: string; name: string }>).map((o) => [o._id, o.name]),
  );

  function serveStatic(res: ServerResponse, path: string): void {
    const root = normalize(config.H5_DIR);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape (e.g. `/%E0%A4%A`) is the client's mistake, not a server error.
      return sendJson(res, 400, fail('INVALID_INPUT', '地址不对'));
    }
    const file = normalize(join(root, decoded));
    if (!file.startsWith(root + sep) && file !== root) return sendJson(res, 400, fail('INVALID_INPUT', '地址不对'));
    if (existsSync(file) && statSync(file).isFile()) return serveFile(res, file, false);
    const index = join(root, 'index.html');
    if (existsSync(index)) return serveFile(res, index, false);
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 页面还没有构建：请先运行 npm run build:h5（npm start 会自动构建）');
  }

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    server,
    cloud,
    url: `http://${config.HOST}:${port}`,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cloud.local.close();
    },
  };
}

function serveFile(res: ServerResponse, file: string, download: boolean): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    return sendJson(res, 404, fail('NOT_FOUND', '文件不存在'));
  }
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const cache = file.endsWith('index.html') ? 'no-cache' : download ? 'private, max-age=300' : 'public, max-age=3600';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache });
  createReadStream(file).pipe(res);
}

function bearer(req: IncomingMessage, sessions: Sessions, now: number): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return sessions.verify(header.slice('Bearer '.length).trim(), now);
}

function fail(code: AppErrorBody['code'], message: string, fields?: AppErrorBody['fields']): Reply<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: AppErrorBody };
type RawResult = { ok: true; value: Buffer } | { ok: false; status: number; error: AppErrorBody };

/** Reads a raw body, refusing one over the limit before reading it all; `tooLargeHint` ends that message. */
function readBody(req: IncomingMessage, limit: number, tooLargeHint = ''): Promise<RawResult> {
  return new Promise((resolve) => {
    const tooLarge: RawResult = {
      ok: false,
      status: 413,
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: `提交的内容太大了（上限 ${Math.round(limit / 1024)} KB）${tooLargeHint}`,
      },
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return resolve(tooLarge);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        return resolve(tooLarge);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve({ ok: true, value: Buffer.concat(chunks) });
    });
    req.on('error', () => {
      if (!done)
        resolve({ ok: false, status: 400, error: { code: 'INVALID_INPUT', message: '请求没有传完整，请重试' } });
    });
  });
}

/** Reads a JSON body (an empty one is `{}`), refusing one over the limit before reading it all. */
async function readJson(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const raw = await readBody(req, limit, '，请删减后再试');
  if (!raw.ok) return raw;
  const text = raw.value.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' } };
  }
}
