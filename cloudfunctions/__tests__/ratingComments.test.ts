/**
 * rating.comments on the strict local runtime: the project's staff read the comments that passed the
 * content check, newest day first, 50 a page; a comment the check holds back is only counted until a
 * person passes it; staff of another district and workers are refused; no reply names, dates to the
 * second or otherwise points to who wrote a comment.
 */
import type { RatingCommentsOutput, RatingSubmitOutput } from '@shishi/shared-types';
import { insertProject } from './fixtures';
import { workers } from './surveyFixtures';
import { failure, NOV, ok, worldPerTest } from './world';

const world = worldPerTest();
const STAFF = 'demo-district';
const PROJECT = 'pj-comments';
const DAY = 24 * 3600 * 1000;

const r = (openid: string, action: string, data?: unknown) => world.call(openid, 'rating', action, data);
const scores = (a: number, s = a) => ({ awareness: a, participation: a, benefit: a, satisfaction: s });

beforeEach(async () => {
  const db = world.cloud.database();
  const now = new Date(world.now());
  await insertProject(world, PROJECT);
  await world.cloud.local.engine.inspect(async () => {
    // Staff of 西岗区总工会: another district, outside this project's subtree.
    await db.collection('users').add({
      data: {
        _id: 'xg-staff',
        openid: 'xg-staff',
        name: '赵敏',
        role: 'unionStaff',
        orgId: 'dist-xigang',
        orgName: '西岗区总工会',
        orgPath: ['dl', 'dist-xigang'],
        createdAt: now,
        updatedAt: now,
      },
    });
  });
  ok(await r(STAFF, 'configure', { projectId: PROJECT, opensOn: '2026-11-24', eligibility: 'audience' }));
});

const comments = (data: Record<string, unknown> = {}) =>
  r(STAFF, 'comments', { projectId: PROJECT, ...data }).then((reply) => ok<RatingCommentsOutput>(reply));

it('a comment the content check holds back is counted, not shown, until it passes; then it shows with its scores and day', async () => {
  const [a, b, c] = await workers(world, 3, ['gr-zs-mall', 'gr-zs-sanitation'], 'cm');
  ok(await r(a, 'submit', { projectId: PROJECT, scores: scores(5), comment: '体检安排得很周到' }));
  const held = ok<RatingSubmitOutput>(
    await r(b, 'submit', { projectId: PROJECT, scores: scores(2, 1), comment: '有问题加微信 12345 聊' }),
  );
  expect(held.rating.commentState).toBe('review');
  ok(await r(c, 'submit', { projectId: PROJECT, scores: scores(3) }));

  const before = await comments();
  expect(before.items.map((i) => i.comment)).toEqual(['体检安排得很周到']);
  expect(before.items[0]).toMatchObject({ scores: scores(5), day: '2026-11-24', commentState: 'pass' });
  expect(before.held).toBe(1);
  expect(before.next).toBeNull();
  expect(JSON.stringify(before)).not.toContain('加微信');

  const waiting = await comments({ state: 'review' });
  expect(waiting.items.map((i) => i.comment)).toEqual(['有问题加微信 12345 聊']);
  ok(await r(STAFF, 'moderateComment', { projectId: PROJECT, ratingId: waiting.items[0].ratingId, verdict: 'pass' }));

  const after = await comments();
  expect(after.items.map((i) => i.comment).sort()).toEqual(['体检安排得很周到', '有问题加微信 12345 聊'].sort());
  expect(after.items.find((i) => i.comment.includes('加微信'))?.scores).toEqual(scores(2, 1));
  expect(after.held).toBe(0);
});

it('another district’s staff and workers are refused; bad input is named', async () => {
  const [a] = await workers(world, 1, ['gr-zs-mall'], 'cm');
  ok(await r(a, 'submit', { projectId: PROJECT, scores: scores(4), comment: '很好' }));
  expect(failure(await r('xg-staff', 'comments', { projectId: PROJECT })).code).toBe('FORBIDDEN');
  expect(failure(await r('demo-worker', 'comments', { projectId: PROJECT })).code).toBe('FORBIDDEN');
  expect(failure(await r(a, 'comments', { projectId: PROJECT })).code).toBe('FORBIDDEN');
  const bad = failure(await r(STAFF, 'comments', { projectId: PROJECT, state: 'all' }));
  expect(bad.code).toBe('INVALID_INPUT');
  expect(bad.fields?.map((f) => f.path)).toEqual(['state']);
  const lost = failure(await r(STAFF, 'comments', { projectId: PROJECT, after: 'no-such-rating' }));
  expect(lost.code).toBe('INVALID_INPUT');
  expect(lost.fields?.map((f) => f.path)).toEqual(['after']);
});

it('pages 50 at a time, newest day first, each comment once; nothing in a reply points to a rater', async () => {
  // 53 comments: 20 written on the 24th, 33 on the 26th (two days later).
  const ws = await workers(world, 53, ['gr-zs-mall', 'gr-zs-sanitation', 'gr-zs-couriers'], 'pg');
  for (const [k, w] of ws.entries()) {
    if (k === 20) world.setNow(NOV + 2 * DAY);
    ok(await r(w, 'submit', { projectId: PROJECT, scores: scores((k % 5) + 1), comment: `意见第${k}条` }));
  }
  const first = await comments();
  expect(first.items).toHaveLength(50);
  expect(first.next).not.toBeNull();
  const second = await comments({ after: first.next });
  expect(second.items).toHaveLength(3);
  expect(second.next).toBeNull();

  const all = [...first.items, ...second.items];
  expect(new Set(all.map((i) => i.comment)).size).toBe(53);
  expect(all.filter((i) => i.day === '2026-11-26')).toHaveLength(33);
  expect(all.slice(0, 33).every((i) => i.day === '2026-11-26')).toBe(true);
  expect(all.slice(33).every((i) => i.day === '2026-11-24')).toBe(true);
  // Within a day a page is in ratingId order, not the order the comments were written.
  const day26 = first.items.slice(0, 33).map((i) => i.ratingId);
  expect(day26).toEqual([...day26].sort());

  // Only the comment, its state, its scores, its day and the rating's own id; no OPENID, name, union,
  // keyed hash, or time of day anywhere in the replies.
  for (const item of all)
    expect(Object.keys(item).sort()).toEqual(['comment', 'commentState', 'day', 'ratingId', 'scores']);
  const text = JSON.stringify([first, second]);
  const stored = await world.cloud.local.engine.inspect(async () => {
    const res = await world.cloud.database().collection('ratings').where({ projectId: PROJECT }).limit(100).get();
    return res.data as Array<{ key: string; at: Date }>;
  });
  const users = await Promise.all(ws.map((w) => world.doc<{ name: string }>('users', w)));
  for (const w of ws) expect(text).not.toContain(`"${w}"`);
  for (const u of users) expect(text).not.toContain(u!.name);
  for (const s of stored) expect(text).not.toContain(s.key);
  for (const union of ['gr-zs-mall', 'gr-zs-sanitation', 'gr-zs-couriers']) expect(text).not.toContain(union);
  expect(text).not.toMatch(/\d{2}:\d{2}/);
});
