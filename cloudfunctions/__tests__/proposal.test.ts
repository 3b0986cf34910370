/** proposal.submit / listMine / list through wx-server-sdk on the local runtime. */
import type { Proposal, ProposalPage, SubmitProposalOutput } from '@shishi/shared-types';
import { seededProposalIds, seedOrgs } from '../../devhost/src/seed';
import type { ProposalDoc } from '../proposal/model';
import { FEB, failure, NOV, ok, openWorld, validProposal, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld(NOV);
});
afterEach(async () => {
  await world.close();
});

const submit = (openid: string | null, data: unknown) => world.call(openid, 'proposal', 'submit', data);
async function listOf(openid: string, data: Record<string, unknown> = {}): Promise<ProposalPage> {
  return ok<ProposalPage>(await world.call(openid, 'proposal', 'list', { pageSize: 50, ...data }));
}
async function mineOf(openid: string, data: Record<string, unknown> = {}): Promise<ProposalPage> {
  return ok<ProposalPage>(await world.call(openid, 'proposal', 'listMine', { pageSize: 50, ...data }));
}
const ids = (page: ProposalPage) => page.items.map((p) => p._id);
const SEEDED = [...seededProposalIds].sort();
const ZHONGSHAN_SEEDED = ['seed-p1', 'seed-p2', 'seed-p3', 'seed-p8', 'seed-p9'];

describe('proposal.submit', () => {
  it('stores the proposal in the open window and returns it with its _id', async () => {
    const before = await world.count('proposals');
    const p = ok<Proposal>(await submit('demo-worker', validProposal));
    expect(p._id).toMatch(/^[0-9a-f]{32}$/);
    expect(p).toMatchObject({
      ...validProposal,
      status: 'submitted',
      moderation: 'pass',
      authorName: '王秀梅',
      orgId: 'gr-zs-sanitation',
      orgName: '中山区环卫服务中心工会',
      windowId: 'win-dl-2026',
      year: 2027,
      channel: 'online',
      supportCount: 0,
      mine: true,
    });
    expect(await world.count('proposals')).toBe(before + 1);
    const stored = await world.doc<ProposalDoc>('proposals', p._id);
    expect(stored).toMatchObject({
      authorOpenid: 'demo-worker',
      orgPath: ['dl', 'dist-zhongshan', 'gr-zs-sanitation'],
      titleKey: '职工食堂延长晚餐供应时间',
      moderation: 'pass',
    });
    expect(stored!.createdAt).toBeInstanceOf(Date);
    expect(stored!.createdAt.toISOString()).toBe(p.createdAt);
    // The trail is the audit log (the proposal carries no history of its own).
    expect(await world.count('auditLog', { targetId: p._id })).toBe(1);
    expect(
      await world.count('auditLog', {
        targetType: 'proposal',
        targetId: p._id,
        actor: 'demo-worker',
        action: 'submit',
        from: null,
        to: 'submitted',
      }),
    ).toBe(1);
  });

  it('checks the content of what it stores (msgSecCheck v2, as the caller)', async () => {
    ok(await submit('demo-worker', validProposal));
    const check = world.cloud.local.openapi.securityChecks.at(-1);
    expect(check).toMatchObject({ openid: 'demo-worker', suggest: 'pass' });
    expect(check!.content).toContain(validProposal.title);
    expect(check!.content).toContain(validProposal.content);
  });

  it('refuses invalid input with INVALID_INPUT and the fields at fault, storing nothing', async () => {
    const before = await world.count('proposals');
    const checks = world.cloud.local.openapi.securityChecks.length;
    const error = failure(await submit('demo-worker', { title: '短', content: '太短', category: 'sports' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([
      { path: 'title', message: '建议标题至少 4 个字' },
      { path: 'content', message: '建议内容至少 10 个字' },
      { path: 'category', message: '请选择建议类别' },
      { path: 'targetGroup', message: '请选择服务对象' },
    ]);
    expect(failure(await submit('demo-worker', undefined)).code).toBe('INVALID_INPUT');
    const notAnObject = failure(await submit('demo-worker', 'a string'));
    expect(notAnObject.code).toBe('INVALID_INPUT');
    expect(notAnObject.message).toMatch(/^[^A-Za-z]*object[^A-Za-z]*string[^A-Za-z]*$/);
    expect(await world.count('proposals')).toBe(before);
    expect(world.cloud.local.openapi.securityChecks).toHaveLength(checks);
  });

  it('refuses outside the collection window with WINDOW_CLOSED, storing nothing', async () => {
    world.setNow(FEB);
    const before = await world.count('proposals');
    const error = failure(await submit('demo-worker', validProposal));
    expect(error.code).toBe('WINDOW_CLOSED');
    expect(error.message).toContain('2027-10-01');
    expect(await world.count('proposals')).toBe(before);
  });

  it('returns the stored proposal, saying so, for the same text again, also when the title differs only in spaces, punctuation or case', async () => {
    const first = ok<SubmitProposalOutput>(
      await submit('demo-worker', { ...validProposal, title: '车间WiFi覆盖到宿舍' }),
    );
    expect(first.alreadySubmitted).toBe(false);
    const before = await world.count('proposals');
    const again = ok<SubmitProposalOutput>(
      await submit('demo-worker', { ...validProposal, title: '车间WiFi覆盖到宿舍' }),
    );
    const variant = ok<SubmitProposalOutput>(
      await submit('demo-worker', { ...validProposal, title: '车间 wi-fi 覆盖到宿舍！' }),
    );
    expect(again).toMatchObject({ _id: first._id, alreadySubmitted: true });
    expect(variant).toMatchObject({ _id: first._id, alreadySubmitted: true, title: '车间WiFi覆盖到宿舍' });
    expect(await world.count('proposals')).toBe(before);
  });

  it('stores one proposal for 10 sends of one draft in parallel, and all return its _id', async () => {
    const before = await world.count('proposals');
    const draft = { ...validProposal, clientDraftId: 'draft-parallel-1' };
    const replies = await Promise.all(Array.from({ length: 10 }, () => submit('demo-worker', draft)));
    const returned = replies.map((r) => ok<SubmitProposalOutput>(r));
    expect(new Set(returned.map((r) => r._id)).size).toBe(1);
    expect(returned.every((r) => !r.alreadySubmitted)).toBe(true);
    expect(await world.count('proposals')).toBe(before + 1);
    expect(await world.count('proposals', { authorOpenid: 'demo-worker', title: validProposal.title })).toBe(1);
    expect((await world.doc('proposals', returned[0]._id))?._id).toBe(returned[0]._id);
  });

  it('lets different authors submit the same title', async () => {
    const a = ok<Proposal>(await submit('demo-worker', validProposal));
    const b = ok<Proposal>(await submit('demo-cadre', validProposal));
    expect(a._id).not.toBe(b._id);
  });

  it('takes the author from OPENID: an openid in the body is ignored', async () => {
    const p = ok<Proposal>(
      await submit('demo-worker', {
        ...validProposal,
        openid: 'demo-cadre',
        OPENID: 'demo-cadre',
        _openid: 'demo-cadre',
      }),
    );
    const stored = await world.doc<ProposalDoc>('proposals', p._id);
    expect(stored?.authorOpenid).toBe('demo-worker');
    expect(stored?.authorName).toBe('王秀梅');
    expect(ids(await mineOf('demo-cadre'))).not.toContain(p._id);
    expect(ids(await mineOf('demo-worker'))).toContain(p._id);
  });

  it('holds flagged content for review: hidden from other workers, shown to the author and district staff', async () => {
    const flagged = ok<Proposal>(
      await submit('demo-worker', {
        ...validProposal,
        title: '建议组织职工活动',
        content: '建议在活动中心开设棋牌室，可以小赌博一下增加乐趣。',
      }),
    );
    expect(flagged.moderation).toBe('review');
    expect(world.cloud.local.openapi.securityChecks.at(-1)?.suggest).toBe('risky');
    expect((await world.doc<ProposalDoc>('proposals', flagged._id))?.moderation).toBe('review');

    const review = ok<Proposal>(
      await submit('demo-worker', {
        ...validProposal,
        title: '职工二手交易群',
        content: '建议建立职工二手交易群，有意者加微信联系管理员。',
      }),
    );
    expect(review.moderation).toBe('review');

    // Another worker of the same union (the newcomer, once bound) and the union's cadre.
    ok(await world.call('demo-newcomer', 'profile', 'bind', { name: '马晓燕', orgId: 'gr-zs-sanitation' }));
    for (const other of ['demo-newcomer', 'demo-cadre']) {
      const page = await listOf(other);
      expect(ids(page)).not.toContain(flagged._id);
      expect(ids(page)).not.toContain(review._id);
      expect(page.items.every((p) => p.moderation === 'pass')).toBe(true);
      expect(ids(await listOf(other, { keyword: '棋牌室' }))).toEqual([]);
    }
    expect(ids(await mineOf('demo-worker'))).toEqual(expect.arrayContaining([flagged._id, review._id]));
    const staff = await listOf('demo-district');
    expect(ids(staff)).toEqual(expect.arrayContaining([flagged._id, review._id]));
    expect(staff.items.find((p) => p._id === flagged._id)?.authorName).toBe('王秀梅');
    expect(ids(await listOf('demo-research'))).toContain(flagged._id);
  });

  it('refuses a call without OPENID, storing nothing', async () => {
    const before = await world.count('proposals');
    expect(failure(await submit(null, validProposal)).code).toBe('UNAUTHENTICATED');
    expect(await world.count('proposals')).toBe(before);
  });

  it('needs a bound profile: PROFILE_REQUIRED, storing nothing', async () => {
    const before = await world.count('proposals');
    const error = failure(await submit('demo-newcomer', validProposal));
    expect(error.code).toBe('PROFILE_REQUIRED');
    expect(error.message).toContain('绑定');
    expect(await world.count('proposals')).toBe(before);
  });

  it('refuses an unknown action', async () => {
    expect(failure(await world.call('demo-worker', 'proposal', 'delete', {})).code).toBe('UNKNOWN_ACTION');
  });

  it('makes at most 7 database requests per submission with no similar proposal to link', async () => {
    // profile + windows (1), term statistics (1), similar candidates (1), insert (1), statistics update
    // (existing terms 1, new terms 1), audit (1); one more for the similar proposals linked, however many.
    world.cloud.local.engine.resetCounts();
    ok(await submit('demo-worker', validProposal));
    const requests = world.cloud.local.engine.totalRequests();
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(7);
  });
});

describe('proposal.listMine', () => {
  it('pages the caller’s own proposals, newest first, with the total', async () => {
    const titles = ['第一条建议标题', '第二条建议标题', '第三条建议标题', '第四条建议标题'];
    const submitted: string[] = [];
    for (const title of titles)
      submitted.push(ok<Proposal>(await submit('demo-cadre', { ...validProposal, title }))._id);
    const newestFirst = [...submitted].reverse();

    const first = ok<ProposalPage>(await world.call('demo-cadre', 'proposal', 'listMine', { page: 1, pageSize: 3 }));
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(ids(first)).toEqual(newestFirst.slice(0, 3));
    const second = ok<ProposalPage>(await world.call('demo-cadre', 'proposal', 'listMine', { page: 2, pageSize: 3 }));
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(ids(second)).toEqual(newestFirst.slice(3));
    const beyond = ok<ProposalPage>(await world.call('demo-cadre', 'proposal', 'listMine', { page: 3, pageSize: 3 }));
    expect(beyond).toMatchObject({ items: [], total: 4 });
    expect([...first.items, ...second.items].every((p) => p.mine && p.authorName === '李建国')).toBe(true);
  });

  it('defaults to page 1 of 10 and only holds the caller’s proposals', async () => {
    const page = ok<ProposalPage>(await world.call('demo-worker', 'proposal', 'listMine'));
    expect(page).toMatchObject({ page: 1, pageSize: 10, total: 1 });
    expect(ids(page)).toEqual(['seed-p1']);
  });

  it('refuses a page size over 50', async () => {
    const error = failure(await world.call('demo-worker', 'proposal', 'listMine', { pageSize: 51 }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'pageSize', message: '每页最多 50 条' }] });
  });
});

describe('proposal.list', () => {
  const orgPathOf = new Map(seedOrgs().map((o) => [o._id, o.path]));

  it('shows district staff only their own subtree', async () => {
    ok(await submit('demo-worker', validProposal));
    const page = await listOf('demo-district');
    expect(page.total).toBe(ZHONGSHAN_SEEDED.length + 1);
    expect(ids(page)).toEqual(expect.arrayContaining(ZHONGSHAN_SEEDED));
    for (const p of page.items) expect(orgPathOf.get(p.orgId)).toContain('dist-zhongshan');
    const inScope = await world.count('proposals', { orgPath: 'dist-zhongshan' });
    expect(page.total).toBe(inScope);
  });

  it('lets staff narrow to a node of their subtree, and refuses one outside it', async () => {
    expect(ids(await listOf('demo-district', { orgId: 'gr-zs-mall' }))).toEqual(['seed-p3']);
    const error = failure(await world.call('demo-district', 'proposal', 'list', { orgId: 'dist-xigang' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields).toEqual([{ path: 'orgId', message: '不在您的管辖范围内' }]);
    expect(failure(await world.call('demo-district', 'proposal', 'list', { orgId: 'dl' })).code).toBe('FORBIDDEN');
    expect(failure(await world.call('demo-district', 'proposal', 'list', { orgId: 'gr-nowhere' })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('shows city staff the whole city', async () => {
    const page = await listOf('demo-research');
    expect(page.total).toBe(SEEDED.length);
    expect(ids(page).sort()).toEqual(SEEDED);
  });

  it('shows workers every proposal that passed, city-wide, newest first, with other authors’ names masked', async () => {
    const page = await listOf('demo-cadre');
    expect(page.total).toBe(SEEDED.length);
    expect([...ids(page)].sort()).toEqual(SEEDED);
    const times = page.items.map((p) => Date.parse(p.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const p1 = page.items.find((p) => p._id === 'seed-p1')!;
    expect(p1.authorName).toBe('王**');
    expect(p1.mine).toBe(false);
    expect(page.items.find((p) => p._id === 'seed-p2')?.authorName).toBe('赵**');
    for (const p of page.items) expect(p.authorName).toMatch(/^.\*+$/u);
  });

  it('shows the author their own name and masks everyone else', async () => {
    const page = await listOf('demo-worker');
    const own = page.items.find((p) => p._id === 'seed-p1')!;
    expect(own).toMatchObject({ authorName: '王秀梅', mine: true });
    expect(page.items.find((p) => p._id === 'seed-p7')?.authorName).toBe('周**');
  });

  it('shows staff full names within their subtree', async () => {
    const page = await listOf('demo-district');
    expect(page.items.find((p) => p._id === 'seed-p2')?.authorName).toBe('赵海涛');
  });

  it('filters by category and keyword, and pages with a total', async () => {
    const career = await listOf('demo-worker', { category: 'career' });
    expect(ids(career)).toEqual(['seed-p6']);
    const keyword = await listOf('demo-worker', { keyword: '驿站' });
    expect(ids(keyword).sort()).toEqual(['seed-p1', 'seed-p5', 'seed-p8']);
    const regexChars = await listOf('demo-worker', { keyword: '.*' });
    expect(regexChars.total).toBe(0);
    const all = await listOf('demo-worker');
    const paged = ok<ProposalPage>(await world.call('demo-worker', 'proposal', 'list', { page: 2, pageSize: 5 }));
    expect(paged).toMatchObject({ total: SEEDED.length, page: 2, pageSize: 5 });
    expect(ids(paged)).toEqual(ids(all).slice(5, 10));
  });

  it('needs a bound profile and an OPENID', async () => {
    expect(failure(await world.call('demo-newcomer', 'proposal', 'list', {})).code).toBe('PROFILE_REQUIRED');
    expect(failure(await world.call(null, 'proposal', 'list', {})).code).toBe('UNAUTHENTICATED');
  });
});
