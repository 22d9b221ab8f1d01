/** What the meeting's record holds (纪要, 决议, 党课总结, 整改记录), once written. */
import { Text, View } from '@tarojs/components'
import type { MeetingDetail } from '@dangjian/shared'
import { RECORD_LABELS } from '../lib/form'
import '../../../styles/common.css'
import './panels.css'

export default function RecordView({ detail: d }: { detail: MeetingDetail }) {
  const parts = (['minutes', 'summary', 'followup'] as const).filter((f) => d[f])
  if (!parts.length && !d.resolution) return null
  const r = d.resolution
  return (
    <View className='dj-card mt-panel mt-record-view'>
      <View className='dj-section-title'>会议记录</View>
      {parts.map((f) => (
        <View key={f} className='mt-record-view__part'>
          <Text className='mt-record-view__label'>{RECORD_LABELS[f]}</Text>
          <Text className='bp-text' userSelect>
            {d[f]}
          </Text>
        </View>
      ))}
      {r ? (
        <View className='mt-record-view__part'>
          <Text className='mt-record-view__label'>会议决议</Text>
          <Text className='bp-text'>{r.text}</Text>
          <Text className='mt-panel__hint'>{`赞成 ${r.votesFor}，反对 ${r.votesAgainst}，弃权 ${r.abstentions}：${r.passed ? '通过' : '未通过'}`}</Text>
        </View>
      ) : null}
    </View>
  )
}
