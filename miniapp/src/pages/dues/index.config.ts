export default definePageConfig({
  navigationBarTitleText: '党费',
})
