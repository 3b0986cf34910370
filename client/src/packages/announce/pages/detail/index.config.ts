export default definePageConfig({
  navigationBarTitleText: '项目公告',
  enablePullDownRefresh: true,
});
