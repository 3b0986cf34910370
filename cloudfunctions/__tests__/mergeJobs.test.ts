/**
 * Merges of large clusters and their undo as jobs (proposal/merging.ts, common/jobs.ts) on the strict
 * local runtime: a 300-proposal merge runs in several slices driven by `mergeStatus`, the cluster is
 * locked meanwhile (another merge, a decision: CONFLICT 正在合并，请稍候), and at the end every counter
 * equals a recompute and every proposal is merged exactly once; `unmergeAll` undoes it in one job and
 * gives back what was there before. A small merge still answers at once.
 */
import {
  MERGE_BUSY_MESSAGE,
  MERGE_INLINE_MAX,
  type JobView,
  type MergeOutput,
  type MergeStatusOutput,
  type UnmergeAllOutput,
  type UnmergeAllStatusOutput,
} from '@shishi/shared-types';
import { jobClock } from '../common/jobs';
import type { ProposalDoc } from '../proposal/model';
import { buildCluster, clusterFacts, snapshot } from './mergeFixtures';
import { failure, ok, validProposal, worldPerTest } from './world';

const world = worldPerTest();
const RESEARCH = 'demo-research';
const call = (action: string, data: unknown) => world.call(RESEARCH, 'proposal', action, data);

/** Wall time that moves 2.5 s at every look: a slice (6 s budget) runs a step or two, so the job needs polls. */
function slowWall() {
  let t = 0;
  const real = jobClock.wall;
  jobClock.wall = () => (t += 2500);
  return () => {
    jobClock.wall = real;
  };
}

async function drive<T extends { job: JobView; result: unknown }>(first: JobView, action: string) {
  let polls = 0;
  let reply: T | null = null;
  for (let job = first; job.status !== 'done'; job = reply.job) {
    expect(job.status).not.toBe('failed');
    reply = ok<T>(await call(action, { jobId: job.jobId }));
    polls += 1;
    if (polls > 200) throw new Error('job did not finish');
  }
  return { reply: reply!, polls };
}

test('a 300-proposal merge runs as a job, locks its cluster, and counts each person once; unmergeAll undoes it as one job', async () => {
  const { keepId, ids } = await buildCluster(world, 300);
  const before = await snapshot(world, [keepId, ...ids]);
  const other = ok<{ _id: string }>(
    await world.call('demo-worker', 'proposal', 'submit', { ...validProposal, title: '另一条不相干的建议' }),
  );

  const restore = slowWall();
  let merged: MergeOutput;
  try {
    merged = ok<MergeOutput>(await call('merge', { keepId, mergeIds: ids, note: '同一件事' }));
  } finally {
    restore();
  }
  // Not finished in the call: the reply is the job's progress.
  expect(merged.job).not.toBeNull();
  expect(merged.job!.status).not.toBe('done');
  expect(merged.job!.total).toBe(300);
  expect(merged.merged.length).toBeLessThan(300);

  // While it runs the cluster is locked: another merge of an involved proposal, a decision on the kept one.
  const again = failure(await call('merge', { keepId: other._id, mergeIds: [ids[150]] }));
  expect(again).toMatchObject({ code: 'CONFLICT' });
  expect(again.message).toContain(MERGE_BUSY_MESSAGE);
  const intoLocked = failure(await call('merge', { keepId, mergeIds: [other._id] }));
  expect(intoLocked.message).toContain(MERGE_BUSY_MESSAGE);
  const deciding = failure(await call('decide', { proposalId: keepId, kind: 'defer', reason: '明年再议' }));
  expect(deciding).toMatchObject({ code: 'CONFLICT' });
  expect(deciding.message).toContain(MERGE_BUSY_MESSAGE);
  expect((await world.doc<ProposalDoc>('proposals', other._id))!.status).toBe('submitted');
  // Nor may its author withdraw or edit a proposal the job holds and has not merged yet.
  const waiting = (await world.doc<ProposalDoc>('proposals', ids[299]))!;
  expect(waiting.status).toBe('submitted');
  const withdrawing = failure(
    await world.call(waiting.authorOpenid!, 'proposal', 'withdraw', { proposalId: ids[299] }),
  );
  expect(withdrawing.message).toContain(MERGE_BUSY_MESSAGE);
  const editing = failure(
    await world.call(waiting.authorOpenid!, 'proposal', 'edit', {
      ...validProposal,
      proposalId: ids[299],
      title: waiting.title,
      content: `${waiting.content}（补充）`,
    }),
  );
  expect(editing.message).toContain(MERGE_BUSY_MESSAGE);

  // The staff page's poll drives it to the end.
  const { reply, polls } = await drive<MergeStatusOutput>(merged.job!, 'mergeStatus');
  expect(polls).toBeGreaterThanOrEqual(1);
  expect(reply.result!.merged).toEqual(ids);

  // Every proposal merged exactly once: one link each way, one audit entry, one message to its author.
  const keep = (await world.doc<ProposalDoc>('proposals', keepId))!;
  expect(keep.mergedFrom.map((m) => m._id).sort()).toEqual([...ids].sort());
  const after = await snapshot(world, ids);
  expect(after.every((d) => d.status === 'merged' && d.mergedInto === keepId && d.backerCount === 0)).toBe(true);
  for (const id of [ids[0], ids[137], ids[299]]) {
    expect(await world.count('auditLog', { action: 'merge', targetId: id })).toBe(1);
    expect(await world.count('messages', { kind: 'proposalMerged', proposalId: id })).toBe(1);
  }
  expect(await world.count('auditLog', { action: 'merge', to: 'merged' })).toBe(300);
  expect(await world.count('messages', { kind: 'proposalMerged' })).toBe(300);
  // Counters equal a recompute; the kept one counts each person once; the claims are given back.
  const facts = await clusterFacts(world, keepId, ids);
  expect(keep.backerCount).toBe(facts.people);
  expect(facts.credits).toBe(facts.people);
  for (const d of [...(await snapshot(world, [keepId])), ...after]) {
    const r = facts.recomputed.get(d._id)!;
    expect({ id: d._id, supportCount: d.supportCount, backerCount: d.backerCount, waiting: 0 }).toEqual({
      id: d._id,
      supportCount: r.supportCount,
      backerCount: r.backerCount,
      waiting: r.waiting,
    });
    expect(d.mergeJob).toBeNull();
  }
  expect(reply.result!.kept.backerCount).toBe(facts.people);
  // The kept proposal is free again.
  expect(ok<MergeOutput>(await call('merge', { keepId, mergeIds: [other._id] })).job).toBeNull();
  ok(await call('unmerge', { proposalId: other._id }));

  // The undo of the whole merge: one action, a job, driven by its poll.
  const restore2 = slowWall();
  let undo: UnmergeAllOutput;
  try {
    undo = ok<UnmergeAllOutput>(await call('unmergeAll', { keepId, note: '合并错了' }));
  } finally {
    restore2();
  }
  expect(undo.job).not.toBeNull();
  expect(undo.job!.status).not.toBe('done');
  const undone = await drive<UnmergeAllStatusOutput>(undo.job!, 'unmergeAllStatus');
  expect(undone.reply.result!.restored).toEqual(ids);
  expect(undone.reply.result!.kept.mergedFrom).toEqual([]);
  // What was there before the merge, proposal by proposal; no credits left; each told once.
  expect(await snapshot(world, [keepId, ...ids])).toEqual(before);
  expect(await world.count('credits', { rootId: keepId })).toBe(0);
  // One entry per restored proposal (the 300 and the one merged and undone above), one for ids[42].
  expect(await world.count('auditLog', { action: 'unmerge', from: 'merged' })).toBe(300 + 1);
  expect(await world.count('auditLog', { action: 'unmerge', targetId: ids[42] })).toBe(1);
  expect(await world.count('messages', { kind: 'proposalUnmerged', proposalId: ids[42] })).toBe(1);
}, 240_000);

test('a small merge and its undo answer at once, without a job', async () => {
  const { keepId, ids } = await buildCluster(world, 3, 'sw');
  const before = await snapshot(world, [keepId, ...ids]);
  expect(ids.length).toBeLessThanOrEqual(MERGE_INLINE_MAX);
  const out = ok<MergeOutput>(await call('merge', { keepId, mergeIds: ids }));
  expect(out.job).toBeNull();
  expect(out.merged).toEqual(ids);
  const facts = await clusterFacts(world, keepId, ids);
  expect(out.kept.backerCount).toBe(facts.people);
  const undo = ok<UnmergeAllOutput>(await call('unmergeAll', { keepId }));
  expect(undo.job).toBeNull();
  expect(undo.restored).toEqual(ids);
  expect(await snapshot(world, [keepId, ...ids])).toEqual(before);
  // Nothing merged into it any more: nothing to undo.
  expect(failure(await call('unmergeAll', { keepId }))).toMatchObject({ code: 'CONFLICT' });
}, 60_000);
