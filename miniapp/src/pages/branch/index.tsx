import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'

export default function BranchTab() {
  return (
    <View className='dj-page'>
      <PageShell
        empty
        emptyTitle='支部功能即将上线'
        emptyText='上线后可以在这里查看本支部的通知、组织生活安排和党员名册。'
        emptyAction={{ text: '进入网上支部', onClick: () => void Taro.navigateTo({ url: '/subpackages/branch/index' }) }}
      />
    </View>
  )
}
