/**
 * proposal.similar for a proposal that is already stored (staff viewing it, `excludeId` set to it): the
 * near-duplicates of each stored cluster are found, though the rarest grams of the viewed proposal are
 * held by it alone.
 */
import type { Proposal, SimilarOutput } from '@shishi/shared-types';
import type { ProposalDoc } from '../proposal/model';
import { ok, worldPerTest } from './world';

const world = worldPerTest();

/** Three clusters of near-duplicates, each worded differently so every proposal has grams of its own. */
const clusters: ReadonlyArray<ReadonlyArray<{ title: string; content: string }>> = [
  [
    {
      title: '单位停车场增设电动车充电桩',
      content: '职工骑电动车上班，厂区停车场没有充电桩，中午只能把电瓶搬上楼充电，很不安全。',
    },
    {
      title: '厂区增加电动车充电桩',
      content: '电动自行车充电桩太少，下班排队充电，建议在停车棚多装几个充电桩并配灭火器。',
    },
    {
      title: '解决电动车充电桩不足',
      content: '停车棚里的充电桩经常坏，电动车充电要抢位置，希望维修并新增一批智能充电桩。',
    },
  ],
  [
    {
      title: '开设职工子女暑期托管班',
      content: '暑假孩子没人看，双职工家庭很头疼，建议开设暑期托管班，安排作业辅导和兴趣课程。',
    },
    {
      title: '暑期托管班照看职工子女',
      content: '放暑假后小学生无人照看，希望举办暑期托管班，提供午餐和午休，家长下班再接。',
    },
    { title: '增加暑期托管班名额', content: '去年暑期托管班名额很快报满，很多职工子女排不上，建议扩大托管班规模。' },
  ],
  [
    {
      title: '一线职工免费体检增加项目',
      content: '每年体检项目太少，建议一线职工免费体检增加颈椎和腰椎检查，早发现职业病。',
    },
    {
      title: '免费体检加上颈椎腰椎检查',
      content: '长期弯腰作业颈椎腰椎劳损多，希望免费体检时增加颈椎腰椎磁共振检查项目。',
    },
    {
      title: '扩大职工免费体检项目范围',
      content: '免费体检只有血常规和胸透，建议增加肿瘤筛查、颈椎检查和眼底检查等项目。',
    },
  ],
];

/** Submits each proposal offline through the cadre (one worker per proposal), returns the ids by cluster. */
async function storeClusters(): Promise<string[][]> {
  const ids: string[][] = [];
  let n = 0;
  for (const cluster of clusters) {
    const row: string[] = [];
    for (const p of cluster) {
      n += 1;
      const out = ok<Proposal>(
        await world.call('demo-cadre', 'proposal', 'submitOffline', {
          ...p,
          category: 'labourEconomy',
          targetGroup: 'frontline',
          workerName: `职工${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉戌亥'[n % 12]}`,
        }),
      );
      row.push(out._id);
    }
    ids.push(row);
  }
  return ids;
}

describe('proposal.similar for a stored proposal (excludeId)', () => {
  it('shows staff the stored near-duplicates of each proposal of each cluster, never the proposal itself', async () => {
    const ids = await storeClusters();
    for (const [c, cluster] of ids.entries()) {
      for (const id of cluster) {
        const doc = (await world.doc<ProposalDoc>('proposals', id))!;
        const out = ok<SimilarOutput>(
          await world.call('demo-district', 'proposal', 'similar', {
            title: doc.title,
            content: doc.content,
            excludeId: id,
          }),
        );
        const found = out.items.map((i) => i._id);
        expect(found).not.toContain(id);
        const mates = cluster.filter((m) => m !== id);
        expect({ id, found: found.filter((f) => mates.includes(f)).sort() }).toEqual({ id, found: [...mates].sort() });
        // Nothing of the other clusters ranks above its own mates.
        const others = ids.filter((_, i) => i !== c).flat();
        expect(found.slice(0, mates.length).some((f) => others.includes(f))).toBe(false);
      }
    }
  });

  it('finds the seeded cluster of 爱心驿站 from seed-p1 itself', async () => {
    const p1 = (await world.doc<ProposalDoc>('proposals', 'seed-p1'))!;
    const out = ok<SimilarOutput>(
      await world.call('demo-district', 'proposal', 'similar', {
        title: p1.title,
        content: p1.content,
        excludeId: 'seed-p1',
      }),
    );
    expect(out.items.map((i) => i._id)).toEqual(expect.arrayContaining(['seed-p8', 'seed-p9']));
    expect(out.items.map((i) => i._id)).not.toContain('seed-p1');
  });
});
