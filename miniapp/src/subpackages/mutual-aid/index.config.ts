export default definePageConfig({
  navigationBarTitleText: '心愿树',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
