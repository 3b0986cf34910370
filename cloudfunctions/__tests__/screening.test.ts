/** Screening through wx-server-sdk on the local runtime: merge, unmerge, score, decide, screen. */
import type {
  DecideOutput,
  GetProposalOutput,
  ListMessagesOutput,
  MergeOutput,
  Project,
  Proposal,
  ProposalPage,
  ScreenOutput,
  UnmergeOutput,
} from '@shishi/shared-types';
import { backerCount as clusterBackers, subscribeTopics } from '@shishi/shared-types';
import type { CreditDoc, ProposalDoc, SupportDoc } from '../proposal/model';
import { failure, ok, validProposal, worldPerTest } from './world';

const world = worldPerTest();

const call = (openid: string, action: string, data?: unknown) => world.call(openid, 'proposal', action, data);
const STAFF = 'demo-district';

/** What a full recompute from supports and authors gives for a kept proposal and its merged ones. */
async function recompute(keptId: string): Promise<number> {
  const kept = await stored(keptId);
  const members = [kept, ...(await Promise.all(kept.mergedFrom.map((m) => stored(m._id))))];
  const db = world.cloud.database();
  const cluster = await Promise.all(
    members.map(async (m) => {
      const res = await db.collection('supports').where({ proposalId: m._id }).limit(1000).get();
      return { _id: m._id, author: m.authorKey, supporters: (res.data as SupportDoc[]).map((s) => s.openid) };
    }),
  );
  return clusterBackers(cluster);
}

async function stored(id: string): Promise<ProposalDoc> {
  return (await world.doc<ProposalDoc>('proposals', id))!;
}

async function counts(...ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const d = await stored(id);
      return { id, supportCount: d.supportCount, backerCount: d.backerCount, status: d.status };
    }),
  );
}

describe('proposal.merge / unmerge', () => {
  // seed-p1 (王秀梅 = demo-worker) ← seed-p8 (高文静; supported by seed-author-2 and seed-author-3)
  //                               ← seed-p9 (韩桂兰; supported by seed-author-8, the author of p8)
  beforeEach(async () => {
    ok(await call('demo-cadre', 'support', { proposalId: 'seed-p1' }));
    ok(await call('demo-cadre', 'support', { proposalId: 'seed-p8' }));
  });

  it('credits every author and supporter of the cluster once, points the merged ones to the kept one, and is audit-logged', async () => {
    const before = await counts('seed-p1', 'seed-p8', 'seed-p9');
    expect(before.map((c) => c.backerCount)).toEqual([2, 4, 2]);
    const out = ok<MergeOutput>(
      await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8', 'seed-p9'], note: '都是户外休息点' }),
    );
    expect(out.merged).toEqual(['seed-p8', 'seed-p9']);
    // 王秀梅, 李建国 (supported p1 and p8: once), 高文静 (wrote p8, supported p9: once), two supporters of p8, 韩桂兰.
    expect(out.kept).toMatchObject({ _id: 'seed-p1', backerCount: 6, supportCount: 1, status: 'submitted' });
    expect(out.kept.mergedFrom.map((m) => m._id)).toEqual(['seed-p8', 'seed-p9']);
    expect(await recompute('seed-p1')).toBe(6);
    const p8 = await stored('seed-p8');
    expect(p8).toMatchObject({ status: 'merged', mergedInto: { _id: 'seed-p1', title: '为户外环卫工人增设爱心驿站' } });
    expect(p8.backerCount).toBe(0);
    expect(p8.supportCount).toBe(3);
    expect(await world.count('credits', { rootId: 'seed-p1' })).toBe(6);
    const cadre = await world.doc<CreditDoc>('credits', 'seed-p1_demo-cadre');
    expect(cadre?.reasons.sort()).toEqual(['s:seed-p1', 's:seed-p8']);
    const audit = await world.count('auditLog', { action: 'merge' });
    expect(audit).toBe(3);
    const merged = ok<GetProposalOutput>(await call(STAFF, 'get', { proposalId: 'seed-p8' }));
    expect(merged.proposal.mergedInto).toEqual({
      _id: 'seed-p1',
      title: '为户外环卫工人增设爱心驿站',
      status: 'submitted',
    });
    expect(merged.history.map((h) => h.action)).toContain('合并建议');
    expect(merged.history.at(-1)).toMatchObject({ actorName: '张丽', from: 'submitted', to: 'merged' });
  });

  it('keeps counting once after the merge: supports and withdrawals of credited people', async () => {
    ok(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8', 'seed-p9'] }));
    // 李建国 withdraws his support of p1 but still counts through p8.
    ok(await call('demo-cadre', 'unsupport', { proposalId: 'seed-p1' }));
    expect(await counts('seed-p1')).toEqual([{ id: 'seed-p1', supportCount: 0, backerCount: 6, status: 'submitted' }]);
    // A new person counts.
    ok(await call('demo-research', 'support', { proposalId: 'seed-p1' }));
    expect((await stored('seed-p1')).backerCount).toBe(7);
    // Withdrawing the support of a merged proposal takes the reason off the kept one.
    ok(await call('demo-cadre', 'unsupport', { proposalId: 'seed-p8' }));
    expect((await stored('seed-p1')).backerCount).toBe(6);
    expect((await stored('seed-p8')).supportCount).toBe(2);
    expect(await recompute('seed-p1')).toBe(6);
    // Supporting a merged proposal is refused: support the kept one.
    const refused = failure(await call('demo-leader', 'support', { proposalId: 'seed-p9' }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('已合并');
  });

  it('undo restores the counts of both, one at a time', async () => {
    const before = await counts('seed-p1', 'seed-p8', 'seed-p9');
    ok(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8', 'seed-p9'] }));
    const out = ok<UnmergeOutput>(await call(STAFF, 'unmerge', { proposalId: 'seed-p8', note: '合并错了' }));
    expect(out.restored).toMatchObject({ _id: 'seed-p8', status: 'submitted', mergedInto: null, backerCount: 4 });
    expect(out.kept).toMatchObject({ _id: 'seed-p1', backerCount: 4 });
    expect(out.kept.mergedFrom.map((m) => m._id)).toEqual(['seed-p9']);
    expect(await recompute('seed-p1')).toBe(4);
    ok(await call(STAFF, 'unmerge', { proposalId: 'seed-p9' }));
    expect(await counts('seed-p1', 'seed-p8', 'seed-p9')).toEqual(before);
    expect(await world.count('credits', {})).toBe(0);
    expect(await world.count('auditLog', { action: 'unmerge' })).toBe(4);
    // Undoing again: nothing to undo.
    expect(failure(await call(STAFF, 'unmerge', { proposalId: 'seed-p9' })).code).toBe('CONFLICT');
  });

  it('is idempotent for a proposal already merged into the same one', async () => {
    ok(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8'] }));
    const again = ok<MergeOutput>(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8'] }));
    expect(again.merged).toEqual([]);
    expect(again.kept.backerCount).toBe(5);
    expect(await world.count('auditLog', { action: 'merge' })).toBe(2);
  });

  it('refuses merging into itself, into a merged one, across scopes, a kept one elsewhere, and unknown ids', async () => {
    const self = failure(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p1'] }));
    expect(self).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'mergeIds.0' }] });
    expect(self.message).toContain('它自己');
    ok(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p8'] }));
    const intoMerged = failure(await call(STAFF, 'merge', { keepId: 'seed-p8', mergeIds: ['seed-p9'] }));
    expect(intoMerged.code).toBe('CONFLICT');
    expect(intoMerged.message).toContain('已经合并到别的建议');
    const keptElsewhere = failure(await call(STAFF, 'merge', { keepId: 'seed-p9', mergeIds: ['seed-p1'] }));
    expect(keptElsewhere.code).toBe('CONFLICT');
    const across = failure(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p4'] }));
    expect(across.code).toBe('FORBIDDEN');
    expect(across.message).toContain('不在您的管辖范围内');
    const outside = failure(await call(STAFF, 'merge', { keepId: 'seed-p4', mergeIds: ['seed-p10'] }));
    expect(outside.code).toBe('FORBIDDEN');
    const unknown = failure(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p9', 'nope'] }));
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'mergeIds.1', message: '建议不存在' }] });
    const empty = failure(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: [] }));
    expect(empty.fields).toEqual([{ path: 'mergeIds', message: '请选择要合并的建议' }]);
    expect((await stored('seed-p9')).status).toBe('submitted');
    // Workers and cadres do not screen.
    expect(failure(await call('demo-cadre', 'merge', { keepId: 'seed-p1', mergeIds: ['seed-p9'] })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('city staff merge across districts; a 30-proposal cluster counts each person once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const p = ok<Proposal>(
        await call(i % 2 ? 'demo-cadre' : 'demo-worker', 'submit', {
          ...validProposal,
          title: `职工食堂延长晚餐供应第${i + 1}号`,
        }),
      );
      ids.push(p._id);
    }
    ok(await call('demo-research', 'support', { proposalId: ids[0] }));
    ok(await call('demo-research', 'support', { proposalId: ids[1] }));
    ok(await call('demo-district', 'support', { proposalId: ids[2] }));
    const out = ok<MergeOutput>(await call('demo-research', 'merge', { keepId: 'seed-p4', mergeIds: ids }));
    expect(out.merged).toHaveLength(30);
    // 刘志强 (seed-p4) + 王秀梅 + 李建国 + 孙静 + 张丽.
    expect(out.kept.backerCount).toBe(5);
    expect(await recompute('seed-p4')).toBe(5);
  });
});

describe('proposal.score / decide', () => {
  it('scores on the three criteria, moving the proposal under review, with a weighted total', async () => {
    const p = ok<Proposal>(
      await call(STAFF, 'score', {
        proposalId: 'seed-p8',
        urgency: 5,
        urgencyEvidence: '2026年职工需求调查：72% 选择冬季休息点',
        feasibility: 4,
        feasibilityNote: '区城管局可提供沿街用房',
      }),
    );
    expect(p.status).toBe('reviewing');
    // seed-p8 has the most backers in 中山区 (3): concentration 100; urgency 100; feasibility 75.
    expect(p.scores).toMatchObject({
      concentration: 3,
      concentrationScore: 100,
      urgency: 5,
      feasibility: 4,
      total: 92.5,
      scoredByName: '张丽',
    });
    const worker = ok<GetProposalOutput>(await call('demo-worker', 'get', { proposalId: 'seed-p8' }));
    expect(worker.proposal.scores).toBeNull();
    expect(worker.history).toEqual([]);
    const again = ok<Proposal>(
      await call(STAFF, 'score', { proposalId: 'seed-p8', urgency: 3, feasibility: 3, feasibilityNote: '重新评估' }),
    );
    // (40·100 + 30·50 + 30·50) / 100
    expect(again.scores).toMatchObject({ urgency: 3, feasibility: 3, total: 70 });
    expect(await world.count('auditLog', { targetId: 'seed-p8', action: 'score' })).toBe(2);
  });

  it('refuses bad scores with the fields at fault, and staff of another district', async () => {
    const bad = failure(await call(STAFF, 'score', { proposalId: 'seed-p8', urgency: 6, feasibility: 0 }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.fields).toEqual([
      { path: 'urgency', message: '需求迫切度最高 5 分' },
      { path: 'feasibility', message: '办结条件最低 1 分' },
      { path: 'feasibilityNote', message: '请说明办结条件' },
    ]);
    const other = failure(
      await call(STAFF, 'score', { proposalId: 'seed-p4', urgency: 3, feasibility: 3, feasibilityNote: '可以' }),
    );
    expect(other.code).toBe('FORBIDDEN');
    expect((await stored('seed-p4')).scores).toBeNull();
  });

  it('adopts into a project draft carrying the proposals, tells the authors, and refuses deciding twice', async () => {
    // 李建国 writes a duplicate of seed-p1; staff merge it in.
    const dup = ok<Proposal>(
      await call('demo-cadre', 'submit', {
        ...validProposal,
        title: '环卫工人冬天的爱心驿站',
        content: '冬天环卫工人在路上没有地方喝热水，建议多建几个爱心驿站。',
      }),
    );
    ok(await call(STAFF, 'merge', { keepId: 'seed-p1', mergeIds: [dup._id] }));
    ok(
      await world.call('demo-worker', 'push', 'subscribe', {
        results: { [subscribeTopics.proposalDecided.templateId]: 'accept' },
      }),
    );
    const out = ok<DecideOutput>(
      await call(STAFF, 'decide', {
        proposalId: 'seed-p1',
        kind: 'adopt',
        projectTitle: '户外劳动者爱心驿站建设',
        confirmUnscored: true,
      }),
    );
    expect(out.proposal).toMatchObject({ status: 'adopted', decision: { kind: 'adopt', byName: '张丽' } });
    expect(out.project).toMatchObject({ title: '户外劳动者爱心驿站建设', status: 'draft', progress: 10 });
    expect(out.notified).toBe(2);
    const project = ok<Project>(await world.call('demo-worker', 'project', 'get', { projectId: out.project!._id }));
    expect(project.origin.map((o) => o._id)).toEqual(['seed-p1', dup._id]);
    expect(project).toMatchObject({ orgId: 'dist-zhongshan', year: 2027, statusLabel: '项目草稿（待可研论证）' });
    // Both authors see it in 我的建议: the kept one with its project, the merged one through the kept one.
    const mine = ok<ProposalPage>(await call('demo-worker', 'listMine', {}));
    expect(mine.items.find((p) => p._id === 'seed-p1')).toMatchObject({
      status: 'adopted',
      project: { _id: out.project!._id, statusLabel: '项目草稿（待可研论证）' },
    });
    const cadre = ok<ProposalPage>(await call('demo-cadre', 'listMine', {}));
    expect(cadre.items.find((p) => p._id === dup._id)).toMatchObject({
      status: 'merged',
      mergedInto: { _id: 'seed-p1', title: '为户外环卫工人增设爱心驿站', status: 'adopted' },
      project: { _id: out.project!._id },
    });
    const messages = ok<ListMessagesOutput>(await world.call('demo-cadre', 'message', 'list', {}));
    expect(messages.items.map((m) => m.kind)).toEqual(['proposalDecided', 'proposalMerged']);
    expect(messages.unread).toBe(2);
    // The subscribe message went to the one who subscribed, once (with the push queue's drain).
    ok(await world.call('demo-admin', 'push', 'drain', {}));
    ok(await world.call('demo-admin', 'push', 'drain', {}));
    const outbox = world.cloud.local.openapi.outbox;
    expect(outbox.map((m) => m.touser)).toEqual(['demo-worker']);
    expect(outbox[0].data.phrase2.value).toBe('采纳');
    // Deciding again is refused, for every kind.
    for (const kind of ['adopt', 'defer', 'decline'])
      expect(failure(await call(STAFF, 'decide', { proposalId: 'seed-p1', kind, reason: '再议' })).code).toBe(
        'CONFLICT',
      );
    expect(failure(await call(STAFF, 'decide', { proposalId: dup._id, kind: 'defer' })).message).toContain('已合并');
    expect(await world.count('projects', {})).toBe(1);
    expect(await world.count('auditLog', { action: 'decide' })).toBe(1);
    expect(await world.count('auditLog', { action: 'createProject' })).toBe(1);
  });

  it('decides once under concurrent decisions', async () => {
    const replies = await Promise.all([
      call(STAFF, 'decide', { proposalId: 'seed-p2', kind: 'adopt', confirmUnscored: true }),
      call(STAFF, 'decide', { proposalId: 'seed-p2', kind: 'defer' }),
      call(STAFF, 'decide', { proposalId: 'seed-p2', kind: 'decline', reason: '已有同类项目' }),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    for (const r of replies.filter((x) => !x.ok)) expect(failure(r).code).toBe('CONFLICT');
    expect(await world.count('auditLog', { targetId: 'seed-p2', action: 'decide' })).toBe(1);
  });

  it('declines only with a reason, which the author sees', async () => {
    const noReason = failure(await call(STAFF, 'decide', { proposalId: 'seed-p1', kind: 'decline' }));
    expect(noReason).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'reason', message: '不采纳时请填写理由' }],
    });
    expect((await stored('seed-p1')).status).toBe('submitted');
    ok(await call(STAFF, 'decide', { proposalId: 'seed-p1', kind: 'decline', reason: '市里已有同类项目在实施' }));
    const mine = ok<ProposalPage>(await call('demo-worker', 'listMine', {}));
    expect(mine.items[0]).toMatchObject({
      status: 'declined',
      decision: { kind: 'decline', reason: '市里已有同类项目在实施' },
      project: null,
    });
    const msgs = ok<ListMessagesOutput>(await world.call('demo-worker', 'message', 'list', {}));
    expect(msgs.items[0].body).toContain('市里已有同类项目在实施');
    expect(world.cloud.local.openapi.outbox).toEqual([]);
  });

  it('defers, and scoring a decided proposal is refused', async () => {
    ok(await call(STAFF, 'decide', { proposalId: 'seed-p3', kind: 'defer', reason: '明年再议' }));
    expect((await stored('seed-p3')).status).toBe('deferred');
    const score = failure(
      await call(STAFF, 'score', { proposalId: 'seed-p3', urgency: 3, feasibility: 3, feasibilityNote: '可以' }),
    );
    expect(score.code).toBe('CONFLICT');
    expect(score.message).toContain('暂缓');
  });
});

describe('proposal.screen', () => {
  it('ranks scored proposals by the weighted score first, then the rest; filters narrow the list', async () => {
    ok(await call(STAFF, 'score', { proposalId: 'seed-p2', urgency: 5, feasibility: 5, feasibilityNote: '可办' }));
    ok(await call(STAFF, 'score', { proposalId: 'seed-p8', urgency: 2, feasibility: 2, feasibilityNote: '难办' }));
    const out = ok<ScreenOutput>(await call(STAFF, 'screen', {}));
    expect(out.window?._id).toBe('win-dl-2026');
    expect(out.total).toBe(5);
    expect(out.maxBackers).toBe(3);
    expect(out.items.map((i) => i._id).slice(0, 2)).toEqual(['seed-p2', 'seed-p8']);
    expect(out.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    // p2: backers 1/3 → 33.3; (40·33.3 + 30·100 + 30·100)/100 = 73.3.
    expect(out.items[0].scores?.total).toBe(73.3);
    expect(out.items[2].scores?.total).toBeNull();
    const bySupport = ok<ScreenOutput>(await call(STAFF, 'screen', { sort: 'supports' }));
    expect(bySupport.items[0]._id).toBe('seed-p8');
    const asc = ok<ScreenOutput>(await call(STAFF, 'screen', { sort: 'createdAt', order: 'asc' }));
    expect(asc.items.map((i) => i._id)).toEqual(['seed-p1', 'seed-p8', 'seed-p2', 'seed-p3', 'seed-p9']);
    const min = ok<ScreenOutput>(await call(STAFF, 'screen', { minSupport: 1 }));
    expect(min.items.map((i) => i._id).sort()).toEqual(['seed-p8', 'seed-p9']);
    const cluster = ok<ScreenOutput>(await call(STAFF, 'screen', { sort: 'cluster' }));
    expect(cluster.items[0].similarCount).toBeGreaterThanOrEqual(1);
    const byOrg = ok<ScreenOutput>(await call(STAFF, 'screen', { orgId: 'gr-zs-mall' }));
    expect(byOrg.items.map((i) => i._id)).toEqual(['seed-p3']);
    const text = ok<ScreenOutput>(await call(STAFF, 'screen', { keyword: '驿站' }));
    expect(text.items.map((i) => i._id).sort()).toEqual(['seed-p1', 'seed-p8']);
    const group = ok<ScreenOutput>(await call('demo-research', 'screen', { targetGroup: 'newEmployment' }));
    expect(group.items.map((i) => i._id).sort()).toEqual(['seed-p2', 'seed-p5']);
    const reviewing = ok<ScreenOutput>(await call(STAFF, 'screen', { status: 'reviewing' }));
    expect(reviewing.total).toBe(2);
    const paged = ok<ScreenOutput>(await call(STAFF, 'screen', { page: 2, pageSize: 2 }));
    expect(paged.items.map((i) => i.rank)).toEqual([3, 4]);
  });

  it('uses the weights the org set', async () => {
    ok(await call(STAFF, 'score', { proposalId: 'seed-p2', urgency: 5, feasibility: 5, feasibilityNote: '可办' }));
    ok(await call(STAFF, 'score', { proposalId: 'seed-p8', urgency: 2, feasibility: 2, feasibilityNote: '难办' }));
    // p2: (40·33.3 + 30·100 + 30·100)/100 = 73.3; p8: (40·100 + 30·25 + 30·25)/100 = 55.
    expect(ok<ScreenOutput>(await call(STAFF, 'screen', {})).items[0]._id).toBe('seed-p2');
    ok(
      await world.call('demo-research', 'collectWindow', 'setWeights', {
        windowId: 'win-dl-2026',
        weights: { concentration: 100, urgency: 0, feasibility: 0 },
      }),
    );
    const out = ok<ScreenOutput>(await call(STAFF, 'screen', {}));
    expect(out.weights).toEqual({ concentration: 100, urgency: 0, feasibility: 0 });
    expect(out.items[0]._id).toBe('seed-p8');
  });

  it('keeps staff to their subtree and refuses workers', async () => {
    const error = failure(await call(STAFF, 'screen', { orgId: 'dist-xigang' }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'orgId', message: '不在您的管辖范围内' }] });
    expect(failure(await call('demo-worker', 'screen', {})).code).toBe('FORBIDDEN');
    expect(failure(await call(STAFF, 'screen', { windowId: 'nope' })).code).toBe('INVALID_INPUT');
    expect(failure(await call(STAFF, 'screen', { sort: 'random' })).fields).toEqual([
      { path: 'sort', message: '排序方式不对' },
    ]);
  });
});
