/**
 * First-start data: the Dalian union organisation, the demo identities' profiles, this year's Q4
 * collection window and a handful of proposals. Idempotent: every record has a fixed id and is only
 * added when missing, so a restart never overwrites what people changed.
 */
import {
  inBusinessTz,
  defaultWeights,
  defaultWindowFor,
  DOC_COUNT_TERM,
  lookupGrams,
  rankSimilar,
  SIMILAR_THRESHOLD,
  statKey,
  statTerms,
  titleKey,
  departmentNames,
  type DepartmentCode,
  type Org,
  type OrgType,
} from '@shishi/shared-types';
import type { WxDatabase } from '@shishi/local-cloud';
import { addStatCounts } from '@shishi/cloudfunctions/proposal/similarity';
import { addIfMissing } from './seedStore';
import { demoIdentities } from './identities';
import { seedSurveys } from './seedSurveys';

type Node = [id: string, name: string, type: OrgType, parent: string | null, code?: DepartmentCode];

/** A department of 市总工会, named after its stable code (routing finds it by the code). */
const dept = (id: string, code: DepartmentCode): Node => [id, departmentNames[code], 'department', 'dl', code];

/** 市总工会 → 部门 / 区市县（开放先导区）总工会 / 产业工会 → 基层工会 */
const nodes: Node[] = [
  ['dl', '大连市总工会', 'city', null],
  dept('dept-research', 'research'),
  dept('dept-org', 'organisation'),
  dept('dept-rights', 'rights'),
  dept('dept-publicity', 'publicity'),
  dept('dept-finance', 'finance'),
  dept('dept-office', 'office'),
  dept('dept-women', 'women'),
  dept('dept-labour', 'labourEconomy'),
  ['dist-zhongshan', '中山区总工会', 'district', 'dl'],
  ['dist-xigang', '西岗区总工会', 'district', 'dl'],
  ['dist-shahekou', '沙河口区总工会', 'district', 'dl'],
  ['dist-ganjingzi', '甘井子区总工会', 'district', 'dl'],
  ['dist-lvshunkou', '旅顺口区总工会', 'district', 'dl'],
  ['dist-jinzhou', '金州区总工会', 'district', 'dl'],
  ['dist-pulandian', '普兰店区总工会', 'district', 'dl'],
  ['dist-wafangdian', '瓦房店市总工会', 'district', 'dl'],
  ['dist-zhuanghe', '庄河市总工会', 'district', 'dl'],
  ['dist-changhai', '长海县总工会', 'district', 'dl'],
  ['dist-jinpu', '金普新区总工会（开放先导区）', 'district', 'dl'],
  ['dist-hitech', '高新技术产业园区总工会（开放先导区）', 'district', 'dl'],
  ['ind-machinery', '大连市机械冶金工会', 'industry', 'dl'],
  ['ind-transport', '大连市交通运输工会', 'industry', 'dl'],
  ['ind-education', '大连市教育工会', 'industry', 'dl'],
  ['ind-health', '大连市卫生健康工会', 'industry', 'dl'],
  ['gr-zs-sanitation', '中山区环卫服务中心工会', 'grassroots', 'dist-zhongshan'],
  ['gr-zs-mall', '大连天兴商贸有限公司工会', 'grassroots', 'dist-zhongshan'],
  ['gr-zs-couriers', '中山区快递物流行业联合工会', 'grassroots', 'dist-zhongshan'],
  ['gr-xg-hotel', '西岗区餐饮住宿行业联合工会', 'grassroots', 'dist-xigang'],
  ['gr-shk-school', '沙河口区第三幼儿园工会', 'grassroots', 'dist-shahekou'],
  ['gr-gjz-steel', '甘井子区华锐铸钢有限公司工会', 'grassroots', 'dist-ganjingzi'],
  ['gr-gjz-riders', '甘井子区外卖骑手联合工会', 'grassroots', 'dist-ganjingzi'],
  ['gr-jp-auto', '金普新区长兴汽车零部件有限公司工会', 'grassroots', 'dist-jinpu'],
  ['gr-ht-software', '高新区软件园企业联合工会', 'grassroots', 'dist-hitech'],
  ['gr-mach-tool', '大连机床集团工会', 'grassroots', 'ind-machinery'],
  ['gr-tr-bus', '大连公交客运集团工会', 'grassroots', 'ind-transport'],
  ['gr-tr-port', '大连港湾运输有限公司工会', 'grassroots', 'ind-transport'],
  ['gr-edu-24', '大连市第二十四中学工会', 'grassroots', 'ind-education'],
  ['gr-health-central', '大连市中心医院工会', 'grassroots', 'ind-health'],
];

export function seedOrgs(): Org[] {
  const byId = new Map<string, Org>();
  nodes.forEach(([id, name, type, parentId, code], order) => {
    const parent = parentId ? byId.get(parentId) : undefined;
    byId.set(id, {
      _id: id,
      name,
      type,
      parentId,
      path: [...(parent?.path ?? []), id],
      order,
      ...(code ? { code } : {}),
    });
  });
  return [...byId.values()];
}

interface SeedProposal {
  id: string;
  author: string;
  authorName: string;
  orgId: string;
  title: string;
  content: string;
  category: 'labourEconomy' | 'democracy' | 'culture' | 'career' | 'other';
  targetGroup: 'all' | 'frontline' | 'women' | 'youth' | 'migrant' | 'newEmployment' | 'hardship' | 'other';
  daysAgo: number;
  /** Seeded supports (附议): other authors of the seed, by id. */
  supporters?: string[];
}

const proposals: SeedProposal[] = [
  {
    id: 'seed-p1',
    author: 'demo-worker',
    authorName: '王秀梅',
    orgId: 'gr-zs-sanitation',
    title: '为户外环卫工人增设爱心驿站',
    content:
      '冬季清扫时间长，环卫工人没有地方喝热水、热饭和休息。建议在主要路段的商铺和社区增设爱心驿站，配备微波炉、饮水机和急救药箱。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 20,
  },
  {
    id: 'seed-p2',
    author: 'seed-author-2',
    authorName: '赵海涛',
    orgId: 'gr-zs-couriers',
    title: '快递小哥职业伤害保障宣传和帮办',
    content: '很多快递员不清楚新就业形态职业伤害保障怎么参保、出了事怎么报。建议工会组织专场宣讲，并在站点设帮办窗口。',
    category: 'labourEconomy',
    targetGroup: 'newEmployment',
    daysAgo: 15,
  },
  {
    id: 'seed-p3',
    author: 'seed-author-3',
    authorName: '孙丽娜',
    orgId: 'gr-zs-mall',
    title: '商场女职工暑期托管班',
    content: '商场营业员暑假要上班，孩子没人照看。建议工会在暑期开办职工子女托管班，提供看护、作业辅导和兴趣课程。',
    category: 'culture',
    targetGroup: 'women',
    daysAgo: 11,
  },
  {
    id: 'seed-p4',
    author: 'seed-author-4',
    authorName: '刘志强',
    orgId: 'gr-gjz-steel',
    title: '一线工人免费职业健康体检',
    content: '铸造车间粉尘大、噪声高，建议每年为一线工人增加职业病专项体检项目，并建立健康档案，跟踪复查。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 9,
  },
  {
    id: 'seed-p5',
    author: 'seed-author-5',
    authorName: '陈晓东',
    orgId: 'gr-gjz-riders',
    title: '外卖骑手充电换电和歇脚点',
    content: '骑手电动车电池不够用，等单时也没有地方歇脚。建议在商圈附近建设骑手驿站，提供充电换电、饮水和卫生间。',
    category: 'labourEconomy',
    targetGroup: 'newEmployment',
    daysAgo: 6,
  },
  {
    id: 'seed-p6',
    author: 'seed-author-6',
    authorName: '杨帆',
    orgId: 'gr-ht-software',
    title: '青年职工技能提升线上课程',
    content: '软件园青年职工多，希望工会联合培训机构开设人工智能、数据分析等线上课程，考取证书给予补贴。',
    category: 'career',
    targetGroup: 'youth',
    daysAgo: 4,
  },
  {
    id: 'seed-p7',
    author: 'seed-author-7',
    authorName: '周建华',
    orgId: 'gr-tr-bus',
    title: '公交司机如厕难问题',
    content: '部分公交线路终点站没有卫生间，司机只能憋着。建议协调沿线单位开放卫生间，或在终点站设置移动厕所。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 2,
  },
  // Near-duplicates of the above (same need, other words): material for the similar panel and merging.
  {
    id: 'seed-p8',
    author: 'seed-author-8',
    authorName: '高文静',
    orgId: 'gr-zs-couriers',
    title: '在街道设立户外劳动者爱心驿站',
    content: '环卫工人、快递员冬天没处喝水热饭，建议在街道社区设立爱心驿站，提供热水、微波炉和休息座椅。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 18,
    supporters: ['seed-author-2', 'seed-author-3'],
  },
  {
    id: 'seed-p9',
    author: 'seed-author-9',
    authorName: '韩桂兰',
    orgId: 'gr-zs-sanitation',
    title: '环卫工人冬季休息点建设',
    content: '冬季早班的环卫工人凌晨就上岗，希望在清扫路段附近设置休息点，能喝上热水、吃上热饭，放一个急救药箱。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 8,
    supporters: ['seed-author-8'],
  },
  {
    id: 'seed-p10',
    author: 'seed-author-10',
    authorName: '马国庆',
    orgId: 'gr-gjz-steel',
    title: '为粉尘噪声岗位职工增加职业病体检',
    content: '车间粉尘多、噪声大，很多工人担心得职业病。建议每年组织一次职业病专项体检，建立职工健康档案。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 7,
    supporters: ['seed-author-4', 'seed-author-5'],
  },
  {
    id: 'seed-p11',
    author: 'seed-author-11',
    authorName: '吴海军',
    orgId: 'gr-tr-bus',
    title: '解决公交终点站司机上厕所难',
    content: '很多公交终点站没有厕所，司机跑完一圈找不到卫生间。建议协调周边单位开放厕所或者设置移动厕所。',
    category: 'labourEconomy',
    targetGroup: 'frontline',
    daysAgo: 1,
    supporters: ['seed-author-7'],
  },
  {
    id: 'seed-p12',
    author: 'seed-author-12',
    authorName: '林晓燕',
    orgId: 'gr-shk-school',
    title: '开办职工子女暑期托管服务',
    content: '双职工家庭暑假孩子无人照看，建议工会开办暑期托管班，组织看护、作业辅导和兴趣课程，收费要低。',
    category: 'culture',
    targetGroup: 'women',
    daysAgo: 3,
  },
];

/** Ids of the seeded proposals, oldest first. */
export const seededProposalIds = proposals.map((p) => p.id);

export interface SeedReport {
  added: number;
}

export async function seed(db: WxDatabase, now: Date): Promise<SeedReport> {
  let added = 0;
  const count = (ok: boolean) => void (ok && (added += 1));
  const orgs = seedOrgs();
  const orgById = new Map(orgs.map((o) => [o._id, o]));
  for (const org of orgs) count(await addIfMissing(db, 'orgs', { ...org }));

  for (const who of demoIdentities.filter((i) => i.bound)) {
    const org = orgById.get(who.orgId);
    if (!org) throw new Error(`seed: unknown org ${who.orgId}`);
    count(
      await addIfMissing(db, 'users', {
        _id: who.id,
        openid: who.id,
        name: who.name,
        role: who.role,
        orgId: org._id,
        orgName: org.name,
        orgPath: org.path,
        bindings: [{ role: who.role, orgId: org._id, orgName: org.name, orgPath: org.path }],
        ...(who.unit ? { unit: who.unit } : {}),
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  // This year's Q4 window (for next year's projects) and last year's, closed.
  const year = inBusinessTz(now).year();
  for (const y of [year - 1, year]) {
    const w = defaultWindowFor(y);
    count(
      await addIfMissing(db, 'collectWindows', {
        _id: `win-dl-${y}`,
        orgId: 'dl',
        orgName: '大连市总工会',
        orgPath: ['dl'],
        weights: defaultWeights,
        title: `${w.projectYear}年度为职工办实事项目征集`,
        year: w.projectYear,
        opensAt: w.opensAt,
        closesAt: w.closesAt,
        // 决定公布日期: the union says by the end of March which proposals it adopts.
        decideBy: `${w.projectYear}-03-31`,
        createdAt: now,
      }),
    );
  }

  const window = defaultWindowFor(year);
  const windowId = `win-dl-${year}`;
  const nameOf = new Map(proposals.map((p) => [p.author, p.authorName]));
  const supportersOf = (p: SeedProposal) => p.supporters ?? [];
  // Similar links and counts among the seeded proposals, as submitting them one by one would give.
  const dfAll = new Map<string, number>();
  for (const p of proposals) for (const t of statTerms(p)) dfAll.set(t, (dfAll.get(t) ?? 0) + 1);
  const similarOf = new Map<string, string[]>();
  for (const p of proposals) {
    const ranked = rankSimilar(
      p,
      proposals.map((q) => ({ ...q, _id: q.id })),
      { n: proposals.length, df: dfAll },
      { limit: 10, minScore: SIMILAR_THRESHOLD, excludeIds: new Set([p.id]) },
    );
    similarOf.set(
      p.id,
      ranked.map((r) => r.candidate.id),
    );
  }
  const addedTerms: string[][] = [];
  for (const p of proposals) {
    const org = orgById.get(p.orgId);
    if (!org) throw new Error(`seed: unknown org ${p.orgId}`);
    const at = new Date(Math.max(window.opensAt.getTime(), now.getTime() - p.daysAgo * 86_400_000));
    const supporters = supportersOf(p);
    const ok = await addIfMissing(db, 'proposals', {
      _id: p.id,
      title: p.title,
      titleKey: titleKey(p.title),
      content: p.content,
      category: p.category,
      targetGroup: p.targetGroup,
      status: 'submitted',
      moderation: 'pass',
      authorOpenid: p.author,
      authorKey: p.author,
      authorName: p.authorName,
      orgId: org._id,
      orgName: org.name,
      orgPath: org.path,
      windowId,
      year: window.projectYear,
      channel: 'online',
      supportCount: supporters.length,
      backerCount: 1 + supporters.length,
      similarCount: similarOf.get(p.id)?.length ?? 0,
      similarIds: similarOf.get(p.id) ?? [],
      grams: lookupGrams(p),
      attachments: [],
      needsReview: false,
      mergedInto: null,
      mergedFrom: [],
      decision: null,
      scores: null,
      offline: null,
      history: [{ at, actor: p.author, action: 'submit', from: null, to: 'submitted' }],
      createdAt: at,
      updatedAt: at,
    });
    count(ok);
    if (!ok) continue;
    addedTerms.push(statTerms(p));
    for (const s of supporters) {
      count(
        await addIfMissing(db, 'supports', {
          _id: `${p.id}_${s}`,
          proposalId: p.id,
          openid: s,
          name: nameOf.get(s) ?? s,
          createdAt: at,
        }),
      );
    }
  }
  await countTerms(db, windowId, addedTerms);
  await backfill(db, now);
  added += await seedSurveys(db, now, orgs);
  return { added };
}

/** Adds seeded proposals to their window's document frequencies (similar lookup). */
async function countTerms(db: WxDatabase, windowId: string, docs: string[][]): Promise<void> {
  if (docs.length === 0) return;
  const _ = db.command;
  const by = new Map<string, number>([[statKey(windowId, DOC_COUNT_TERM), docs.length]]);
  for (const terms of docs)
    for (const t of terms) by.set(statKey(windowId, t), (by.get(statKey(windowId, t)) ?? 0) + 1);
  await addStatCounts(db, windowId, by);
}

/**
 * Data directories made before collection screening: proposals get the fields it needs (author key,
 * lookup grams, counters), counted in their window's term statistics; windows get their org path.
 * Survey counter shards from before the marks (counting.ts) counted every answer stored so far (answer
 * and count were one transaction then): they are settled up to now.
 */
async function backfill(db: WxDatabase, now: Date): Promise<void> {
  const _ = db.command;
  const unsettled = await db
    .collection('surveyCounters')
    .where({ vt: _.exists(false) })
    .field({ surveyId: true })
    .limit(1000)
    .get();
  for (const surveyId of new Set((unsettled.data as Array<{ surveyId: string }>).map((d) => d.surveyId))) {
    // After the survey's last answer (a pinned clock may start before answers of an earlier run).
    const last = await db
      .collection('surveyAnswers')
      .where({ surveyId })
      .orderBy('createdAt', 'desc')
      .field({ createdAt: true })
      .limit(1)
      .get();
    const lastAt = (last.data[0] as { createdAt?: Date } | undefined)?.createdAt?.getTime() ?? 0;
    await db
      .collection('surveyCounters')
      .where({ surveyId, vt: _.exists(false) })
      .update({ data: { vt: new Date(Math.max(now.getTime(), lastAt + 1)), m: _.set({}) } });
  }
  const old = await db
    .collection('proposals')
    .where({ grams: _.exists(false) })
    .limit(1000)
    .get();
  const byWindow = new Map<string, string[][]>();
  for (const d of old.data as Array<Record<string, unknown> & { _id: string; title: string; content: string }>) {
    const supportCount = (d.supportCount as number | undefined) ?? 0;
    await db
      .collection('proposals')
      .doc(d._id)
      .update({
        data: {
          authorKey: d.authorKey ?? d.authorOpenid,
          grams: lookupGrams(d),
          supportCount,
          backerCount: d.status === 'merged' ? 0 : 1 + supportCount,
          similarCount: 0,
          similarIds: [],
          attachments: [],
          needsReview: d.moderation === 'review',
          mergedInto: null,
          mergedFrom: [],
          decision: null,
          scores: null,
          offline: null,
        },
      });
    const w = String(d.windowId);
    byWindow.set(w, [...(byWindow.get(w) ?? []), statTerms(d)]);
  }
  for (const [w, docs] of byWindow) await countTerms(db, w, docs);
  // Departments seeded before they had a stable code (the routing rule looks them up by it).
  for (const org of seedOrgs().filter((o) => o.code)) {
    await db
      .collection('orgs')
      .where({ _id: org._id, code: _.exists(false) })
      .update({ data: { code: org.code } });
  }
  const windows = await db
    .collection('collectWindows')
    .where({ orgPath: _.exists(false) })
    .limit(1000)
    .get();
  for (const w of windows.data as Array<{ _id: string; orgId: string }>) {
    const org = seedOrgs().find((o) => o._id === w.orgId);
    if (org)
      await db
        .collection('collectWindows')
        .doc(w._id)
        .update({ data: { orgPath: org.path } });
  }
}
