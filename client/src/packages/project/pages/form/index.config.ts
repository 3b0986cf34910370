export default definePageConfig({
  navigationBarTitleText: '填报表格',
});
