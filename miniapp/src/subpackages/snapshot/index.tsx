/**
 * 随手拍 (AID-3): the branch's shown posts in two columns, 正能量 / 曝光台, or 我发布的 (with their
 * review state); 20 at a time; 拍一拍 at the bottom opens the form on the current column.
 */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { SnapshotColumn } from '@dangjian/shared'
import AidCard from '../../components/aid/AidCard'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { usePaged } from '../../hooks/usePaged'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { SNAPSHOT_COLUMNS } from '../../lib/aid'
import { LOGIN_PAGE } from '../../services/api'
import { AID_PAGES, aidApi, onAidChanged } from '../../services/aid'
import { isLoggedIn } from '../../services/session'
import '../../styles/common.css'
import '../../components/aid/aid.css'

type Tab = SnapshotColumn | 'mine'
const TABS: Array<{ value: Tab; text: string }> = [...SNAPSHOT_COLUMNS, { value: 'mine', text: '我发布的' }]

export default function SnapshotPage() {
  const [tab, setTab] = useState<Tab>('positive')
  const [column, setColumn] = useState<SnapshotColumn>('positive')
  const loggedIn = isLoggedIn()
  // The API filters by view, not by column: the feed keeps the chosen column's posts.
  const list = usePaged(
    async (page, pageSize) => {
      if (!loggedIn) return { items: [], total: 0, page, pageSize }
      return aidApi.list({ kind: 'snapshot', view: tab === 'mine' ? 'mine' : 'open', page, pageSize })
    },
    [tab === 'mine', loggedIn],
  )
  const shown = tab === 'mine' ? list.items : list.items.filter((i) => i.column === tab)

  // A column's posts can be few among the page: keep loading until the screen has some.
  useEffect(() => {
    if (tab !== 'mine' && shown.length < 5 && list.hasMore && !list.loadingMore) void list.more()
  }, [tab, shown.length, list.hasMore, list.loadingMore, list.more])
  useEffect(() => onAidChanged(() => void list.reload()), [list.reload])
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })
  const choose = (t: Tab) => {
    setTab(t)
    if (t !== 'mine') setColumn(t)
  }

  if (!loggedIn) {
    return (
      <View className='dj-page'>
        <PageShell empty emptyTitle='登录后查看随手拍' emptyText='登录后可以拍下身边的好人好事和问题，审核通过后在支部展示。' emptyAction={{ text: '去登录', onClick: () => void Taro.navigateTo({ url: LOGIN_PAGE }) }} />
      </View>
    )
  }

  return (
    <View className='dj-page'>
      <View className='aid-toolbar'>
        <Segmented options={TABS} value={tab} onChange={choose} />
      </View>
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload} empty={!shown.length && !list.hasMore} emptyTitle={tab === 'mine' ? '还没有发布过随手拍' : '暂无随手拍'}>
        <View className='aid-list'>
          {shown.map((item) => (
            <AidCard key={item.id} item={item} onOpen={() => void Taro.navigateTo({ url: `${AID_PAGES.snapshot}?id=${item.id}` })} />
          ))}
          <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : '没有更多了'}</View>
        </View>
      </PageShell>
      <BottomBar>
        <ActionButton text='拍一拍' onClick={() => void Taro.navigateTo({ url: `${AID_PAGES.snapshotCompose}?column=${column}` })} />
      </BottomBar>
    </View>
  )
}
