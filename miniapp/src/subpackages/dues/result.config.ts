export default definePageConfig({
  navigationBarTitleText: '交纳结果',
})
