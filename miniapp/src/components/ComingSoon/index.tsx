/** The empty state of a module that a later release fills (PageShell's empty state). */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageShell } from '../PageShell'

export interface ComingSoonProps {
  /** Module name, e.g. 网上支部. */
  name: string
  /** What the module will offer, one sentence. */
  description: string
}

function backHome() {
  void Taro.switchTab({ url: '/pages/index/index' })
}

export function ComingSoon({ name, description }: ComingSoonProps) {
  return (
    <View className='dj-page'>
      <PageShell
        empty
        emptyTitle={`${name} · 即将上线`}
        emptyText={`${description}。该功能正在建设中，上线后会在这里开放。`}
        emptyAction={{ text: '返回首页', onClick: backHome }}
      />
    </View>
  )
}

export default ComingSoon
