/**
 * 积分申报 (PTS-3): my declarations, newest first — the rule, 待审核 / 已通过 / 已驳回, what I wrote,
 * the reviewer's reason — 20 at a time; 我要申报 at the bottom opens the form.
 */
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import { usePaged } from '../../hooks/usePaged'
import { formatDateTime } from '../../lib/time'
import ActionButton from '../../pages/activate/parts/ActionButton'
import ImageGrid from '../branch/components/ImageGrid'
import { declarationLabel, declarationPoints, declarationTone } from './lib/declare'
import { onDeclared, pointsApi, POINTS_PAGES } from './lib/endpoints'
import '../../styles/common.css'
import './points.css'

export default function PointsDeclarationsPage() {
  const list = usePaged((page, size) => pointsApi.myDeclarations(page, size), [])

  useEffect(() => onDeclared(() => void list.reload()), [list.reload])
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.more())

  return (
    <View className='dj-page pt-page pt-declarations'>
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.items.length}
        emptyTitle='还没有积分申报'
        emptyText='参加志愿服务等未自动计分的活动后，可以在这里申报，支部审核通过后计入积分。'
      >
        {list.items.map((d) => (
          <View key={d.id} className='dj-card pt-decl'>
            <View className='pt-decl__head'>
              <Text className='pt-decl__rule'>{d.ruleName}</Text>
              <Text className={`bp-tag bp-tag--${declarationTone(d.state)} pt-decl__state`}>{declarationLabel(d.state)}</Text>
            </View>
            <Text className='pt-decl__content' userSelect>{d.content}</Text>
            <ImageGrid images={d.images} compact />
            {d.reason ? <Text className='pt-decl__reason'>{`${d.overturned ? '上级改判' : d.state === 'rejected' ? '驳回原因' : '审核意见'}：${d.reason}`}</Text> : null}
            <View className='pt-decl__meta'>
              <Text>{d.reviewedAt ? `${d.reviewerName ?? '审核人'} · ${formatDateTime(d.reviewedAt)}` : `申报于 ${formatDateTime(d.createdAt)}`}</Text>
              <Text className='pt-decl__points'>{declarationPoints(d)}</Text>
            </View>
          </View>
        ))}
        {list.items.length ? <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 条`}</View> : null}
      </PageShell>
      <BottomBar>
        <ActionButton text='我要申报' onClick={() => void Taro.navigateTo({ url: POINTS_PAGES.declare })} />
      </BottomBar>
    </View>
  )
}
