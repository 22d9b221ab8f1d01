export default definePageConfig({
  navigationBarTitleText: '网上支部',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
