export default definePageConfig({
  navigationBarTitleText: '选择参会人员',
})
