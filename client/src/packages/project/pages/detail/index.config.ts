export default definePageConfig({
  navigationBarTitleText: '项目进展',
  enablePullDownRefresh: true,
  // 分享给朋友 and 分享到朋友圈 (features/progress/share.ts gives the title, path and image).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
