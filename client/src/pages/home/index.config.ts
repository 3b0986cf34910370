export default definePageConfig({
  navigationBarTitleText: '为职工办实事',
  enablePullDownRefresh: true,
});
