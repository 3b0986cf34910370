export default definePageConfig({
  navigationBarTitleText: '建议管理',
  enablePullDownRefresh: true,
});
