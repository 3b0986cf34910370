export default definePageConfig({
  navigationBarTitleText: '征集期管理',
  enablePullDownRefresh: true,
});
