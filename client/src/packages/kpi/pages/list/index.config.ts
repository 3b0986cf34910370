export default definePageConfig({
  navigationBarTitleText: '项目列表',
  enablePullDownRefresh: true,
});
