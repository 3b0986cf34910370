/**
 * The ways in from 首页, derived from the contracts' access rules: an entry is shown only to roles that
 * may call the action it opens with, and its description lists only what the person may do there. A
 * view with nothing to change says it is read-only. Pure (no Taro), so a unit test checks every role.
 */
import type { AccessRule } from '@shishi/shared-types/src/rules/access';
import { menuAccess } from '@shishi/shared-types/src/rules/menuAccess';
import { staffRoles, type Role } from '@shishi/shared-types/src/roles';
import { routes } from '../../config';
import { manageUrl } from '../../features/announce/routes';
import { projectListUrl } from '../../features/project/routes';
import { surveyRoutes } from '../../features/survey/routes';
import { kpiDashboardUrl } from '../../features/kpi/routes';

/**
 * The access rules the menu reads, by function and action: the schema-free table in shared-types
 * (`rules/menuAccess.ts`), so 首页 does not carry the contracts' zod schemas; a unit test holds every
 * entry equal to the contract table the functions enforce.
 */
export const menuContracts = menuAccess;

type Contracts = typeof menuContracts;
type FnName = keyof Contracts;
/** `function.action`, e.g. `proposal.merge`. */
export type ActionRef = { [F in FnName]: `${F}.${keyof Contracts[F] & string}` }[FnName];

/** One thing a page offers; `write` marks changes (a page without any it may use is read-only). */
export interface Ability {
  label: string;
  action: ActionRef;
  write?: boolean;
}

export interface EntryDef {
  id: string;
  title: string;
  url: string;
  /** A tab page: opened with switchTab. */
  tab?: boolean;
  /** The action the page loads with: who may not call it does not see the entry. */
  opens: ActionRef;
  /** What the page offers, in the order said. Empty: `summary` alone describes it. */
  abilities: Ability[];
  /** Said before the abilities (e.g. 本辖区职工提交的全部建议). */
  summary?: string;
}

export interface MenuEntry {
  id: string;
  title: string;
  description: string;
  url: string;
  tab?: boolean;
  /** True when the person may look but change nothing there. */
  readOnly: boolean;
}

export interface MenuGroup {
  id: string;
  title?: string;
  entries: MenuEntry[];
}

export type AccessOf = (ref: ActionRef) => AccessRule;

export const contractAccess: AccessOf = (ref) => {
  const [fn, action] = ref.split('.') as [FnName, string];
  const table = menuContracts[fn] as Record<string, { access?: AccessRule; roles?: AccessRule['roles'] }>;
  const entry = table[action];
  if (!entry) throw new Error(`menu: no contract ${ref}`);
  return (entry.access ?? entry) as AccessRule;
};

/** True when one of the person's roles may call the action. */
export function mayCall(roles: readonly Role[], ref: ActionRef, accessOf: AccessOf = contractAccess): boolean {
  const rule = accessOf(ref).roles;
  return rule === 'anyone' || roles.some((r) => rule.includes(r));
}

const routesOfMenu = {
  ...routes,
  surveyOffline: surveyRoutes.offline,
  surveysManage: surveyRoutes.manage,
  projects: projectListUrl,
  screening: routes.staffScreening,
  windows: routes.staffWindows,
  review: routes.staffReview,
  roles: '/packages/admin/pages/roles/index',
  announce: manageUrl(),
} as const;

/** Everyone's entries. */
const everyone: EntryDef[] = [
  {
    id: 'home-mine',
    title: '我的建议',
    url: routesOfMenu.mine,
    tab: true,
    opens: 'proposal.listMine',
    abilities: [],
    summary: '看看我提的建议办到哪一步了',
  },
  {
    id: 'home-proposals',
    title: '大家的建议',
    url: routesOfMenu.proposals,
    tab: true,
    opens: 'proposal.list',
    abilities: [],
    summary: '看看其他职工都提了什么',
  },
];

/** 基层工会干部: entering what workers handed in on paper. */
const cadre: EntryDef[] = [
  {
    id: 'home-offline',
    title: '线下录入建议',
    url: routesOfMenu.offlineNew,
    opens: 'proposal.submitOffline',
    abilities: [{ label: '替职工录入纸质或现场收集的建议', action: 'proposal.submitOffline', write: true }],
  },
  {
    id: 'home-survey-offline',
    title: '线下录入问卷',
    url: routesOfMenu.surveyOffline,
    opens: 'survey.submitOffline',
    abilities: [{ label: '替职工录入纸质或现场填写的问卷', action: 'survey.submitOffline', write: true }],
  },
];

/** 工作人员: the programme's tools, each shown only to roles that may use it. */
const staff: EntryDef[] = [
  {
    id: 'home-projects',
    title: '项目管理',
    url: routesOfMenu.projects,
    opens: 'project.list',
    abilities: [
      { label: '按年度、状态、归口部门查看项目', action: 'project.list' },
      { label: '论证和推进', action: 'project.move', write: true },
      { label: '填报申报表', action: 'project.submitForm', write: true },
      { label: '签署意见', action: 'project.sign', write: true },
      { label: '记录审定会议', action: 'project.recordDecision', write: true },
    ],
  },
  {
    id: 'home-announce',
    title: '项目公告',
    url: routesOfMenu.announce,
    opens: 'announce.publish',
    abilities: [
      { label: '发布实施方案和公告', action: 'announce.publish', write: true },
      { label: '查看触达情况', action: 'announce.stats' },
    ],
  },
  {
    id: 'home-staff',
    title: '建议管理',
    url: routesOfMenu.staffProposals,
    opens: 'proposal.screen',
    abilities: [],
    summary: '本辖区职工提交的全部建议',
  },
  {
    id: 'home-screening',
    title: '建议筛选',
    url: routesOfMenu.screening,
    opens: 'proposal.screen',
    abilities: [
      { label: '排名', action: 'proposal.screen' },
      { label: '合并', action: 'proposal.merge', write: true },
      { label: '评分', action: 'proposal.score', write: true },
      { label: '作出决定', action: 'proposal.decide', write: true },
      { label: '导出 Excel', action: 'proposal.export' },
    ],
  },
  {
    id: 'home-surveys-manage',
    title: '问卷管理',
    url: routesOfMenu.surveysManage,
    opens: 'survey.listMine',
    abilities: [
      { label: '设计问卷', action: 'survey.create', write: true },
      { label: '发布', action: 'survey.publish', write: true },
      { label: '看结果', action: 'survey.results' },
      { label: '导出', action: 'survey.export' },
    ],
    summary: '需求调查',
  },
  {
    id: 'home-windows',
    title: '征集期管理',
    url: routesOfMenu.windows,
    opens: 'collectWindow.create',
    abilities: [
      { label: '设立征集期', action: 'collectWindow.create', write: true },
      { label: '提前结束', action: 'collectWindow.close', write: true },
      { label: '调整评分权重', action: 'collectWindow.setWeights', write: true },
    ],
  },
  {
    id: 'home-review',
    title: '内容审核',
    url: routesOfMenu.review,
    opens: 'proposal.reviewQueue',
    abilities: [{ label: '处理内容安全检查未通过、等待人工审核的建议', action: 'proposal.moderate', write: true }],
  },
  {
    id: 'home-offline',
    title: '线下录入建议',
    url: routesOfMenu.offlineNew,
    opens: 'proposal.submitOffline',
    abilities: [{ label: '替职工录入纸质或现场收集的建议', action: 'proposal.submitOffline', write: true }],
  },
  {
    id: 'home-kpi',
    title: '绩效看板',
    url: kpiDashboardUrl,
    opens: 'kpi.dashboard',
    abilities: [
      { label: '按年度、层级、单位查看项目绩效、满意度和信号', action: 'kpi.dashboard' },
      { label: '导出 Excel', action: 'kpi.exportDashboard' },
      { label: '设置信号阈值', action: 'kpi.setThresholds', write: true },
    ],
  },
  {
    id: 'home-roles',
    title: '人员与角色',
    url: routesOfMenu.roles,
    opens: 'org.assignRole',
    abilities: [
      { label: '查找人员', action: 'org.findPeople' },
      { label: '设定角色', action: 'org.assignRole', write: true },
      { label: '撤销角色', action: 'org.revokeRole', write: true },
    ],
    summary: '系统管理员',
  },
];

/** Every entry by group, for the tests. */
export const menuDefinitions = { everyone, cadre, staff } as const;

function entryFor(def: EntryDef, roles: readonly Role[], accessOf: AccessOf): MenuEntry | null {
  if (!mayCall(roles, def.opens, accessOf)) return null;
  const allowed = def.abilities.filter((a) => mayCall(roles, a.action, accessOf));
  const hasWrites = def.abilities.some((a) => a.write);
  const readOnly = hasWrites && !allowed.some((a) => a.write);
  const said = allowed
    .map((a) => (readOnly && a === allowed[0] && !a.label.includes('查看') ? `查看${a.label}` : a.label))
    .join('、');
  const parts = [def.summary, said].filter(Boolean).join('：');
  return {
    id: def.id,
    title: def.title,
    url: def.url,
    ...(def.tab ? { tab: true } : {}),
    description: readOnly ? `${parts}（只读）` : parts,
    readOnly,
  };
}

function group(id: string, title: string | undefined, defs: EntryDef[], roles: readonly Role[], accessOf: AccessOf) {
  const entries = defs.map((d) => entryFor(d, roles, accessOf)).filter((e): e is MenuEntry => e !== null);
  return entries.length > 0 ? [{ id, ...(title ? { title } : {}), entries }] : [];
}

/**
 * The menu of a person holding `roles` (all their bindings): 我的建议 and 大家的建议 for everyone, the
 * cadre's entries for those who enter paper forms but are not staff, and the staff tools each role may use.
 */
export function menuFor(roles: readonly Role[], accessOf: AccessOf = contractAccess): MenuGroup[] {
  const isStaff = roles.some((r) => staffRoles.includes(r));
  return [
    ...group('home-menu-everyone', undefined, everyone, roles, accessOf),
    ...(isStaff ? [] : group('home-menu-cadre', '基层工会干部', cadre, roles, accessOf)),
    ...(isStaff ? group('home-menu-staff', '工作人员', staff, roles, accessOf) : []),
  ];
}
