export default definePageConfig({
  navigationBarTitleText: '党建云',
})
