/**
 * Contention under strict mode (issue 10): many staff acting on one record at the same moment, with
 * transactions conflicting as CloudBase's do. Exactly one change wins; every other caller gets a clear
 * error (the record's new state, or "操作的人较多，请稍后再试" when retries ran out), never INTERNAL; and
 * the stored record is whole: one decision, one audit entry, one publication.
 */
import { collections } from '@shishi/shared-types';
import { definition } from './surveyFixtures';
import { ok, worldPerTest } from './world';

const world = worldPerTest();
const N = 8;

function tally(replies: Array<{ ok: boolean; error?: { code: string; message: string } }>) {
  const wins = replies.filter((r) => r.ok).length;
  const errors = replies.filter((r) => !r.ok).map((r) => r.error!);
  return { wins, errors };
}

test('the strict suite: declared collections and strict mode are what the world runs on', () => {
  expect(world.cloud.local.engine.strict).toEqual({ transactions: true, indexes: true });
  expect(collections.length).toBeGreaterThan(0);
});

test(`${N} concurrent proposal.decide on one proposal: one decision, the others refused clearly`, async () => {
  const replies = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      world.call('demo-district', 'proposal', 'decide', {
        proposalId: 'seed-p8',
        kind: i % 2 ? 'adopt' : 'defer',
        confirmUnscored: true,
      }),
    ),
  );
  const { wins, errors } = tally(replies as never);
  expect(wins).toBe(1);
  for (const e of errors) {
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/已经作出决定|操作的人较多，请稍后再试/);
  }
  const p = await world.doc<{ status: string }>('proposals', 'seed-p8');
  expect(['adopted', 'deferred']).toContain(p?.status);
  expect(await world.count('auditLog', { targetId: 'seed-p8', action: 'decide' })).toBe(1);
});

test(`${N} concurrent survey.publish of one draft: published once (a repeat is a no-op), no failure`, async () => {
  const created = ok<{ survey: { _id: string } }>(await world.call('demo-research', 'survey', 'create', definition()));
  const id = created.survey._id;
  const replies = await Promise.all(
    Array.from({ length: N }, () => world.call('demo-research', 'survey', 'publish', { surveyId: id })),
  );
  // edit.ts moveSurvey: a publish that finds the survey already open does nothing and succeeds; one that
  // ran out of retries would be CONFLICT "操作的人较多，请稍后再试". Never INTERNAL.
  for (const r of replies as Array<{ ok: boolean; error?: { code: string } }>) {
    if (!r.ok) expect(r.error?.code).toBe('CONFLICT');
  }
  const s = await world.doc<{ status: string }>('surveys', id);
  expect(s?.status).toBe('published');
  expect(await world.count('auditLog', { targetId: id, action: 'publishSurvey' })).toBe(1);
});
