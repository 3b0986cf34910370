/** profile.me and profile.bind through wx-server-sdk on the local runtime. */
import type { MeOutput, Profile } from '@shishi/shared-types';
import { functions } from '../registry';
import { failure, ok, openWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(async () => {
  await world.close();
});

describe('profile.me', () => {
  it('returns the bound profile of the caller', async () => {
    const me = ok<MeOutput>(await world.call('demo-worker', 'profile', 'me'));
    expect(me).toEqual({
      bound: true,
      profile: expect.objectContaining({
        openid: 'demo-worker',
        name: '王秀梅',
        role: 'worker',
        orgId: 'gr-zs-sanitation',
        orgName: '中山区环卫服务中心工会',
        orgPath: ['dl', 'dist-zhongshan', 'gr-zs-sanitation'],
        unit: '环卫一队',
      }),
    });
  });

  it('returns the staff role and org of a staff member', async () => {
    const me = ok<MeOutput>(await world.call('demo-district', 'profile', 'me'));
    expect(me.bound && me.profile).toMatchObject({
      role: 'unionStaff',
      orgId: 'dist-zhongshan',
      orgPath: ['dl', 'dist-zhongshan'],
    });
  });

  it('says bound: false for a caller without a profile', async () => {
    expect(ok<MeOutput>(await world.call('demo-newcomer', 'profile', 'me'))).toEqual({ bound: false });
  });

  it('refuses a call without OPENID', async () => {
    expect(failure(await world.call(null, 'profile', 'me')).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown action and a malformed request', async () => {
    const unknown = failure(await world.call('demo-worker', 'profile', 'delete'));
    expect(unknown.code).toBe('UNKNOWN_ACTION');
    expect(unknown.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(failure(await world.call('demo-worker', 'profile', 'toString')).code).toBe('UNKNOWN_ACTION');
    expect(failure(await world.call('demo-worker', 'profile', '__proto__')).code).toBe('UNKNOWN_ACTION');
    const reply = await world.cloud.local.runAs({ OPENID: 'demo-worker' }, () =>
      functions.profile.handle(world.cloud, { data: {} }),
    );
    expect(failure(reply).code).toBe('INVALID_INPUT');
  });
});

describe('profile.bind', () => {
  it('binds a newcomer to a grassroots union, after which me is bound', async () => {
    const profile = ok<Profile>(
      await world.call('demo-newcomer', 'profile', 'bind', { name: ' 马晓燕 ', orgId: 'gr-xg-hotel', unit: '大堂' }),
    );
    expect(profile).toMatchObject({
      openid: 'demo-newcomer',
      name: '马晓燕',
      role: 'worker',
      orgId: 'gr-xg-hotel',
      orgName: '西岗区餐饮住宿行业联合工会',
      orgPath: ['dl', 'dist-xigang', 'gr-xg-hotel'],
      unit: '大堂',
    });
    const me = ok<MeOutput>(await world.call('demo-newcomer', 'profile', 'me'));
    expect(me).toEqual({ bound: true, profile });
  });

  it('refuses a non-grassroots org with the field at fault, and stores nothing', async () => {
    for (const orgId of ['dist-zhongshan', 'dl', 'dept-research', 'ind-transport']) {
      const error = failure(await world.call('demo-newcomer', 'profile', 'bind', { name: '马晓燕', orgId }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields).toEqual([{ path: 'orgId', message: '请选择基层工会' }]);
    }
    expect(await world.count('users', { _id: 'demo-newcomer' })).toBe(0);
    expect(ok<MeOutput>(await world.call('demo-newcomer', 'profile', 'me'))).toEqual({ bound: false });
  });

  it('refuses an org that does not exist', async () => {
    const error = failure(
      await world.call('demo-newcomer', 'profile', 'bind', { name: '马晓燕', orgId: 'gr-nowhere' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([{ path: 'orgId', message: '组织不存在' }]);
  });

  it('names every invalid field in Chinese', async () => {
    const error = failure(await world.call('demo-newcomer', 'profile', 'bind', { name: '马', orgId: '../dl' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([
      { path: 'name', message: '姓名至少 2 个字' },
      { path: 'orgId', message: '编号格式不对' },
    ]);
    const digits = failure(
      await world.call('demo-newcomer', 'profile', 'bind', { name: '马12', orgId: 'gr-xg-hotel' }),
    );
    expect(digits.fields).toEqual([{ path: 'name', message: '姓名只能包含汉字、字母或间隔号' }]);
  });

  it('lets a worker move to another grassroots union, keeping role and creation time', async () => {
    const before = ok<MeOutput>(await world.call('demo-worker', 'profile', 'me'));
    const profile = ok<Profile>(
      await world.call('demo-worker', 'profile', 'bind', { name: '王秀梅', orgId: 'gr-zs-mall' }),
    );
    expect(profile).toMatchObject({
      role: 'worker',
      orgId: 'gr-zs-mall',
      orgPath: ['dl', 'dist-zhongshan', 'gr-zs-mall'],
    });
    expect(before.bound && profile.createdAt).toBe(before.bound && before.profile.createdAt);
  });

  it('a worker declares their worker groups (optional): kept on a later edit without them, cleared with none, checked', async () => {
    const declared = ok<Profile>(
      await world.call('demo-worker', 'profile', 'bind', {
        name: '王秀梅',
        orgId: 'gr-zs-sanitation',
        groups: ['women', 'frontline'],
      }),
    );
    expect(declared.groups).toEqual(['women', 'frontline']);
    expect(await world.doc('users', 'demo-worker')).toMatchObject({ groups: ['women', 'frontline'] });
    // An edit of the name alone keeps them.
    const renamed = ok<Profile>(
      await world.call('demo-worker', 'profile', 'bind', { name: '王秀美', orgId: 'gr-zs-sanitation' }),
    );
    expect(renamed.groups).toEqual(['women', 'frontline']);
    // Bad groups: INVALID_INPUT naming the field, nothing stored.
    for (const groups of [['pilot'], ['women', 'women'], 'women']) {
      const error = failure(
        await world.call('demo-worker', 'profile', 'bind', { name: '王秀梅', orgId: 'gr-zs-sanitation', groups }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields?.[0]?.path).toMatch(/^groups/);
    }
    const me = ok<MeOutput>(await world.call('demo-worker', 'profile', 'me'));
    expect(me.bound && me.profile).toMatchObject({ name: '王秀美', groups: ['women', 'frontline'] });
    // None chosen: cleared.
    const cleared = ok<Profile>(
      await world.call('demo-worker', 'profile', 'bind', { name: '王秀梅', orgId: 'gr-zs-sanitation', groups: [] }),
    );
    expect(cleared.groups).toBeUndefined();
    expect((await world.doc('users', 'demo-worker'))?.groups).toBeUndefined();
    expect(await world.count('auditLog', { targetId: 'demo-worker', action: 'bindProfile' })).toBe(3);
  });

  it('does not let staff move themselves to another org', async () => {
    const error = failure(await world.call('demo-district', 'profile', 'bind', { name: '张丽', orgId: 'gr-zs-mall' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields).toEqual([{ path: 'orgId', message: '不能修改所属组织' }]);
    const me = ok<MeOutput>(await world.call('demo-district', 'profile', 'me'));
    expect(me.bound && me.profile).toMatchObject({ role: 'unionStaff', orgId: 'dist-zhongshan', name: '张丽' });
  });

  it('lets staff correct their name within their own org, keeping their role', async () => {
    const profile = ok<Profile>(
      await world.call('demo-district', 'profile', 'bind', { name: '张莉', orgId: 'dist-zhongshan' }),
    );
    expect(profile).toMatchObject({ name: '张莉', role: 'unionStaff', orgId: 'dist-zhongshan' });
  });

  it('binds the caller only: an openid in the body is ignored', async () => {
    ok(
      await world.call('demo-newcomer', 'profile', 'bind', {
        name: '马晓燕',
        orgId: 'gr-xg-hotel',
        openid: 'demo-worker',
      }),
    );
    const worker = ok<MeOutput>(await world.call('demo-worker', 'profile', 'me'));
    expect(worker.bound && worker.profile).toMatchObject({ name: '王秀梅', orgId: 'gr-zs-sanitation' });
    const newcomer = ok<MeOutput>(await world.call('demo-newcomer', 'profile', 'me'));
    expect(newcomer.bound && newcomer.profile.name).toBe('马晓燕');
  });
});
