export default definePageConfig({
  navigationBarTitleText: '绑定资料',
});
