/** proposal.export, message.* and project.get through wx-server-sdk on the local runtime. */
import ExcelJS from 'exceljs';
import {
  subscribeTopics,
  type DecideOutput,
  type ExportOutputFile,
  type ListMessagesOutput,
  type Proposal,
  type PushDrainOutput,
  type PushLedger,
} from '@shishi/shared-types';
import { exportColumns } from '../proposal/commands/export';
import { failure, ok, png, validProposal, worldPerTest } from './world';
import { finished } from './jobReplies';

const world = worldPerTest();

describe('proposal.export', () => {
  it('writes a real .xlsx of the window with authors, supporters, scores, status and attachment links', async () => {
    const { fileID: img } = await world.cloud.uploadFile({
      cloudPath: 'proposals/demo-worker/p.png',
      fileContent: png,
    });
    const withImage = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, attachments: [img] }),
    );
    ok(await world.call('demo-cadre', 'proposal', 'support', { proposalId: 'seed-p8' }));
    ok(await world.call('demo-district', 'proposal', 'merge', { keepId: 'seed-p8', mergeIds: ['seed-p9'] }));
    ok(
      await world.call('demo-district', 'proposal', 'score', {
        proposalId: 'seed-p8',
        urgency: 5,
        urgencyEvidence: '需求调查：72% 选择',
        feasibility: 4,
        feasibilityNote: '有场地',
      }),
    );
    ok(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p8',
        kind: 'adopt',
        confirmUnscored: true,
      }),
    );

    // A second proposal of the worker, withdrawn: in the file, not in the screening list.
    const gone = ok<Proposal>(
      await world.call('demo-worker', 'proposal', 'submit', {
        ...validProposal,
        title: '夜班职工通勤班车',
        content: '夜班下班时公交已经停运，希望工会协调开通通勤班车，方便夜班职工回家。',
      }),
    );
    ok(await world.call('demo-worker', 'proposal', 'withdraw', { proposalId: gone._id }));

    const out = finished<ExportOutputFile>(await world.call('demo-district', 'proposal', 'export', {}));
    expect(out.rows).toBe(7); // 中山区: five seeded and the two new ones
    // What the file holds beyond the screening list: p9 merged into p8, and the withdrawn one.
    expect(out.merged).toBe(1);
    expect(out.withdrawn).toBe(1);
    const listed = ok<{ total: number }>(await world.call('demo-district', 'proposal', 'screen', {}));
    expect(out.rows - out.merged - out.withdrawn).toBe(listed.total);
    expect(out.fileName).toMatch(/^2027年度为职工办实事项目征集-dist-zhongshan-\d{12}\.xlsx$/);
    expect(out.url).toMatch(/^\/storage\/exports\/proposals\/\d{8}-[0-9a-f]{32}\.xlsx\?e=\d+&s=[\w-]+$/);
    const file = await world.cloud.downloadFile({ fileID: out.fileID });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.fileContent as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('建议')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...exportColumns]);
    const col = (name: (typeof exportColumns)[number]) => exportColumns.indexOf(name) + 1;
    const rowOf = (id: string) => {
      for (let r = 2; r <= sheet.rowCount; r += 1) if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r);
      throw new Error(`no row for ${id}`);
    };
    const kept = rowOf('seed-p8');
    expect(kept.getCell(col('作者')).value).toBe('高文静');
    expect(kept.getCell(col('附议人')).value).toBe('赵海涛、孙丽娜、李建国');
    expect(kept.getCell(col('附议人数')).value).toBe(3);
    // 高文静, her three supporters, and 韩桂兰 (高文静 also supported p9: counted once).
    expect(kept.getCell(col('意愿集中度（人）')).value).toBe(5);
    expect(kept.getCell(col('合并的建议及作者')).value).toBe('《环卫工人冬季休息点建设》韩桂兰');
    expect(kept.getCell(col('需求迫切度（1-5）')).value).toBe(5);
    expect(kept.getCell(col('办结条件（1-5）')).value).toBe(4);
    expect(kept.getCell(col('综合得分')).value).toBe(92.5);
    expect(kept.getCell(col('状态')).value).toBe('已采纳');
    expect(kept.getCell(col('决定说明')).value).toBe('采纳');
    expect(rowOf('seed-p9').getCell(col('合并到')).value).toBe('《在街道设立户外劳动者爱心驿站》');
    const link = rowOf(withImage._id).getCell(col('附件链接')).value as { text: string; hyperlink: string };
    expect(link.hyperlink).toMatch(/^\/storage\/proposals\/demo-worker\/p\.png\?e=\d+&s=[\w-]+$/);
  });

  it('is for staff, within their subtree', async () => {
    expect(failure(await world.call('demo-worker', 'proposal', 'export', {})).code).toBe('FORBIDDEN');
    expect(failure(await world.call('demo-district', 'proposal', 'export', { orgId: 'dist-xigang' })).code).toBe(
      'FORBIDDEN',
    );
    const city = finished<ExportOutputFile>(await world.call('demo-research', 'proposal', 'export', {}));
    expect(city.rows).toBe(12);
  });
});

describe('message.* and project.get', () => {
  it('lists, counts unread and marks read; each accepted one-time subscription allows one message', async () => {
    const template = subscribeTopics.proposalDecided.templateId;
    const decidedTopic = (l: PushLedger) => l.topics.find((t) => t.topic === 'proposalDecided');
    const sub = ok<PushLedger>(
      await world.call('demo-worker', 'push', 'subscribe', { results: { [template]: 'accept' } }),
    );
    expect(decidedTopic(sub)).toMatchObject({ oneTime: 1, canReceive: true });
    const refused = ok<PushLedger>(
      await world.call('demo-worker', 'push', 'subscribe', { results: { [template]: 'reject' } }),
    );
    expect(decidedTopic(refused)?.oneTime).toBe(1);
    const decided = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p1',
        kind: 'defer',
        reason: '明年再议',
      }),
    );
    expect(decided.notified).toBe(1);
    const list = ok<ListMessagesOutput>(await world.call('demo-worker', 'message', 'list', { unreadOnly: true }));
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({
      kind: 'proposalDecided',
      proposalId: 'seed-p1',
      read: false,
      title: '您的建议暂缓办理',
    });
    // The subscribe message goes out with the push queue's next drain (timer, or an admin's push.drain).
    expect(world.cloud.local.openapi.outbox).toHaveLength(0);
    expect(ok<PushDrainOutput>(await world.call('demo-admin', 'push', 'drain', {}))).toMatchObject({ sent: 1 });
    expect(world.cloud.local.openapi.outbox).toHaveLength(1);
    expect(decidedTopic(ok<PushLedger>(await world.call('demo-worker', 'push', 'ledger', {})))).toMatchObject({
      oneTime: 0,
      canReceive: false,
    });
    // Others' ids are ignored.
    expect(
      ok<{ unread: number }>(await world.call('demo-cadre', 'message', 'markRead', { ids: [list.items[0]._id] }))
        .unread,
    ).toBe(0);
    expect(ok<ListMessagesOutput>(await world.call('demo-worker', 'message', 'list', {})).unread).toBe(1);
    expect(ok<{ unread: number }>(await world.call('demo-worker', 'message', 'markRead', { all: true })).unread).toBe(
      0,
    );
    expect(failure(await world.call('demo-worker', 'message', 'markRead', {})).fields).toEqual([
      { path: 'ids', message: '请选择要标为已读的消息' },
    ]);
  });

  it('shows a draft project to its authors and staff in scope only', async () => {
    const out = ok<DecideOutput>(
      await world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p1',
        kind: 'adopt',
        confirmUnscored: true,
      }),
    );
    const id = out.project!._id;
    expect(ok(await world.call('demo-worker', 'project', 'get', { projectId: id }))).toMatchObject({
      title: '为户外环卫工人增设爱心驿站',
      status: 'draft',
      progress: 10,
      origin: [{ _id: 'seed-p1', status: 'adopted' }],
    });
    expect(ok(await world.call('demo-research', 'project', 'get', { projectId: id }))).toMatchObject({ _id: id });
    expect(failure(await world.call('demo-cadre', 'project', 'get', { projectId: id })).code).toBe('FORBIDDEN');
    expect(failure(await world.call('demo-worker', 'project', 'get', { projectId: 'nope' })).code).toBe(
      'INVALID_INPUT',
    );
  });
});
