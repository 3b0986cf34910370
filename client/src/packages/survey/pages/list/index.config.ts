export default definePageConfig({
  navigationBarTitleText: '问卷管理',
  enablePullDownRefresh: true,
});
