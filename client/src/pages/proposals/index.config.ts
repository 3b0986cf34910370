export default definePageConfig({
  navigationBarTitleText: '大家的建议',
  enablePullDownRefresh: true,
});
