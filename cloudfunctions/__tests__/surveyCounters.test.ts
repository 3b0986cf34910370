/**
 * survey counters through wx-server-sdk on the local runtime: concurrent repeats store one answer,
 * anonymous answers hold no OPENID, small groups are hidden, the counters equal a full recompute, and
 * an answer costs a fixed number of database requests, and an answer whose counting was cut off is
 * counted once by settling.
 */
import type { RecomputeResult, SubmitSurveyOutput, SurveyResults } from '@shishi/shared-types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seed } from '../../devhost/src/seed';
import { timerTriggers } from '../registry';
import {
  countAnswer,
  isTimerEvent,
  readShards,
  settleSurvey,
  SETTLE_AFTER_MS,
  SETTLE_EVERY_MS,
} from '../survey/counting';
import type { AnswerDoc, CounterDoc, SurveyDoc } from '../survey/model';
import { answers, groupsOf, publishedSurvey, workers } from './surveyFixtures';
import { failure, ok, worldPerTest } from './world';
import { finished } from './jobReplies';

const world = worldPerTest();

const call = (who: string | null, action: string, data?: unknown) => world.call(who, 'survey', action, data);

async function storedAnswers(surveyId: string): Promise<AnswerDoc[]> {
  const res = await world.cloud.database().collection('surveyAnswers').where({ surveyId }).limit(1000).get();
  return res.data as AnswerDoc[];
}

async function totalAnswersCounted(surveyId: string): Promise<number> {
  const res = await world.cloud.database().collection('surveyCounters').where({ surveyId }).get();
  return (res.data as CounterDoc[]).reduce((n, s) => n + (s.c?.n ?? 0), 0);
}

describe('one answer per worker per survey', () => {
  it('10 concurrent submissions by one worker store exactly one answer and count it once', async () => {
    const id = await publishedSurvey(world);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => call('demo-worker', 'submit', { surveyId: id, answers: answers(0) })),
    );
    const statuses = replies.map((r) => ok<SubmitSurveyOutput>(r).status).sort();
    expect(statuses).toEqual(['submitted', ...Array(9).fill('alreadySubmitted')].sort());
    expect(await storedAnswers(id)).toHaveLength(1);
    expect(await totalAnswersCounted(id)).toBe(1);
    const recomputed = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(recomputed).toMatchObject({ responses: 1, matches: true, differences: [] });
  });

  it('concurrent submissions of different workers are all stored and counted', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 30, ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus']);
    const replies = await Promise.all(
      ws.map((w, k) => call(w, 'submit', { surveyId: id, answers: answers(k), groups: groupsOf(k) })),
    );
    expect(replies.map((r) => ok<SubmitSurveyOutput>(r).status)).toEqual(Array(30).fill('submitted'));
    expect(await storedAnswers(id)).toHaveLength(30);
    expect(await totalAnswersCounted(id)).toBe(30);
  });
});

describe('anonymous surveys', () => {
  it('store no OPENID or name with the answers, and still refuse a repeat', async () => {
    const id = await publishedSurvey(world, 'demo-research', { anonymous: true });
    ok(await call('demo-worker', 'submit', { surveyId: id, answers: answers(0) }));
    ok(
      await call('demo-cadre', 'submitOffline', {
        surveyId: id,
        answers: answers(1),
        workerName: '赵大勇',
        paperNo: 'P-1',
      }),
    );
    const stored = await storedAnswers(id);
    expect(stored).toHaveLength(2);
    for (const a of stored) {
      expect(a.respondent).toBeNull();
      expect(a.respondentKey).toMatch(/^h:[A-Za-z0-9_-]{43}$/);
      const text = JSON.stringify(a);
      expect(text).not.toContain('demo-worker');
      expect(text).not.toContain('王秀梅');
      expect(text).not.toContain('赵大勇');
      expect(text).not.toContain('gr-zs-sanitation');
    }
    expect(
      ok<SubmitSurveyOutput>(await call('demo-worker', 'submit', { surveyId: id, answers: answers(2) })).status,
    ).toBe('alreadySubmitted');
    // The key is per survey: the same worker's key differs in another anonymous survey.
    const other = await publishedSurvey(world, 'demo-research', { anonymous: true, title: '另一份匿名调查' });
    ok(await call('demo-worker', 'submit', { surveyId: other, answers: answers(0) }));
    const [a] = await storedAnswers(id);
    const [b] = await storedAnswers(other);
    expect(a.respondentKey).not.toBe(b.respondentKey);
    // The secret is held apart from the answers.
    expect(await world.count('surveySecrets')).toBe(1);
  });

  it('breakdowns hide groups of fewer than 5 answers (and one more when the hidden ones could be worked out)', async () => {
    const id = await publishedSurvey(world, 'demo-research', { anonymous: true });
    // 中山区 7, 西岗区 6, 甘井子区 2, 交通运输工会 (no district) 3.
    const orgs = [
      ...Array(7).fill('gr-zs-mall'),
      ...Array(6).fill('gr-xg-hotel'),
      ...Array(2).fill('gr-gjz-steel'),
      ...Array(3).fill('gr-tr-bus'),
    ];
    const ws: string[] = [];
    for (const [k, org] of orgs.entries()) ws.push(...(await workers(world, 1, [org], `a${k}`)));
    for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));

    const byDistrict = ok<SurveyResults>(await call('demo-research', 'results', { surveyId: id, by: 'district' }));
    expect(byDistrict.responses).toBe(18);
    expect(byDistrict.breakdown?.segments).toEqual([
      { id: 'dist-zhongshan', label: '中山区总工会', responses: 7, suppressed: false },
      // 甘井子区 (2) and those without a district (3) are hidden; together they hold 5, so 西岗区 may show.
      { id: 'dist-xigang', label: '西岗区总工会', responses: 6, suppressed: false },
      { id: 'dist-ganjingzi', label: '甘井子区总工会', responses: null, suppressed: true },
      { id: '_none', label: '未归属区市县', responses: null, suppressed: true },
    ]);
    const q4 = byDistrict.questions.find((q) => q.questionId === 'q4')!;
    expect(q4.segments.map((s) => s.stats === null)).toEqual([false, false, true, true]);
    expect(q4.segments[0].stats?.answered).toBe(7);

    // Text answers of a hidden segment are refused too.
    expect(
      failure(
        await call('demo-research', 'textAnswers', {
          surveyId: id,
          questionId: 'q9',
          by: 'district',
          segmentId: 'dist-ganjingzi',
        }),
      ).code,
    ).toBe('FORBIDDEN');

    // A named survey shows every segment to staff.
    const named = await publishedSurvey(world, 'demo-research', { title: '实名调查' });
    for (const [k, w] of ws.slice(13, 16).entries())
      ok(await call(w, 'submit', { surveyId: named, answers: answers(k) }));
    const open = ok<SurveyResults>(await call('demo-research', 'results', { surveyId: named, by: 'district' }));
    expect(open.breakdown?.segments.every((s) => !s.suppressed)).toBe(true);
  });
});

describe('counters and the full recompute', () => {
  it('after many mixed submissions (online, offline, groups, every question type) the counters equal aggregate()', async () => {
    const id = await publishedSurvey(world, 'demo-research', { targetCount: 100 });
    const ws = await workers(world, 40, ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus', 'gr-gjz-riders', 'gr-edu-24']);
    await Promise.all(ws.map((w, k) => call(w, 'submit', { surveyId: id, answers: answers(k), groups: groupsOf(k) })));
    for (let k = 0; k < 6; k += 1) {
      ok(
        await call('demo-cadre', 'submitOffline', {
          surveyId: id,
          answers: answers(k + 3),
          workerName: `线下职工${'甲乙丙丁戊己'[k]}`,
          groups: groupsOf(k),
        }),
      );
    }
    // Repeats and invalid answers along the way change nothing.
    ok(await call(ws[0], 'submit', { surveyId: id, answers: answers(1) }));
    failure(await call('demo-worker', 'submit', { surveyId: id, answers: { q1: { choice: 'zz' } } }));

    const check = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(check).toEqual({ responses: 46, matches: true, differences: [], applied: false, waiting: 0 });

    const results = ok<SurveyResults>(await call('demo-research', 'results', { surveyId: id, by: 'group' }));
    expect(results).toMatchObject({
      responses: 46,
      channels: { online: 40, offline: 6 },
      responseRate: 46,
      targetCount: 100,
    });
    const q3 = results.questions.find((q) => q.questionId === 'q3')!;
    expect(q3.overall.answered).toBe(46);
    expect(results.breakdown?.segments.map((s) => s.id)).toEqual(['women', 'migrant', '_none']);
  });

  it('recompute with apply repairs counters that went wrong', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 5, ['gr-zs-mall']);
    for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    const _ = world.cloud.database().command;
    await world.cloud
      .database()
      .collection('surveyCounters')
      .doc(`${id}_3`)
      .update({ data: { 'c.q4/v/1': _.inc(7), 'c.n': _.inc(2) } });
    const broken = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(broken.matches).toBe(false);
    expect(broken.differences).toEqual(
      expect.arrayContaining([
        { key: 'n', counter: 7, recomputed: 5 },
        { key: 'q4/v/1', counter: 8, recomputed: 1 },
      ]),
    );
    const fixed = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id, apply: true }));
    expect(fixed).toMatchObject({ applied: true, matches: false, responses: 5 });
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id })).matches).toBe(true);
  });

  it('the seeded survey’s counters agree with its answers', async () => {
    expect(
      finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: 'seed-survey-needs' })),
    ).toMatchObject({
      responses: 24,
      matches: true,
    });
  });
});

describe('cost of an answer', () => {
  it('an answer takes 3 database requests: profile with survey (1), the insert and the counting update', async () => {
    const id = await publishedSurvey(world, 'demo-research', { anonymous: true });
    const ws = await workers(world, 21, ['gr-zs-mall', 'gr-tr-bus']);
    // The first anonymous answer of a warm instance also reads the respondent-key secret once.
    ok(await call(ws[20], 'submit', { surveyId: id, answers: answers(0) }));
    const engine = world.cloud.local.engine;
    engine.resetCounts();
    for (const [k, w] of ws.slice(0, 20).entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    const perAnswer = engine.totalRequests() / 20;
    expect(perAnswer).toBe(3);
    expect(Object.fromEntries(engine.requestCounts)).toEqual({
      'database.aggregateDocuments': 20,
      'database.insertDocument': 20,
      'database.modifyDocument': 20,
    });
  });

  it('results read only the counters: the same 1 request at any number of answers', async () => {
    const id = await publishedSurvey(world);
    const engine = world.cloud.local.engine;
    const cost = async () => {
      engine.resetCounts();
      ok(await call('demo-research', 'results', { surveyId: id, by: 'district' }));
      return engine.totalRequests();
    };
    const empty = await cost();
    const ws = await workers(world, 12, ['gr-zs-mall', 'gr-xg-hotel']);
    for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    expect(await cost()).toBe(empty);
    expect(empty).toBe(1);
  });
});

describe('an answer whose counting was cut off', () => {
  const countingUpdate = (p: Record<string, unknown>) => p.collectionName === 'surveyCounters';
  const settleTimer = timerTriggers.find((t) => t.function === 'survey' && t.name === 'settleCounters')!;
  // A cut-off counting is logged for the operators (and is expected here).
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('is still submitted, shows as waiting, and the settling timer counts it exactly once', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 6, ['gr-zs-mall', 'gr-tr-bus']);
    for (const [k, w] of ws.slice(0, 5).entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate);
    const cut = ok<SubmitSurveyOutput>(await call(ws[5], 'submit', { surveyId: id, answers: answers(5) }));
    expect(cut.status).toBe('submitted');
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/stored, counting left to settling/), expect.anything());
    expect(await storedAnswers(id)).toHaveLength(6);
    expect(await totalAnswersCounted(id)).toBe(5);
    // The worker trying again is told it is in; nothing new is stored.
    const again = ok<SubmitSurveyOutput>(await call(ws[5], 'submit', { surveyId: id, answers: answers(5) }));
    expect(again.status).toBe('alreadySubmitted');
    // The check tells staff what is going on: the counters agree with the answers they count, one waits.
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toMatchObject({
      responses: 5,
      matches: true,
      waiting: 1,
    });
    // Settling leaves an answer younger than SETTLE_AFTER_MS (its submission might still be running) ...
    expect(await settleTimer.run(world.cloud, new Date(world.now() + SETTLE_EVERY_MS))).toMatchObject({ counted: 0 });
    expect(await totalAnswersCounted(id)).toBe(5);
    // ... and counts it once it is older, once however often it runs.
    world.setNow(world.now() + SETTLE_AFTER_MS + SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 1 });
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    expect(await totalAnswersCounted(id)).toBe(6);
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toEqual({
      responses: 6,
      matches: true,
      differences: [],
      applied: false,
      waiting: 0,
    });
    expect(ok<SurveyResults>(await call('demo-research', 'results', { surveyId: id })).responses).toBe(6);
  });

  it('an insert that fails for another reason than a repeat is an error, not "already submitted"', async () => {
    const id = await publishedSurvey(world);
    const [w] = await workers(world, 1, ['gr-zs-mall']);
    world.cloud.local.engine.failRequests('database.insertDocument', (p) => p.collectionName === 'surveyAnswers');
    const lost = await call(w, 'submit', { surveyId: id, answers: answers(0) });
    expect(lost.ok).toBe(false);
    expect(await storedAnswers(id)).toHaveLength(0);
    expect(ok<SubmitSurveyOutput>(await call(w, 'submit', { surveyId: id, answers: answers(0) })).status).toBe(
      'submitted',
    );
    expect(await totalAnswersCounted(id)).toBe(1);
  });

  it('the recompute counts one waiting longer than SETTLE_AFTER_MS before it compares', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 3, ['gr-zs-mall']);
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate, 3);
    for (const [k, w] of ws.entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    expect(await totalAnswersCounted(id)).toBe(0);
    world.setNow(world.now() + SETTLE_AFTER_MS + 1000);
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toMatchObject({
      responses: 3,
      matches: true,
      waiting: 0,
    });
    expect(await totalAnswersCounted(id)).toBe(3);
  });

  it('settlings and late countings racing over the same answers count each exactly once', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 12, ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus']);
    world.cloud.local.engine.failRequests('database.modifyDocument', countingUpdate, 12);
    const replies = await Promise.all(
      ws.map((w, k) => call(w, 'submit', { surveyId: id, answers: answers(k), groups: groupsOf(k) })),
    );
    expect(replies.map((r) => ok<SubmitSurveyOutput>(r).status)).toEqual(Array(12).fill('submitted'));
    expect(await totalAnswersCounted(id)).toBe(0);
    world.setNow(world.now() + SETTLE_AFTER_MS + 1000);
    const db = world.cloud.database();
    const survey = (await world.doc<SurveyDoc>('surveys', id))!;
    const now = new Date(world.now());
    const cutoff = new Date(world.now() - SETTLE_AFTER_MS);
    const stored = await storedAnswers(id);
    await Promise.all([
      ...[0, 1, 2].map(() => settleSurvey(db, survey, cutoff, now)),
      ...stored.map((a) => countAnswer(db, survey, a, now)),
      ...stored.map((a) => countAnswer(db, survey, a, now)),
    ]);
    expect(await totalAnswersCounted(id)).toBe(12);
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toMatchObject({
      responses: 12,
      matches: true,
      differences: [],
      waiting: 0,
    });
  });

  it('after settling, shards keep marks only of newer answers, and the recompute (and its apply) still agree', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 12, ['gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus', 'gr-gjz-riders']);
    for (const [k, w] of ws.slice(0, 8).entries())
      ok(await call(w, 'submit', { surveyId: id, answers: answers(k), groups: groupsOf(k) }));
    world.setNow(world.now() + SETTLE_AFTER_MS + 1000);
    const settledAt = world.now();
    await settleTimer.run(world.cloud, new Date(settledAt));
    for (const [k, w] of ws.slice(8).entries())
      ok(await call(w, 'submit', { surveyId: id, answers: answers(k + 8), groups: groupsOf(k + 8) }));
    const shards = await readShards(world.cloud.database(), id);
    const stored = await storedAnswers(id);
    const newer = new Set(stored.filter((a) => a.createdAt.getTime() > settledAt).map((a) => a._id));
    expect(newer.size).toBe(4);
    // Shards that had answers moved their `vt` to the cutoff; idle ones were left alone.
    const settledShards = new Set(stored.filter((a) => !newer.has(a._id)).map((a) => a.shard));
    for (const s of shards) expect(s.vt.getTime()).toBe(settledShards.has(s._id) ? settledAt - SETTLE_AFTER_MS : 0);
    expect(shards.flatMap((s) => Object.keys(s.m)).sort()).toEqual([...newer].sort());
    const check = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }));
    expect(check).toEqual({ responses: 12, matches: true, differences: [], applied: false, waiting: 0 });
    const applied = finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id, apply: true }));
    expect(applied).toMatchObject({ responses: 12, matches: true, applied: true });
    ok(await call('demo-worker', 'submit', { surveyId: id, answers: answers(1) }));
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toMatchObject({
      responses: 13,
      matches: true,
    });
  });

  it('shards of a data directory from before the marks are settled after their last answer when the dev host starts', async () => {
    const id = await publishedSurvey(world);
    const ws = await workers(world, 4, ['gr-zs-mall']);
    for (const [k, w] of ws.slice(0, 3).entries()) ok(await call(w, 'submit', { surveyId: id, answers: answers(k) }));
    const db = world.cloud.database();
    const _ = db.command;
    // Shards as the transaction-era code left them: counters, no `vt`, no marks.
    await db
      .collection('surveyCounters')
      .where({ surveyId: id })
      .update({ data: { vt: _.remove(), m: _.remove() } });
    // The dev host restarted with its clock pinned before those answers (its one-off upgrade of old
    // data scans, as the dev host's lenient runtime allows: run outside the index rule).
    await world.cloud.local.engine.inspect(() => seed(db, new Date(world.now() - 3_600_000)));
    ok(await call(ws[3], 'submit', { surveyId: id, answers: answers(3) }));
    world.setNow(world.now() + SETTLE_AFTER_MS + SETTLE_EVERY_MS);
    expect(await settleTimer.run(world.cloud, new Date(world.now()))).toMatchObject({ counted: 0 });
    expect(await totalAnswersCounted(id)).toBe(4);
    expect(finished<RecomputeResult>(await call('demo-research', 'recompute', { surveyId: id }))).toMatchObject({
      responses: 4,
      matches: true,
      waiting: 0,
    });
  });

  it('the timer is declared in the function’s config.json on the period the dev host runs it', () => {
    const config = JSON.parse(readFileSync(join(__dirname, '..', 'survey', 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([{ name: settleTimer.name, type: 'timer', config: '0 */5 * * * * *' }]);
    expect(settleTimer.everyMs).toBe(5 * 60_000);
    expect(isTimerEvent({ Type: 'timer', TriggerName: 'settleCounters', Time: '2026-12-01T00:00:00Z' })).toBe(true);
    expect(isTimerEvent({ Type: 'Timer', TriggerName: 'settleCounters' })).toBe(true);
    expect(isTimerEvent({ action: 'submit', data: {} })).toBe(false);
  });
});
