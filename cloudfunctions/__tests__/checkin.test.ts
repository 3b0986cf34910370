/**
 * 服务点与签到 on the strict local runtime: one check-in per worker, project and day (also 1,000 at
 * once), refusals with their words, registration and list import (preview stores nothing), and
 * directly served = a recompute from the records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type {
  CheckinSummary,
  ImportOutput,
  PointCodeOutput,
  RegisterOutput,
  ScanOutput,
  ServicePoint,
} from '@shishi/shared-types';
import { CHECKIN_SETTLE_AFTER_MS, CHECKIN_SETTLE_EVERY_MS } from '../checkin/settle';
import { personHash, personKey, recomputeServed } from '../checkin/served';
import { timerTriggers } from '../registry';
import { insertProject } from './fixtures';
import { failure, ok, worldPerTest, type World } from './world';

const world = worldPerTest();
const DISTRICT = 'demo-district';
const INDUSTRY = 'demo-industry-staff';
const WORKER = 'demo-worker';
const CADRE = 'demo-cadre';

const c = (openid: string, action: string, data?: unknown) => world.call(openid, 'checkin', action, data);

const pointInput = (projectId: string, over: Record<string, unknown> = {}) => ({
  projectId,
  name: '中山区职工服务中心',
  address: '中山区人民路 20 号一楼',
  startDate: '2026-11-20',
  endDate: '2026-12-31',
  hours: '周一至周五 9:00–16:00',
  contact: '张丽 0411-82345678',
  ...over,
});

async function pointWithCode(projectId = 'pj1', over: Record<string, unknown> = {}) {
  const point = ok<ServicePoint>(await c(DISTRICT, 'createPoint', pointInput(projectId, over)));
  return ok<PointCodeOutput>(await c(DISTRICT, 'code', { pointId: point._id }));
}

async function recompute(projectId: string): Promise<number> {
  const db = world.cloud.database();
  return world.cloud.local.engine.inspect(() => recomputeServed(db, projectId));
}

async function served(projectId: string): Promise<number> {
  return ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId })).served;
}

async function xlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

beforeEach(async () => {
  await insertProject(world as World, 'pj1');
  await insertProject(world as World, 'pj2', { title: '快递员爱心驿站', record: { title: '快递员爱心驿站' } });
});

describe('service points', () => {
  it('staff of the project create a point; others are refused, bad input stores nothing', async () => {
    const point = ok<ServicePoint>(await c(DISTRICT, 'createPoint', pointInput('pj1')));
    expect(point).toMatchObject({ projectId: 'pj1', name: '中山区职工服务中心', checkins: 0 });
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'checkin.createPoint' })).toBe(1);
    // Another union's staff, and a worker.
    expect(failure(await c(INDUSTRY, 'createPoint', pointInput('pj1'))).code).toBe('FORBIDDEN');
    expect(failure(await c(WORKER, 'createPoint', pointInput('pj1'))).code).toBe('FORBIDDEN');
    // Dates backwards, outside the project's, and a missing address.
    const back = failure(await c(DISTRICT, 'createPoint', pointInput('pj1', { endDate: '2026-11-01' })));
    expect(back).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'endDate', message: '结束日期不能早于开始日期' }],
    });
    const late = failure(await c(DISTRICT, 'createPoint', pointInput('pj1', { endDate: '2027-08-01' })));
    expect(late.code).toBe('INVALID_INPUT');
    expect(late.fields?.[0]?.path).toBe('endDate');
    expect(failure(await c(DISTRICT, 'createPoint', pointInput('pj1', { address: '' }))).fields?.[0]?.path).toBe(
      'address',
    );
    expect(await world.count('servicePoints', {})).toBe(1);
  });

  it('a project not yet published takes no points', async () => {
    await insertProject(world as World, 'pj3', { status: 'established' });
    const e = failure(await c(DISTRICT, 'createPoint', pointInput('pj3')));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('发布后');
    expect(await world.count('servicePoints', { projectId: 'pj3' })).toBe(0);
  });

  it('the code is signed, fits a mini-program scene and opens the check-in page', async () => {
    const got = await pointWithCode();
    expect(got.code.length).toBeLessThanOrEqual(32);
    expect(got.path).toBe(`pages/checkin/index?c=${encodeURIComponent(got.code)}`);
    expect(got.expiresOn).toBe('2026-12-31');
    expect(got.miniCodeUrl).toBeNull(); // the local runtime has no wxacode: the poster draws the H5 link
    expect(failure(await c(WORKER, 'code', { pointId: got.point._id })).code).toBe('FORBIDDEN');
  });
});

describe('check-in', () => {
  it('one check-in per worker, project and day; the next day counts again but served stays one person', async () => {
    const { code } = await pointWithCode();
    const first = ok<ScanOutput>(await c(WORKER, 'scan', { code }));
    expect(first).toMatchObject({ checkedIn: true, alreadyToday: false, day: '2026-11-24', projectId: 'pj1' });
    const again = ok<ScanOutput>(await c(WORKER, 'scan', { code, projectId: 'pj1' }));
    expect(again).toMatchObject({ checkedIn: false, alreadyToday: true });
    expect(await world.count('checkins', { projectId: 'pj1' })).toBe(1);
    world.setNow(Date.parse('2026-11-25T09:00:00+08:00'));
    expect(ok<ScanOutput>(await c(WORKER, 'scan', { code })).checkedIn).toBe(true);
    expect(await world.count('checkins', { projectId: 'pj1' })).toBe(2);
    expect(await served('pj1')).toBe(1);
    const s = ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId: 'pj1' }));
    expect(s.days).toEqual([
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 1 },
    ]);
    expect(s.points[0].checkins).toBe(2);
    expect(s.target).toBe(300);
  });

  it('1,000 concurrent identical check-ins store one and count one person', async () => {
    const { code } = await pointWithCode();
    const replies = await Promise.all(Array.from({ length: 1000 }, () => c(WORKER, 'scan', { code })));
    const data = replies.map((r) => ok<ScanOutput>(r));
    expect(data.filter((d) => d.checkedIn)).toHaveLength(1);
    expect(data.filter((d) => d.alreadyToday)).toHaveLength(999);
    expect(await world.count('checkins', { projectId: 'pj1' })).toBe(1);
    expect(await served('pj1')).toBe(1);
    expect(await recompute('pj1')).toBe(1);
  });

  it('a first check-in is 3 database requests when scanned from the project page, 4 from the code alone', async () => {
    const { code } = await pointWithCode();
    const engine = world.cloud.local.engine;
    // The secret is read once per warm instance; read it before measuring.
    ok(await c(CADRE, 'scan', { code }));
    engine.resetCounts();
    ok(await c(WORKER, 'scan', { code, projectId: 'pj1' }));
    expect(engine.totalRequests()).toBe(3);
    world.setNow(Date.parse('2026-11-25T09:00:00+08:00'));
    engine.resetCounts();
    ok(await c(WORKER, 'scan', { code }));
    expect(engine.totalRequests()).toBe(4);
  });

  it('refuses a code of another project, a forged or expired code, and a day outside the dates', async () => {
    const { code, point } = await pointWithCode();
    const other = await pointWithCode('pj2');
    const refused = async (data: unknown, words: string) => {
      const e = failure(await c(WORKER, 'scan', data));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toContain(words);
      expect(e.fields?.[0]?.path).toBe('code');
    };
    await refused({ code: other.code, projectId: 'pj1' }, '属于另一个项目');
    // A changed signature, a changed expiry (signed over), a point that does not exist, not a code at all.
    const [id, exp, sig] = code.split('.');
    await refused({ code: `${id}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}` }, '签到码无效');
    await refused({ code: `${id}.${(parseInt(exp, 36) + 30).toString(36)}.${sig}` }, '签到码无效');
    await refused({ code: `${other.point._id}.${exp}.${sig}` }, '签到码无效');
    await refused({ code: `zzzzzzzz.${exp}.${sig}` }, '签到码无效');
    expect(failure(await c(WORKER, 'scan', { code: 'hello' })).fields?.[0]?.path).toBe('code');
    // Before the point opens (its own dates), after it closed (the code expired), after the project ended.
    world.setNow(Date.parse('2026-11-10T09:00:00+08:00'));
    await refused({ code }, '开始服务');
    world.setNow(Date.parse('2027-01-02T09:00:00+08:00'));
    await refused({ code }, '已过期');
    const spring = await pointWithCode('pj1', { startDate: '2027-01-01', endDate: '2027-06-30' });
    world.setNow(Date.parse('2027-07-01T09:00:00+08:00'));
    await refused({ code: spring.code }, '已过期');
    expect(point._id).toBeTruthy();
    expect(await world.count('checkins', {})).toBe(0);
    expect(await world.count('servedCounters', { n: { $gt: 0 } } as never)).toBe(0);
  });

  it('a point moved to another project no longer verifies (the signature covers the project)', async () => {
    await insertProject(world as World, 'pj4', {
      record: { title: '冬季送温暖', startDate: '2026-11-01', endDate: '2026-11-20', targetServed: 10 },
    });
    const db = world.cloud.database();
    // A point whose dates outlast the project (made before the project's end date was moved up).
    const made = await pointWithCode('pj1');
    await world.cloud.local.engine.inspect(() =>
      db
        .collection('servicePoints')
        .doc(made.point._id)
        .update({ data: { projectId: 'pj4' } }),
    );
    const e = failure(await c(WORKER, 'scan', { code: made.code }));
    expect(e.code).toBe('INVALID_INPUT');
    // Signed for pj1, now stored under pj4: the signature no longer matches.
    expect(e.message).toContain('签到码无效');
  });

  it('a project past its dates refuses with the dates', async () => {
    await insertProject(world as World, 'pj5', {
      record: { title: '冬季送温暖', startDate: '2026-11-01', endDate: '2026-11-23' },
    });
    const db = world.cloud.database();
    // Points inside the project's dates only; insert one as an older version might have left it.
    await world.cloud.local.engine.inspect(() =>
      db.collection('servicePoints').add({
        data: {
          _id: 'ptOld0001',
          projectId: 'pj5',
          name: '旧服务点',
          address: '中山区',
          startDate: '2026-11-01',
          endDate: '2026-12-31',
          hours: '全天',
          contact: '张丽',
          createdAt: new Date(world.now()),
          createdBy: DISTRICT,
        },
      }),
    );
    const { signCode, codeSecret } = await import('../checkin/code');
    const secret = await world.cloud.local.engine.inspect(() => codeSecret(db));
    const code = signCode(secret, { pointId: 'ptOld0001', projectId: 'pj5', expiresOn: '2026-12-31' });
    const e = failure(await c(WORKER, 'scan', { code }));
    expect(e.message).toBe('今天不在项目的服务日期内（2026年11月1日至2026年11月23日），不能签到');
  });
});

describe('registration and lists', () => {
  it('a registered worker and their own scan count once; nothing is stored for a unit nobody knows', async () => {
    const { code, point } = await pointWithCode();
    const r = ok<RegisterOutput>(
      await c(DISTRICT, 'register', {
        projectId: 'pj1',
        pointId: point._id,
        name: '王 秀梅',
        unit: '中山区环卫服务中心工会',
      }),
    );
    expect(r).toMatchObject({ added: true, newlyServed: true, served: 1 });
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'checkin.register' })).toBe(1);
    // The same worker scans the same day: already checked in today (same person key).
    expect(ok<ScanOutput>(await c(WORKER, 'scan', { code })).alreadyToday).toBe(true);
    const again = ok<RegisterOutput>(
      await c(DISTRICT, 'register', {
        projectId: 'pj1',
        name: '王秀梅',
        unit: '中山区环卫服务中心工会',
        phoneTail: '1234',
      }),
    );
    expect(again).toMatchObject({ added: false, newlyServed: false, served: 1 });
    const bad = failure(await c(DISTRICT, 'register', { projectId: 'pj1', name: '赵六', unit: '不存在的工会' }));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'unit' }] });
    expect(bad.message).toContain('找不到名为「不存在的工会」的单位');
    const tail = failure(
      await c(DISTRICT, 'register', {
        projectId: 'pj1',
        name: '赵六',
        unit: '中山区环卫服务中心工会',
        phoneTail: '12',
      }),
    );
    expect(tail.fields?.[0]).toMatchObject({ path: 'phoneTail', message: '手机尾号是 4 位数字' });
    expect(await world.count('checkins', { projectId: 'pj1' })).toBe(1);
    expect(await served('pj1')).toBe(await recompute('pj1'));
  });

  it('import: the preview lists every unreadable row and stores nothing; confirm stores the readable ones', async () => {
    ok(await c(WORKER, 'scan', { code: (await pointWithCode()).code })); // 王秀梅 counted already
    const file = await xlsx([
      ['姓名', '所在单位', '手机号'],
      ['王秀梅', '中山区环卫服务中心工会', '13800001111'],
      ['李四', '中山区环卫服务中心工会', ''],
      ['', '中山区环卫服务中心工会', ''],
      ['张三', '火星工会', '1234'],
      ['李 四', '中山区环卫服务中心工会', ''],
      ['周五', '大连公交客运集团工会', '12a4'],
      [],
      ['孙七', '大连公交客运集团工会', '5678'],
    ]);
    const before = await world.count('checkins', {});
    const preview = ok<ImportOutput>(await c(DISTRICT, 'import', { projectId: 'pj1', fileBase64: file }));
    expect(preview).toMatchObject({ confirmed: false, total: 7, readable: 3, newPeople: 2, served: 1 });
    expect(preview.errors.map((e) => [e.row, e.error])).toEqual([
      [4, '请填写姓名'],
      [5, '找不到名为「火星工会」的单位，请写基层工会的全称'],
      [6, '和第 3 行是同一个人（同一单位、同一姓名），只算一次'],
      [7, '手机尾号是 4 位数字'],
    ]);
    expect(preview.sample[0]).toMatchObject({ row: 2, name: '王秀梅', phoneTail: '1111', duplicate: true });
    expect(await world.count('checkins', {})).toBe(before);
    expect(await served('pj1')).toBe(1);

    // Confirm needs the preview's token for this very file.
    const stale = failure(
      await c(DISTRICT, 'import', { projectId: 'pj1', fileBase64: file, confirm: true, previewToken: 'x' }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await world.count('checkins', {})).toBe(before);

    const done = ok<ImportOutput>(
      await c(DISTRICT, 'import', {
        projectId: 'pj1',
        fileBase64: file,
        confirm: true,
        previewToken: preview.previewToken,
      }),
    );
    expect(done).toMatchObject({ confirmed: true, served: 3 });
    expect(await world.count('checkins', { source: 'list' })).toBe(3);
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'checkin.import' })).toBe(1);
    // The same list again adds nobody.
    const twice = ok<ImportOutput>(
      await c(DISTRICT, 'import', {
        projectId: 'pj1',
        fileBase64: file,
        confirm: true,
        previewToken: preview.previewToken,
      }),
    );
    expect(twice).toMatchObject({ newPeople: 0, served: 3 });
    expect(await world.count('checkins', { source: 'list' })).toBe(3);
    expect(await recompute('pj1')).toBe(3);
    const s = ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId: 'pj1' }));
    expect(s).toMatchObject({ served: 3, target: 300, imported: 3 });
  });

  it('a file that is not a list is refused and nothing is stored', async () => {
    const notXlsx = Buffer.from('姓名,单位\n王秀梅,中山区环卫服务中心工会').toString('base64');
    const e = failure(await c(DISTRICT, 'import', { projectId: 'pj1', fileBase64: notXlsx }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'fileBase64' }] });
    expect(e.message).toContain('.xlsx');
    const noHeader = await xlsx([['王秀梅', '中山区环卫服务中心工会']]);
    const h = failure(await c(DISTRICT, 'import', { projectId: 'pj1', fileBase64: noHeader }));
    expect(h.message).toContain('表头');
    expect(await world.count('checkins', {})).toBe(0);
  });

  it('served equals a recompute after many people check in, register and are imported, concurrently', async () => {
    const { code } = await pointWithCode();
    const names = Array.from({ length: 40 }, (_, i) => `职工${String.fromCharCode(0x4e00 + i)}${i}`);
    await Promise.all([
      c(WORKER, 'scan', { code }),
      c(CADRE, 'scan', { code }),
      ...names.map((name, i) =>
        c(DISTRICT, 'register', {
          projectId: 'pj1',
          name,
          unit: i % 2 ? '大连公交客运集团工会' : '中山区环卫服务中心工会',
        }),
      ),
    ]);
    const file = await xlsx([
      ['姓名', '单位'],
      ...names.slice(20).map((n, i) => [n, i % 2 ? '大连公交客运集团工会' : '中山区环卫服务中心工会']),
      ['新人甲', '大连机床集团工会'],
    ]);
    const preview = ok<ImportOutput>(await c(DISTRICT, 'import', { projectId: 'pj1', fileBase64: file }));
    ok(
      await c(DISTRICT, 'import', {
        projectId: 'pj1',
        fileBase64: file,
        confirm: true,
        previewToken: preview.previewToken,
      }),
    );
    const kept = await served('pj1');
    expect(kept).toBe(await recompute('pj1'));
    expect(kept).toBeGreaterThanOrEqual(42);
  });

  it('workers see a published project’s points and figures, not a draft’s', async () => {
    await pointWithCode();
    const s = ok<CheckinSummary>(await c(WORKER, 'summary', { projectId: 'pj1' }));
    expect(s).toMatchObject({ canManage: false, served: 0, target: 300 });
    expect(s.points).toHaveLength(1);
    await insertProject(world as World, 'pj6', { status: 'draft' });
    expect(failure(await c(WORKER, 'summary', { projectId: 'pj6' })).code).toBe('FORBIDDEN');
    expect(ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId: 'pj6' })).canManage).toBe(true);
  });

  it('the project poster carries the mini-program code of the project page, for the project’s staff only', async () => {
    await pointWithCode();
    // The local runtime has no wxacode: the poster then has none (its H5 build draws the link's QR code).
    expect(ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId: 'pj1', poster: true })).miniCodeUrl).toBeNull();
    // Production's openapi.wxacode.getUnlimited, recorded.
    const asked: Array<{ scene: string; page: string }> = [];
    (world.cloud.openapi as unknown as { wxacode: unknown }).wxacode = {
      getUnlimited: async (a: { scene: string; page: string }) => {
        asked.push({ scene: a.scene, page: a.page });
        return { errCode: 0, buffer: Buffer.from('PNG') };
      },
    };
    const staff = ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId: 'pj1', poster: true }));
    expect(staff.miniCodeUrl).toMatch(/posters\/checkin\/[0-9a-f]{32}\.png/);
    expect(asked).toEqual([{ scene: 'pj1', page: 'packages/project/pages/detail/index' }]);
    // Not without `poster`, and never for a worker.
    expect(ok<CheckinSummary>(await c(DISTRICT, 'summary', { projectId: 'pj1' })).miniCodeUrl).toBeNull();
    expect(ok<CheckinSummary>(await c(WORKER, 'summary', { projectId: 'pj1', poster: true })).miniCodeUrl).toBeNull();
    expect(asked).toHaveLength(1);
    expect(failure(await c(DISTRICT, 'summary', { projectId: 'pj1', poster: 'yes' })).fields).toEqual([
      expect.objectContaining({ path: 'poster' }),
    ]);
  });
});

describe('check-ins cut off before their counting', () => {
  const settleTimer = timerTriggers.find((t) => t.function === 'checkin' && t.name === 'settleCheckins')!;

  /** A record stored as scan, register or import store it, its counting cut off (never run). */
  async function storedNotCounted(projectId: string, unitId: string, name: string, day: string) {
    const db = world.cloud.database();
    const person = personHash(personKey(unitId, name));
    const row = {
      _id: `${projectId}_${day.replace(/-/g, '')}_${person}`,
      projectId,
      pointId: null,
      day,
      person,
      source: 'register',
      openid: null,
      name,
      unitId,
      unitName: unitId,
      phoneTail: null,
      at: new Date(world.now()),
      by: DISTRICT,
    };
    await world.cloud.local.engine.inspect(() => db.collection('checkins').add({ data: row }));
  }

  it('the settling timer counts them exactly once; running it again changes nothing', async () => {
    const { code } = await pointWithCode();
    ok(await c(WORKER, 'scan', { code })); // counted by its request
    // Cut off: two people never counted, and the worker's own record of another day (counted already).
    await storedNotCounted('pj1', 'gr-zs-sanitation', '赵桂兰', '2026-11-24');
    await storedNotCounted('pj1', 'gr-tr-bus', '李建国', '2026-11-24');
    await storedNotCounted('pj1', 'gr-zs-sanitation', '王秀梅', '2026-11-23'); // demo-worker herself
    await storedNotCounted('pj2', 'gr-tr-bus', '李建国', '2026-11-24');
    const worker = ok<ScanOutput>(await c(WORKER, 'scan', { code })); // a repeat: counts nobody new
    expect(worker.alreadyToday).toBe(true);
    expect(await served('pj1')).toBe(1);
    expect(await recompute('pj1')).toBe(3);
    // Too recent to settle (a request storing them might still be counting): nothing yet.
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    world.setNow(world.now() + CHECKIN_SETTLE_AFTER_MS + CHECKIN_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ records: 5, counted: 3 });
    expect(await served('pj1')).toBe(3);
    expect(await served('pj1')).toBe(await recompute('pj1'));
    expect(await served('pj2')).toBe(await recompute('pj2'));
    expect(await recompute('pj2')).toBe(1);
    // Again, also two at once: nothing more is counted.
    world.setNow(world.now() + CHECKIN_SETTLE_EVERY_MS);
    const again = await Promise.all([1, 2].map(() => settleTimer.run(world.cloud, new Date(world.now()))));
    for (const r of again) expect(r).toMatchObject({ counted: 0 });
    expect(await served('pj1')).toBe(3);
    expect(await served('pj2')).toBe(1);
    // The next registration of one of them is no second count either.
    ok(await c(DISTRICT, 'register', { projectId: 'pj1', name: '赵桂兰', unit: '中山区环卫服务中心工会' }));
    expect(await served('pj1')).toBe(await recompute('pj1'));
    expect(await served('pj1')).toBe(3);
  });

  it('a cut-off record already counted by the person’s next scan is not counted again', async () => {
    const { code } = await pointWithCode();
    await storedNotCounted('pj1', 'gr-zs-sanitation', '王秀梅', '2026-11-24'); // demo-worker, today
    expect(await served('pj1')).toBe(0);
    // The scan finds today's record stored (今天已经签到过了) and counts it.
    expect(ok<ScanOutput>(await c(WORKER, 'scan', { code })).alreadyToday).toBe(true);
    expect(await served('pj1')).toBe(1);
    world.setNow(world.now() + CHECKIN_SETTLE_AFTER_MS + CHECKIN_SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ records: 1, counted: 0 });
    expect(await served('pj1')).toBe(1);
    expect(await recompute('pj1')).toBe(1);
  });

  it('the timer is declared in the function’s config.json on the period the dev host runs it', () => {
    const config = JSON.parse(readFileSync(join(__dirname, '..', 'checkin', 'config.json'), 'utf8'));
    expect(config.triggers).toContainEqual({ name: 'settleCheckins', type: 'timer', config: '0 */5 * * * * *' });
    expect(settleTimer.everyMs).toBe(5 * 60_000);
  });
});
