export default definePageConfig({
  navigationBarTitleText: '发布随手拍',
})
