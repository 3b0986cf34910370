/**
 * Pages of the app. The 选择演示身份 page (demo identities of the dev host) exists only in the H5
 * build; staff pages live in the `packages/staff` subpackage so workers never download them.
 */
const isH5 = process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/proposals/index',
    'pages/mine/index',
    'pages/bind/index',
    'pages/proposal-new/index',
    ...(isH5 ? ['pages/dev-login/index'] : []),
  ],
  subPackages: [
    {
      root: 'packages/staff',
      pages: ['pages/proposals/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f5f5',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '为职工办实事',
    navigationBarTextStyle: 'black',
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
  lazyCodeLoading: 'requiredComponents',
});
