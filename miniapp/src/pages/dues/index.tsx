import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'

export default function DuesTab() {
  return (
    <View className='dj-page'>
      <PageShell
        empty
        emptyTitle='党费交纳即将上线'
        emptyText='上线后可以在这里查看每月应交党费、在线交纳并查询交纳记录。'
        emptyAction={{ text: '进入党费交纳', onClick: () => void Taro.navigateTo({ url: '/subpackages/dues/index' }) }}
      />
    </View>
  )
}
