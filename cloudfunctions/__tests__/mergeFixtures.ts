/**
 * A large cluster for the merge-job tests (mergeJobs.test.ts, mergeCrash.test.ts and its child): `n`
 * wordings of one need, each submitted through the real `proposal.submit` by one of a pool of bound
 * workers (so some people wrote several), supported through the real `support` by others of the pool
 * (some supporters are authors too): "each person counted once" matters. What the counters must be is
 * checked against rules/merge and the stored supports (`clusterFacts`).
 */
import { creditedPeople, type Proposal } from '@shishi/shared-types';
import { recomputeSupports } from '../proposal/supportCounting';
import type { ProposalDoc } from '../proposal/model';
import { workers } from './surveyFixtures';
import { ok, validProposal, type World } from './world';

const ORGS = ['gr-zs-sanitation', 'gr-zs-mall', 'gr-xg-hotel', 'gr-tr-bus', 'gr-gjz-riders'];
/** The pool of authors and supporters. */
export const POOL = 24;

export interface Cluster {
  keepId: string;
  /** The proposals to merge into keepId, in order. */
  ids: string[];
}

export async function buildCluster(world: World, n: number, prefix = 'mw'): Promise<Cluster> {
  const pool = await workers(world, POOL, ORGS, prefix);
  const all: string[] = [];
  for (let i = 0; i <= n; i += 1) {
    const author = pool[(i * 7) % POOL];
    const p = ok<Proposal>(
      await world.call(author, 'proposal', 'submit', {
        ...validProposal,
        title: `职工食堂延长晚餐供应第${i + 1}号`,
        content: `${validProposal.content}（第${i + 1}条）`,
      }),
    );
    all.push(p._id);
    for (let k = 0; k < i % 3; k += 1) {
      const who = pool[(i * 7 + 5 + k * 3) % POOL];
      if (who !== author) ok(await world.call(who, 'proposal', 'support', { proposalId: p._id }));
    }
  }
  return { keepId: all[0], ids: all.slice(1) };
}

/** Each proposal's status, links and counters as stored (the test's own reads). */
export async function snapshot(world: World, ids: readonly string[]) {
  const out: Array<Pick<ProposalDoc, '_id' | 'status' | 'supportCount' | 'backerCount'> & Record<string, unknown>> = [];
  for (const id of ids) {
    const d = (await world.doc<ProposalDoc & { mergeJob?: string }>('proposals', id))!;
    out.push({
      _id: d._id,
      status: d.status,
      supportCount: d.supportCount,
      backerCount: d.backerCount,
      mergedInto: d.mergedInto?._id ?? null,
      mergedFrom: (d.mergedFrom ?? []).length,
      mergeJob: d.mergeJob ?? null,
    });
  }
  return out;
}

/**
 * What a recompute gives for every proposal of the cluster (supportsCounting's recompute, which reads
 * the supports and the marks), the credits stored for the kept one, and the credited people as
 * rules/merge counts them from every stored support.
 */
export async function clusterFacts(world: World, keepId: string, ids: readonly string[]) {
  const db = world.cloud.database();
  const engine = world.cloud.local.engine;
  const recomputed = new Map<string, { supportCount: number; backerCount: number; waiting: number }>();
  for (const id of [keepId, ...ids]) {
    recomputed.set(id, (await engine.inspect(() => recomputeSupports(db, id))) as never);
  }
  const keep = (await world.doc<ProposalDoc>('proposals', keepId))!;
  const members = [
    keep,
    ...(await Promise.all(keep.mergedFrom.map((m) => world.doc<ProposalDoc>('proposals', m._id)))),
  ];
  const supports = (await engine.inspect(() =>
    db
      .collection('supports')
      .where({ proposalId: db.command.in(members.map((m) => m!._id)) })
      .limit(1000)
      .get(),
  )) as { data: Array<{ proposalId: string; openid: string }> };
  const people = creditedPeople(
    members.map((m) => ({
      _id: m!._id,
      author: m!.authorKey,
      supporters: supports.data.filter((s) => s.proposalId === m!._id).map((s) => s.openid),
    })),
  ).size;
  return { recomputed, credits: await world.count('credits', { rootId: keepId }), people };
}
