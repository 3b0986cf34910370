export default definePageConfig({
  navigationBarTitleText: '建议筛选',
  enablePullDownRefresh: true,
});
