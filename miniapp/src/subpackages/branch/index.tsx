/**
 * One space of the online branch (?kind=notice…letter): its posts newest first, 20 at a time
 * (more on reaching the bottom, pull down to refresh), 全部 / 我的 where others' posts show, and the
 * post button for those the space lets post (BRANCH_SPACES publisher).
 */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { BRANCH_SPACES, type BranchHome, type BranchKind } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { BRANCH_PAGES, fetchBranchHome, postUrl } from '../../services/branch'
import BottomBar from '../../components/BottomBar'
import PostCard from './components/PostCard'
import Segmented from '../../components/Segmented'
import { branchApi, onBranchChanged } from './lib/endpoints'
import { canPost, isBranchKind, mineFilterVisible } from './lib/spaces'
import { usePaged } from '../../hooks/usePaged'
import '../../styles/common.css'
import './index.css'

const POST_BUTTON: Partial<Record<BranchKind, string>> = {
  thought_report: '提交思想汇报',
  suggestion: '提出建议',
  letter: '给书记写信',
}

const EMPTY_TEXT: Partial<Record<BranchKind, string>> = {
  thought_report: '思想汇报只有支部管理员能看到。',
  letter: '信件只有支部书记能看到，书记会在这里回复您。',
}

type Filter = 'all' | 'mine'

function Toolbar({ kind, home, filter, onFilter }: { kind: BranchKind; home: BranchHome; filter: Filter; onFilter: (f: Filter) => void }) {
  if (!mineFilterVisible(kind, home)) return null
  return (
    <View className='branch-list__toolbar'>
      <Segmented
        options={[
          { value: 'all', text: '全部' },
          { value: 'mine', text: '我的' },
        ]}
        value={filter}
        onChange={onFilter}
      />
    </View>
  )
}

export default function BranchSpacePage() {
  const { params } = useRouter()
  const kind: BranchKind = isBranchKind(params.kind) ? params.kind : 'notice'
  const rule = BRANCH_SPACES[kind]
  const [filter, setFilter] = useState<Filter>('all')
  const home = useRemote(() => fetchBranchHome({ toast: false }), [])
  const list = usePaged((page, size) => branchApi.posts(kind, filter === 'mine', page, size), [kind, filter])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: rule.label })
  }, [rule.label])

  useEffect(() => onBranchChanged(() => void list.reload()), [list.reload])

  usePullDownRefresh(() => {
    void Promise.all([list.reload(), home.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })

  const open = (id: number) => {
    list.setItems((items) => items.map((p) => (p.id === id ? { ...p, read: true } : p)))
    void Taro.navigateTo({ url: postUrl(id) })
  }
  const retry = () => {
    void home.reload()
    void list.reload()
  }

  return (
    <View className='dj-page branch-list'>
      <PageShell
        loading={(home.loading && !home.data) || list.loading}
        error={home.data ? list.error : home.error}
        onRetry={retry}
      >
        {home.data ? (
          <View>
            <Toolbar kind={kind} home={home.data} filter={filter} onFilter={setFilter} />
            <PageShell
              empty={!list.items.length}
              emptyTitle={filter === 'mine' ? `您还没有${rule.label}` : `暂无${rule.label}`}
              emptyText={EMPTY_TEXT[kind]}
            >
              <View className='branch-list__items'>
                {list.items.map((p) => (
                  <PostCard key={p.id} post={p} onOpen={() => open(p.id)} />
                ))}
              </View>
              <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 条`}</View>
            </PageShell>
            {canPost(kind, home.data) ? (
              <BottomBar>
                <ActionButton text={POST_BUTTON[kind] ?? `发布${rule.label}`} onClick={() => void Taro.navigateTo({ url: `${BRANCH_PAGES.compose}?kind=${kind}` })} />
              </BottomBar>
            ) : null}
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
