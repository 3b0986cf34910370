/**
 * First-start data: the Dalian union organisation, the demo identities' profiles, this year's Q4
 * collection window and a handful of proposals. Idempotent: every record has a fixed id and is only
 * added when missing, so a restart never overwrites what people changed.
 */
import { defaultWindowFor, dayjs, BUSINESS_TZ, titleKey, type Org, type OrgType } from '@shishi/shared-types';
import type { WxDatabase } from '@shishi/local-cloud';
import { demoIdentities } from './identities';

type Node = [id: string, name: string, type: OrgType, parent: string | null];

/** 市总工会 → 部门 / 区市县（开放先导区）总工会 / 产业工会 → 基层工会 */
const nodes: Node[] = [
  ['dl', '大连市总工会', 'city', null],
  ['dept-research', '调查研究室', 'department', 'dl'],
  ['dept-org', '组织和基层工作部', 'department', 'dl'],
  ['dept-rights', '权益保障部', 'department', 'dl'],
  ['dept-publicity', '宣传教育部', 'department', 'dl'],
  ['dept-finance', '财务部', 'department', 'dl'],
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
  nodes.forEach(([id, name, type, parentId], order) => {
    const parent = parentId ? byId.get(parentId) : undefined;
    byId.set(id, { _id: id, name, type, parentId, path: [...(parent?.path ?? []), id], order });
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
];

async function addIfMissing(
  db: WxDatabase,
  collection: string,
  doc: Record<string, unknown> & { _id: string },
): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (e) {
    if (e instanceof Error && /E11000|duplicate key/.test(e.message)) return false;
    throw e;
  }
}

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
        ...(who.unit ? { unit: who.unit } : {}),
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  // This year's Q4 window (for next year's projects) and last year's, closed.
  const year = dayjs(now).tz(BUSINESS_TZ).year();
  for (const y of [year - 1, year]) {
    const w = defaultWindowFor(y);
    count(
      await addIfMissing(db, 'collectWindows', {
        _id: `win-dl-${y}`,
        orgId: 'dl',
        orgName: '大连市总工会',
        title: `${w.projectYear}年度为职工办实事项目征集`,
        year: w.projectYear,
        opensAt: w.opensAt,
        closesAt: w.closesAt,
        createdAt: now,
      }),
    );
  }

  const window = defaultWindowFor(year);
  for (const p of proposals) {
    const org = orgById.get(p.orgId);
    if (!org) throw new Error(`seed: unknown org ${p.orgId}`);
    const at = new Date(Math.max(window.opensAt.getTime(), now.getTime() - p.daysAgo * 86_400_000));
    count(
      await addIfMissing(db, 'proposals', {
        _id: p.id,
        title: p.title,
        titleKey: titleKey(p.title),
        content: p.content,
        category: p.category,
        targetGroup: p.targetGroup,
        status: 'submitted',
        moderation: 'pass',
        authorOpenid: p.author,
        authorName: p.authorName,
        orgId: org._id,
        orgName: org.name,
        orgPath: org.path,
        windowId: `win-dl-${year}`,
        year: window.projectYear,
        channel: 'online',
        supportCount: 0,
        history: [{ at, actor: p.author, action: 'submit', from: null, to: 'submitted' }],
        createdAt: at,
        updatedAt: at,
      }),
    );
  }
  return { added };
}
