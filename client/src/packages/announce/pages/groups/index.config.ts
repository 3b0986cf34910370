export default definePageConfig({
  navigationBarTitleText: '我所属的群体',
});
