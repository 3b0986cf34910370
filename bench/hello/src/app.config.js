// Plain JS (not TS) so the root `tsc -p tsconfig.json`, which includes bench/, has no JSX or Taro globals to check.
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f5f5',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'hello',
    navigationBarTextStyle: 'black',
  },
});
