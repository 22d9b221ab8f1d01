export default definePageConfig({
  navigationBarTitleText: '代缴党费',
})
