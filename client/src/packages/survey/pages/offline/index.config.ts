export default definePageConfig({
  navigationBarTitleText: '线下录入问卷',
});
