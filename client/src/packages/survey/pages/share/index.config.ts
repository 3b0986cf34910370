export default definePageConfig({
  navigationBarTitleText: '分享问卷',
});
