/**
 * AID-5: the micro-wisher's name and phone, which the server sends only to the claimer, the
 * submitting admin and reviewers once the wish is claimed; tapping the number calls it.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AidItemDetail } from '@dangjian/shared'
import './aid.css'

export default function AidContact({ detail }: { detail: Pick<AidItemDetail, 'kind' | 'state' | 'contact'> }) {
  if (detail.kind !== 'micro_wish') return null
  const c = detail.contact
  if (!c) {
    return detail.state === 'open' ? (
      <View className='dj-card aid-contact aid-contact--hidden'>
        <Text className='aid-contact__hint'>认领后可以看到心愿人的联系方式</Text>
      </View>
    ) : null
  }
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: c.phone }).catch(() => undefined)
  }
  return (
    <View className='dj-card aid-contact'>
      <View className='dj-section-title'>心愿人联系方式</View>
      <View className='aid-contact__row'>
        <Text className='aid-contact__name'>{c.name}</Text>
        <View className='aid-contact__phone' hoverClass='dj-btn--hover' onClick={call}>
          <Text className='aid-contact__number'>{c.phone}</Text>
          <Text className='aid-contact__call'>拨打</Text>
        </View>
      </View>
      <Text className='aid-contact__hint'>请与心愿人约定时间送达，完成后点“确认办结”。</Text>
    </View>
  )
}
