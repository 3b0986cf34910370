export default definePageConfig({
  navigationBarTitleText: '信号阈值',
});
