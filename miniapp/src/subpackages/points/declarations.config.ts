export default definePageConfig({
  navigationBarTitleText: '积分申报',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
