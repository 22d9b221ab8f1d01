/**
 * BR-1, for the branch's admins: who has read a post (已读 n) and who has not (未读 m), and
 * 提醒未读, which sends the unread members with an account an in-app message.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { useRemote } from '../../../hooks/useRemote'
import { errorMessage } from '../../../services/errors'
import { branchApi } from '../lib/endpoints'
import { formatDateTime, formatShort } from '../../../lib/time'
import Segmented from '../../../components/Segmented'
import '../../../styles/common.css'
import './ReadStats.css'

type Tab = 'read' | 'unread'

export default function ReadStats({ postId }: { postId: number }) {
  const stats = useRemote(() => branchApi.reads(postId), [postId])
  const [tab, setTab] = useState<Tab>('unread')
  const [busy, setBusy] = useState(false)
  const s = stats.data

  const remind = async () => {
    setBusy(true)
    try {
      const res = await branchApi.remind(postId)
      const extra = res.unreachable ? `，${res.unreachable} 人未激活无法提醒` : ''
      void Taro.showModal({ title: '已发送提醒', content: `已提醒 ${res.reminded} 人${extra}。`, showCancel: false, confirmColor: '#c8161d' })
      await stats.reload()
    } catch {
      // the request layer showed the message
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='dj-card bp-reads'>
      <View className='dj-section-title'>阅读情况</View>
      {!s ? (
        <Text className='bp-more'>{stats.error ? errorMessage(stats.error) : '加载中…'}</Text>
      ) : (
        <View>
          <View className='bp-reads__summary'>
            <Text className='bp-reads__count'>{`已读 ${s.readCount}`}</Text>
            <Text className='bp-reads__count bp-reads__count--unread'>{`未读 ${s.audienceCount - s.readCount}`}</Text>
            <Text className='bp-reads__total'>{`应读 ${s.audienceCount} 人`}</Text>
          </View>
          <Segmented
            className='bp-reads__tabs'
            options={[
              { value: 'unread', text: `未读 ${s.unread.length}` },
              { value: 'read', text: `已读 ${s.read.length}` },
            ]}
            value={tab}
            onChange={setTab}
          />
          <View className='bp-reads__names'>
            {tab === 'read'
              ? s.read.map((r) => (
                  <View key={r.memberId} className='bp-reads__person'>
                    <Text className='bp-reads__name'>{r.name}</Text>
                    <Text className='bp-reads__note'>{formatShort(r.readAt)}</Text>
                  </View>
                ))
              : s.unread.map((u) => (
                  <View key={u.memberId} className='bp-reads__person'>
                    <Text className='bp-reads__name'>{u.name}</Text>
                    {u.activated ? null : <Text className='bp-tag bp-tag--grey'>未激活</Text>}
                  </View>
                ))}
            {(tab === 'read' ? s.read : s.unread).length ? null : <Text className='bp-more'>{tab === 'read' ? '还没有人阅读' : '全部已读'}</Text>}
          </View>
          {s.unread.length ? (
            <View>
              <ActionButton kind='ghost' text='提醒未读' loading={busy} loadingText='正在提醒…' onClick={() => void remind()} />
              {s.lastRemindedAt ? <Text className='bp-reads__last'>{`上次提醒 ${formatDateTime(s.lastRemindedAt)}`}</Text> : null}
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}
