/** org.tree through wx-server-sdk on the local runtime. */
import type { OrgTreeOutput } from '@shishi/shared-types';
import { seedOrgs } from '../../devhost/src/seed';
import { failure, ok, openWorld, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await openWorld();
});
afterAll(async () => {
  await world.close();
});

describe('org.tree', () => {
  it('returns the whole Dalian tree in order, to anyone signed in (even before binding)', async () => {
    const { orgs } = ok<OrgTreeOutput>(await world.call('demo-newcomer', 'org', 'tree'));
    expect(orgs).toHaveLength(seedOrgs().length);
    expect(orgs.map((o) => o._id)).toEqual(seedOrgs().map((o) => o._id));
    expect(orgs[0]).toEqual({ _id: 'dl', name: '大连市总工会', type: 'city', parentId: null, path: ['dl'], order: 0 });
  });

  it('gives every node a root-first path that ends with itself and extends its parent’s', async () => {
    const { orgs } = ok<OrgTreeOutput>(await world.call('demo-worker', 'org', 'tree'));
    const byId = new Map(orgs.map((o) => [o._id, o]));
    for (const org of orgs) {
      expect(org.path[org.path.length - 1]).toBe(org._id);
      expect(org.path[0]).toBe('dl');
      if (org.parentId) expect(org.path).toEqual([...byId.get(org.parentId)!.path, org._id]);
    }
    const sanitation = byId.get('gr-zs-sanitation')!;
    expect(sanitation).toMatchObject({
      type: 'grassroots',
      parentId: 'dist-zhongshan',
      path: ['dl', 'dist-zhongshan', 'gr-zs-sanitation'],
    });
    const types = new Set(orgs.map((o) => o.type));
    expect([...types].sort()).toEqual(['city', 'department', 'district', 'grassroots', 'industry']);
  });

  it('accepts a request without data, or with data: null', async () => {
    expect(ok<OrgTreeOutput>(await world.call('demo-worker', 'org', 'tree', null)).orgs.length).toBe(seedOrgs().length);
  });

  it('refuses a call without OPENID', async () => {
    expect(failure(await world.call(null, 'org', 'tree')).code).toBe('UNAUTHENTICATED');
  });

  it('refuses unexpected input fields', async () => {
    const error = failure(await world.call('demo-worker', 'org', 'tree', { parentId: 'dl' }));
    expect(error.code).toBe('INVALID_INPUT');
    // Messages reach people: in Chinese, also where zod writes them itself.
    expect(error.message).toContain('parentId');
    expect(error.message.replace('parentId', '')).not.toMatch(/[A-Za-z]{4,}/);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
