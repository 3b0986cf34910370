/**
 * Pages of the app. The 选择演示身份 page (demo identities of the dev host) exists only in the H5
 * build; staff pages live in the `packages/staff` subpackage and the cadre's 线下录入 in
 * `packages/cadre`, so workers never download them; a project's page (`packages/project`) is opened
 * rarely, from an adopted proposal.
 */
const isH5 = process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/proposals/index',
    'pages/mine/index',
    'pages/bind/index',
    ...(isH5 ? ['pages/dev-login/index'] : []),
  ],
  subPackages: [
    {
      root: 'packages/staff',
      pages: ['pages/proposals/index', 'pages/screening/index', 'pages/windows/index', 'pages/review/index'],
    },
    {
      root: 'packages/cadre',
      pages: ['pages/offline-new/index'],
    },
    {
      root: 'packages/project',
      pages: [
        'pages/detail/index',
        'pages/list/index',
        'pages/edit/index',
        'pages/form/index',
        'pages/decision/index',
        // 服务点与签到 (staff) and the posters of a project and its service points.
        'pages/checkin/index',
        'pages/poster/index',
        // 现场座谈: record or edit a forum (staff).
        'pages/forum/index',
      ],
    },
    // 信息发布: an announcement (opened from 首页's feed or a subscribe message), 发布公告 and 项目公告 (staff).
    {
      root: 'packages/announce',
      pages: ['pages/detail/index', 'pages/publish/index', 'pages/manage/index', 'pages/groups/index'],
    },
    // 订阅消息 (我的 → 订阅消息): the worker's grants per topic and 订阅 for each.
    { root: 'packages/push', pages: ['pages/subscriptions/index'] },
    // 职工评价: a worker rates a project (opened from the project page or the invitation to rate).
    { root: 'packages/rating', pages: ['pages/rate/index'] },
    // 绩效看板 (staff and leaders): the dashboard with charts, the projects behind a figure, 信号阈值.
    { root: 'packages/kpi', pages: ['pages/dashboard/index', 'pages/list/index', 'pages/thresholds/index'] },
    // 人员与角色: the admin's screen, opened by one person in a hundred.
    { root: 'packages/admin', pages: ['pages/roles/index'] },
    // 提建议, 建议详情 and 消息 keep their page paths but load as subpackages of their own: the main
    // package is near its budget, and each opens from a tap on something already shown (preloaded below).
    { root: 'pages/proposal-new', pages: ['index'] },
    { root: 'pages/proposal-detail', pages: ['index'] },
    { root: 'pages/messages', pages: ['index'] },
    // 需求调查: answering and public results are small subpackages of their own (the main package is
    // near its budget); staff screens (管理, 编辑, 结果, 线下录入) live in packages/survey.
    { root: 'pages/survey-answer', pages: ['index'] },
    { root: 'pages/survey-result', pages: ['index'] },
    // 签到: opened by a service point's code (mini-program code scene or H5 link), a subpackage of its own.
    { root: 'pages/checkin', pages: ['index'] },
    {
      root: 'packages/survey',
      pages: [
        'pages/list/index',
        'pages/edit/index',
        'pages/results/index',
        'pages/offline/index',
        // 分享问卷: link and QR poster of a published survey.
        'pages/share/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f5f5',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '为职工办实事',
    navigationBarTextStyle: 'black',
    // weapp's own default; on H5 it turns on Taro's navigation bar: the title, and 返回 on pages that are not tabs.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/proposals/index',
        text: '大家的建议',
        iconPath: 'assets/tab/proposals.png',
        selectedIconPath: 'assets/tab/proposals-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // weapp: fetch the small worker subpackages while the page that opens them is on screen.
  preloadRule: {
    'pages/home/index': {
      network: 'all',
      packages: ['pages/proposal-new', 'pages/survey-answer', 'packages/announce'],
    },
    'pages/mine/index': { network: 'all', packages: ['pages/proposal-detail', 'pages/messages'] },
    'pages/proposals/index': { network: 'all', packages: ['pages/proposal-detail'] },
  },
  lazyCodeLoading: 'requiredComponents',
  // Privacy APIs wait for the person's consent to the 用户隐私保护指引 (src/privacy.ts lists them; the
  // prompt is components/PrivacyPrompt, rendered where they are called).
  __usePrivacyCheck__: true,
});
