/** 发布心愿 / 发布捐赠 (?kind=wish|donation). */
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import AidComposeForm from '../../components/aid/AidComposeForm'
import { isAidTab } from '../../lib/aid'
import { AID_PAGES } from '../../services/aid'
import '../../styles/common.css'
import '../../components/aid/aid.css'

export default function AidComposePage() {
  const raw = useRouter().params.kind
  const kind = isAidTab(raw) ? raw : 'wish'
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: kind === 'wish' ? '发布心愿' : '发布捐赠' })
  }, [kind])
  return (
    <View className='dj-page aid-list'>
      <AidComposeForm kind={kind} detailUrl={(id) => `${AID_PAGES.detail}?id=${id}`} />
    </View>
  )
}
