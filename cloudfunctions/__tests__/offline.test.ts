/** proposal.submitOffline, attachments and the content-review queue, through wx-server-sdk on the local runtime. */
import { createHash } from 'node:crypto';
import type { GetProposalOutput, Proposal, ProposalPage } from '@shishi/shared-types';
import type { ProposalDoc } from '../proposal/model';
import { failure, NOV, ok, png, validProposal, worldPerTest } from './world';

// The image verdict comes a second later (a loaded machine took longer than the default 50 ms to look before it).
const world = worldPerTest(undefined, { mediaCheckDelayMs: 1000 });

async function uploaded(openid: string, name: string, content: Buffer = png): Promise<string> {
  const res = await world.cloud.uploadFile({ cloudPath: `proposals/${openid}/${name}`, fileContent: content });
  return res.fileID;
}

const paper = {
  ...validProposal,
  title: '环卫工人冬季休息取暖点',
  content: '冬天凌晨四点上岗，手脚冻僵，路上没有地方取暖喝热水。希望沿街设置环卫工人休息取暖点。',
  workerName: '马春生',
  unit: '环卫三队',
  phone: '13912345678',
};

describe('proposal.submitOffline', () => {
  it('stores a paper proposal for a worker of the cadre’s union, with who entered it and the form photo', async () => {
    const form = await uploaded('demo-cadre', 'form.png');
    const p = ok<Proposal>(
      await world.call('demo-cadre', 'proposal', 'submitOffline', { ...paper, attachments: [form] }),
    );
    expect(p).toMatchObject({
      channel: 'offline',
      authorName: '马春生',
      orgId: 'gr-zs-sanitation',
      mine: false,
      offline: { enteredByName: '李建国', unit: '环卫三队', phone: '13912345678' },
      // The image check (mediaCheckAsync) answers later.
      attachments: [{ fileID: form, contentType: 'image/png', size: png.length, moderation: 'pending' }],
    });
    expect(p.attachments[0].url).toMatch(/^\/storage\/proposals\/demo-cadre\//);
    const stored = await world.doc<ProposalDoc>('proposals', p._id);
    expect(stored).toMatchObject({
      authorOpenid: null,
      authorKey: 'offline:gr-zs-sanitation:马春生',
      needsReview: false,
    });
    expect(await world.count('auditLog', { targetId: p._id, action: 'submitOffline' })).toBe(1);
    // Staff see the phone; other workers see neither the phone nor the held image.
    const staff = ok<GetProposalOutput>(await world.call('demo-district', 'proposal', 'get', { proposalId: p._id }));
    expect(staff.proposal.offline?.phone).toBe('13912345678');
    const other = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: p._id }));
    expect(other.proposal.offline).toMatchObject({ phone: null, enteredByName: '李建国' });
    expect(other.proposal.attachments).toEqual([]);
    expect(other.proposal.authorName).toBe('马**');
    // The verdict arrives (message push): the photo passed, and others see it now.
    await world.cloud.local.openapi.settled();
    const checked = ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: p._id }));
    expect(checked.proposal.attachments.map((a) => a.moderation)).toEqual(['pass']);
    expect(world.cloud.local.openapi.mediaChecks.at(-1)).toMatchObject({ openid: 'demo-cadre', suggest: 'pass' });
    // Entering the same paper again stores nothing more.
    const again = ok<Proposal>(
      await world.call('demo-cadre', 'proposal', 'submitOffline', { ...paper, attachments: [form] }),
    );
    expect(again._id).toBe(p._id);
  });

  it('shows up in the worker’s 我的建议 once their profile matches (name and union)', async () => {
    const p = ok<Proposal>(await world.call('demo-cadre', 'proposal', 'submitOffline', paper));
    const before = ok<ProposalPage>(await world.call('demo-worker', 'proposal', 'listMine', {}));
    expect(before.items.map((i) => i._id)).not.toContain(p._id);
    ok(await world.call('demo-newcomer', 'profile', 'bind', { name: '马春生', orgId: 'gr-zs-sanitation' }));
    const mine = ok<ProposalPage>(await world.call('demo-newcomer', 'proposal', 'listMine', {}));
    expect(mine.items).toEqual([
      expect.objectContaining({ _id: p._id, mine: true, authorName: '马春生', channel: 'offline' }),
    ]);
    // Same name in another union: not theirs.
    ok(await world.call('demo-newcomer', 'profile', 'bind', { name: '马春生', orgId: 'gr-xg-hotel' }));
    expect(ok<ProposalPage>(await world.call('demo-newcomer', 'proposal', 'listMine', {})).total).toBe(0);
  });

  it('refuses invalid input naming the fields, another union for a cadre, and workers', async () => {
    const bad = failure(
      await world.call('demo-cadre', 'proposal', 'submitOffline', { ...paper, workerName: '', phone: '123' }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.fields).toEqual([
      { path: 'workerName', message: '请填写职工姓名' },
      { path: 'phone', message: '电话号码格式不对（手机 11 位，座机带区号）' },
    ]);
    const elsewhere = failure(
      await world.call('demo-cadre', 'proposal', 'submitOffline', { ...paper, orgId: 'gr-xg-hotel' }),
    );
    expect(elsewhere.code).toBe('FORBIDDEN');
    expect(failure(await world.call('demo-worker', 'proposal', 'submitOffline', paper)).code).toBe('FORBIDDEN');
    // District staff enter for a grassroots union of their district, not for the district itself.
    expect(
      ok<Proposal>(await world.call('demo-district', 'proposal', 'submitOffline', { ...paper, orgId: 'gr-zs-mall' }))
        .orgId,
    ).toBe('gr-zs-mall');
    const notGrassroots = failure(
      await world.call('demo-district', 'proposal', 'submitOffline', { ...paper, orgId: 'dist-zhongshan' }),
    );
    expect(notGrassroots.fields).toEqual([{ path: 'orgId', message: '请选择基层工会' }]);
  });
});

describe('attachments', () => {
  it('accepts up to 9 of the caller’s own images and refuses others’, missing, oversize and non-images', async () => {
    const mine = await uploaded('demo-worker', 'a.png');
    const theirs = await uploaded('demo-cadre', 'b.png');
    const text = await uploaded('demo-worker', 'c.png', Buffer.from('not an image at all'));
    const huge = await uploaded('demo-worker', 'd.png', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    const before = await world.count('proposals');
    const error = failure(
      await world.call('demo-worker', 'proposal', 'submit', {
        ...validProposal,
        attachments: [mine, theirs, mine.replace('a.png', 'gone.png'), text, huge],
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([
      { path: 'attachments.1', message: '只能添加自己上传的图片' },
      { path: 'attachments.2', message: '图片不存在，请重新上传' },
      { path: 'attachments.3', message: '只能上传 JPG、PNG、GIF 或 WebP 图片' },
      { path: 'attachments.4', message: '图片太大了（最大 5 MB）' },
    ]);
    const tooMany = failure(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: Array(10).fill(mine) }),
    );
    expect(tooMany.fields?.[0]).toEqual({ path: 'attachments', message: '最多 9 张图片' });
    expect(await world.count('proposals')).toBe(before);
    const p = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: [mine] }),
    );
    expect(p.attachments).toHaveLength(1);
  });
});

describe('proposal.reviewQueue / moderate', () => {
  it('holds flagged text and flagged images for staff; pass shows them, reject keeps them to author and staff', async () => {
    // An image the check calls risky (the stand-in flags listed SHA-256s), beside one it passes.
    const bad = Buffer.concat([png, Buffer.from('flagged')]);
    world.cloud.local.openapi.blockedImages.add(createHash('sha256').update(bad).digest('hex'));
    const img = await uploaded('demo-worker', 'photo.png', bad);
    const fine = await uploaded('demo-worker', 'fine.png');
    const withImage = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: [img, fine] }),
    );
    expect(withImage.moderation).toBe('pass');
    await world.cloud.local.openapi.settled();
    const flagged = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', {
        ...validProposal,
        title: '职工二手交易群',
        content: '建议建立职工二手交易群，有意者加微信联系管理员。',
      }),
    );
    const queue = ok<ProposalPage>(await world.call('demo-district', 'proposal', 'reviewQueue', {}));
    expect(queue.items.map((i) => i._id)).toEqual([withImage._id, flagged._id]);
    expect(ok<ProposalPage>(await world.call('demo-research', 'proposal', 'reviewQueue', {})).total).toBe(2);
    const xigang = await world.cloud.database().collection('users').doc('demo-district').get();
    expect(xigang.data.orgId).toBe('dist-zhongshan');

    // The text passed: others see the proposal and the image that passed, not the flagged one, until staff pass it.
    const seen = ok<GetProposalOutput>(
      await world.call('demo-cadre', 'proposal', 'get', { proposalId: withImage._id }),
    );
    expect(seen.proposal.attachments.map((a) => a.fileID)).toEqual([fine]);
    const passed = ok<Proposal>(
      await world.call('demo-district', 'proposal', 'moderate', { proposalId: withImage._id, verdict: 'pass' }),
    );
    expect(passed.attachments.map((a) => a.moderation)).toEqual(['pass', 'pass']);
    const now = ok<GetProposalOutput>(await world.call('demo-cadre', 'proposal', 'get', { proposalId: withImage._id }));
    expect(now.proposal.attachments).toHaveLength(2);

    const rejected = ok<Proposal>(
      await world.call('demo-district', 'proposal', 'moderate', {
        proposalId: flagged._id,
        verdict: 'reject',
        note: '含联系方式',
      }),
    );
    expect(rejected.moderation).toBe('rejected');
    expect(failure(await world.call('demo-cadre', 'proposal', 'get', { proposalId: flagged._id })).code).toBe(
      'FORBIDDEN',
    );
    expect(
      ok<GetProposalOutput>(await world.call('demo-worker', 'proposal', 'get', { proposalId: flagged._id })).proposal
        .moderation,
    ).toBe('rejected');
    expect(ok<ProposalPage>(await world.call('demo-district', 'proposal', 'reviewQueue', {})).total).toBe(0);
    // Already reviewed: a clear error, not a second change.
    expect(
      failure(await world.call('demo-district', 'proposal', 'moderate', { proposalId: flagged._id, verdict: 'pass' }))
        .code,
    ).toBe('CONFLICT');
    expect(await world.count('auditLog', { action: 'moderate' })).toBe(2);
    expect(await world.count('messages', { openid: 'demo-worker', kind: 'proposalModerated' })).toBe(1);
    // Staff of another district cannot moderate.
    expect(
      failure(await world.call('demo-district', 'proposal', 'moderate', { proposalId: 'seed-p4', verdict: 'pass' }))
        .code,
    ).toBe('FORBIDDEN');
  });

  it('applies an asynchronous image verdict (production mediaCheckAsync) by trace id', async () => {
    const { applyMediaCheck } = await import('../proposal/mediaCheck');
    const img = await uploaded('demo-worker', 'x.png');
    const p = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: [img] }),
    );
    const db = world.cloud.database();
    await db
      .collection('proposals')
      .doc(p._id)
      .update({
        data: {
          attachments: [
            { fileID: img, contentType: 'image/png', size: png.length, moderation: 'pending', traceId: 't-1' },
          ],
          needsReview: false,
        },
      });
    expect(
      await applyMediaCheck(
        world.cloud,
        { Event: 'wxa_media_check', trace_id: 't-1', result: { suggest: 'pass' } },
        new Date(NOV),
      ),
    ).toBe(true);
    expect((await world.doc<ProposalDoc>('proposals', p._id))?.attachments[0].moderation).toBe('pass');
  });

  it('keeps a verdict that arrives before its proposal is stored, and applies it right after the insert', async () => {
    const { applyMediaCheck, applyEarlyVerdicts } = await import('../proposal/mediaCheck');
    // Each image's verdict is delivered as soon as possible: faster than the insert of its proposal.
    expect(
      await applyMediaCheck(
        world.cloud,
        { Event: 'wxa_media_check', trace_id: 't-early', result: { suggest: 'risky' } },
        new Date(NOV),
      ),
    ).toBe(false);
    expect(await world.count('mediaVerdicts')).toBe(1);
    const img = await uploaded('demo-worker', 'y.png');
    const p = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: [img] }),
    );
    await world.cloud.local.openapi.settled();
    const db = world.cloud.database();
    await db
      .collection('proposals')
      .doc(p._id)
      .update({
        data: {
          attachments: [
            { fileID: img, contentType: 'image/png', size: png.length, moderation: 'pending', traceId: 't-early' },
          ],
          needsReview: false,
        },
      });
    const doc = (await world.doc<ProposalDoc>('proposals', p._id))!;
    const applied = await applyEarlyVerdicts(db, doc, new Date(NOV));
    expect(applied.attachments[0].moderation).toBe('review');
    expect(await world.doc<ProposalDoc>('proposals', p._id)).toMatchObject({
      needsReview: true,
      attachments: [{ moderation: 'review', traceId: 't-early' }],
    });
    expect(await world.count('mediaVerdicts')).toBe(0);
    expect(ok<ProposalPage>(await world.call('demo-district', 'proposal', 'reviewQueue', {})).items[0]._id).toBe(p._id);
  });

  it('verdicts for several images of one proposal, delivered together, all land', async () => {
    const files = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => uploaded('demo-worker', `m${i}.png`)));
    const p = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: files }),
    );
    expect(p.attachments.every((a) => a.moderation === 'pending')).toBe(true);
    await world.cloud.local.openapi.settled();
    const stored = (await world.doc<ProposalDoc>('proposals', p._id))!;
    expect(stored.attachments.map((a) => a.moderation)).toEqual(Array(9).fill('pass'));
    expect(stored.needsReview).toBe(false);
  });
});
