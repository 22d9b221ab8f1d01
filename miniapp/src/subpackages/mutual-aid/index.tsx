/**
 * 党员e家 (AID-1, AID-2, AID-5): 心愿树 / 微捐赠 / 微心愿 (?kind=), each in three views — 待认领 (the
 * branch's listed items; micro-wishes: the whole tenant's), 我发布的, 我认领的 — 20 at a time; 发布
 * at the bottom (micro-wishes: branch admins only, who submit them for people of the public).
 */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import AidCard from '../../components/aid/AidCard'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { usePaged } from '../../hooks/usePaged'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { AID_TAB_NOUNS, AID_TABS, aidViewsFor, isAidTab, mayPublish, type AidMemberView, type AidTab } from '../../lib/aid'
import { LOGIN_PAGE } from '../../services/api'
import { AID_PAGES, aidApi, onAidChanged } from '../../services/aid'
import { getCachedMe, isLoggedIn } from '../../services/session'
import '../../styles/common.css'
import '../../components/aid/aid.css'

const EMPTY: Record<AidMemberView, string> = { open: '暂无待认领的', mine: '还没有发布过', claimed: '还没有认领过' }

export default function MutualAidPage() {
  const { params } = useRouter()
  const [kind, setKind] = useState<AidTab>(isAidTab(params.kind) ? params.kind : 'wish')
  const [view, setView] = useState<AidMemberView>('open')
  const loggedIn = isLoggedIn()
  const list = usePaged((page, pageSize) => (loggedIn ? aidApi.list({ kind, view, page, pageSize }) : Promise.resolve({ items: [], total: 0, page, pageSize })), [kind, view, loggedIn])
  const { noun, title } = AID_TAB_NOUNS[kind]
  const me = getCachedMe()
  const canPublish = mayPublish(kind, me)
  const views = aidViewsFor(kind, canPublish)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title })
  }, [title])
  // A view the tab does not offer (我发布的 of micro-wishes for members): back to 待认领.
  useEffect(() => {
    if (!views.some((v) => v.value === view)) setView('open')
  }, [views, view])
  useEffect(() => onAidChanged(() => void list.reload()), [list.reload])
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })

  if (!loggedIn) {
    return (
      <View className='dj-page'>
        <PageShell empty emptyTitle='登录后参与党员e家' emptyText='登录后可以发布心愿、捐赠物品，认领身边党员的心愿。' emptyAction={{ text: '去登录', onClick: () => void Taro.navigateTo({ url: LOGIN_PAGE }) }} />
      </View>
    )
  }

  return (
    <View className='dj-page'>
      <View className='aid-toolbar'>
        <Segmented options={AID_TABS} value={kind} onChange={setKind} />
      </View>
      <View className='aid-toolbar'>
        <Segmented options={views} value={view} onChange={setView} />
      </View>
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.items.length}
        emptyTitle={`${EMPTY[view]}${noun}`}
        emptyText={kind === 'micro_wish' && view === 'open' ? '微心愿由支部管理员代群众提交，经单位审核后全单位党员都可以认领。' : undefined}
      >
        <View className='aid-list'>
          {list.items.map((item) => (
            <AidCard key={item.id} item={item} onOpen={() => void Taro.navigateTo({ url: `${AID_PAGES.detail}?id=${item.id}` })} />
          ))}
          <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 条`}</View>
        </View>
      </PageShell>
      {canPublish ? (
        <BottomBar>
          <ActionButton text={kind === 'wish' ? '发布心愿' : kind === 'donation' ? '发布捐赠' : '提交微心愿'} onClick={() => void Taro.navigateTo({ url: `${AID_PAGES.compose}?kind=${kind}` })} />
        </BottomBar>
      ) : null}
    </View>
  )
}
