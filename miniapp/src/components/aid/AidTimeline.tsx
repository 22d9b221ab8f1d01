/** The item's flow as vertical steps, drawn from the shared flow table (lib/aid.ts aidSteps). */
import { Text, View } from '@tarojs/components'
import type { AidItemDetail } from '@dangjian/shared'
import { formatDateTime } from '../../lib/time'
import { aidSteps } from '../../lib/aid'
import './aid.css'

export default function AidTimeline({ detail }: { detail: AidItemDetail }) {
  const { steps, detour } = aidSteps(detail)
  return (
    <View className='dj-card aid-timeline'>
      <View className='dj-section-title'>办理进度</View>
      {detour ? <Text className='aid-timeline__detour'>{`${detour}${detail.rejectReason ? `：${detail.rejectReason}` : ''}`}</Text> : null}
      {steps.map((s) => (
        <View key={s.state} className={`aid-step aid-step--${s.status}`} aria-current={s.status === 'current' ? 'step' : undefined}>
          <View className='aid-step__dot'>{s.status === 'done' ? <Text>✓</Text> : null}</View>
          <Text className='aid-step__label'>{s.label}</Text>
          <Text className='aid-step__at'>{s.at ? formatDateTime(s.at) : s.status === 'current' ? '当前环节' : ''}</Text>
        </View>
      ))}
    </View>
  )
}
