/**
 * 督办 (MEET-11), for branch admins: per type, whether this period's required meeting was held;
 * a branch behind on any type is flagged red.
 */
import { Text, View } from '@tarojs/components'
import { MEETING_TYPE_RULES } from '@dangjian/shared'
import { useRemote } from '../../../hooks/useRemote'
import { errorMessage } from '../../../services/errors'
import { formatDateTime } from '../../../lib/time'
import { meetingsApi } from '../lib/endpoints'
import { periodLabel } from '../lib/rules'
import '../../../styles/common.css'
import './Supervision.css'

export default function Supervision() {
  const view = useRemote(() => meetingsApi.supervision(), [])
  const v = view.data
  return (
    <View className='dj-card mt-super'>
      <View className='dj-section-title'>组织生活督办</View>
      {!v ? (
        <Text className='bp-more'>{view.error ? errorMessage(view.error) : '加载中…'}</Text>
      ) : !v.rows.length ? (
        <Text className='bp-more'>暂无督办数据</Text>
      ) : (
        v.rows.map((row) => (
          <View key={row.orgId} className={`mt-super__row${row.behind ? ' mt-super__row--behind' : ''}`}>
            <View className='mt-super__head'>
              <Text className='mt-super__org'>{row.orgName}</Text>
              <Text className={`bp-tag ${row.behind ? 'bp-tag--red mt-super__flag' : 'bp-tag--green'}`}>{row.behind ? '未按期召开' : '按期召开'}</Text>
            </View>
            {row.periods.map((p) => (
              <View key={`${p.type}-${p.periodKey}`} className={`mt-super__period${p.ok ? '' : ' mt-super__period--late'}`}>
                <Text className='mt-super__type'>{MEETING_TYPE_RULES[p.type].label}</Text>
                <Text className='mt-super__key'>{periodLabel(p.periodKey)}</Text>
                <Text className='mt-super__held'>{p.ok ? `已开 ${p.held} 次` : p.held ? `已开 ${p.held} 次，未达要求` : '未召开'}</Text>
              </View>
            ))}
          </View>
        ))
      )}
      {v?.computedAt ? <Text className='mt-super__at'>{`统计于 ${formatDateTime(v.computedAt)}`}</Text> : null}
    </View>
  )
}
