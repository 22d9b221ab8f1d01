export default definePageConfig({
  navigationBarTitleText: '网上支部',
})
