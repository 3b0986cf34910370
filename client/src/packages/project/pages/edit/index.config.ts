export default definePageConfig({
  navigationBarTitleText: '可行性研究报告',
});
