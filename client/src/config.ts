/**
 * The only place that reads TARO_APP_* variables (.env.development / .env.production).
 * Taro inlines `process.env.TARO_APP_*` at build time, so each must be written out in full.
 */
export const config = {
  platform: process.env.TARO_ENV,
  /** WeChat cloud environment for `Taro.cloud.init`; undefined means the default environment. */
  cloudEnv: process.env.TARO_APP_CLOUD_ENV || undefined,
  /** H5: origin of the dev host serving `/api/<function>` and `/dev/*`; '' means the page's own origin. */
  apiBase: (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, ''),
} as const;

/** Storage key of the H5 session token issued by the dev host. */
export const SESSION_STORAGE_KEY = 'shishi.session';

/** Pages the code navigates to, in one place. */
export const routes = {
  home: '/pages/home/index',
  bind: '/pages/bind/index',
  proposalNew: '/pages/proposal-new/index',
  mine: '/pages/mine/index',
  proposals: '/pages/proposals/index',
  devLogin: '/pages/dev-login/index',
  proposalDetail: '/pages/proposal-detail/index',
  messages: '/pages/messages/index',
  project: '/packages/project/pages/detail/index',
  staffProposals: '/packages/staff/pages/proposals/index',
  staffScreening: '/packages/staff/pages/screening/index',
  staffWindows: '/packages/staff/pages/windows/index',
  staffReview: '/packages/staff/pages/review/index',
  offlineNew: '/packages/cadre/pages/offline-new/index',
  pushSubscriptions: '/packages/push/pages/subscriptions/index',
  workerGroups: '/packages/announce/pages/groups/index',
} as const;
