/**
 * The local stand-ins for what is not the database: `getWXContext()` per invocation (`runAs`),
 * `openapi.security.msgSecCheck` (version 2 result: suggest pass / review / risky, label 100 = normal),
 * `openapi.subscribeMessage.send` (recorded to an outbox), cloud storage on the local disk and
 * `callFunction`.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { LocalCloud } from '../src';
import { NOW, openCloud, rejection, removeTempDirs } from './helpers';

let cloud: LocalCloud;

beforeAll(() => {
  cloud = openCloud({ collections: [{ name: 'notes' }] });
});

afterAll(async () => {
  await cloud.local.close();
  removeTempDirs();
});

function tick(ms = 1): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('getWXContext', () => {
  test('inside runAs it returns the caller OPENID (and APPID/UNIONID when given)', async () => {
    const ctx = await cloud.local.runAs({ OPENID: 'o-alice', APPID: 'wx-app', UNIONID: 'u-alice' }, async () =>
      cloud.getWXContext(),
    );
    expect(ctx).toMatchObject({ OPENID: 'o-alice', APPID: 'wx-app', UNIONID: 'u-alice' });
    expect(ctx.ENV).toBe(cloud.local.env);
  });

  test('outside runAs there is no OPENID', () => {
    expect(cloud.getWXContext().OPENID).toBeUndefined();
  });

  test('runAs resolves with what the function returns and rejects with what it throws', async () => {
    await expect(cloud.local.runAs({ OPENID: 'o' }, async () => 42)).resolves.toBe(42);
    await expect(
      cloud.local.runAs({ OPENID: 'o' }, async () => {
        throw new Error('inner');
      }),
    ).rejects.toThrow('inner');
  });

  test('two concurrent runAs keep their own OPENID across awaits (database calls included)', async () => {
    const db = cloud.database();
    const seen = (openid: string) =>
      cloud.local.runAs({ OPENID: openid }, async () => {
        const trace: Array<string | undefined> = [];
        for (let i = 0; i < 5; i++) {
          trace.push(cloud.getWXContext().OPENID);
          await tick(i % 2);
          await db.collection('notes').add({ data: { by: cloud.getWXContext().OPENID, i } });
          trace.push(cloud.getWXContext().OPENID);
        }
        return trace;
      });
    const [a, b] = await Promise.all([seen('o-one'), seen('o-two')]);
    expect(new Set(a)).toEqual(new Set(['o-one']));
    expect(new Set(b)).toEqual(new Set(['o-two']));
    const db2 = cloud.database();
    expect((await db2.collection('notes').where({ by: 'o-one' }).count()).total).toBe(5);
    expect((await db2.collection('notes').where({ by: 'o-two' }).count()).total).toBe(5);
    expect(cloud.getWXContext().OPENID).toBeUndefined();
  });

  test('a nested runAs switches the caller and restores the outer one after', async () => {
    const trace = await cloud.local.runAs({ OPENID: 'outer' }, async () => {
      const inner = await cloud.local.runAs({ OPENID: 'inner' }, async () => cloud.getWXContext().OPENID);
      return [inner, cloud.getWXContext().OPENID];
    });
    expect(trace).toEqual(['inner', 'outer']);
  });
});

describe('openapi.security.msgSecCheck', () => {
  test('ordinary text passes (suggest "pass", label 100) and the check is recorded', async () => {
    const before = cloud.local.openapi.securityChecks.length;
    const res = await cloud.openapi.security.msgSecCheck({
      content: '周末一起去图书馆吧',
      version: 2,
      scene: 2,
      openid: 'o-a',
    });
    expect(res.errCode).toBe(0);
    expect(res.result).toEqual({ suggest: 'pass', label: 100 });
    const record = cloud.local.openapi.securityChecks[before];
    expect(record).toMatchObject({
      content: '周末一起去图书馆吧',
      openid: 'o-a',
      scene: 2,
      suggest: 'pass',
      label: 100,
    });
    expect(record.at).toBe(new Date(NOW).toISOString());
  });

  test('a blocked word is risky, with a label other than 100', async () => {
    const res = await cloud.openapi.security.msgSecCheck({
      content: '这里有赌博网站',
      version: 2,
      scene: 2,
      openid: 'o-a',
    });
    expect(res.result?.suggest).toBe('risky');
    expect(res.result?.label).not.toBe(100);
  });

  test('a review word asks for review', async () => {
    const res = await cloud.openapi.security.msgSecCheck({
      content: '有兴趣加微信聊',
      version: 2,
      scene: 2,
      openid: 'o-a',
    });
    expect(res.result?.suggest).toBe('review');
    expect(res.result?.label).not.toBe(100);
  });

  test('risky wins over review when both occur', async () => {
    const res = await cloud.openapi.security.msgSecCheck({
      content: '加微信 诈骗',
      version: 2,
      scene: 2,
      openid: 'o-a',
    });
    expect(res.result?.suggest).toBe('risky');
  });

  it('keeps only the newest 1000 records, so a long-running dev host does not grow without end', async () => {
    for (let i = 0; i < 1005; i += 1) {
      await cloud.openapi.security.msgSecCheck({ content: `第${i}条`, version: 2, scene: 2, openid: 'o-a' });
    }
    const checks = cloud.local.openapi.securityChecks;
    expect(checks).toHaveLength(1000);
    expect(checks[checks.length - 1].content).toBe('第1004条');
  });
});

describe('openapi.security.mediaCheckAsync', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  async function tempUrl(cloudPath: string, content: Buffer): Promise<string> {
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content });
    return (await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL;
  }

  test('answers a trace id at once and delivers the verdict later as a wxa_media_check push event', async () => {
    const events: Array<Record<string, unknown>> = [];
    cloud.local.openapi.onMessagePush(async (e) => void events.push(e as unknown as Record<string, unknown>));
    const mediaUrl = await tempUrl('media/ok.png', png);
    const res = await cloud.openapi.security.mediaCheckAsync!({
      mediaUrl,
      mediaType: 2,
      version: 2,
      scene: 3,
      openid: 'o-a',
    });
    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok' });
    expect(typeof res.traceId).toBe('string');
    expect(events).toEqual([]);
    await cloud.local.openapi.settled();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: res.traceId,
      version: 2,
      result: { suggest: 'pass', label: 100 },
    });
    expect(cloud.local.openapi.mediaChecks.at(-1)).toMatchObject({
      traceId: res.traceId,
      openid: 'o-a',
      suggest: 'pass',
    });
  });

  test('an image whose SHA-256 is listed is risky; an unreadable URL asks for review', async () => {
    const events: Array<{ trace_id: string; result: { suggest: string; label: number } }> = [];
    cloud.local.openapi.onMessagePush(async (e) => void events.push(e));
    const bad = Buffer.concat([png, Buffer.from('x')]);
    cloud.local.openapi.blockedImages.add(createHash('sha256').update(bad).digest('hex'));
    const risky = await cloud.openapi.security.mediaCheckAsync!({
      mediaUrl: await tempUrl('media/bad.png', bad),
      mediaType: 2,
    });
    const missing = await cloud.openapi.security.mediaCheckAsync!({
      mediaUrl: '/storage/media/none.png',
      mediaType: 2,
    });
    await cloud.local.openapi.settled();
    const verdict = (id?: string) => events.find((e) => e.trace_id === id)?.result;
    expect(verdict(risky.traceId)).toEqual({ suggest: 'risky', label: 20002 });
    expect(verdict(missing.traceId)?.suggest).toBe('review');
  });

  test('refuses a call without a media URL or for a media type other than images', async () => {
    const e = await rejection(cloud.openapi.security.mediaCheckAsync!({ mediaUrl: '', mediaType: 2 }));
    expect(e).toMatchObject({ errCode: 40097 });
    const audio = await rejection(
      cloud.openapi.security.mediaCheckAsync!({ mediaUrl: '/storage/a.mp3', mediaType: 1 }),
    );
    expect(audio).toMatchObject({ errCode: 40097 });
  });
});

describe('openapi.subscribeMessage.send', () => {
  test('records the message in the outbox and answers ok', async () => {
    const before = cloud.local.openapi.outbox.length;
    const res = await cloud.openapi.subscribeMessage.send({
      touser: 'o-bob',
      templateId: 'tpl-1',
      page: 'pages/index/index',
      data: { thing1: { value: '活动提醒' } },
      miniprogramState: 'developer',
    });
    expect(res).toMatchObject({ errCode: 0 });
    expect(cloud.local.openapi.outbox).toHaveLength(before + 1);
    expect(cloud.local.openapi.outbox[before]).toMatchObject({
      touser: 'o-bob',
      templateId: 'tpl-1',
      page: 'pages/index/index',
      data: { thing1: { value: '活动提醒' } },
      at: new Date(NOW).toISOString(),
    });
  });

  test('rejects without touser and records nothing', async () => {
    const before = cloud.local.openapi.outbox.length;
    const err = await rejection(cloud.openapi.subscribeMessage.send({ touser: '', templateId: 'tpl-1', data: {} }));
    expect(err.errCode).not.toBe(0);
    expect(err.message).toMatch(/touser/);
    expect(cloud.local.openapi.outbox).toHaveLength(before);
  });

  test('rejects without templateId', async () => {
    await expect(cloud.openapi.subscribeMessage.send({ touser: 'o-bob', templateId: '', data: {} })).rejects.toThrow(
      /templateId/,
    );
  });
});

describe('storage', () => {
  test('uploadFile → getTempFileURL → downloadFile → deleteFile round trip', async () => {
    const content = Buffer.from('hello 云存储');
    const up = await cloud.uploadFile({ cloudPath: 'avatars/u1/photo.txt', fileContent: content });
    expect(up.fileID).toMatch(/^cloud:\/\//);
    expect(up.fileID).toMatch(/avatars\/u1\/photo\.txt$/);

    const urls = await cloud.getTempFileURL({ fileList: [up.fileID] });
    expect(urls.fileList).toHaveLength(1);
    expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 });
    expect(urls.fileList[0].tempFileURL).toMatch(/avatars\/u1\/photo\.txt\?e=\d+&s=[\w-]+$/);

    const down = await cloud.downloadFile({ fileID: up.fileID });
    expect(Buffer.from(down.fileContent).toString()).toBe('hello 云存储');

    const del = await cloud.deleteFile({ fileList: [up.fileID] });
    expect(del.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 });

    await expect(cloud.downloadFile({ fileID: up.fileID })).rejects.toThrow(/STORAGE_FILE_NONEXIST/);
    const after = await cloud.getTempFileURL({ fileList: [up.fileID] });
    expect(after.fileList[0].status).not.toBe(0);
    const again = await cloud.deleteFile({ fileList: [up.fileID] });
    expect(again.fileList[0].status).not.toBe(0);
  });

  test('getTempFileURL accepts { fileID, maxAge } items', async () => {
    const up = await cloud.uploadFile({ cloudPath: 'docs/a.txt', fileContent: 'a' });
    const urls = await cloud.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 60 }] });
    expect(urls.fileList[0].status).toBe(0);
  });

  test('uploading to the same cloudPath overwrites the file', async () => {
    const first = await cloud.uploadFile({ cloudPath: 'docs/same.txt', fileContent: 'one' });
    const second = await cloud.uploadFile({ cloudPath: 'docs/same.txt', fileContent: 'two' });
    expect(second.fileID).toBe(first.fileID);
    expect(Buffer.from((await cloud.downloadFile({ fileID: first.fileID })).fileContent).toString()).toBe('two');
  });

  test('a cloudPath with ".." is refused and nothing is written outside the storage root', async () => {
    await expect(cloud.uploadFile({ cloudPath: '../escape.txt', fileContent: 'x' })).rejects.toMatchObject({
      errCode: -503001,
      message: 'invalid cloudPath: ../escape.txt',
    });
    await expect(cloud.uploadFile({ cloudPath: 'a/../../escape.txt', fileContent: 'x' })).rejects.toMatchObject({
      errCode: -503001,
      message: 'invalid cloudPath: a/../../escape.txt',
    });
    await expect(cloud.uploadFile({ cloudPath: '/etc/absolute.txt', fileContent: 'x' })).rejects.toMatchObject({
      errCode: -503001,
      message: 'invalid cloudPath: /etc/absolute.txt',
    });
    expect(existsSync(`${cloud.local.storage.root}/../escape.txt`)).toBe(false);
  });

  test('a fileID of another environment or with ".." is not served', async () => {
    await expect(cloud.downloadFile({ fileID: 'cloud://other-env.local/x.txt' })).rejects.toMatchObject({
      errCode: -503001,
      message: 'STORAGE_FILE_NONEXIST: cloud://other-env.local/x.txt',
    });
    await expect(
      cloud.downloadFile({ fileID: `cloud://${cloud.local.env}.local/../../etc/passwd` }),
    ).rejects.toMatchObject({ errCode: -503001, message: expect.stringMatching(/^STORAGE_/) });
  });
});

describe('callFunction', () => {
  test('calls a registered local function with the event and returns { result }', async () => {
    cloud.local.registerFunction('echo', async (event) => ({ got: event, openid: cloud.getWXContext().OPENID }));
    const res = await cloud.local.runAs({ OPENID: 'o-caller' }, () =>
      cloud.callFunction({ name: 'echo', data: { x: 1 } }),
    );
    expect(res.result).toEqual({ got: { x: 1 }, openid: 'o-caller' });
  });

  test('an unknown function name rejects', async () => {
    await expect(cloud.callFunction({ name: 'nope' })).rejects.toThrow(/nope/);
  });
});
