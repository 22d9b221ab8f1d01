/** The meeting's flow as vertical steps (detail.timeline, MEETING_STATE_LABELS): done, current (highlighted), to do. */
import { Text, View } from '@tarojs/components'
import type { MeetingDetail } from '@dangjian/shared'
import { formatDateTime } from '../../../lib/time'
import { timelineSteps } from '../lib/rules'
import './Timeline.css'

export default function Timeline({ detail }: { detail: MeetingDetail }) {
  const { steps, detour } = timelineSteps(detail)
  return (
    <View className='dj-card mt-timeline'>
      <View className='dj-section-title'>会议流程</View>
      {detour ? (
        <View className='mt-timeline__detour'>
          <Text>{`${detour}${detail.rejectReason ? `：${detail.rejectReason}` : ''}`}</Text>
        </View>
      ) : null}
      {steps.map((s, i) => (
        <View key={s.state} className={`mt-step mt-step--${s.status}`} aria-current={s.status === 'current' ? 'step' : undefined}>
          <View className='mt-step__rail'>
            <View className='mt-step__dot'>{s.status === 'done' ? <Text>✓</Text> : null}</View>
            {i < steps.length - 1 ? <View className='mt-step__line' /> : null}
          </View>
          <View className='mt-step__body'>
            <Text className='mt-step__label'>{s.label}</Text>
            {s.at ? <Text className='mt-step__at'>{formatDateTime(s.at)}</Text> : s.status === 'current' ? <Text className='mt-step__at'>当前环节</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
