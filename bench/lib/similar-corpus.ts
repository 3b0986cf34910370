/**
 * Real-looking proposals for the similar-proposal benchmark, generated deterministically from a seed.
 *
 * A proposal is a topic (a need workers write about: canteen hours, rest stations, overtime pay …) with
 * specifics — who, where (a Dalian street or site), which unit, when, how many people, and two or three
 * concrete asks — rendered in one of several wordings (title pattern, problem sentence, ask sentence,
 * synonyms, order of the asks, closing). Topics are drawn by popularity (weights 2–10), so popular needs
 * have thousands of proposals at 50,000, as they would.
 *
 * Planted near-duplicates: a share of proposals belong to a cluster (2–4 members) that shares the
 * specifics and keeps about half of one wording's choices — the same local need written by different
 * workers. A "duplicate"
 * query is a further wording of a cluster, typed partially; its lookup should show a member in the top 5.
 * Held-out topics are never stored: queries about them have no near-duplicate.
 */
import { random } from './sample';

export type Category = 'labourEconomy' | 'democracy' | 'culture' | 'career' | 'other';
export type Group = 'all' | 'frontline' | 'women' | 'youth' | 'migrant' | 'newEmployment' | 'hardship' | 'other';

export interface Draft {
  title: string;
  content: string;
  category: Category;
  targetGroup: Group;
}

export interface GeneratedProposal extends Draft {
  topic: string;
  /** The planted cluster this proposal belongs to, or null. */
  cluster: number | null;
}

interface Topic {
  key: string;
  category: Category;
  group: Group;
  /** Who it is for. */
  who: string[];
  /** What is asked for, as a short noun phrase (titles). */
  subject: string[];
  /** Title patterns: {who} {subject} {place} {unit}. */
  titles: string[];
  /** The problem: {who} {place} {unit} {time} {n} {m} {k}. */
  problems: string[];
  /** The ask: {needs} {subject} {place} {unit} {who}. */
  asks: string[];
  /** Concrete asks, each with synonyms. */
  needs: string[][];
  /** When it bites (optional). */
  times?: string[];
  /** Popularity (relative). */
  weight: number;
}

// ------------------------------------------------------------------------------------------ material

/** Streets, neighbourhoods and sites of Dalian. */
const PLACES = [
  '青泥洼桥',
  '人民路',
  '桃源街道',
  '东港商务区',
  '海军广场',
  '葵英街道',
  '昆明街',
  '老虎滩',
  '白云街道',
  '八一路',
  '香炉礁',
  '日新街道',
  '北京街',
  '站北街道',
  '春柳街道',
  '马栏广场',
  '黑石礁',
  '星海湾',
  '李家街道',
  '兴工街',
  '西安路商圈',
  '南沙河口',
  '中华路',
  '周水子',
  '泉水街道',
  '革镇堡',
  '大连湾',
  '南关岭',
  '红旗西路',
  '凌水街道',
  '辛寨子',
  '姚家街道',
  '机场前',
  '金石滩',
  '拥政街道',
  '友谊街道',
  '光明街道',
  '先进街道',
  '董家沟',
  '大魏家',
  '杏树屯',
  '七顶山',
  '登沙河',
  '二十里堡',
  '亮甲店',
  '石河街道',
  '三十里堡',
  '站前街道',
  '大李家',
  '金马路',
  '辽河西路',
  '五彩城',
  '华南广场',
  '泉水桥',
  '黄河路',
  '中山路',
  '长江路',
  '解放路',
  '五一路',
  '东北路',
  '华北路',
  '石道街',
  '港湾广场',
  '和平广场',
  '星海广场',
  '软件园路',
  '学苑广场',
  '高新万达',
  '旅顺新港',
  '龙河路',
  '长城路',
  '水师营',
  '铁山街道',
  '双岛湾',
  '普兰店南山',
  '皮口港',
  '瓦房店永宁',
  '复州城',
  '庄河昌盛',
  '青堆子',
  '长海四块石',
  '小平岛',
  '河口湾',
  '夏家河子',
  '营城子',
  '甘井子大连湾',
  '棠梨沟',
  '山东路',
  '汇利街',
  '锦绣小区',
  '华乐街',
  '椒房街',
  '虹港路',
  '数码广场',
  '大有恬园',
  '红凌路',
  '东纬路',
  '沿海街',
  '梭鱼湾',
  '甘南路',
];

/** Units workers name (a company, a depot, a school, a hospital …). */
const UNITS = [
  '华锐重工',
  '大连机床',
  '长兴岛造船厂',
  '大连港集装箱码头',
  '地铁运营公司',
  '金州公交车队',
  '中心医院',
  '第二十四中学',
  '沙河口第三幼儿园',
  '东软集团',
  '亿达软件园',
  '天兴商贸',
  '中山区环卫二队',
  '西岗区环卫所',
  '顺丰速运中山分部',
  '美团配送甘井子站',
  '饿了么高新站点',
  '长兴汽车零部件',
  '华信计算机',
  '大化集团',
  '瓦轴集团',
  '大连重工起重',
  '大连热电',
  '大连港湾运输',
  '公交客运集团四分公司',
  '友谊商城',
  '麦凯乐百货',
  '大商新玛特',
  '凯德和平广场',
  '大连石化',
  '恒力石化',
  '英特尔大连工厂',
  '松下电器',
  '东芝大连',
  '大连银行客服中心',
  '大连供电公司',
  '自来水集团',
  '燃气集团',
  '大连国际机场',
  '大连北站',
  '铁路客运段',
  '大医一院',
  '大医二院',
  '妇女儿童医疗中心',
  '大连理工大学后勤',
  '海事大学后勤',
  '金普新区建筑工地',
  '中建八局项目部',
  '万科物业',
  '绿城物业',
  '保利物业',
  '开发区服装厂',
  '獐子岛渔业',
  '庄河水产加工厂',
  '瓦房店纺织厂',
  '普兰店食品厂',
  '京东物流仓',
  '菜鸟驿站集散中心',
  '滴滴司机服务站',
  '货拉拉大连站',
  '东方圣克拉酒店',
  '香格里拉酒店',
  '老菜馆连锁',
  '海鲜大排档一条街',
  '星海会展中心',
  '大连电视台',
  '新华书店',
  '大连晚报社',
  '园林绿化处',
  '市政维护公司',
];

const TIMES = ['冬天', '夏天', '夜班', '早班', '节假日', '雨雪天', '高峰期', '每天中午', '月底', '旺季'];

const CLOSINGS = [
  '希望工会能够重视。',
  '恳请工会协调解决。',
  '这样既方便职工，也能提高大家的积极性。',
  '很多同事都有同样的想法。',
  '希望明年能列入为职工办实事项目。',
  '相信这件事办好了，职工会很受益。',
  '',
  '',
];

/** Title patterns anyone might use. */
const GENERIC_TITLES = [
  '关于{subject}的建议',
  '建议解决{who}{subject}问题',
  '{who}盼望{subject}',
  '恳请重视{subject}',
  '{subject}问题亟待解决',
  '呼吁改善{unit}{subject}',
  '{place}{who}的{subject}诉求',
  '希望{unit}落实{subject}',
];

/** Everyday words and the other words people use for them: each occurrence is said one way or another. */
const SYNONYMS: string[][] = [
  ['建议', '提议', '恳请'],
  ['希望', '盼望', '期盼'],
  ['没有', '缺少', '没'],
  ['地方', '场所', '去处'],
  ['附近', '周边', '周围'],
  ['提供', '配备', '准备'],
  ['很多', '不少', '许多'],
  ['经常', '常常', '总是'],
  ['开设', '开办', '举办'],
  ['每天', '天天', '每日'],
  ['职工', '员工', '工友'],
  ['单位', '公司', '企业'],
  ['解决', '解决好', '处理'],
  ['问题', '难题', '困难'],
  ['增加', '增设', '多设'],
  ['组织', '安排', '牵头'],
  ['情况', '现象', '状况'],
  ['重视', '关注', '关心'],
  ['方便', '便利', '便捷'],
  ['只能', '只好', '只得'],
];
const SYNONYM_OF = new Map(SYNONYMS.flatMap((group) => group.map((w) => [w, group] as const)));
const SYNONYM_RE = new RegExp([...SYNONYM_OF.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

function reword(text: string, rnd: () => number): string {
  return text.replace(SYNONYM_RE, (w) => {
    const group = SYNONYM_OF.get(w)!;
    return rnd() < 0.5 ? w : pick(rnd, group);
  });
}

/** How people start (often not at all). */
const OPENERS = [
  '',
  '',
  '',
  '我是{unit}的一名{who}。',
  '作为一名{who}，想反映一个问题。',
  '{place}这边的{who}都有这个困难。',
  '反映一个大家都关心的问题。',
  '我在{unit}工作了{k}年，',
  '各位领导好，',
];

/** What people add to make the case (0–2 per proposal). */
const ELABORATIONS = [
  '去年向单位反映过，但一直没有解决。',
  '同事们私下议论很多，影响工作情绪。',
  '周边有的单位已经做得很好，可以借鉴。',
  '可以先在{place}试点，再逐步推开。',
  '费用可以由单位和工会共同承担。',
  '这件事看起来小，但关系到每个人的切身利益。',
  '{who}大多是家里的顶梁柱，身体和收入都不能出问题。',
  '我们也愿意出一份力，配合工会把事情办好。',
  '建议办好后做个回访，听听{who}的意见。',
  '{time}的时候问题最明显。',
];

const TOPICS: Topic[] = [
  {
    key: 'rest-station',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['环卫工人', '户外劳动者', '快递员和环卫工人', '交警和环卫工人'],
    subject: ['爱心驿站', '户外劳动者驿站', '休息点', '暖心驿站'],
    titles: [
      '为{place}{who}增设{subject}',
      '在{place}设立{subject}',
      '{who}{time}需要{subject}',
      '{place}{subject}建设',
    ],
    problems: [
      '{time}户外作业时间长，{place}一带的{who}没有地方喝热水、热饭和休息。',
      '{place}附近的{who}{time}只能在路边歇脚，找不到能吃口热饭的地方。',
      '我们{unit}的{who}有{n}多人，{time}在{place}清扫、派送，连个躲风避雨的地方都没有。',
    ],
    asks: [
      '建议在{place}的商铺和社区增设{subject}，配备{needs}。',
      '希望在{place}附近设立{subject}，提供{needs}。',
      '建议协调沿街单位开放{subject}，里面放上{needs}。',
    ],
    needs: [
      ['微波炉', '热饭的微波炉'],
      ['饮水机', '热水'],
      ['急救药箱', '常用药品'],
      ['休息座椅', '长椅'],
      ['手机充电插座', '充电口'],
      ['卫生间', '厕所'],
      ['空调', '取暖设备'],
      ['防暑降温用品', '绿豆汤'],
    ],
    times: ['冬天', '夏天', '早班', '雨雪天'],
    weight: 10,
  },
  {
    key: 'rider-station',
    category: 'labourEconomy',
    group: 'newEmployment',
    who: ['外卖骑手', '快递小哥', '骑手', '网约配送员'],
    subject: ['骑手驿站', '充电点', '骑手之家', '歇脚点'],
    titles: ['{place}{who}充电换电和歇脚', '商圈建设{subject}', '为{who}在{place}建{subject}', '{who}等单没地方歇脚'],
    problems: [
      '{who}电动车电池不够用，{time}在{place}等单时也没有地方歇脚。',
      '{place}商圈有{n}多名{who}，{time}等单只能蹲在路边，电池经常没电。',
      '{unit}的{who}每天跑单十几个小时，{place}附近找不到充电和休息的地方。',
    ],
    asks: [
      '建议在{place}附近建设{subject}，提供{needs}。',
      '希望工会联合平台在{place}设{subject}，配上{needs}。',
      '建议把闲置门面改成{subject}，有{needs}。',
    ],
    needs: [
      ['充电换电', '换电柜'],
      ['饮水', '热水'],
      ['卫生间', '厕所'],
      ['休息区', '休息座椅'],
      ['雨衣雨具', '雨披'],
      ['电动车维修', '修车工具'],
      ['无线网络', 'wifi'],
    ],
    times: ['高峰期', '雨雪天', '夏天', '冬天'],
    weight: 8,
  },
  {
    key: 'canteen-hours',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['夜班职工', '倒班工人', '夜班护士', '三班倒的职工'],
    subject: ['延长晚餐供应', '开设夜宵窗口', '延长供餐时间', '提供夜班餐'],
    titles: ['职工食堂{subject}', '{unit}食堂{subject}', '{who}吃饭难，建议食堂{subject}', '关于{unit}{subject}的建议'],
    problems: [
      '{who}下班时食堂已经关门，只能饿着肚子或者吃泡面。',
      '{unit}有{n}多名{who}，{time}下班时食堂早就不开了。',
      '上{time}的{who}经常错过饭点，{unit}周边也没有饭店。',
    ],
    asks: [
      '建议把晚餐供应延长到晚上八点，并提供{needs}。',
      '希望食堂{subject}，增加{needs}。',
      '建议食堂安排专人值守，保证{needs}。',
    ],
    needs: [
      ['打包服务', '打包盒饭'],
      ['夜宵窗口', '夜宵'],
      ['热饭热菜', '热乎饭菜'],
      ['自助加热柜', '保温柜'],
      ['营养搭配', '荤素搭配'],
      ['扫码取餐', '预约订餐'],
    ],
    times: ['夜班', '早班', '月底', '旺季'],
    weight: 7,
  },
  {
    key: 'canteen-quality',
    category: 'labourEconomy',
    group: 'all',
    who: ['职工', '一线员工', '青年职工'],
    subject: ['食堂伙食', '饭菜质量', '食堂价格', '职工餐'],
    titles: ['改善{unit}{subject}', '{subject}有待提高', '关于{unit}食堂饭菜的建议', '提升{subject}和卫生'],
    problems: [
      '{unit}食堂饭菜品种单一，价格却越来越贵，{who}意见很大。',
      '食堂的菜经常是凉的，口味重，{n}多名{who}只好叫外卖。',
      '{unit}食堂卫生条件差，{time}排队时间长，饭菜分量也少。',
    ],
    asks: [
      '建议工会监督食堂，做到{needs}。',
      '希望改进{subject}，增加{needs}。',
      '建议成立伙食管理委员会，推动{needs}。',
    ],
    needs: [
      ['菜品多样', '增加菜品'],
      ['价格公开', '明码标价'],
      ['后厨卫生', '明厨亮灶'],
      ['少油少盐', '清淡菜'],
      ['意见箱', '满意度测评'],
      ['清真窗口', '民族餐'],
      ['水果', '时令水果'],
    ],
    times: ['每天中午', '高峰期'],
    weight: 5,
  },
  {
    key: 'summer-childcare',
    category: 'culture',
    group: 'women',
    who: ['双职工家庭', '女职工', '商场营业员', '一线职工'],
    subject: ['暑期托管班', '爱心托管班', '托管服务', '寒暑假托管班'],
    titles: ['开办职工子女{subject}', '{unit}女职工{subject}', '{place}{subject}', '解决{who}假期带娃难'],
    problems: [
      '{who}暑假要上班，孩子没人照看，只能锁在家里。',
      '{unit}的{who}寒暑假带娃难，送培训班又太贵。',
      '{place}附近有{n}多个{who}的孩子放假没处去。',
    ],
    asks: [
      '建议工会在暑期开办{subject}，提供{needs}。',
      '希望在{place}开设{subject}，安排{needs}。',
      '建议联合学校和社区办{subject}，组织{needs}。',
    ],
    needs: [
      ['看护', '专人看护'],
      ['作业辅导', '辅导作业'],
      ['兴趣课程', '兴趣班'],
      ['午餐', '午饭和午休'],
      ['接送', '班车接送'],
      ['低收费', '收费要低'],
      ['安全教育', '防溺水教育'],
    ],
    times: ['暑假', '寒假'],
    weight: 6,
  },
  {
    key: 'infant-care',
    category: 'labourEconomy',
    group: 'women',
    who: ['年轻父母', '二孩家庭', '女职工', '青年职工'],
    subject: ['托育园', '婴幼儿托育', '职工托儿所', '托育服务'],
    titles: ['{unit}开办{subject}', '为{who}提供{subject}', '{place}建设普惠{subject}', '三岁以下孩子{subject}难'],
    problems: [
      '三岁以下孩子没人带，{who}产假结束后只能辞职或者请老人帮忙。',
      '{place}附近的托育机构太贵，一个月要{m}多块钱。',
      '{unit}的{who}很多，孩子入托难是最大的后顾之忧。',
    ],
    asks: [
      '建议依托{unit}开办{subject}，做到{needs}。',
      '希望工会推动{place}建设普惠{subject}，提供{needs}。',
      '建议用人单位和工会共建{subject}，保证{needs}。',
    ],
    needs: [
      ['收费合理', '普惠价格'],
      ['专业保育员', '持证保育员'],
      ['就近入托', '离单位近'],
      ['延时托管', '延长接娃时间'],
      ['营养餐', '婴幼儿辅食'],
      ['监控', '家长可看监控'],
    ],
    weight: 4,
  },
  {
    key: 'commute-bus',
    category: 'labourEconomy',
    group: 'all',
    who: ['职工', '园区职工', '住得远的职工', '倒班工人'],
    subject: ['通勤班车', '职工班车', '定制公交', '上下班交通'],
    titles: [
      '开通{place}到{unit}的{subject}',
      '{unit}{subject}',
      '{who}上下班难，建议开{subject}',
      '增加{subject}线路',
    ],
    problems: [
      '{unit}离市区远，{who}每天路上要两个多小时。',
      '从{place}到{unit}没有直达公交，{time}打车又贵。',
      '{unit}有{n}多名{who}住在{place}，{time}挤公交很辛苦。',
    ],
    asks: [
      '建议开通从{place}出发的{subject}，做到{needs}。',
      '希望工会和公交公司协调{subject}，增加{needs}。',
      '建议{unit}安排{subject}，考虑{needs}。',
    ],
    needs: [
      ['早晚班次', '加密早晚班次'],
      ['夜班接送', '夜班车'],
      ['多设站点', '沿途停靠站'],
      ['刷卡优惠', '票价优惠'],
      ['实时查询', '手机查班车'],
      ['周末班次', '节假日班车'],
    ],
    times: ['早班', '夜班', '高峰期', '雨雪天'],
    weight: 6,
  },
  {
    key: 'parking',
    category: 'other',
    group: 'all',
    who: ['职工', '开车上班的职工', '医护人员'],
    subject: ['停车难', '职工停车位', '电动车停车棚', '停车场'],
    titles: ['解决{unit}{subject}', '{place}{subject}问题', '增加{subject}', '{unit}职工{subject}'],
    problems: [
      '{unit}停车位太少，{who}每天早上抢车位，迟到了还要扣钱。',
      '{place}周边停车收费高，{who}一个月停车费就要{m}多元。',
      '{time}电动车没有地方停，雨天淋湿了还容易短路。',
    ],
    asks: [
      '建议{unit}挖潜增加{subject}，实行{needs}。',
      '希望协调{place}附近的停车场，给职工{needs}。',
      '建议建设{subject}，配备{needs}。',
    ],
    needs: [
      ['错峰停车', '分时段停车'],
      ['月卡优惠', '包月优惠'],
      ['充电桩', '充电设施'],
      ['遮雨棚', '雨棚'],
      ['立体车库', '机械车位'],
      ['共享车位', '周边单位共享'],
    ],
    weight: 3,
  },
  {
    key: 'overtime-pay',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['一线工人', '生产线员工', '仓库分拣员', '客服人员'],
    subject: ['加班费', '加班工资', '延长工时', '加班补贴'],
    titles: ['{unit}{subject}应足额发放', '规范{who}{subject}', '关于{subject}计算的建议', '{time}加班不给{subject}'],
    problems: [
      '{unit}经常安排{who}{time}加班，却按平时工资算，{subject}没有按规定发。',
      '我们{unit}每月加班几十个小时，加班费标准不清楚。',
      '{time}赶工期连续加班，{who}调休也调不了。',
    ],
    asks: [
      '建议工会监督{unit}按劳动法支付{subject}，做到{needs}。',
      '希望工会出面协商，落实{needs}。',
      '建议把{subject}写进集体合同，明确{needs}。',
    ],
    needs: [
      ['考勤公开', '加班记录公开'],
      ['足额支付', '按标准发放'],
      ['法定节假日三倍工资', '节假日三倍'],
      ['调休安排', '补休'],
      ['工资条明细', '工资明细'],
      ['限制加班时长', '控制加班时间'],
    ],
    times: ['节假日', '旺季', '月底', '周末'],
    weight: 6,
  },
  {
    key: 'wage-arrears',
    category: 'labourEconomy',
    group: 'migrant',
    who: ['农民工', '建筑工人', '外来务工人员', '装修工人'],
    subject: ['欠薪', '讨薪', '工资拖欠', '工资保障'],
    titles: ['{who}{subject}法律援助', '解决{unit}{subject}问题', '{place}工地{subject}', '保障{who}按时拿到工资'],
    problems: [
      '{unit}拖欠{who}工资已经{k}个多月，大家不知道找谁。',
      '{place}工地{time}结账时包工头跑了，{who}拿不到钱。',
      '{who}被拖欠工资时不知道怎么维权，跑了好多部门。',
    ],
    asks: ['建议工会设立法律援助窗口，提供{needs}。', '希望在{place}工地推行{needs}。', '建议加强监管，落实{needs}。'],
    needs: [
      ['免费咨询', '法律咨询'],
      ['代理诉讼', '律师代理'],
      ['工资专户', '农民工工资专用账户'],
      ['实名制考勤', '实名登记'],
      ['维权热线', '投诉电话'],
      ['先行垫付', '应急周转金'],
    ],
    times: ['年底', '春节前', '月底'],
    weight: 4,
  },
  {
    key: 'skills-training',
    category: 'career',
    group: 'youth',
    who: ['青年职工', '新入职员工', '技术工人', '一线班组长'],
    subject: ['技能提升培训', '线上课程', '职业技能培训', '技能夜校'],
    titles: ['{who}{subject}', '{unit}开设{subject}', '开办工会{subject}', '{place}职工{subject}'],
    problems: [
      '{unit}的{who}多，想学新技术却没有门路。',
      '外面的培训班一期要{m}多元，{who}负担不起。',
      '{who}{time}下班后想学点东西，附近没有合适的课程。',
    ],
    asks: [
      '希望工会联合培训机构开设{subject}，包括{needs}。',
      '建议在{place}办{subject}，开设{needs}。',
      '建议{unit}和职业院校合作，提供{needs}。',
    ],
    needs: [
      ['人工智能', 'ai应用'],
      ['数据分析', 'excel数据处理'],
      ['数控加工', '数控机床操作'],
      ['电工证', '电工技能'],
      ['焊接', '焊工技能'],
      ['直播电商', '网络营销'],
      ['安全生产', '安全操作规程'],
      ['普通话和写作', '公文写作'],
    ],
    weight: 6,
  },
  {
    key: 'certificate-subsidy',
    category: 'career',
    group: 'youth',
    who: ['青年职工', '技术工人', '职工'],
    subject: ['考证补贴', '学历提升补助', '技能等级证书奖励', '职业资格证书补贴'],
    titles: ['{who}{subject}', '提高{subject}标准', '{unit}落实{subject}', '关于{subject}的建议'],
    problems: [
      '{who}考取证书要交{m}多元报名费和培训费，单位不报销。',
      '{unit}的{who}想考技师，没有补贴积极性不高。',
      '很多{who}{time}想读夜大提升学历，学费太贵。',
    ],
    asks: [
      '建议工会设立{subject}，对{needs}给予补贴。',
      '希望{unit}对考取证书的职工给予奖励，并{needs}。',
      '建议简化{subject}申请流程，做到{needs}。',
    ],
    needs: [
      ['高级工证书', '高级技工证'],
      ['技师证书', '技师资格'],
      ['成人学历', '自考本科'],
      ['报名费', '考试费'],
      ['线上申请', '网上申报'],
      ['当年兑现', '及时发放'],
    ],
    weight: 3,
  },
  {
    key: 'health-check',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['一线工人', '铸造工人', '粉尘岗位职工', '噪声岗位职工'],
    subject: ['职业健康体检', '职业病体检', '免费体检', '健康档案'],
    titles: ['{who}免费{subject}', '为{unit}{who}增加{subject}', '{unit}{subject}', '关于{who}{subject}的建议'],
    problems: [
      '{unit}车间粉尘大、噪声高，很多{who}担心得职业病。',
      '{who}体检项目太少，{n}多人从来没查过肺功能和听力。',
      '{time}车间温度高，{who}身体吃不消，体检却走过场。',
    ],
    asks: [
      '建议每年为{who}增加职业病专项体检项目，包括{needs}。',
      '希望{unit}组织{subject}，并{needs}。',
      '建议工会督促落实{subject}，做到{needs}。',
    ],
    needs: [
      ['肺功能检查', '胸片检查'],
      ['听力检查', '听力测试'],
      ['建立健康档案', '健康档案'],
      ['跟踪复查', '定期复查'],
      ['体检报告解读', '医生解读报告'],
      ['防尘口罩', '防护口罩'],
    ],
    weight: 6,
  },
  {
    key: 'women-screening',
    category: 'labourEconomy',
    group: 'women',
    who: ['女职工', '一线女职工', '已婚女职工'],
    subject: ['两癌筛查', '女职工专项体检', '妇科检查', '乳腺癌宫颈癌筛查'],
    titles: ['为{who}免费{subject}', '{unit}{who}{subject}', '扩大{subject}覆盖面', '关于{subject}的建议'],
    problems: [
      '{unit}的{who}有{n}多名，很多人好几年没做过{subject}。',
      '{who}体检没有妇科项目，自己去医院挂号排队很难。',
      '基层单位{who}{subject}覆盖不到，小企业更是没有。',
    ],
    asks: [
      '建议工会每年组织{subject}，做到{needs}。',
      '希望把{subject}纳入体检，并{needs}。',
      '建议在{place}设筛查点，提供{needs}。',
    ],
    needs: [
      ['免费检查', '费用全免'],
      ['就近检查', '上门体检'],
      ['结果保密', '保护隐私'],
      ['异常随访', '阳性跟踪'],
      ['互助保险', '女职工安康保险'],
      ['健康讲座', '妇科健康知识讲座'],
    ],
    weight: 4,
  },
  {
    key: 'mother-room',
    category: 'labourEconomy',
    group: 'women',
    who: ['哺乳期女职工', '新手妈妈', '孕期女职工'],
    subject: ['爱心妈妈小屋', '母婴室', '哺乳室', '妈妈小屋'],
    titles: ['建设女职工{subject}', '{unit}设立{subject}', '{place}{subject}', '为{who}建{subject}'],
    problems: [
      '{who}没有合适的地方吸奶、存放母乳，只能躲在卫生间。',
      '{unit}有{n}多名{who}，单位没有{subject}。',
      '{place}商场的{who}上班时找不到哺乳的地方。',
    ],
    asks: [
      '建议在职工多的企业建设{subject}，配{needs}。',
      '希望{unit}开辟一间{subject}，放上{needs}。',
      '建议在{place}的楼宇设{subject}，提供{needs}。',
    ],
    needs: [
      ['冰箱', '储奶冰箱'],
      ['沙发', '舒适座椅'],
      ['洗手池', '洗手台'],
      ['消毒柜', '奶瓶消毒器'],
      ['门锁', '隐私帘'],
      ['温奶器', '热水壶'],
    ],
    weight: 3,
  },
  {
    key: 'heat-relief',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['户外作业人员', '建筑工人', '一线职工', '交警和环卫工人'],
    subject: ['送清凉', '高温补贴', '防暑降温', '高温津贴'],
    titles: ['夏季高温一线{subject}', '{unit}落实{subject}', '{place}工地{subject}', '{who}{subject}'],
    problems: [
      '夏天{place}的建筑工地和户外岗位温度很高，{who}中暑的不少。',
      '{unit}{time}没有调整作息，{who}正午还在干活。',
      '{who}的{subject}每月只有{m}多元，标准太低也不按时发。',
    ],
    asks: [
      '建议工会在高温期间为一线职工送{needs}，发放{subject}。',
      '希望{unit}落实{subject}，提供{needs}。',
      '建议调整高温作息，配备{needs}。',
    ],
    needs: [
      ['防暑降温用品', '藿香正气水'],
      ['绿豆汤', '凉茶'],
      ['遮阳棚', '遮阳伞'],
      ['错峰作业', '避开正午'],
      ['冰袋', '降温背心'],
      ['补贴足额发放', '高温补贴按月发'],
    ],
    times: ['夏天', '三伏天'],
    weight: 5,
  },
  {
    key: 'winter-warmth',
    category: 'labourEconomy',
    group: 'hardship',
    who: ['困难职工', '困难家庭', '下岗职工', '患病职工'],
    subject: ['冬季送温暖', '取暖补贴', '过冬物资', '春节慰问'],
    titles: ['{who}{subject}', '提高{subject}标准', '{place}{who}{subject}', '关于{subject}的建议'],
    problems: [
      '{place}一些{who}冬天交不起取暖费，家里只有十几度。',
      '{who}{time}生活困难，慰问金只有{m}多元。',
      '{unit}有几户{who}老人生病，冬天过得很难。',
    ],
    asks: [
      '建议工会{time}开展{subject}，送去{needs}。',
      '希望提高{subject}标准，增加{needs}。',
      '建议建立{who}档案，精准提供{needs}。',
    ],
    needs: [
      ['取暖费补贴', '供暖补贴'],
      ['米面油', '生活物资'],
      ['棉衣棉被', '过冬衣物'],
      ['慰问金', '困难补助'],
      ['上门走访', '入户慰问'],
      ['医疗救助', '大病救助'],
    ],
    times: ['春节前', '冬天', '元旦前'],
    weight: 4,
  },
  {
    key: 'mental-health',
    category: 'culture',
    group: 'all',
    who: ['职工', '青年职工', '医护人员', '教师'],
    subject: ['心理健康咨询', '心理咨询热线', '心理疏导', '减压辅导'],
    titles: ['开通职工{subject}', '{unit}开展{subject}', '关注{who}{subject}', '{place}职工{subject}'],
    problems: [
      '工作压力大的{who}越来越多，有的失眠、焦虑，不知道找谁说。',
      '{unit}的{who}{time}连轴转，情绪问题没人关心。',
      '{who}去医院看心理科要排队，一次要{m}多元。',
    ],
    asks: [
      '建议开通{subject}，定期请心理咨询师进企业做{needs}。',
      '希望{unit}设心理咨询室，提供{needs}。',
      '建议工会购买专业服务，开展{needs}。',
    ],
    needs: [
      ['心理讲座', '减压讲座'],
      ['一对一咨询', '个体咨询'],
      ['心理测评', '心理体检'],
      ['团体辅导', '团体沙盘'],
      ['保密热线', '匿名热线'],
      ['正念减压', '放松训练'],
    ],
    weight: 4,
  },
  {
    key: 'library',
    category: 'culture',
    group: 'all',
    who: ['职工', '青年职工', '爱读书的职工'],
    subject: ['职工书屋', '图书更新', '数字阅读', '读书角'],
    titles: ['{subject}图书更新和数字阅读', '{unit}{subject}', '建设{place}{subject}', '让{subject}用起来'],
    problems: [
      '{unit}的{subject}图书多年没有更新，借阅的人越来越少。',
      '{subject}开放时间和上班时间一样，{who}根本去不了。',
      '{place}附近没有像样的阅览室，{who}{time}想看书没地方。',
    ],
    asks: [
      '建议更新图书，开通{needs}。',
      '希望{subject}延长开放时间，增加{needs}。',
      '建议举办读书活动，配置{needs}。',
    ],
    needs: [
      ['电子书账号', '电子书'],
      ['听书账号', '有声书'],
      ['新书', '畅销书'],
      ['自助借还', '自助借书机'],
      ['读书分享会', '读书会'],
      ['专业技术书籍', '技术书'],
    ],
    weight: 3,
  },
  {
    key: 'sports',
    category: 'culture',
    group: 'all',
    who: ['职工', '青年职工', '中老年职工'],
    subject: ['职工健身房', '文体活动', '运动场地', '职工运动会'],
    titles: ['{unit}建设{subject}', '{who}需要{subject}', '{place}{subject}对职工开放', '关于{subject}的建议'],
    problems: [
      '{unit}没有健身场地，{who}下班后想锻炼只能去收费的健身房，一年要{m}多元。',
      '{who}{time}久坐不动，颈椎腰椎问题多。',
      '{place}的体育场馆对职工不开放或者收费高。',
    ],
    asks: [
      '建议建设{subject}，配备{needs}。',
      '希望工会多组织{subject}，比如{needs}。',
      '建议协调{place}场馆对职工优惠开放，提供{needs}。',
    ],
    needs: [
      ['跑步机', '健身器材'],
      ['乒乓球台', '乒乓球'],
      ['羽毛球场', '羽毛球'],
      ['瑜伽课', '瑜伽'],
      ['篮球赛', '篮球'],
      ['工间操', '广播操'],
      ['健步走', '徒步活动'],
    ],
    weight: 5,
  },
  {
    key: 'dating',
    category: 'culture',
    group: 'youth',
    who: ['单身青年职工', '大龄青年', '青年职工'],
    subject: ['联谊交友活动', '青年联谊会', '相亲活动', '交友平台'],
    titles: ['{who}{subject}', '工会举办{subject}', '{place}{subject}', '为{who}搭建{subject}'],
    problems: [
      '企业里{who}多，工作圈子小，{time}忙得没时间谈恋爱。',
      '{unit}男职工多女职工少，{n}多个{who}还没对象。',
      '{who}找对象难，外面的婚恋网站不靠谱。',
    ],
    asks: [
      '建议工会每季度举办{subject}，组织{needs}。',
      '希望和其他行业的工会联合组织{needs}。',
      '建议搭建{subject}，做好{needs}。',
    ],
    needs: [
      ['户外拓展', '团建'],
      ['读书沙龙', '兴趣沙龙'],
      ['身份审核', '实名认证'],
      ['跨行业联谊', '跨单位联谊'],
      ['集体婚礼', '婚恋辅导'],
      ['线上交友', '小程序交友'],
    ],
    weight: 3,
  },
  {
    key: 'hardship-aid',
    category: 'labourEconomy',
    group: 'hardship',
    who: ['困难职工', '困难职工子女', '单亲职工'],
    subject: ['助学金', '金秋助学', '困难帮扶', '子女助学'],
    titles: ['{who}{subject}', '提高{subject}标准', '{unit}{who}{subject}', '简化{subject}申请'],
    problems: [
      '{who}的孩子考上大学，学费一年要{m}多元，家里拿不出来。',
      '{subject}申请材料太多，{who}跑了好几趟。',
      '{subject}标准多年没调整，{who}觉得杯水车薪。',
    ],
    asks: [
      '建议提高{subject}标准，做到{needs}。',
      '希望简化申请材料，{needs}。',
      '建议建立长效帮扶机制，提供{needs}。',
    ],
    needs: [
      ['开学前发放', '及时发放'],
      ['网上申请', '线上办理'],
      ['覆盖高职学生', '扩大范围'],
      ['勤工助学岗位', '实习岗位'],
      ['一次告知', '材料清单'],
      ['跟踪帮扶', '结对帮扶'],
    ],
    times: ['开学前', '八月'],
    weight: 4,
  },
  {
    key: 'legal-aid',
    category: 'democracy',
    group: 'migrant',
    who: ['职工', '外来务工人员', '新就业形态劳动者'],
    subject: ['法律援助', '劳动维权', '法律服务站', '劳动争议调解'],
    titles: ['{place}设立职工{subject}', '加强{who}{subject}', '{unit}{subject}', '关于{subject}的建议'],
    problems: [
      '{who}遇到劳动纠纷不知道怎么维权，请律师一次要{m}多元。',
      '{place}附近的{who}签合同、交社保出了问题没人帮。',
      '{unit}解除合同不给补偿，{who}不懂法只能吃亏。',
    ],
    asks: [
      '建议在{place}设{subject}，提供{needs}。',
      '希望工会律师定期坐班，开展{needs}。',
      '建议加强{subject}，做到{needs}。',
    ],
    needs: [
      ['免费咨询', '法律咨询'],
      ['劳动合同审查', '合同审查'],
      ['普法讲座', '法律讲座'],
      ['调解', '争议调解'],
      ['代写仲裁申请', '仲裁代理'],
      ['线上咨询', '网上答疑'],
    ],
    weight: 4,
  },
  {
    key: 'workers-congress',
    category: 'democracy',
    group: 'all',
    who: ['职工', '职工代表', '一线职工'],
    subject: ['职代会', '厂务公开', '民主管理', '职工代表提案'],
    titles: ['{unit}落实{subject}', '规范{subject}制度', '让{who}参与{subject}', '关于{subject}的建议'],
    problems: [
      '{unit}的{subject}走过场，{who}提的意见没有回音。',
      '{unit}涉及职工切身利益的事情没有公开，{who}不知情。',
      '{subject}中一线职工代表太少，{n}多人的车间只有一个代表。',
    ],
    asks: ['建议{unit}规范{subject}，做到{needs}。', '希望工会督促落实{needs}。', '建议增加一线代表比例，并{needs}。'],
    needs: [
      ['提案答复', '提案办理反馈'],
      ['工资分配公开', '薪酬公开'],
      ['年度报告', '厂务公开栏'],
      ['代表培训', '代表履职培训'],
      ['意见征集', '职工意见箱'],
      ['集体协商', '工资集体协商'],
    ],
    weight: 3,
  },
  {
    key: 'union-joining',
    category: 'democracy',
    group: 'newEmployment',
    who: ['网约车司机', '货车司机', '快递员', '外卖骑手'],
    subject: ['入会服务', '线上入会', '入会通道', '工会会员服务'],
    titles: ['新就业形态劳动者{subject}', '{who}{subject}', '{place}设{subject}', '开通{subject}'],
    problems: [
      '{who}想加入工会但不知道在哪办，{unit}也没有工会。',
      '{place}附近有{n}多名{who}，入会流程繁琐。',
      '{who}流动性大，入会后转会员关系很麻烦。',
    ],
    asks: [
      '建议开通{subject}，并在服务站点设{needs}。',
      '希望简化{subject}，提供{needs}。',
      '建议在{place}设{subject}，做到{needs}。',
    ],
    needs: [
      ['入会咨询台', '入会咨询'],
      ['扫码入会', '手机入会'],
      ['会员卡', '电子会员卡'],
      ['会员关系接转', '跨区转会'],
      ['会员优惠', '会员福利'],
      ['行业工会', '行业联合工会'],
    ],
    weight: 3,
  },
  {
    key: 'injury-insurance',
    category: 'labourEconomy',
    group: 'newEmployment',
    who: ['快递员', '外卖骑手', '网约车司机', '新就业形态劳动者'],
    subject: ['职业伤害保障', '意外伤害保险', '工伤保障', '职业伤害保险'],
    titles: ['{who}{subject}宣传和帮办', '落实{who}{subject}', '{place}{subject}帮办窗口', '关于{subject}的建议'],
    problems: [
      '很多{who}不清楚{subject}怎么参保、出了事怎么报。',
      '{unit}的{who}{time}摔伤了，平台推来推去不给赔。',
      '{who}每天在路上跑，一年出事的有{n}多起。',
    ],
    asks: [
      '建议工会组织专场宣讲，并在站点设{needs}。',
      '希望推动平台落实{subject}，做到{needs}。',
      '建议在{place}开展{needs}。',
    ],
    needs: [
      ['帮办窗口', '代办服务'],
      ['理赔指导', '理赔流程'],
      ['专场宣讲', '政策宣讲'],
      ['意外险补贴', '保险补贴'],
      ['安全骑行培训', '交通安全培训'],
      ['维权援助', '法律援助'],
    ],
    times: ['雨雪天', '高峰期'],
    weight: 4,
  },
  {
    key: 'driver-toilet',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['公交司机', '出租车司机', '网约车司机', '货车司机'],
    subject: ['如厕难', '上厕所难', '司机休息室', '终点站卫生间'],
    titles: ['{who}{subject}问题', '解决{place}终点站{who}{subject}', '{unit}{subject}', '关于{who}{subject}的建议'],
    problems: [
      '部分公交线路终点站没有卫生间，{who}只能憋着。',
      '{place}终点站的{who}跑完一圈找不到卫生间，{time}更难。',
      '{unit}有{n}多名{who}，终点站连个休息的地方都没有。',
    ],
    asks: [
      '建议协调沿线单位开放卫生间，或在终点站设置{needs}。',
      '希望在{place}终点站建设{subject}，配备{needs}。',
      '建议{unit}和周边商户协商，提供{needs}。',
    ],
    needs: [
      ['移动厕所', '临时厕所'],
      ['开放卫生间', '借用厕所'],
      ['休息室', '司机休息室'],
      ['饮水机', '热水'],
      ['微波炉', '热饭设备'],
      ['空调', '取暖'],
    ],
    times: ['冬天', '夜班', '高峰期'],
    weight: 4,
  },
  {
    key: 'dormitory',
    category: 'labourEconomy',
    group: 'migrant',
    who: ['外地职工', '农民工', '青年职工', '倒班工人'],
    subject: ['职工宿舍', '宿舍条件', '集体宿舍', '职工公寓'],
    titles: ['改善{unit}{subject}', '{who}{subject}', '{place}建设{subject}', '关于{subject}的建议'],
    problems: [
      '{unit}的{subject}一间住{k}个人，没有空调，洗澡要排队。',
      '{who}住的{subject}又旧又潮，{time}漏雨。',
      '{place}附近的房租太贵，{who}只能住很远。',
    ],
    asks: [
      '建议改善{subject}，配备{needs}。',
      '希望{unit}建设{subject}，提供{needs}。',
      '建议工会协调{place}的公租房，保障{needs}。',
    ],
    needs: [
      ['空调', '冷暖空调'],
      ['热水器', '全天热水'],
      ['洗衣机', '洗衣房'],
      ['宽带', 'wifi'],
      ['独立卫生间', '卫生间'],
      ['夫妻房', '家属房'],
    ],
    times: ['夏天', '冬天', '雨季'],
    weight: 3,
  },
  {
    key: 'safety-gear',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['一线工人', '电焊工', '高空作业人员', '化工操作工'],
    subject: ['劳保用品', '安全防护', '劳动防护用品', '防护装备'],
    titles: ['{unit}{subject}应及时更换', '提高{who}{subject}标准', '关于{subject}的建议', '{who}{subject}'],
    problems: [
      '{unit}的{subject}质量差，手套一天就磨破，{who}只能自己买。',
      '{who}的安全帽、防护服好几年没换，{time}作业有隐患。',
      '{subject}发放不及时，{n}多名{who}还在用旧的。',
    ],
    asks: [
      '建议{unit}按标准发放{subject}，包括{needs}。',
      '希望工会监督{subject}质量，做到{needs}。',
      '建议建立{subject}台账，定期{needs}。',
    ],
    needs: [
      ['防护手套', '劳保手套'],
      ['安全帽', '头盔'],
      ['防护服', '工作服'],
      ['护目镜', '防护眼镜'],
      ['安全带', '防坠器'],
      ['耳塞', '防噪耳罩'],
      ['劳保鞋', '防砸鞋'],
    ],
    weight: 4,
  },
  {
    key: 'shift-breaks',
    category: 'labourEconomy',
    group: 'frontline',
    who: ['一线职工', '护士', '客服人员', '流水线工人'],
    subject: ['工间休息', '排班制度', '轮休', '休息时间'],
    titles: ['保障{who}{subject}', '{unit}优化{subject}', '{who}{subject}太少', '关于{subject}的建议'],
    problems: [
      '{who}一站就是{k}个小时，中间连上厕所的时间都没有。',
      '{unit}{time}连续上班，{who}一个月休不了几天。',
      '{unit}的{subject}不合理，{who}经常连上两个夜班。',
    ],
    asks: ['建议{unit}调整{subject}，保证{needs}。', '希望工会协商落实{needs}。', '建议设立休息区，安排{needs}。'],
    needs: [
      ['工间休息', '中途休息'],
      ['轮休', '调休'],
      ['带薪年休假', '年假'],
      ['夜班补休', '夜班后休息'],
      ['休息区', '休息室'],
      ['弹性排班', '自主换班'],
    ],
    weight: 4,
  },
  {
    key: 'apprenticeship',
    category: 'career',
    group: 'frontline',
    who: ['青年技工', '新进厂工人', '技术工人'],
    subject: ['师带徒', '技能大师工作室', '导师制', '传帮带'],
    titles: ['{unit}推行{subject}', '建设{subject}', '{who}{subject}', '关于{subject}的建议'],
    problems: [
      '{unit}老师傅快退休了，{who}技术接不上。',
      '{who}进厂后没人带，{n}多人流失了一半。',
      '{subject}只是签个协议，师傅没有积极性。',
    ],
    asks: [
      '建议{unit}推行{subject}，给予{needs}。',
      '希望建设{subject}，开展{needs}。',
      '建议把{subject}纳入考核，落实{needs}。',
    ],
    needs: [
      ['师傅津贴', '带徒津贴'],
      ['出师考核', '技能考核'],
      ['技术攻关', '难题攻关'],
      ['技能比武', '岗位练兵'],
      ['经验手册', '操作法'],
      ['晋升通道', '职业发展通道'],
    ],
    weight: 3,
  },
  {
    key: 'skills-competition',
    category: 'career',
    group: 'frontline',
    who: ['一线职工', '技术工人', '青年职工'],
    subject: ['劳动技能竞赛', '岗位技能比武', '职业技能大赛', '技能竞赛'],
    titles: ['举办{subject}', '{unit}{subject}', '{who}{subject}奖励', '关于{subject}的建议'],
    problems: [
      '{unit}很久没有组织{subject}，{who}的技术没有展示的机会。',
      '{subject}获奖只发个证书，{who}积极性不高。',
      '{subject}项目太少，{k}个工种都没有比赛。',
    ],
    asks: ['建议工会举办{subject}，设置{needs}。', '希望获奖者享受{needs}。', '建议扩大{subject}工种，落实{needs}。'],
    needs: [
      ['奖金', '物质奖励'],
      ['晋升技能等级', '直接晋级'],
      ['工匠称号', '五一劳动奖章'],
      ['观摩交流', '外出学习'],
      ['赛前培训', '集训'],
      ['新职业工种', '数字技能工种'],
    ],
    weight: 3,
  },
  {
    key: 'retirement',
    category: 'other',
    group: 'all',
    who: ['退休职工', '即将退休的职工', '老职工'],
    subject: ['退休手续', '养老金', '退休职工活动', '社保查询'],
    titles: ['简化{subject}', '关心{who}', '{unit}{who}{subject}', '关于{subject}的建议'],
    problems: [
      '{who}办{subject}要跑好几个部门，材料要{k}份。',
      '{unit}的{who}退休后没有组织活动，很孤单。',
      '{who}不会用手机查{subject}，到窗口排队时间长。',
    ],
    asks: [
      '建议简化{subject}，提供{needs}。',
      '希望工会组织{who}开展{needs}。',
      '建议在{place}设服务点，提供{needs}。',
    ],
    needs: [
      ['一站式办理', '一窗办理'],
      ['上门服务', '代办服务'],
      ['老年大学', '兴趣班'],
      ['体检', '健康体检'],
      ['智能手机培训', '手机使用培训'],
      ['走访慰问', '生日慰问'],
    ],
    weight: 3,
  },
  {
    key: 'mutual-insurance',
    category: 'labourEconomy',
    group: 'hardship',
    who: ['职工', '患病职工', '一线职工'],
    subject: ['职工互助保障', '大病互助', '住院津贴', '重大疾病保障'],
    titles: ['扩大{subject}覆盖面', '{unit}参加{subject}', '提高{subject}标准', '关于{subject}的建议'],
    problems: [
      '{who}得了大病，医保报完自己还要掏{m}多元。',
      '{unit}的{who}不知道有{subject}，没人组织参加。',
      '{subject}理赔手续复杂，{who}跑了好几趟。',
    ],
    asks: [
      '建议扩大{subject}，做到{needs}。',
      '希望简化理赔，实现{needs}。',
      '建议{unit}统一为职工参加{subject}，提供{needs}。',
    ],
    needs: [
      ['线上理赔', '手机理赔'],
      ['提高赔付', '提高报销比例'],
      ['单位代缴', '单位统一参保'],
      ['门诊慢病', '慢性病'],
      ['意外伤害', '意外险'],
      ['一次告知', '材料清单'],
    ],
    weight: 3,
  },
  {
    key: 'recuperation',
    category: 'culture',
    group: 'frontline',
    who: ['一线职工', '劳模', '医护人员', '教师'],
    subject: ['疗休养', '职工疗养', '健康疗养', '春秋游'],
    titles: ['组织{who}{subject}', '{unit}{subject}名额', '扩大{subject}范围', '关于{subject}的建议'],
    problems: [
      '{subject}名额少，{who}干了{k}年都没轮上。',
      '{unit}的{who}{time}连续加班，身心疲惫。',
      '{subject}总是同几个人去，{who}没机会。',
    ],
    asks: [
      '建议组织{who}{subject}，安排{needs}。',
      '希望{subject}向一线倾斜，做到{needs}。',
      '建议在{place}建{subject}基地，提供{needs}。',
    ],
    needs: [
      ['健康体检', '体检'],
      ['温泉', '温泉疗养'],
      ['名额公开', '轮流参加'],
      ['带薪', '不扣工资'],
      ['家属同行', '带家属'],
      ['海滨', '海边疗养'],
    ],
    weight: 3,
  },
  {
    key: 'union-app',
    category: 'other',
    group: 'all',
    who: ['职工', '会员', '年轻职工'],
    subject: ['工会线上服务', '会员服务平台', '工会小程序', '会员卡优惠'],
    titles: ['完善{subject}', '{subject}功能', '让{who}用上{subject}', '关于{subject}的建议'],
    problems: [
      '{who}想办工会的事要跑到{place}，很不方便。',
      '{subject}功能少，{n}多个会员不知道有什么福利。',
      '{unit}的{who}不知道会员卡在哪能用。',
    ],
    asks: ['建议完善{subject}，增加{needs}。', '希望{subject}能提供{needs}。', '建议整合各类服务，实现{needs}。'],
    needs: [
      ['在线申请补助', '网上申请'],
      ['优惠商户', '商户折扣'],
      ['电影票', '观影福利'],
      ['预约活动', '活动报名'],
      ['消息提醒', '通知推送'],
      ['进度查询', '办理进度'],
    ],
    weight: 3,
  },
  {
    key: 'rental-housing',
    category: 'other',
    group: 'youth',
    who: ['青年职工', '新就业大学生', '外地职工'],
    subject: ['人才公寓', '公租房', '租房补贴', '保障性租赁住房'],
    titles: ['为{who}提供{subject}', '{place}{subject}', '{unit}{who}{subject}', '关于{subject}的建议'],
    problems: [
      '{who}工资不高，{place}附近一室一厅要{m}多元。',
      '{subject}申请门槛高，{who}排不上。',
      '{unit}的{who}住得远，通勤要一个多小时。',
    ],
    asks: [
      '建议增加{subject}，做到{needs}。',
      '希望降低{subject}申请条件，提供{needs}。',
      '建议在{place}建设{subject}，配套{needs}。',
    ],
    needs: [
      ['拎包入住', '家具家电'],
      ['租金优惠', '低租金'],
      ['就近', '离单位近'],
      ['线上申请', '网上申请'],
      ['租房补贴', '房补'],
      ['通勤班车', '班车'],
    ],
    weight: 3,
  },
  {
    key: 'nap-room',
    category: 'labourEconomy',
    group: 'all',
    who: ['职工', '办公室职工', '医护人员'],
    subject: ['午休室', '午休场所', '职工休息室', '午休床'],
    titles: ['{unit}设立{subject}', '{who}{subject}', '解决{who}午休难', '关于{subject}的建议'],
    problems: [
      '{who}中午只能趴在桌子上睡，{time}腰酸背痛。',
      '{unit}有{n}多名{who}，没有地方午休。',
      '{place}写字楼的{who}中午没处休息。',
    ],
    asks: [
      '建议{unit}设立{subject}，配备{needs}。',
      '希望提供{subject}，放上{needs}。',
      '建议利用闲置房间改成{subject}，准备{needs}。',
    ],
    needs: [
      ['折叠床', '午休床'],
      ['遮光窗帘', '窗帘'],
      ['空调', '冷暖空调'],
      ['储物柜', '柜子'],
      ['眼罩耳塞', '眼罩'],
      ['预约使用', '轮流使用'],
    ],
    weight: 3,
  },
  {
    key: 'night-commute-safety',
    category: 'other',
    group: 'women',
    who: ['女职工', '夜班女职工', '商场营业员'],
    subject: ['夜间下班安全', '夜班回家', '晚归安全', '夜间出行'],
    titles: ['关注{who}{subject}', '{place}{subject}', '{unit}{who}{subject}', '关于{subject}的建议'],
    problems: [
      '{who}夜班十点后下班，{place}一带路灯暗，回家很害怕。',
      '{unit}的{who}{time}下班没有公交，打车也不安全。',
      '{place}附近晚上治安不好，{n}多名{who}结伴回家。',
    ],
    asks: ['建议协调增加{needs}。', '希望{unit}安排{needs}。', '建议在{place}加强{needs}。'],
    needs: [
      ['路灯照明', '路灯'],
      ['夜班车', '夜间公交'],
      ['结伴接送', '班车接送'],
      ['巡逻', '治安巡逻'],
      ['一键报警', '紧急呼叫'],
      ['监控探头', '监控'],
    ],
    times: ['夜班', '冬天'],
    weight: 2,
  },
  {
    key: 'elderly-parents',
    category: 'other',
    group: 'all',
    who: ['中年职工', '独生子女职工', '职工'],
    subject: ['照护假', '独生子女护理假', '陪护假', '老人照护'],
    titles: ['落实{subject}', '{who}{subject}', '{unit}执行{subject}', '关于{subject}的建议'],
    problems: [
      '{who}父母住院，请假要扣全勤奖，一个月少拿{m}多元。',
      '{unit}不执行{subject}，{who}只能请事假。',
      '{who}上有老下有小，{time}老人生病没人照顾。',
    ],
    asks: [
      '建议{unit}落实{subject}，保证{needs}。',
      '希望工会推动{needs}。',
      '建议把{subject}写进集体合同，明确{needs}。',
    ],
    needs: [
      ['带薪', '工资照发'],
      ['不扣全勤', '不影响考核'],
      ['弹性上班', '弹性工作'],
      ['喘息服务', '临时托老'],
      ['陪诊服务', '代陪诊'],
      ['护理补贴', '照护补贴'],
    ],
    weight: 2,
  },
];

/** Topics never stored: queries about them have no near-duplicate. */
const HELD_OUT: Topic[] = [
  {
    key: 'group-wedding',
    category: 'culture',
    group: 'youth',
    who: ['青年职工', '新婚职工'],
    subject: ['集体婚礼', '简约婚礼'],
    titles: ['工会举办{subject}', '为{who}办{subject}'],
    problems: ['{who}结婚彩礼和酒席花费要{k}万，压力很大。', '{unit}的{who}想办个简单的婚礼。'],
    asks: ['建议工会每年举办{subject}，提供{needs}。', '希望倡导婚事新办，组织{needs}。'],
    needs: [
      ['婚纱礼服', '礼服'],
      ['婚车', '车队'],
      ['证婚人', '劳模证婚'],
      ['新婚礼包', '纪念品'],
    ],
    weight: 1,
  },
  {
    key: 'innovation-award',
    category: 'career',
    group: 'frontline',
    who: ['一线职工', '技术骨干'],
    subject: ['合理化建议奖励', '创新成果转化', '职工发明专利'],
    titles: ['设立{subject}', '{unit}{subject}', '鼓励{who}{subject}'],
    problems: ['{who}提出的改进方法节约成本{k}万，却没有任何奖励。', '{unit}职工的小发明小创造没人管。'],
    asks: ['建议设立{subject}，给予{needs}。', '希望工会帮助申报专利，提供{needs}。'],
    needs: [
      ['奖金', '创效奖励'],
      ['专利申报', '专利代理'],
      ['成果展示', '成果发布会'],
      ['创新工作室', '攻关小组'],
    ],
    weight: 1,
  },
  {
    key: 'blood-donation',
    category: 'other',
    group: 'all',
    who: ['职工', '志愿者职工'],
    subject: ['义务献血', '志愿服务', '爱心献血'],
    titles: ['组织{who}{subject}', '{unit}{subject}活动', '表彰{subject}职工'],
    problems: ['{unit}每年组织{subject}，{who}献血后没有休息。', '{who}参加{subject}{k}次，没有任何表彰。'],
    asks: ['建议给{subject}职工{needs}。', '希望工会组织{subject}，落实{needs}。'],
    needs: [
      ['献血假', '休假一天'],
      ['营养补贴', '营养品'],
      ['志愿时长认证', '志愿证书'],
      ['表彰', '荣誉证书'],
    ],
    weight: 1,
  },
  {
    key: 'spring-tickets',
    category: 'labourEconomy',
    group: 'migrant',
    who: ['外地职工', '农民工'],
    subject: ['春节返乡车票', '返乡专车', '春运购票'],
    titles: ['帮{who}解决{subject}', '开通{subject}', '{unit}{who}{subject}'],
    problems: ['{who}春节回家抢不到票，{n}多人只能站票回去。', '{unit}的{who}老家远，路费要一个月工资。'],
    asks: ['建议工会集中订购{subject}，提供{needs}。', '希望包车送{who}回家，给予{needs}。'],
    needs: [
      ['路费补贴', '车票补贴'],
      ['团体票', '集中购票'],
      ['返乡专车', '包车'],
      ['留岗补贴', '就地过年补贴'],
    ],
    weight: 1,
  },
  {
    key: 'birthday-benefit',
    category: 'culture',
    group: 'all',
    who: ['会员', '职工'],
    subject: ['生日慰问', '会员生日福利', '生日蛋糕券'],
    titles: ['提高{subject}标准', '{unit}{subject}', '{who}{subject}自选'],
    problems: ['{subject}每年都是同一种蛋糕卡，{who}用不上。', '{unit}的{subject}只有{m}元，还过期作废。'],
    asks: ['建议{subject}改成{needs}。', '希望工会在{subject}中提供{needs}。'],
    needs: [
      ['自选礼品', '积分兑换'],
      ['电影票', '观影券'],
      ['图书卡', '购书卡'],
      ['延长有效期', '不过期'],
    ],
    weight: 1,
  },
  {
    key: 'school-enrolment',
    category: 'other',
    group: 'migrant',
    who: ['外地职工', '随迁职工'],
    subject: ['子女入学', '随迁子女就学', '入学咨询'],
    titles: ['帮助{who}{subject}', '{place}{subject}', '关于{subject}的建议'],
    problems: ['{who}的孩子在{place}上学要很多证明，{k}份材料。', '{unit}的{who}不知道孩子入学怎么办。'],
    asks: ['建议工会提供{subject}，包括{needs}。', '希望简化{subject}，做到{needs}。'],
    needs: [
      ['政策解读', '政策咨询'],
      ['材料代办', '帮办'],
      ['就近入学', '划片入学'],
      ['转学手续', '学籍转接'],
    ],
    weight: 1,
  },
];

// ------------------------------------------------------------------------------------------ generator

/** mulberry32: a small, fast, seedable PRNG (the one bench/lib/sample.ts gives every child). */
export const prng = random;

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** What a proposal is about, before it is worded. */
interface Spec {
  topic: Topic;
  who: string;
  place: string | null;
  unit: string | null;
  time: string;
  /** People (20–990), money (yuan), a small count (2–12). */
  n: number;
  m: number;
  k: number;
  /** What it is called: near-duplicates name the same thing. */
  subject: string;
  needs: number[];
}

function newSpec(rnd: () => number, topics: readonly Topic[], total: number): Spec {
  let r = rnd() * total;
  let topic = topics[0];
  for (const t of topics) {
    r -= t.weight;
    if (r < 0) {
      topic = t;
      break;
    }
  }
  const count = 2 + (rnd() < 0.4 ? 1 : 0);
  const needs: number[] = [];
  while (needs.length < count) {
    const i = Math.floor(rnd() * topic.needs.length);
    if (!needs.includes(i)) needs.push(i);
  }
  return {
    topic,
    who: pick(rnd, topic.who),
    place: rnd() < 0.75 ? pick(rnd, PLACES) : null,
    unit: rnd() < 0.65 ? pick(rnd, UNITS) : null,
    time: pick(rnd, topic.times ?? TIMES),
    n: (2 + Math.floor(rnd() * 98)) * 10,
    m: (4 + Math.floor(rnd() * 96)) * 50,
    k: 2 + Math.floor(rnd() * 11),
    subject: pick(rnd, topic.subject),
    needs,
  };
}

function fill(template: string, s: Spec, subject: string, needs: string): string {
  return template
    .replaceAll('{who}', s.who)
    .replaceAll('{subject}', subject)
    .replaceAll('{place}', s.place ?? '')
    .replaceAll('{unit}', s.unit ?? '单位')
    .replaceAll('{time}', s.time)
    .replaceAll('{n}', String(s.n))
    .replaceAll('{m}', String(s.m))
    .replaceAll('{k}', String(s.k))
    .replaceAll('{needs}', needs);
}

/**
 * One wording of a spec. Every choice (title pattern, sentences, synonyms, order, closing) is drawn from
 * `style`, except that with probability 1 − `keep` it is drawn afresh from `vary`: near-duplicates share
 * a style and keep about half of its choices — the same need, partly in other words.
 */
function render(s: Spec, styleSeed: number, varySeed = styleSeed, keep = 1): Draft {
  const draw = (a: () => number, b: () => number) => () => {
    const base = a();
    if (keep >= 1) return base;
    const fresh = b();
    return b() < keep ? base : fresh;
  };
  const rnd = draw(prng(styleSeed), prng(varySeed));
  // Word choice runs on its own streams, so a changed sentence does not shift the choices after it.
  const words = draw(prng(styleSeed ^ 0x9e3779b9), prng(varySeed ^ 0x9e3779b9));
  const t = s.topic;
  const subject = s.subject;
  const needs = [...s.needs]
    .map((i) => ({ i, key: rnd() }))
    .sort((a, b) => a.key - b.key)
    .map(({ i }) => pick(rnd, t.needs[i]));
  const needText = needs.length === 1 ? needs[0] : `${needs.slice(0, -1).join('、')}和${needs[needs.length - 1]}`;
  const usable = (x: string) => (s.place || !x.includes('{place}')) && (s.unit || !x.includes('{unit}'));
  const choose = (xs: readonly string[]) => {
    const ok = xs.filter(usable);
    return fill(pick(rnd, ok.length ? ok : xs), s, subject, needText);
  };
  let title = choose(rnd() < 0.3 ? GENERIC_TITLES : t.titles);
  if (Array.from(title).length > 40) title = fill(`关于${subject}的建议`, s, subject, needText);
  const opener = choose(OPENERS);
  const problem = choose(t.problems);
  const extra = Math.floor(rnd() * 3);
  const elaborations = Array.from({ length: extra }, () => choose(ELABORATIONS));
  const ask = choose(t.asks);
  const closing = pick(rnd, CLOSINGS);
  // Now and then the place is said again at the end, as people do.
  const again = s.place && rnd() < 0.3 ? `${s.place}这边的情况尤其突出。` : '';
  const content = [opener, problem, ...elaborations, ask, closing, again].join('');
  return { title: reword(title, words), content: reword(content, words), category: t.category, targetGroup: t.group };
}

/** Share of a cluster's wording choices each member keeps. */
const KEEP = 0.5;

export interface CorpusOptions {
  seed: number;
  /** Chance that a proposal starts a planted cluster. */
  clusterRate?: number;
}

export interface Cluster {
  id: number;
  spec: Spec;
  /** Seed of the wording the members vary. */
  style: number;
  /** Members stored so far (indexes into the stream). */
  stored: number[];
  /** Positions in the stream where the remaining members will be emitted. */
  due: number[];
}

/**
 * The stream of stored proposals (deterministic) and queries against it. `next()` gives proposal i;
 * planted clusters start with probability `clusterRate` and have 2–4 members, the later ones emitted
 * within the next 1–800 proposals.
 */
export function createCorpus({ seed, clusterRate = 0.04 }: CorpusOptions) {
  const rnd = prng(seed);
  const total = TOPICS.reduce((a, t) => a + t.weight, 0);
  const heldTotal = HELD_OUT.reduce((a, t) => a + t.weight, 0);
  const clusters: Cluster[] = [];
  const pending = new Map<number, number>(); // stream position → cluster id
  let i = 0;

  function next(): GeneratedProposal {
    const at = i++;
    const due = pending.get(at);
    if (due !== undefined) {
      pending.delete(at);
      const c = clusters[due];
      c.stored.push(at);
      c.due = c.due.filter((p) => p !== at);
      const draft = render(c.spec, c.style, seed ^ (at * 2654435761), KEEP);
      return { ...draft, topic: c.spec.topic.key, cluster: c.id };
    }
    const spec = newSpec(rnd, TOPICS, total);
    if (rnd() < clusterRate) {
      const c: Cluster = { id: clusters.length, spec, style: seed ^ (at * 2654435761), stored: [at], due: [] };
      const size = 2 + Math.floor(rnd() * 3);
      for (let k = 1; k < size; k++) {
        let p = at + 1 + Math.floor(rnd() * 800);
        while (pending.has(p)) p += 1;
        pending.set(p, c.id);
        c.due.push(p);
      }
      clusters.push(c);
      return { ...render(spec, seed ^ (at * 2654435761)), topic: spec.topic.key, cluster: c.id };
    }
    return { ...render(spec, seed ^ (at * 2654435761)), topic: spec.topic.key, cluster: null };
  }

  /** What a worker has typed so far: the title and the first part of the content (at least 10 characters). */
  function typed(d: Draft, r: () => number): Draft {
    const chars = Array.from(d.content);
    const keep = Math.max(10, Math.round(chars.length * (0.5 + r() * 0.5)));
    return { ...d, content: chars.slice(0, keep).join('') };
  }

  /**
   * Queries after `stored` proposals: `dup` — a further wording of a planted cluster with a member
   * stored (expected: a member in the top 5); `fresh` — a new need of a stored topic; `novel` — a topic
   * never stored. Deterministic in (seed, stored, count).
   */
  function queries(stored: number, count: number, salt = 0) {
    const r = prng(seed * 31 + stored * 7 + salt);
    const eligible = clusters.filter((c) => c.stored.some((p) => p < stored));
    const out: Array<{ kind: 'dup' | 'fresh' | 'novel'; draft: Draft; members: number[] }> = [];
    for (let q = 0; q < count; q++) {
      const roll = q % 4;
      if ((roll === 0 || roll === 1) && eligible.length) {
        const c = pick(r, eligible);
        const draft = typed(render(c.spec, c.style, Math.floor(r() * 2 ** 31), KEEP), r);
        out.push({ kind: 'dup', draft, members: c.stored.filter((p) => p < stored) });
      } else if (roll === 2) {
        out.push({
          kind: 'fresh',
          draft: typed(render(newSpec(r, TOPICS, total), Math.floor(r() * 2 ** 31)), r),
          members: [],
        });
      } else {
        out.push({
          kind: 'novel',
          draft: typed(render(newSpec(r, HELD_OUT, heldTotal), Math.floor(r() * 2 ** 31)), r),
          members: [],
        });
      }
    }
    return out;
  }

  return {
    next,
    queries,
    clusters: () => clusters,
    position: () => i,
    /** A spec for a big cluster (the merge benchmark): `count` wordings of one need. */
    wordings(count: number, salt: number): Draft[] {
      const r = prng(seed + salt);
      const spec = newSpec(r, TOPICS, total);
      return Array.from({ length: count }, (_, k) => render(spec, seed + salt + k + 1));
    },
  };
}

export const topicCount = { stored: TOPICS.length, heldOut: HELD_OUT.length };
