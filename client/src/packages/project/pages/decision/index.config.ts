export default definePageConfig({
  navigationBarTitleText: '记录审定会议',
  enablePullDownRefresh: true,
});
