export default definePageConfig({
  navigationBarTitleText: '服务点与签到',
  enablePullDownRefresh: true,
});
