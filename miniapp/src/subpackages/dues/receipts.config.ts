export default definePageConfig({
  navigationBarTitleText: '交费记录',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
