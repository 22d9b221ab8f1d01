/**
 * 我的消息: in-app messages (reminders from the branch's admins), newest first. Tapping one marks
 * it read and opens what it links to (e.g. the post to read).
 */
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { AppMessage } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { branchApi } from './lib/endpoints'
import { formatShort } from '../../lib/time'
import { usePaged } from '../../hooks/usePaged'
import '../../styles/common.css'
import './messages.css'

export default function BranchMessagesPage() {
  const list = usePaged((page, size) => branchApi.messages(page, size), [])
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })

  const open = (m: AppMessage) => {
    if (!m.readAt) {
      list.setItems((items) => items.map((x) => (x.id === m.id ? { ...x, readAt: new Date().toISOString() } : x)))
      void branchApi.readMessage(m.id).catch(() => undefined)
    }
    if (m.link) void Taro.navigateTo({ url: m.link })
  }

  return (
    <View className='dj-page bp-messages'>
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload} empty={!list.items.length} emptyTitle='暂无消息' emptyText='支部管理员的提醒会显示在这里。'>
        {list.items.map((m) => (
          <View key={m.id} className={`dj-card bp-message${m.readAt ? '' : ' bp-message--unread'}`} hoverClass='bp-message--hover' onClick={() => open(m)}>
            <View className='bp-message__head'>
              {m.readAt ? null : <View className='bp-dot' aria-label='未读' />}
              <Text className='bp-message__title'>{m.title}</Text>
              <Text className='bp-message__time'>{formatShort(m.createdAt)}</Text>
            </View>
            <Text className='bp-message__body'>{m.body}</Text>
            {m.link ? <Text className='bp-link bp-message__link'>查看详情 ›</Text> : null}
          </View>
        ))}
        <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : ''}</View>
      </PageShell>
    </View>
  )
}
