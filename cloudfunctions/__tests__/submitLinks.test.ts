/**
 * proposal.submit's similar links: a submission similar to several stored proposals raises each one's
 * similarCount exactly once, with one database request for all of them (not one each), so a submit in
 * a full window costs the same few requests however many similar proposals it links.
 */
import type { SubmitProposalOutput } from '@shishi/shared-types';
import type { ProposalDoc } from '../proposal/model';
import { workers } from './surveyFixtures';
import { ok, worldPerTest } from './world';

const world = worldPerTest();

const content =
  '我们环卫工人凌晨四点上班，中午只能在路边吃冷饭，希望在每个街道的环卫站点安装微波炉和饮水机，让职工能吃上热饭、喝上热水。';
const titles = [
  '环卫站点安装微波炉饮水机',
  '环卫站点请装微波炉和饮水机',
  '给环卫站点配微波炉饮水机',
  '环卫站点添置微波炉饮水机',
];

describe('proposal.submit links similar proposals', () => {
  it('raises each similar proposal’s similarCount once, with one request for all of them', async () => {
    const ws = await workers(world, 4, ['gr-zs-sanitation']);
    const stored: string[] = [];
    for (const [k, w] of ws.slice(0, 3).entries()) {
      const out = ok<SubmitProposalOutput>(
        await world.call(w, 'proposal', 'submit', {
          title: titles[k],
          content,
          category: 'labourEconomy',
          targetGroup: 'frontline',
        }),
      );
      stored.push(out._id);
    }
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          stored.map(async (id) => [id, (await world.doc<ProposalDoc>('proposals', id))!.similarCount]),
        ),
      );
    const before = await counts();

    // Every request of the fourth submission, by action and collection.
    const engine = world.cloud.local.engine;
    const send = engine.send.bind(engine);
    const seen: string[] = [];
    engine.send = (action, params = {}) => {
      seen.push(`${action} ${String((params as { collectionName?: string }).collectionName ?? '')}`);
      return send(action, params);
    };
    let fourth: SubmitProposalOutput;
    try {
      fourth = ok<SubmitProposalOutput>(
        await world.call(ws[3], 'proposal', 'submit', {
          title: titles[3],
          content,
          category: 'labourEconomy',
          targetGroup: 'frontline',
        }),
      );
    } finally {
      engine.send = send;
    }
    const doc = (await world.doc<ProposalDoc>('proposals', fourth._id))!;
    expect([...doc.similarIds].sort()).toEqual([...stored].sort());
    expect(fourth.similarCount).toBe(3);
    const after = await counts();
    for (const id of stored) expect(after[id]).toBe(before[id] + 1);
    // The three links are one update; the whole submission stays at the count without links plus one.
    expect(seen.filter((s) => s === 'database.modifyDocument proposals')).toHaveLength(1);
    expect(seen.length).toBeLessThanOrEqual(8);
  });
});
