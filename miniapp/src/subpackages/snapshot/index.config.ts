export default definePageConfig({
  navigationBarTitleText: '随手拍',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
