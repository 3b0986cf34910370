/**
 * 职工评价 on the strict local runtime: anonymity (no stored rating, counter or export names a rater),
 * who may rate (audience vs served only), the rating period, scores out of range, 1,000 identical
 * ratings at once, the 7-day change moving the counts exactly once, counters equal to a recompute, a
 * counting cut off settled exactly once, the summary's thresholds, invitations once per person.
 */
import ExcelJS from 'exceljs';
import type {
  RatingCommentsOutput,
  RatingConfigureOutput,
  RatingModerateOutput,
  RatingExportOutput,
  RatingMineOutput,
  RatingRecomputeOutput,
  RatingSubmitOutput,
  RatingSummaryOutput,
} from '@shishi/shared-types';
import { personHash, personKey } from '../checkin/served';
import { ratingFigures } from '../common/ratings';
import { RATING_SETTLE_AFTER_MS } from '../rating/counting';
import { timerTriggers } from '../registry';
import { workers } from './surveyFixtures';
import { insertProject } from './fixtures';
import { failure, ok, worldPerTest } from './world';
import { inviteOnOpening } from '../rating/commands/configure';

const world = worldPerTest();
const STAFF = 'demo-district';
const PROJECT = 'pj1';

const r = (openid: string, action: string, data?: unknown) => world.call(openid, 'rating', action, data);
const scores = (a: number, p = a, b = a, s = a) => ({ awareness: a, participation: p, benefit: b, satisfaction: s });

async function openRating(eligibility: 'audience' | 'served' = 'audience', opensOn = '2026-11-24') {
  return ok<RatingConfigureOutput>(await r(STAFF, 'configure', { projectId: PROJECT, opensOn, eligibility }));
}

/** A check-in or desk registration of a worker (union and name), as the checkin function stores it. */
async function servedRecord(unitId: string, name: string, openid: string | null) {
  const db = world.cloud.database();
  const person = personHash(personKey(unitId, name));
  await world.cloud.local.engine.inspect(() =>
    db.collection('checkins').add({
      data: {
        _id: `${PROJECT}_20261120_${person}`,
        projectId: PROJECT,
        pointId: null,
        day: '2026-11-20',
        person,
        source: openid ? 'scan' : 'register',
        openid,
        name,
        unitId,
        unitName: unitId,
        phoneTail: null,
        at: new Date(world.now()),
        by: openid ?? STAFF,
      },
    }),
  );
}

async function all<T>(collection: string): Promise<T[]> {
  const db = world.cloud.database();
  return world.cloud.local.engine.inspect(async () => {
    const out: T[] = [];
    for (let skip = 0; ; skip += 1000) {
      const res = await db.collection(collection).skip(skip).limit(1000).get();
      out.push(...(res.data as T[]));
      if (res.data.length < 1000) return out;
    }
  });
}

async function recompute(): Promise<RatingRecomputeOutput> {
  return ok<RatingRecomputeOutput>(await r(STAFF, 'recompute', { projectId: PROJECT }));
}

async function figures() {
  const db = world.cloud.database();
  return world.cloud.local.engine.inspect(() => ratingFigures(db, [PROJECT, 'nothing']));
}

beforeEach(async () => {
  await insertProject(world, PROJECT);
});

describe('submitting', () => {
  it('stores one anonymous rating; mine finds it by the key; no stored document or export names the rater', async () => {
    await openRating();
    const ws = await workers(world, 6, ['gr-zs-mall', 'gr-zs-sanitation']);
    for (const [k, w] of ws.entries()) {
      const out = ok<RatingSubmitOutput>(
        await r(w, 'submit', { projectId: PROJECT, scores: scores((k % 5) + 1), comment: `服务很好，谢谢工会${k}` }),
      );
      expect(out.status).toBe('submitted');
      expect(out.rating.editable).toBe(true);
    }
    const mine = ok<RatingMineOutput>(await r(ws[2], 'mine', { projectId: PROJECT }));
    expect(mine.rating?.scores).toEqual(scores(3));
    expect(mine.rating?.comment).toBe('服务很好，谢谢工会2');
    expect(mine.eligible).toBe(true);
    expect(mine.canSubmit).toBe(true);
    const other = ok<RatingMineOutput>(await r('demo-worker', 'mine', { projectId: PROJECT }));
    expect(other.rating).toBeNull();

    // Every stored document of the rating collections, and the export, searched for who rated.
    const profiles = await all<{ _id: string; name: string }>('users');
    const raters = profiles.filter((p) => ws.includes(p._id));
    expect(raters).toHaveLength(6);
    const stored = JSON.stringify([
      await all('ratings'),
      await all('ratingCounters'),
      await all('ratingInvites'),
      await all('ratingSettings'),
    ]);
    expect(await world.count('ratings')).toBe(6);
    const exported = ok<RatingExportOutput>(await r(STAFF, 'export', { projectId: PROJECT }));
    expect(exported.rows).toBe(6);
    expect(await world.count('auditLog', { action: 'rating.export', targetId: PROJECT, actor: STAFF })).toBe(1);
    // A rating itself is not in the audit log: an entry would name the rater.
    expect(await world.count('auditLog', { action: 'rating.submit' })).toBe(0);
    const file = await world.cloud.downloadFile({ fileID: exported.fileID });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.fileContent as unknown as ArrayBuffer);
    const cells = book.worksheets[0].getSheetValues().flat().map(String).join('\n');
    expect(cells).toContain('5 非常满意');
    expect(cells).toContain('中山区总工会');
    for (const p of raters) {
      for (const text of [stored, cells]) {
        expect(text.includes(p._id)).toBe(false);
        expect(text.includes(p.name)).toBe(false);
      }
    }
    // Unions are not stored either: only district / industry / groups.
    expect(stored.includes('gr-zs-mall')).toBe(false);
  });

  it('refuses scores out of range with the field at fault, and stores nothing', async () => {
    await openRating();
    for (const bad of [scores(0), scores(6), { ...scores(3), benefit: 2.5 }, { awareness: 3 }]) {
      const f = failure(await r('demo-worker', 'submit', { projectId: PROJECT, scores: bad }));
      expect(f.code).toBe('INVALID_INPUT');
      expect(f.fields?.[0].path).toMatch(/^scores\./);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await world.count('ratings')).toBe(0);
  });

  it('1,000 identical ratings by one worker at once store one and count one', async () => {
    await openRating();
    const input = { projectId: PROJECT, scores: scores(4, 3, 5, 4) };
    const replies = await Promise.all(Array.from({ length: 1000 }, () => r('demo-worker', 'submit', input)));
    const statuses = replies.map((x) => ok<RatingSubmitOutput>(x).status);
    expect(statuses.filter((s) => s === 'submitted')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(999);
    expect(await world.count('ratings')).toBe(1);
    expect((await figures()).get(PROJECT)).toEqual({
      count: 1,
      sums: { awareness: 4, participation: 3, benefit: 5, satisfaction: 4 },
      distribution: {
        awareness: [0, 0, 0, 1, 0],
        participation: [0, 0, 1, 0, 0],
        benefit: [0, 0, 0, 0, 1],
        satisfaction: [0, 0, 0, 1, 0],
      },
    });
    expect((await figures()).has('nothing')).toBe(false);
  });
});

describe('who may rate and when', () => {
  it('audience: workers of the applicant subtree; others are refused and nothing is stored', async () => {
    await openRating('audience');
    const [inside] = await workers(world, 1, ['gr-zs-mall'], 'in');
    const [outside] = await workers(world, 1, ['gr-tr-bus'], 'out');
    ok(await r(inside, 'submit', { projectId: PROJECT, scores: scores(4) }));
    const f = failure(await r(outside, 'submit', { projectId: PROJECT, scores: scores(4) }));
    expect(f.code).toBe('FORBIDDEN');
    expect(f.message).toMatch(/中山区总工会/);
    expect(f.fields?.[0].path).toBe('projectId');
    const mine = ok<RatingMineOutput>(await r(outside, 'mine', { projectId: PROJECT }));
    expect(mine).toMatchObject({ eligible: false, canSubmit: false, rating: null });
    expect(await world.count('ratings')).toBe(1);
  });

  it('served only: a worker checked in or registered at the desk may rate, others in the audience may not', async () => {
    await openRating('served');
    const [scanned, registered, notServed] = await workers(world, 3, ['gr-zs-mall'], 'sv');
    const names = new Map((await all<{ _id: string; name: string }>('users')).map((u) => [u._id, u.name]));
    await servedRecord('gr-zs-mall', names.get(scanned)!, scanned);
    await servedRecord('gr-zs-mall', names.get(registered)!, null);
    ok(await r(scanned, 'submit', { projectId: PROJECT, scores: scores(5) }));
    ok(await r(registered, 'submit', { projectId: PROJECT, scores: scores(4) }));
    const f = failure(await r(notServed, 'submit', { projectId: PROJECT, scores: scores(4) }));
    expect(f.code).toBe('FORBIDDEN');
    expect(f.message).toMatch(/签到或登记/);
    expect(await world.count('ratings')).toBe(2);
  });

  it('before the opening day, before the project is in progress and after closing: refused, nothing stored', async () => {
    await openRating('audience', '2026-11-30');
    const before = failure(await r('demo-worker', 'submit', { projectId: PROJECT, scores: scores(4) }));
    expect(before).toMatchObject({ code: 'WINDOW_CLOSED', message: expect.stringMatching(/2026-11-30 起开放/) });
    const mine = ok<RatingMineOutput>(await r('demo-worker', 'mine', { projectId: PROJECT }));
    expect(mine.settings).toMatchObject({ open: false, opensOn: '2026-11-30' });
    world.setNow(Date.parse('2026-11-30T08:00:00+08:00'));
    ok(await r('demo-worker', 'submit', { projectId: PROJECT, scores: scores(4) }));

    const db = world.cloud.database();
    await world.cloud.local.engine.inspect(() =>
      db
        .collection('projects')
        .doc(PROJECT)
        .update({ data: { status: 'closed' } }),
    );
    const [late] = await workers(world, 1, ['gr-zs-mall'], 'late');
    const after = failure(await r(late, 'submit', { projectId: PROJECT, scores: scores(4) }));
    expect(after).toMatchObject({ code: 'WINDOW_CLOSED', message: expect.stringMatching(/结项/) });
    // Changing a rating is refused after closing too.
    const change = failure(await r('demo-worker', 'submit', { projectId: PROJECT, scores: scores(1) }));
    expect(change.code).toBe('WINDOW_CLOSED');
    expect(await world.count('ratings')).toBe(1);
  });

  it('a project only published: rating may be set up but opens once it is in progress', async () => {
    const db = world.cloud.database();
    await world.cloud.local.engine.inspect(() =>
      db
        .collection('projects')
        .doc(PROJECT)
        .update({ data: { status: 'published' } }),
    );
    const set = await openRating();
    expect(set).toMatchObject({ open: false, opensOn: '2026-11-24' });
    expect(failure(await r('demo-worker', 'submit', { projectId: PROJECT, scores: scores(4) })).code).toBe(
      'WINDOW_CLOSED',
    );
    await world.cloud.local.engine.inspect(() =>
      db
        .collection('projects')
        .doc(PROJECT)
        .update({ data: { status: 'established' } }),
    );
    expect(
      failure(await r(STAFF, 'configure', { projectId: PROJECT, opensOn: '2026-11-24', eligibility: 'audience' })).code,
    ).toBe('CONFLICT');
    const past = failure(
      await r(STAFF, 'configure', { projectId: PROJECT, opensOn: '2026-11-01', eligibility: 'audience' }),
    );
    expect(past.code).toBe('CONFLICT');
    expect(
      failure(
        await r('demo-worker', 'configure', { projectId: PROJECT, opensOn: '2026-11-24', eligibility: 'audience' }),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('an opening day in the past is refused with the field', async () => {
    const f = failure(
      await r(STAFF, 'configure', { projectId: PROJECT, opensOn: '2026-11-01', eligibility: 'audience' }),
    );
    expect(f).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'opensOn' }] });
  });
});

describe('changing a rating', () => {
  it('within 7 days moves the counts from the old scores to the new exactly once; after 7 days it is refused', async () => {
    await openRating();
    const [a, b] = await workers(world, 2, ['gr-zs-mall', 'gr-tr-bus']);
    // b is outside the subtree: make the project city-wide through its plan announcement.
    const db = world.cloud.database();
    await world.cloud.local.engine.inspect(() =>
      db.collection('announcements').add({
        data: {
          _id: `${PROJECT}_plan`,
          projectId: PROJECT,
          audienceOrgId: 'dl',
          audienceOrgName: '大连市总工会',
          groups: [],
          createdAt: new Date(world.now()),
        },
      }),
    );
    ok(await r(a, 'submit', { projectId: PROJECT, scores: scores(5), comment: '很好' }));
    ok(await r(b, 'submit', { projectId: PROJECT, scores: scores(2) }));
    world.setNow(world.now() + 3 * 86_400_000);
    const changed = ok<RatingSubmitOutput>(await r(a, 'submit', { projectId: PROJECT, scores: scores(1, 2, 3, 4) }));
    expect(changed.status).toBe('updated');
    expect(changed.rating.comment).toBeNull();
    // The same change again is unchanged, not counted twice.
    expect(
      ok<RatingSubmitOutput>(await r(a, 'submit', { projectId: PROJECT, scores: scores(1, 2, 3, 4) })).status,
    ).toBe('unchanged');
    const f = (await figures()).get(PROJECT)!;
    expect(f.count).toBe(2);
    expect(f.distribution.awareness).toEqual([1, 1, 0, 0, 0]);
    expect(f.distribution.satisfaction).toEqual([0, 1, 0, 1, 0]);
    expect(f.sums).toEqual({ awareness: 3, participation: 4, benefit: 5, satisfaction: 6 });
    const check = await recompute();
    expect(check).toMatchObject({ matches: true, settled: 0, count: 2, differences: {} });

    world.setNow(world.now() + 4 * 86_400_000 + 1000);
    const late = failure(await r(a, 'submit', { projectId: PROJECT, scores: scores(3) }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(/7 天/);
    const mine = ok<RatingMineOutput>(await r(a, 'mine', { projectId: PROJECT }));
    expect(mine.rating).toMatchObject({ editable: false, scores: scores(1, 2, 3, 4) });
    expect(mine.canSubmit).toBe(false);
    expect((await recompute()).matches).toBe(true);
  });
});

describe('counting cut off', () => {
  const settleTimer = timerTriggers.find((t) => t.function === 'rating' && t.name === 'settleRatings')!;
  const countingUpdate = (p: Record<string, unknown>) => p.collectionName === 'ratingCounters';
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('a stored rating and a stored change whose counting failed are counted by settling exactly once', async () => {
    await openRating();
    const ws = await workers(world, 4, ['gr-zs-mall', 'gr-zs-sanitation']);
    for (const w of ws.slice(0, 3)) ok(await r(w, 'submit', { projectId: PROJECT, scores: scores(4) }));
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate);
    expect(ok<RatingSubmitOutput>(await r(ws[3], 'submit', { projectId: PROJECT, scores: scores(2) })).status).toBe(
      'submitted',
    );
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/counting left to settling/), expect.anything());
    expect((await figures()).get(PROJECT)?.count).toBe(3);
    // A change cut off before its counts moved (its first counter request makes sure the old version is
    // counted; the second, the move, fails).
    let seen = 0;
    world.cloud.local.engine.failRequests('database.modifyDocument', (p) => countingUpdate(p) && ++seen === 2);
    ok(await r(ws[0], 'submit', { projectId: PROJECT, scores: scores(1) }));
    expect((await figures()).get(PROJECT)?.distribution.awareness).toEqual([0, 0, 0, 3, 0]);

    // Settling runs before the cut-off ones are old enough: nothing yet. Then after 10 minutes: once.
    await settleTimer.run(world.cloud, new Date(world.now()));
    expect((await figures()).get(PROJECT)?.count).toBe(3);
    world.setNow(world.now() + RATING_SETTLE_AFTER_MS + 5000);
    await Promise.all([
      settleTimer.run(world.cloud, new Date(world.now())),
      settleTimer.run(world.cloud, new Date(world.now())),
    ]);
    await settleTimer.run(world.cloud, new Date(world.now() + 60_000));
    const f = (await figures()).get(PROJECT)!;
    expect(f.count).toBe(4);
    expect(f.distribution.awareness).toEqual([1, 1, 0, 2, 0]);
    expect(await recompute()).toMatchObject({ matches: true, settled: 0, count: 4 });
    // The marks of settled ratings are gone from the shards.
    const shards = await all<{ m: Record<string, number> }>('ratingCounters');
    expect(shards.every((s) => Object.keys(s.m ?? {}).length === 0)).toBe(true);
    // A later change of a settled rating still moves the counts exactly.
    ok(await r(ws[1], 'submit', { projectId: PROJECT, scores: scores(5) }));
    expect((await figures()).get(PROJECT)?.distribution.awareness).toEqual([1, 1, 0, 1, 1]);
    expect((await recompute()).matches).toBe(true);
  });

  it('the recompute counts a cut-off rating once and then agrees', async () => {
    await openRating();
    const ws = await workers(world, 3, ['gr-zs-mall']);
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate, 3);
    for (const w of ws) ok(await r(w, 'submit', { projectId: PROJECT, scores: scores(3) }));
    expect((await figures()).get(PROJECT)).toBeUndefined();
    expect(await recompute()).toMatchObject({ settled: 3, matches: true, count: 3 });
    expect(await recompute()).toMatchObject({ settled: 0, matches: true, count: 3 });
    expect((await figures()).get(PROJECT)?.count).toBe(3);
  });
});

describe('summary', () => {
  it('workers see it from 5 ratings, staff at any count; segments under 5 are hidden from everyone', async () => {
    await openRating();
    const mall = await workers(world, 5, ['gr-zs-mall'], 'm');
    const [viewer] = await workers(world, 1, ['gr-zs-mall'], 'v');
    for (const w of mall.slice(0, 4))
      ok(await r(w, 'submit', { projectId: PROJECT, scores: scores(4), groups: ['women'] }));
    const hidden = ok<RatingSummaryOutput>(await r(viewer, 'summary', { projectId: PROJECT }));
    expect(hidden).toMatchObject({ count: 4, visible: false, manager: false, dimensions: [], breakdowns: [] });
    const staff = ok<RatingSummaryOutput>(await r(STAFF, 'summary', { projectId: PROJECT }));
    expect(staff).toMatchObject({ count: 4, visible: true, manager: true });
    // The department that reviews the record manages it too; staff of another district do not.
    expect(ok<RatingSummaryOutput>(await r('demo-org-reviewer', 'summary', { projectId: PROJECT }))).toMatchObject({
      visible: true,
      manager: true,
    });
    expect(ok<RatingSummaryOutput>(await r('demo-industry-staff', 'summary', { projectId: PROJECT }))).toMatchObject({
      visible: false,
      manager: false,
    });
    expect(staff.dimensions.find((d) => d.dimension === 'satisfaction')).toMatchObject({
      label: '满意度',
      mean: 4,
      distribution: [0, 0, 0, 4, 0],
    });
    // Every segment has 4: all hidden, even from staff.
    for (const b of staff.breakdowns) {
      expect(b.rows).toEqual([]);
      expect(b.hiddenRatings).toBe(4);
    }
    ok(await r(mall[4], 'submit', { projectId: PROJECT, scores: scores(2), groups: ['youth'] }));
    const shown = ok<RatingSummaryOutput>(await r(viewer, 'summary', { projectId: PROJECT }));
    expect(shown).toMatchObject({ count: 5, visible: true });
    expect(shown.dimensions.find((d) => d.dimension === 'awareness')?.mean).toBe(3.6);
    const district = shown.breakdowns.find((b) => b.by === 'district')!;
    expect(district.rows).toEqual([
      expect.objectContaining({ key: 'dist-zhongshan', label: '中山区总工会', count: 5 }),
    ]);
    const group = shown.breakdowns.find((b) => b.by === 'group')!;
    expect(group.rows).toEqual([]);
    expect(group).toMatchObject({ hiddenSegments: 2, hiddenRatings: 5 });
  });
});

describe('invitations', () => {
  it('served workers with an account are told once, however often rating is set', async () => {
    const [a, b] = await workers(world, 2, ['gr-zs-mall'], 'inv');
    const names = new Map((await all<{ _id: string; name: string }>('users')).map((u) => [u._id, u.name]));
    await servedRecord('gr-zs-mall', names.get(a)!, a);
    await servedRecord('gr-zs-mall', '赵桂兰', null);
    expect((await openRating('served')).invited).toBe(1);
    expect(await world.count('messages', { openid: a })).toBe(1);
    // Moved to tomorrow: nobody is told now; b is served meanwhile; on the day the timer tells b only.
    expect((await openRating('served', '2026-11-25')).invited).toBe(0);
    await servedRecord('gr-zs-mall', names.get(b)!, b);
    expect(await inviteOnOpening(world.cloud, new Date(world.now()))).toBe(0);
    expect(await world.count('messages', { openid: b })).toBe(0);
    world.setNow(Date.parse('2026-11-25T00:05:00+08:00'));
    expect(await inviteOnOpening(world.cloud, new Date(world.now()))).toBe(1);
    expect(await inviteOnOpening(world.cloud, new Date(world.now()))).toBe(0);
    expect(await world.count('messages', { openid: a })).toBe(1);
    expect(await world.count('messages', { openid: b })).toBe(1);
    expect((await all<{ body: string; openid: string }>('messages')).find((m) => m.openid === b)!.body).toMatch(
      /现在就可以评价/,
    );
    const queued = await all<{ topic: string; audience: { openids?: string[] } }>('pushQueue');
    expect(queued.filter((q) => q.topic === 'projectNews').flatMap((q) => q.audience.openids ?? [])).toEqual([a, b]);
  });
});

describe('invitations to the people behind the project', () => {
  it('the author and supporters of the origin proposal are told once, also when they were served', async () => {
    const db = world.cloud.database();
    const [author, supporter, both] = await workers(world, 3, ['gr-zs-mall'], 'bk');
    await world.cloud.local.engine.inspect(async () => {
      await db.collection('proposals').add({ data: { _id: 'pp1', authorOpenid: author, authorKey: author } });
      await db.collection('supports').add({ data: { _id: `pp1_${supporter}`, proposalId: 'pp1', openid: supporter } });
      await db.collection('supports').add({ data: { _id: `pp1_${both}`, proposalId: 'pp1', openid: both } });
      await db
        .collection('projects')
        .doc(PROJECT)
        .update({ data: { origin: ['pp1'] } });
    });
    const names = new Map((await all<{ _id: string; name: string }>('users')).map((u) => [u._id, u.name]));
    await servedRecord('gr-zs-mall', names.get(both)!, both);
    expect((await openRating()).invited).toBe(3);
    for (const w of [author, supporter, both]) {
      expect(await world.count('messages', { openid: w })).toBe(1);
    }
    const [message] = await all<{ openid: string; title: string; body: string; kind: string; projectId: string }>(
      'messages',
    );
    expect(message.title).toBe('请您评价项目：环卫职工免费体检');
    // Its own kind, so tapping it opens the rating page (not the origin proposal).
    expect(message).toMatchObject({ kind: 'ratingInvite', projectId: PROJECT });
    expect(message.body).toMatch(/现在就可以评价/);
    expect((await openRating()).invited).toBe(0);
    expect(await world.count('messages', { openid: both })).toBe(1);
  });
});

describe('cost', () => {
  it('a rating takes 3 database requests (profile with project, settings, served check and own rating; insert; count)', async () => {
    await openRating('served');
    // Eight different names (the fixture repeats names after eight).
    const ws = await workers(world, 8, ['gr-zs-mall', 'gr-zs-sanitation'], 'cost');
    const names = new Map((await all<{ _id: string; name: string }>('users')).map((u) => [u._id, u.name]));
    for (const [k, w] of ws.entries())
      await servedRecord(k % 2 === 0 ? 'gr-zs-mall' : 'gr-zs-sanitation', names.get(w)!, k % 3 === 0 ? w : null);
    // The first rating of a warm instance also reads the respondent-key secret once.
    ok(await r(ws[7], 'submit', { projectId: PROJECT, scores: scores(3) }));
    const engine = world.cloud.local.engine;
    engine.resetCounts();
    for (const [k, w] of ws.slice(0, 7).entries())
      ok(await r(w, 'submit', { projectId: PROJECT, scores: scores((k % 5) + 1) }));
    expect(Object.fromEntries(engine.requestCounts)).toEqual({
      'database.aggregateDocuments': 7,
      'database.insertDocument': 7,
      'database.modifyDocument': 7,
    });
  });

  it('the summary reads the counters only: the same requests at 5 and at 40 ratings', async () => {
    await openRating();
    const ws = await workers(world, 40, ['gr-zs-mall', 'gr-zs-sanitation', 'gr-zs-couriers'], 'many');
    const engine = world.cloud.local.engine;
    const cost = async () => {
      engine.resetCounts();
      const s = ok<RatingSummaryOutput>(await r('demo-worker', 'summary', { projectId: PROJECT }));
      expect(s.visible).toBe(true);
      return Object.fromEntries(engine.requestCounts);
    };
    for (const w of ws.slice(0, 5)) ok(await r(w, 'submit', { projectId: PROJECT, scores: scores(4) }));
    const few = await cost();
    for (const w of ws.slice(5)) ok(await r(w, 'submit', { projectId: PROJECT, scores: scores(2) }));
    const many = await cost();
    expect(many).toEqual(few);
    expect(Object.values(many).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
  });
});

describe('comments', () => {
  it('a comment the content check holds back is hidden until staff pass it; staff list it without its author', async () => {
    await openRating();
    const [a, b] = await workers(world, 2, ['gr-zs-mall'], 'cm');
    ok(await r(a, 'submit', { projectId: PROJECT, scores: scores(5), comment: '体检安排得很周到' }));
    const held = ok<RatingSubmitOutput>(
      await r(b, 'submit', { projectId: PROJECT, scores: scores(2), comment: '有问题加微信 12345 聊' }),
    );
    expect(held.rating.commentState).toBe('review');
    const passed = ok<RatingCommentsOutput>(await r(STAFF, 'comments', { projectId: PROJECT }));
    expect(passed.items.map((c) => c.comment)).toEqual(['体检安排得很周到']);
    const waiting = ok<RatingCommentsOutput>(await r(STAFF, 'comments', { projectId: PROJECT, state: 'review' }));
    expect(waiting.items).toHaveLength(1);
    expect(JSON.stringify(waiting)).not.toContain(b);
    const exportText = async () => {
      const out = ok<RatingExportOutput>(await r(STAFF, 'export', { projectId: PROJECT }));
      const book = new ExcelJS.Workbook();
      const file = await world.cloud.downloadFile({ fileID: out.fileID });
      await book.xlsx.load(file.fileContent as unknown as ArrayBuffer);
      return book.worksheets[0].getSheetValues().flat().map(String).join('\n');
    };
    expect(await exportText()).not.toContain('加微信');
    expect(await exportText()).toContain('（意见待审核）');
    expect(
      failure(
        await r('demo-worker', 'moderateComment', {
          projectId: PROJECT,
          ratingId: waiting.items[0].ratingId,
          verdict: 'pass',
        }),
      ).code,
    ).toBe('FORBIDDEN');
    const moderated = ok<RatingModerateOutput>(
      await r(STAFF, 'moderateComment', { projectId: PROJECT, ratingId: waiting.items[0].ratingId, verdict: 'pass' }),
    );
    expect(moderated.commentState).toBe('pass');
    expect(await exportText()).toContain('加微信');
    const again = failure(
      await r(STAFF, 'moderateComment', { projectId: PROJECT, ratingId: waiting.items[0].ratingId, verdict: 'reject' }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(await world.count('auditLog', { action: 'rating.moderateComment' })).toBe(1);
  });
});
