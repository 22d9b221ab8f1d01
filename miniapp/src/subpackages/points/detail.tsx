/** 积分明细 (PTS-4): my awards, newest first, 20 at a time: the rule, +points, when and from what. */
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { usePaged } from '../../hooks/usePaged'
import { formatShort } from '../../lib/time'
import { pointsApi } from './lib/endpoints'
import { entryMeta, formatPoints } from './lib/view'
import '../../styles/common.css'
import './points.css'

export default function PointsDetailPage() {
  const list = usePaged((page, size) => pointsApi.entries(page, size), [])

  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })

  return (
    <View className='dj-page pt-page'>
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.items.length}
        emptyTitle='暂无积分记录'
        emptyText='学习、参加组织生活等获得的积分会显示在这里。'
      >
        <View className='dj-card dj-list'>
          {list.items.map((e) => (
            <View key={e.id} className='pt-entry'>
              <View className='pt-entry__main'>
                <Text className='pt-entry__name'>{e.ruleName}</Text>
                <Text className='pt-entry__meta'>
                  {entryMeta(e)} · {formatShort(e.createdAt)}
                </Text>
              </View>
              <Text className='pt-entry__points'>{formatPoints(e.points)}</Text>
            </View>
          ))}
        </View>
        <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 条`}</View>
      </PageShell>
    </View>
  )
}
