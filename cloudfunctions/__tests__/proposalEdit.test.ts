/**
 * Issue 12, "a worker can follow what happens": the author edits or withdraws their proposal while it
 * is 已提交 (proposal.edit / proposal.withdraw), the counters submit keeps stay what a recompute gives,
 * the author's timeline (proposal.get), and adopting a proposal nobody scored must be confirmed.
 */
import {
  DOC_COUNT_TERM,
  statKey,
  statTerms,
  type AuditEntry,
  type DecideOutput,
  type GetProposalOutput,
  type Proposal,
  type ProposalPage,
  type ScreenOutput,
  type SimilarOutput,
  type SubmitProposalOutput,
} from '@shishi/shared-types';
import { failure, ok, openWorld, png, validProposal, type World } from './world';

const WINDOW = 'win-dl-2026';
const near = {
  title: '为户外环卫工人多建几个爱心驿站',
  content: '冬天户外环卫工人没有地方喝热水、歇脚，建议在街道多建几个爱心驿站，提供热水和休息的地方。',
  category: 'labourEconomy',
  targetGroup: 'frontline',
  attachments: [],
} as const;
const childcare = {
  title: '职工子女暑期托管班',
  content: '暑假期间双职工家庭的孩子没人照看，建议工会开办暑期托管班，安排老师看护和辅导作业。',
  category: 'labourEconomy',
  targetGroup: 'women',
  attachments: [],
} as const;
const canteen = { ...validProposal, attachments: [] };

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(async () => {
  await world.close();
});

async function submit(who: string, input: object, clientDraftId?: string): Promise<SubmitProposalOutput> {
  return ok<SubmitProposalOutput>(await world.call(who, 'proposal', 'submit', { ...input, clientDraftId }));
}

interface Doc {
  _id: string;
  title: string;
  content: string;
  status: string;
  windowId: string;
  similarIds?: string[];
  similarCount?: number;
}

/** Every proposal of the window (the test's own read). */
async function windowProposals(w: World): Promise<Doc[]> {
  const db = w.cloud.database();
  const res = await w.cloud.local.engine.inspect(() =>
    db.collection('proposals').where({ windowId: WINDOW }).limit(1000).get(),
  );
  return (res as { data: Doc[] }).data;
}

/** The window's document frequencies as stored (terms counted by nobody left out). */
async function storedStats(w: World): Promise<Map<string, number>> {
  const db = w.cloud.database();
  const res = await w.cloud.local.engine.inspect(() =>
    db.collection('gramStats').where({ w: WINDOW }).limit(1000).get(),
  );
  const out = new Map<string, number>();
  for (const row of (res as { data: Array<{ k: string; df: number }> }).data) if (row.df !== 0) out.set(row.k, row.df);
  return out;
}

/** The same, recomputed from the proposals of the window that are not withdrawn. */
async function recomputedStats(w: World): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
  for (const p of await windowProposals(w)) {
    if (p.status === 'withdrawn') continue;
    add(statKey(WINDOW, DOC_COUNT_TERM));
    for (const t of statTerms(p)) add(statKey(WINDOW, t));
  }
  return out;
}

async function similarCounts(w: World): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of await windowProposals(w)) out[p._id] = p.similarCount ?? 0;
  return out;
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('proposal.edit', () => {
  it('changes the author’s proposal, audits it, and counts the new text as a submit would', async () => {
    const mine = await submit('demo-worker', near, 'draft-edit-0001');
    expect(mine.similarCount).toBeGreaterThan(0);
    const edited = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'edit', { proposalId: mine._id, ...childcare }),
    );
    expect(edited).toMatchObject({
      _id: mine._id,
      title: childcare.title,
      content: childcare.content,
      status: 'submitted',
    });
    expect(edited.targetGroup).toBe('women');
    const got = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: mine._id }));
    expect(got.history.map((h: AuditEntry) => [h.action, h.note])).toEqual([
      ['提交建议', null],
      ['修改建议', '修改了标题、内容、服务对象'],
    ]);
    // The window's term counts are what the stored texts give.
    expect(sorted(await storedStats(world))).toEqual(sorted(await recomputedStats(world)));

    // A world where the proposal was sent with the new text in the first place has the same counters.
    const reference = await openWorld();
    try {
      const direct = ok<SubmitProposalOutput>(
        await reference.call('demo-worker', 'proposal', 'submit', { ...childcare, clientDraftId: 'draft-edit-0001' }),
      );
      expect(direct._id).toBe(mine._id);
      expect(await similarCounts(world)).toEqual(await similarCounts(reference));
      expect(sorted(await storedStats(world))).toEqual(sorted(await storedStats(reference)));
    } finally {
      await reference.close();
    }
  });

  it('takes out the links of proposals that found it, and links it again from its new text', async () => {
    const first = await submit('demo-worker', near, 'draft-first-001');
    const before = await similarCounts(world);
    // A colleague's near-duplicate finds the worker's proposal.
    const second = await submit('demo-cadre', { ...near, title: '户外环卫工人需要爱心驿站' }, 'draft-second-01');
    expect((await world.doc<Doc>('proposals', second._id))?.similarIds).toContain(first._id);
    ok(await world.call('demo-worker', 'proposal', 'edit', { proposalId: first._id, ...childcare }));
    const after = await world.doc<Doc>('proposals', second._id);
    expect(after?.similarIds).not.toContain(first._id);
    expect(sorted(await storedStats(world))).toEqual(sorted(await recomputedStats(world)));

    // Same counters as: the colleague's first, then the worker's with the new text.
    const reference = await openWorld();
    try {
      ok(
        await reference.call('demo-cadre', 'proposal', 'submit', {
          ...near,
          title: '户外环卫工人需要爱心驿站',
          clientDraftId: 'draft-second-01',
        }),
      );
      ok(await reference.call('demo-worker', 'proposal', 'submit', { ...childcare, clientDraftId: 'draft-first-001' }));
      expect(await similarCounts(world)).toEqual(await similarCounts(reference));
    } finally {
      await reference.close();
    }
    expect(before[first._id]).toBeGreaterThan(0);
  });

  it('refuses someone else, a proposal being screened, and bad input — nothing changes', async () => {
    const mine = await submit('demo-worker', canteen, 'draft-refuse-01');
    const other = failure(
      await world.call('demo-cadre', 'proposal', 'edit', { proposalId: mine._id, ...canteen, title: '别人的修改标题' }),
    );
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: '只有提这条建议的职工本人可以修改' });
    const staff = failure(
      await world.call('demo-district', 'proposal', 'edit', {
        proposalId: mine._id,
        ...canteen,
        title: '工作人员改标题',
      }),
    );
    expect(staff.code).toBe('FORBIDDEN');

    const short = failure(
      await world.call('demo-worker', 'proposal', 'edit', { proposalId: mine._id, ...canteen, title: '食堂' }),
    );
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.fields?.map((f) => f.path)).toEqual(['title']);
    const repeated = failure(
      await world.call('demo-worker', 'proposal', 'edit', { proposalId: mine._id, ...canteen, title: '啊啊啊啊啊' }),
    );
    expect(repeated.fields?.[0]).toMatchObject({ path: 'title', message: '标题不能只是同一个字重复，请写清想办的事' });
    const missing = failure(
      await world.call('demo-worker', 'proposal', 'edit', { ...canteen, proposalId: 'no-such-proposal' }),
    );
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'proposalId', message: '建议不存在' }] });
    const foreignImage = failure(
      await world.call('demo-worker', 'proposal', 'edit', {
        proposalId: mine._id,
        ...canteen,
        attachments: ['cloud://local-4821-1.local/proposals/demo-cadre/x.png'],
      }),
    );
    expect(foreignImage.fields).toEqual([{ path: 'attachments.0', message: '只能添加自己上传的图片' }]);

    // The same text as another of the author's proposals is the submit rule's repeat.
    const second = await submit('demo-worker', childcare, 'draft-refuse-02');
    const same = failure(await world.call('demo-worker', 'proposal', 'edit', { proposalId: second._id, ...canteen }));
    expect(same).toMatchObject({ code: 'CONFLICT' });
    expect(same.message).toContain(`《${canteen.title}》`);

    // Screening has started (scored): 审核中, no longer the author's to change.
    ok(
      await world.call('demo-district', 'proposal', 'score', {
        proposalId: mine._id,
        urgency: 4,
        feasibility: 4,
        feasibilityNote: '食堂可以调整排班',
      }),
    );
    const late = failure(
      await world.call('demo-worker', 'proposal', 'edit', {
        proposalId: mine._id,
        ...canteen,
        title: '食堂晚餐延长到九点',
      }),
    );
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('审核中');
    const stored = await world.doc<Doc>('proposals', mine._id);
    expect(stored).toMatchObject({ title: canteen.title, content: canteen.content });
    expect(await world.count('auditLog', { targetId: mine._id, action: 'edit' })).toBe(0);
    expect(await world.count('auditLog', { targetId: second._id, action: 'edit' })).toBe(0);
  });

  it('keeps the images left in (with their check), adds new own uploads, and names a bad one by its place', async () => {
    const upload = async (name: string) =>
      (await world.cloud.uploadFile({ cloudPath: `proposals/demo-worker/${name}`, fileContent: png })).fileID;
    const [a, b] = [await upload('a.png'), await upload('b.png')];
    const mine = await submit('demo-worker', { ...canteen, attachments: [a] }, 'draft-images-01');
    expect(mine.attachments.map((x) => x.fileID)).toEqual([a]);
    const stranger = 'cloud://local-4821-1.local/proposals/demo-cadre/x.png';
    const bad = failure(
      await world.call('demo-worker', 'proposal', 'edit', {
        proposalId: mine._id,
        ...canteen,
        attachments: [a, stranger],
      }),
    );
    expect(bad.fields).toEqual([{ path: 'attachments.1', message: '只能添加自己上传的图片' }]);
    const edited = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'edit', { proposalId: mine._id, ...canteen, attachments: [b, a] }),
    );
    expect(edited.attachments.map((x) => x.fileID)).toEqual([b, a]);
    const got = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: mine._id }));
    expect(got.history.at(-1)?.note).toBe('修改了图片（现在 2 张）');
  });

  it('a rejected proposal rewritten is checked again and shown once it passes', async () => {
    const flagged = await submit('demo-worker', {
      ...canteen,
      title: '建议组织职工活动',
      content: '建议在活动中心开设棋牌室，可以小赌博一下增加乐趣。',
    });
    expect(flagged.moderation).toBe('review');
    ok(
      await world.call('demo-district', 'proposal', 'moderate', {
        proposalId: flagged._id,
        verdict: 'reject',
        note: '涉及赌博，请改写',
      }),
    );
    const rewritten = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'edit', {
        proposalId: flagged._id,
        ...canteen,
        title: '建议组织职工棋牌活动',
        content: '建议在活动中心开设棋牌室，周末组织职工象棋、围棋比赛，增加交流。',
      }),
    );
    expect(rewritten.moderation).toBe('pass');
    const list = ok<ProposalPage>(await world.call('demo-cadre', 'proposal', 'list', { pageSize: 50 }));
    expect(list.items.map((p) => p._id)).toContain(flagged._id);
    expect(await world.count('proposals', { _id: flagged._id, needsReview: true })).toBe(0);
  });
});

describe('proposal.withdraw', () => {
  it('keeps the record as 已撤回, out of the lists, screening and similar lookups; supporters are told', async () => {
    const mine = await submit('demo-worker', near, 'draft-withdraw1');
    ok(await world.call('demo-cadre', 'proposal', 'support', { proposalId: mine._id }));
    const before = await similarCounts(world);
    const done = ok<Proposal>(await world.call('demo-worker', 'proposal', 'withdraw', { proposalId: mine._id }));
    expect(done.status).toBe('withdrawn');
    expect(
      await world.count('auditLog', { targetId: mine._id, action: 'withdraw', from: 'submitted', to: 'withdrawn' }),
    ).toBe(1);
    expect(
      await world.count('messages', { openid: 'demo-cadre', proposalId: mine._id, kind: 'proposalWithdrawn' }),
    ).toBe(1);
    expect(await world.count('messages', { openid: 'demo-worker', kind: 'proposalWithdrawn' })).toBe(0);

    const mineList = ok<ProposalPage>(await world.call('demo-worker', 'proposal', 'listMine', {}));
    expect(mineList.items.find((p) => p._id === mine._id)?.status).toBe('withdrawn');
    const publicList = ok<ProposalPage>(await world.call('demo-cadre', 'proposal', 'list', { pageSize: 50 }));
    expect(publicList.items.map((p) => p._id)).not.toContain(mine._id);
    const screened = ok<ScreenOutput>(await world.call('demo-district', 'proposal', 'screen', { pageSize: 50 }));
    expect(screened.items.map((p) => p._id)).not.toContain(mine._id);
    const similar = ok<SimilarOutput>(
      await world.call('demo-cadre', 'proposal', 'similar', { title: near.title, content: near.content }),
    );
    expect(similar.items.map((p) => p._id)).not.toContain(mine._id);
    expect(failure(await world.call('demo-district', 'proposal', 'support', { proposalId: mine._id }))).toMatchObject({
      code: 'CONFLICT',
      message: `《${near.title}》已由提建议的职工撤回，不能再附议`,
    });

    // Counters: the window's term counts leave it out; the proposals it linked lost its link.
    expect(sorted(await storedStats(world))).toEqual(sorted(await recomputedStats(world)));
    const after = await similarCounts(world);
    const reference = await openWorld();
    try {
      const untouched = await similarCounts(reference);
      for (const id of Object.keys(untouched)) expect([id, after[id]]).toEqual([id, untouched[id]]);
      expect(after[mine._id]).toBe(0);
    } finally {
      await reference.close();
    }
    expect(before[mine._id]).toBeGreaterThan(0);
  });

  it('refuses someone else and a second withdrawal; a withdrawn proposal cannot be edited', async () => {
    const mine = await submit('demo-worker', canteen, 'draft-withdraw2');
    const other = failure(await world.call('demo-cadre', 'proposal', 'withdraw', { proposalId: mine._id }));
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: '只有提这条建议的职工本人可以撤回' });
    ok(await world.call('demo-worker', 'proposal', 'withdraw', { proposalId: mine._id }));
    const again = failure(await world.call('demo-worker', 'proposal', 'withdraw', { proposalId: mine._id }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: `《${canteen.title}》已经撤回了，不能再撤回` });
    const edit = failure(
      await world.call('demo-worker', 'proposal', 'edit', {
        proposalId: mine._id,
        ...canteen,
        title: '撤回后再改标题',
      }),
    );
    expect(edit).toMatchObject({ code: 'CONFLICT', message: `《${canteen.title}》已经撤回了，不能再修改` });
    const decided = failure(
      await world.call('demo-district', 'proposal', 'decide', { proposalId: mine._id, kind: 'defer', reason: '再议' }),
    );
    expect(decided.code).toBe('CONFLICT');
    expect(await world.count('auditLog', { targetId: mine._id, action: 'withdraw' })).toBe(1);
    const missing = failure(await world.call('demo-worker', 'proposal', 'withdraw', {}));
    expect(missing).toMatchObject({ code: 'INVALID_INPUT' });
    expect(missing.fields?.[0].path).toBe('proposalId');
  });

  it('a decided proposal is not the author’s to withdraw', async () => {
    const mine = await submit('demo-worker', canteen, 'draft-withdraw3');
    ok(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: mine._id,
        kind: 'decline',
        reason: '已有同类项目',
      }),
    );
    const late = failure(await world.call('demo-worker', 'proposal', 'withdraw', { proposalId: mine._id }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('未采纳');
  });
});

describe('the author’s timeline (proposal.get)', () => {
  it('says when the window closes, when screening starts and by when the city decides; others get none', async () => {
    const mine = await submit('demo-worker', canteen, 'draft-timeline1');
    const got = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: mine._id }));
    const steps = got.timeline!.steps;
    expect(steps.map((s) => [s.key, s.state, s.date])).toEqual([
      ['submitted', 'done', '2026-11-24'],
      ['collecting', 'current', '2026-12-31'],
      ['screening', 'upcoming', '2027-01-01'],
      // The seeded city window's 决定公布日期.
      ['decision', 'upcoming', '2027-03-31'],
      ['project', 'upcoming', null],
    ]);
    expect(got.timeline!.next).toContain('2027年1月1日起');
    const other = ok<GetProposalOutput>(await world.call('demo-cadre', 'proposal', 'get', { proposalId: mine._id }));
    expect(other.timeline).toBeNull();
  });

  it('an adopted proposal links its project', async () => {
    const out = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p1',
        kind: 'adopt',
        confirmUnscored: true,
      }),
    );
    const got = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: 'seed-p1' }));
    const project = got.timeline!.steps.find((s) => s.key === 'project');
    expect(project).toMatchObject({ state: 'current', projectId: out.project!._id });
    expect(got.timeline!.steps.find((s) => s.key === 'decision')).toMatchObject({ state: 'done', date: '2026-11-24' });
  });
});

describe('adopting a proposal nobody scored', () => {
  it('is refused unless confirmed; nothing is stored', async () => {
    const refused = failure(
      await world.call('demo-district', 'proposal', 'decide', { proposalId: 'seed-p2', kind: 'adopt' }),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'confirmUnscored', message: '还没有人评分（需求最迫切、最具备办结条件），采纳前请确认' }],
    });
    expect(await world.doc<Doc>('proposals', 'seed-p2')).toMatchObject({ status: 'submitted' });
    expect(await world.count('projects', { origin: 'seed-p2' })).toBe(0);
    expect(await world.count('auditLog', { targetId: 'seed-p2', action: 'decide' })).toBe(0);
    const bad = failure(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p2',
        kind: 'adopt',
        confirmUnscored: 'yes',
      }),
    );
    expect(bad.fields?.[0].path).toBe('confirmUnscored');

    const confirmed = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p2',
        kind: 'adopt',
        confirmUnscored: true,
      }),
    );
    expect(confirmed.proposal.status).toBe('adopted');
    expect(confirmed.project).not.toBeNull();
  });

  it('a scored proposal is adopted without it; deferring an unscored one needs none', async () => {
    ok(
      await world.call('demo-district', 'proposal', 'score', {
        proposalId: 'seed-p3',
        urgency: 4,
        feasibility: 5,
        feasibilityNote: '商场有场地',
      }),
    );
    const adopted = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', { proposalId: 'seed-p3', kind: 'adopt' }),
    );
    expect(adopted.proposal.status).toBe('adopted');
    const deferred = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p9',
        kind: 'defer',
        reason: '明年再议',
      }),
    );
    expect(deferred.proposal.status).toBe('deferred');
  });
});
