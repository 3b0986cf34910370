/**
 * The access rules of the actions 首页's menu names, without their schemas: a pure table the client's
 * main package imports instead of whole contract modules (whose zod schemas would ship with 首页), and
 * the contracts that take their rule from it (announce). A test holds every entry equal to the contract
 * table `api` (scripts/__tests__/homeMenu.test.ts).
 */
import { collectionStaffRoles, offlineEntryRoles, roles, staffRoles } from '../roles';
import type { AccessRule } from './access';

const rule = (r: AccessRule['roles'], scope: AccessRule['scope'] = 'any'): AccessRule => ({ roles: r, scope });

/** Who publishes a project's announcements: the project's owners (区市县、产业工会、市总工会 staff). */
export const announcePublishAccess = rule(collectionStaffRoles, 'subtree');
/** Who sees an announcement's reach: staff the project reaches. */
export const announceStatsAccess = rule(staffRoles, 'department');

export const menuAccess = {
  proposal: {
    listMine: rule(roles),
    list: rule(roles),
    submitOffline: rule(offlineEntryRoles, 'subtree'),
    screen: rule(staffRoles, 'subtree'),
    merge: rule(collectionStaffRoles, 'subtree'),
    score: rule(collectionStaffRoles, 'subtree'),
    decide: rule(collectionStaffRoles, 'subtree'),
    reviewQueue: rule(collectionStaffRoles, 'subtree'),
    moderate: rule(collectionStaffRoles, 'subtree'),
    export: rule(staffRoles, 'subtree'),
  },
  collectWindow: {
    create: rule(collectionStaffRoles, 'subtree'),
    close: rule(collectionStaffRoles, 'subtree'),
    setWeights: rule(collectionStaffRoles, 'subtree'),
  },
  survey: {
    create: rule(staffRoles, 'subtree'),
    publish: rule(staffRoles, 'subtree'),
    listMine: rule(staffRoles),
    submitOffline: rule(offlineEntryRoles, 'subtree'),
    results: rule(roles),
    export: rule(staffRoles, 'subtree'),
  },
  org: {
    assignRole: rule(['admin'], 'subtree'),
    revokeRole: rule(['admin'], 'subtree'),
    findPeople: rule(['admin'], 'subtree'),
  },
  project: {
    list: rule(staffRoles),
    move: rule(staffRoles, 'department'),
    submitForm: rule(collectionStaffRoles, 'subtree'),
    sign: rule(['unitHead', 'deptHead', 'leader'], 'department'),
    recordDecision: rule(['research', 'admin']),
  },
  announce: {
    publish: announcePublishAccess,
    stats: announceStatsAccess,
  },
  kpi: {
    dashboard: rule(staffRoles, 'department'),
    exportDashboard: rule(staffRoles, 'department'),
    setThresholds: rule(collectionStaffRoles, 'subtree'),
  },
} as const satisfies Record<string, Record<string, AccessRule>>;
