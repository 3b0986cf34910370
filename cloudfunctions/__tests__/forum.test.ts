/**
 * 现场座谈 (第五条（七）) on the strict local runtime: the unit records a forum (participants, issues,
 * photos, follow-ups), edits it keeping done follow-ups, marks follow-ups done; bad input stores nothing;
 * staff see everything with open and overdue follow-ups, workers the short version once the text passed
 * the check; forumFigures equals what the list shows.
 */
import type { Forum, ForumPage } from '@shishi/shared-types';
import { forumFigures } from '../common/forums';
import { insertProject } from './fixtures';
import { failure, ok, png, worldPerTest } from './world';

const world = worldPerTest();
const DISTRICT = 'demo-district';
const INDUSTRY = 'demo-industry-staff';
const WORKER = 'demo-worker';

const f = (openid: string, action: string, data?: unknown) => world.call(openid, 'forum', action, data);

const forum = (projectId = 'pj1', over: Record<string, unknown> = {}) => ({
  projectId,
  date: '2026-11-20',
  place: '中山区环卫一队会议室',
  attendance: 32,
  participants: [
    { unit: '中山区环卫一队', count: 20 },
    { unit: '中山区环卫二队', count: 10 },
  ],
  summary: '职工对体检项目总体满意，希望增加眼科和骨科检查，并把体检时间安排在上午。',
  issues: ['体检时间和早班冲突', '希望家属也能参加'],
  followUps: [
    { what: '和体检中心协商增加上午场次', owner: '张丽', dueDate: '2026-12-15' },
    { what: '答复家属参加的问题', owner: '王强', dueDate: '2026-11-22' },
  ],
  ...over,
});

async function upload(openid: string, name: string, content: Buffer = png): Promise<string> {
  return (await world.cloud.uploadFile({ cloudPath: `proposals/${openid}/${name}`, fileContent: content })).fileID;
}

const list = async (openid: string, projectId = 'pj1') => ok<ForumPage>(await f(openid, 'list', { projectId }));

describe('forum.record', () => {
  it('stores the forum with its participants, issues, photos and follow-ups, audited', async () => {
    await insertProject(world, 'pj1');
    const photo = await upload(DISTRICT, 'forum.png');
    const out = ok<Forum>(await f(DISTRICT, 'record', forum('pj1', { photos: [photo] })));
    expect(out).toMatchObject({ _id: 'pj1_f1', date: '2026-11-20', attendance: 32, place: '中山区环卫一队会议室' });
    expect(out.detail!.participants).toEqual(forum().participants);
    expect(out.detail!.issues).toEqual(forum().issues);
    expect(out.detail!.photos.map((p) => p.fileID)).toEqual([photo]);
    // Today is 2026-11-24: the follow-up due 11-22 is overdue, the other open.
    expect(out.detail!.followUps.map((x) => [x.what, x.done, x.overdue])).toEqual([
      ['和体检中心协商增加上午场次', false, false],
      ['答复家属参加的问题', false, true],
    ]);
    expect(out.detail).toMatchObject({ openFollowUps: 2, overdueFollowUps: 1, shownToWorkers: true, canEdit: true });
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'recordForum' })).toBe(1);
    expect(await world.count('projectForums', { projectId: 'pj1' })).toBe(1);
  });

  it.each([
    ['a date after today', { date: '2026-11-25' }, 'date'],
    ['attendance below 1', { attendance: 0 }, 'attendance'],
    ['a unit with no name', { participants: [{ unit: '  ', count: 3 }] }, 'participants.0.unit'],
    ['units adding up to more than came', { attendance: 5 }, 'attendance'],
    [
      'a follow-up due before the forum',
      { followUps: [{ what: '回访', owner: '张丽', dueDate: '2026-11-19' }] },
      'followUps.0.dueDate',
    ],
    ['a summary too short', { summary: '很好' }, 'summary'],
    ['an issue left empty', { issues: [''] }, 'issues.0'],
  ])('refuses %s with the field at fault and stores nothing', async (_label, over, path) => {
    await insertProject(world, 'pj1');
    const err = failure(await f(DISTRICT, 'record', forum('pj1', over)));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.fields?.map((x) => x.path)).toContain(path);
    expect(await world.count('projectForums', { projectId: 'pj1' })).toBe(0);
    expect(await world.count('auditLog', { targetId: 'pj1' })).toBe(0);
  });

  it('refuses too many photos, someone else’s upload and a file that is not an image', async () => {
    await insertProject(world, 'pj1');
    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(DISTRICT, `p${i}.png`)));
    expect(failure(await f(DISTRICT, 'record', forum('pj1', { photos: many }))).fields?.[0].path).toBe('photos');
    const theirs = await upload(WORKER, 'w.png');
    expect(failure(await f(DISTRICT, 'record', forum('pj1', { photos: [theirs] }))).fields?.[0].path).toBe('photos.0');
    const text = await upload(DISTRICT, 'note.png', Buffer.from('not an image at all'));
    expect(failure(await f(DISTRICT, 'record', forum('pj1', { photos: [text] }))).fields?.[0].path).toBe('photos.0');
    expect(await world.count('projectForums', { projectId: 'pj1' })).toBe(0);
  });

  it('only staff of the unit record, and only while the project runs', async () => {
    await insertProject(world, 'pj1');
    expect(failure(await f(WORKER, 'record', forum())).code).toBe('FORBIDDEN');
    expect(failure(await f(INDUSTRY, 'record', forum())).code).toBe('FORBIDDEN');
    await insertProject(world, 'pj2', { status: 'established' });
    expect(failure(await f(DISTRICT, 'record', forum('pj2'))).code).toBe('CONFLICT');
    await insertProject(world, 'pj3', { status: 'closed' });
    expect(failure(await f(DISTRICT, 'record', forum('pj3'))).code).toBe('CONFLICT');
    expect(await world.count('projectForums', {})).toBe(0);
  });

  it('an edit keeps the done state of the follow-ups it keeps and drops the ones left out', async () => {
    await insertProject(world, 'pj1');
    const first = ok<Forum>(await f(DISTRICT, 'record', forum()));
    const [a, b] = first.detail!.followUps;
    ok(await f(DISTRICT, 'completeFollowUp', { forumId: first._id, key: a.key, doneOn: '2026-11-23' }));
    const edited = ok<Forum>(
      await f(
        DISTRICT,
        'record',
        forum('pj1', {
          forumId: first._id,
          attendance: 40,
          followUps: [
            { key: a.key, what: a.what, owner: '张丽', dueDate: a.dueDate },
            { what: '整理职工意见报区总工会', owner: '李敏', dueDate: '2026-12-01' },
          ],
        }),
      ),
    );
    expect(edited._id).toBe(first._id);
    expect(edited.attendance).toBe(40);
    expect(edited.detail!.followUps.map((x) => [x.what, x.done, x.doneOn])).toEqual([
      [a.what, true, '2026-11-23'],
      ['整理职工意见报区总工会', false, null],
    ]);
    expect(edited.detail!.followUps[1].key).not.toBe(b.key);
    expect(await world.count('projectForums', { projectId: 'pj1' })).toBe(1);
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'editForum' })).toBe(1);
    // A key that is not on the forum is refused.
    const err = failure(
      await f(
        DISTRICT,
        'record',
        forum('pj1', {
          forumId: first._id,
          followUps: [{ key: b.key, what: '回访', owner: '张丽', dueDate: '2026-12-01' }],
        }),
      ),
    );
    expect(err.fields?.[0].path).toBe('followUps.0.key');
  });
});

describe('forum.record: photos on edit, numbering', () => {
  it('an edit keeps the stored photos it lists, drops the others, and checks only new ones', async () => {
    await insertProject(world, 'pj1');
    const [a, b] = [await upload(DISTRICT, 'a.png'), await upload(DISTRICT, 'b.png')];
    const first = ok<Forum>(await f(DISTRICT, 'record', forum('pj1', { photos: [a, b] })));
    const c = await upload(DISTRICT, 'c.png');
    const edited = ok<Forum>(await f(DISTRICT, 'record', forum('pj1', { forumId: first._id, photos: [b, c] })));
    expect(edited.detail!.photos.map((p) => p.fileID)).toEqual([b, c]);
    const bad = await upload(DISTRICT, 'bad.png', Buffer.from('plain text'));
    const err = failure(await f(DISTRICT, 'record', forum('pj1', { forumId: first._id, photos: [b, c, bad] })));
    expect(err.fields?.map((x) => x.path)).toEqual(['photos.0']);
    const stored = await world.doc<{ photos: Array<{ fileID: string }> }>('projectForums', first._id);
    expect(stored!.photos.map((p) => p.fileID)).toEqual([b, c]);
  });

  it('forums recorded at the same moment get their own numbers', async () => {
    await insertProject(world, 'pj1');
    const outs = await Promise.all(
      ['2026-11-18', '2026-11-19', '2026-11-20'].map((date) => f(DISTRICT, 'record', forum('pj1', { date }))),
    );
    const ids = outs.filter((o) => o.ok).map((o) => (o as { data: Forum }).data._id);
    // Each stored one has its own number; a loser of the race is told to try again, never overwritten.
    expect(new Set(ids).size).toBe(ids.length);
    expect(await world.count('projectForums', { projectId: 'pj1' })).toBe(ids.length);
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'recordForum' })).toBe(ids.length);
    for (const o of outs) if (!o.ok) expect(o.error.code).toBe('CONFLICT');
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe('forum.completeFollowUp', () => {
  it('marks done (not in the future, not twice), undoes, and the counts follow', async () => {
    await insertProject(world, 'pj1');
    const out = ok<Forum>(await f(DISTRICT, 'record', forum()));
    const late = out.detail!.followUps[1];
    expect(
      failure(await f(DISTRICT, 'completeFollowUp', { forumId: out._id, key: late.key, doneOn: '2026-11-30' })).fields,
    ).toEqual([{ path: 'doneOn', message: '完成日期不能晚于今天' }]);
    const done = ok<Forum>(await f(DISTRICT, 'completeFollowUp', { forumId: out._id, key: late.key }));
    expect(done.detail!.followUps[1]).toMatchObject({ done: true, doneOn: '2026-11-24', overdue: false });
    expect(done.detail).toMatchObject({ openFollowUps: 1, overdueFollowUps: 0 });
    expect(failure(await f(DISTRICT, 'completeFollowUp', { forumId: out._id, key: late.key })).code).toBe('CONFLICT');
    expect(failure(await f(WORKER, 'completeFollowUp', { forumId: out._id, key: late.key })).code).toBe('FORBIDDEN');
    const undone = ok<Forum>(await f(DISTRICT, 'completeFollowUp', { forumId: out._id, key: late.key, undo: true }));
    expect(undone.detail).toMatchObject({ openFollowUps: 2, overdueFollowUps: 1 });
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'completeFollowUp' })).toBe(1);
    expect(await world.count('auditLog', { targetId: 'pj1', action: 'reopenFollowUp' })).toBe(1);
  });
});

describe('forum.list', () => {
  it('staff: newest first, paged, with the figures; workers: the short version of checked forums', async () => {
    await insertProject(world, 'pj1');
    ok(await f(DISTRICT, 'record', forum('pj1', { date: '2026-11-10', followUps: [] })));
    ok(await f(DISTRICT, 'record', forum('pj1', { date: '2026-11-20' })));
    // Flagged by the text check: staff see it, workers do not.
    ok(
      await f(
        DISTRICT,
        'record',
        forum('pj1', {
          date: '2026-11-15',
          attendance: 30,
          followUps: [],
          summary: '有人在会上说可以加微信领取补贴，已当场澄清。',
        }),
      ),
    );
    const staff = await list(DISTRICT);
    expect(staff.items.map((x) => x.date)).toEqual(['2026-11-20', '2026-11-15', '2026-11-10']);
    expect(staff).toMatchObject({ total: 3, staff: true, canRecord: true });
    expect(staff.figures).toEqual({ forums: 3, attendance: 94, openFollowUps: 2, overdueFollowUps: 1 });
    expect(staff.items[1].detail!.shownToWorkers).toBe(false);

    const paged = ok<ForumPage>(await f(DISTRICT, 'list', { projectId: 'pj1', page: 2, pageSize: 2 }));
    expect(paged.items.map((x) => x.date)).toEqual(['2026-11-10']);

    const workers = await list(WORKER);
    expect(workers).toMatchObject({ total: 2, staff: false, canRecord: false, figures: null });
    expect(workers.items.map((x) => x.date)).toEqual(['2026-11-20', '2026-11-10']);
    expect(workers.items.every((x) => x.detail === null)).toBe(true);
    expect(Object.keys(workers.items[0]).sort()).toEqual(
      ['_id', 'attendance', 'date', 'detail', 'place', 'projectId', 'summary'].sort(),
    );
    const hidden = staff.items[1]._id;
    expect(failure(await f(WORKER, 'get', { forumId: hidden })).code).toBe('INVALID_INPUT');
    expect(ok<Forum>(await f(DISTRICT, 'get', { forumId: hidden })).detail).not.toBeNull();
  });

  it('workers see nothing of a project that is not published yet', async () => {
    await insertProject(world, 'pj1', { status: 'established' });
    expect(failure(await f(WORKER, 'list', { projectId: 'pj1' })).code).toBe('FORBIDDEN');
    expect((await list(DISTRICT)).items).toEqual([]);
  });

  it('overdue follow-ups follow the Shanghai date, and forumFigures equals the list', async () => {
    await insertProject(world, 'pj1');
    await insertProject(world, 'pj2');
    ok(await f(DISTRICT, 'record', forum('pj1')));
    // 2026-12-15 23:30 in Shanghai (15:30 UTC): the 12-15 follow-up is due today, not overdue.
    world.setNow(Date.parse('2026-12-15T23:30:00+08:00'));
    expect((await list(DISTRICT)).figures).toMatchObject({ openFollowUps: 2, overdueFollowUps: 1 });
    // Half an hour later it is 12-16 in Shanghai (still 12-15 in UTC): overdue.
    world.setNow(Date.parse('2026-12-16T00:05:00+08:00'));
    const shown = (await list(DISTRICT)).figures;
    expect(shown).toMatchObject({ openFollowUps: 2, overdueFollowUps: 2 });
    const db = world.cloud.database();
    const figures = await world.cloud.local.engine.inspect(() =>
      forumFigures(db, ['pj1', 'pj2'], new Date(world.now())),
    );
    expect(figures.get('pj1')).toEqual(shown);
    expect(figures.get('pj2')).toEqual({ forums: 0, attendance: 0, openFollowUps: 0, overdueFollowUps: 0 });
  });
});
