/**
 * Issue 12: a district union that opens its own window while the city's is open moves its workers into
 * the new, empty pool. Setting one up says so and asks to confirm; similar proposals are found across
 * every window whose proposals the worker can see (those of their org and the orgs above it, for the
 * same year, open or ended); the window says whose it is.
 */
import type { CollectWindow, CurrentWindowOutput, SimilarOutput, SubmitProposalOutput } from '@shishi/shared-types';
import { failure, ok, openWorld, validProposal, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(async () => {
  await world.close();
});

const districtWindow = { opensOn: '2026-11-24', closesOn: '2026-12-20', title: '中山区专项征集' };

describe('a window overlapping one above', () => {
  it('is refused until confirmed, saying what would happen to the district’s workers', async () => {
    const refused = failure(await world.call('demo-district', 'collectWindow', 'create', districtWindow));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.fields).toEqual([{ path: 'confirmOverlap', message: '需要确认后再设立' }]);
    expect(refused.message).toBe(
      '这个征集期（11月24日至12月20日）和大连市总工会的《2027年度为职工办实事项目征集》（10月1日至12月31日）时间重叠。' +
        '设立后，重叠的日子里中山区总工会的职工提交的建议进入本单位的征集期，不再进入大连市总工会的征集期；' +
        '已经提交到那里的建议留在原处，职工看相似建议时两边都能看到。确定要设立吗？',
    );
    expect(await world.count('collectWindows', { orgId: 'dist-zhongshan' })).toBe(0);

    const w = ok<CollectWindow>(
      await world.call('demo-district', 'collectWindow', 'create', { ...districtWindow, confirmOverlap: true }),
    );
    expect(w).toMatchObject({ orgName: '中山区总工会', status: 'open' });
    const entries = await world.count('auditLog', { targetId: w._id, action: 'createWindow' });
    expect(entries).toBe(1);
    const entry = await world.doc<{ note: string }>(
      'auditLog',
      // The one entry's id is not known here: read it through the window's id.
      (
        (await world.cloud.local.engine.inspect(() =>
          world.cloud.database().collection('auditLog').where({ targetId: w._id }).get(),
        )) as { data: Array<{ _id: string }> }
      ).data[0]._id,
    );
    expect(entry?.note).toContain('已确认与大连市总工会《2027年度为职工办实事项目征集》重叠');
    // The banner's window names its org.
    const current = ok<CurrentWindowOutput>(await world.call('demo-worker', 'collectWindow', 'current'));
    expect(current.open).toMatchObject({ _id: w._id, orgName: '中山区总工会' });
  });

  it('needs no confirmation when nothing above is open at that time', async () => {
    ok(
      await world.call('demo-district', 'collectWindow', 'create', {
        opensOn: '2027-03-01',
        closesOn: '2027-03-31',
        projectYear: 2027,
      }),
    );
  });
});

describe('proposal.similar across the windows that apply', () => {
  it('finds what colleagues sent to the city’s window while the district’s own is open', async () => {
    const sent = ok<SubmitProposalOutput>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, clientDraftId: 'draft-city-01' }),
    );
    expect(sent.windowId).toBe('win-dl-2026');
    const w = ok<CollectWindow>(
      await world.call('demo-district', 'collectWindow', 'create', { ...districtWindow, confirmOverlap: true }),
    );
    const found = ok<SimilarOutput>(
      await world.call('demo-cadre', 'proposal', 'similar', {
        title: '食堂晚餐供应时间延长',
        content: '夜班职工下班时食堂已经关门，希望晚餐供应延长到晚上八点。',
      }),
    );
    expect(found.windowId).toBe(w._id);
    expect(found.items.map((i) => i._id)).toContain(sent._id);
  });

  it('finds what was sent to the city’s window after it closed, never another district’s, a withdrawn or a rejected one', async () => {
    const canteen = { ...validProposal, title: '职工食堂延长晚餐供应时间' };
    // Sent to the city's window while it was open: by the worker, and by a colleague of another union.
    const kept = ok<SubmitProposalOutput>(
      await world.call('demo-worker', 'proposal', 'submit', { ...canteen, clientDraftId: 'draft-city-kept' }),
    );
    expect(kept.windowId).toBe('win-dl-2026');
    const taken = ok<SubmitProposalOutput>(
      await world.call('demo-worker', 'proposal', 'submit', {
        ...canteen,
        title: '食堂晚餐供应时间往后延长',
        content: '夜班职工下班时食堂早就关门了，建议晚餐供应延长到晚上八点半，夜班职工也能吃上热饭。',
        clientDraftId: 'draft-city-taken',
      }),
    );
    ok(await world.call('demo-worker', 'proposal', 'withdraw', { proposalId: taken._id }));
    ok(await world.call('demo-newcomer', 'profile', 'bind', { name: '马晓燕', orgId: 'gr-zs-mall' }));
    const flagged = ok<SubmitProposalOutput>(
      await world.call('demo-newcomer', 'proposal', 'submit', {
        ...canteen,
        title: '食堂延长晚餐时间',
        content: '夜班职工下班时食堂已经关门，建议晚餐供应延长到晚上八点，饭后还可以小赌博一下。',
        clientDraftId: 'draft-city-flagged',
      }),
    );
    expect(flagged.moderation).toBe('review');
    ok(
      await world.call('demo-district', 'proposal', 'moderate', {
        proposalId: flagged._id,
        verdict: 'reject',
        note: '涉及赌博，请改写',
      }),
    );
    // The city closes its window early; the district opens its own (nothing above is open: no question).
    ok(await world.call('demo-research', 'collectWindow', 'close', { windowId: 'win-dl-2026' }));
    const district = ok<CollectWindow>(await world.call('demo-district', 'collectWindow', 'create', districtWindow));
    // Beside them, the transport union opens its own, and one of its workers sends the same idea there.
    ok(
      await world.call('demo-industry-staff', 'collectWindow', 'create', {
        ...districtWindow,
        title: '交通运输工会专项征集',
      }),
    );
    ok(await world.call('w-bus-driver', 'profile', 'bind', { name: '赵大勇', orgId: 'gr-tr-bus' }));
    const beside = ok<SubmitProposalOutput>(
      await world.call('w-bus-driver', 'proposal', 'submit', { ...canteen, clientDraftId: 'draft-bus-01' }),
    );
    expect(beside.windowId).not.toBe('win-dl-2026');

    const found = ok<SimilarOutput>(
      await world.call('demo-cadre', 'proposal', 'similar', {
        title: '食堂晚餐供应时间延长',
        content: '夜班职工下班时食堂已经关门，希望晚餐供应延长到晚上八点。',
      }),
    );
    expect(found.windowId).toBe(district._id);
    const ids = found.items.map((i) => i._id);
    expect(ids).toContain(kept._id);
    expect(ids).not.toContain(beside._id);
    expect(ids).not.toContain(taken._id);
    expect(ids).not.toContain(flagged._id);
    // The city's window has ended: the panel says why there is no 附议 instead of offering one that fails.
    expect(found.items.find((i) => i._id === kept._id)).toMatchObject({
      mine: false,
      supportNote: '所在的征集期已结束，不能再附议',
    });
    // Its author is told it is theirs.
    const own = ok<SimilarOutput>(
      await world.call('demo-worker', 'proposal', 'similar', { title: canteen.title, content: canteen.content }),
    );
    expect(own.items.find((i) => i._id === kept._id)).toMatchObject({ mine: true, supportNote: null });
  });
});
