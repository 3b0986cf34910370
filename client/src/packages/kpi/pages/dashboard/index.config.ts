export default definePageConfig({
  navigationBarTitleText: '绩效看板',
  enablePullDownRefresh: true,
});
