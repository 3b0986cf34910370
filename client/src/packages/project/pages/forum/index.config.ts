export default definePageConfig({
  navigationBarTitleText: '现场座谈',
});
