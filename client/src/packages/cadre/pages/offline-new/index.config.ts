export default definePageConfig({
  navigationBarTitleText: '线下录入建议',
});
