/**
 * 组织生活 (MEET-1…MEET-12): 我的会议 — the meetings the caller is invited to — in three tabs
 * 未开始 / 进行中 / 已结束 (?phase=), 20 at a time (more on reaching the bottom, pull down to
 * refresh). Branch admins also see 支部会议 (all of the branch's meetings), 督办 and 新建会议.
 */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import type { BranchHome, MeetingPhase } from '@dangjian/shared'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { usePaged } from '../../hooks/usePaged'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { LOGIN_PAGE } from '../../services/api'
import { fetchBranchHome } from '../../services/branch'
import { isLoggedIn } from '../../services/session'
import MeetingCard from './components/MeetingCard'
import Supervision from './components/Supervision'
import { meetingsApi, onMeetingsChanged } from './lib/endpoints'
import { MEETING_PAGES, detailUrl } from './lib/pages'
import { isPhase, PHASE_TABS } from './lib/rules'
import '../../styles/common.css'
import './index.css'

type Scope = 'mine' | 'branch'

const EMPTY_TITLE: Record<MeetingPhase, string> = { upcoming: '暂无未开始的会议', ongoing: '暂无进行中的会议', ended: '暂无已结束的会议' }

/** The branch the caller administers, if any (not a member of a branch: none). */
async function adminHome(): Promise<BranchHome | null> {
  const home = await fetchBranchHome({ toast: false }).catch(() => null)
  return home?.isAdmin ? home : null
}

export default function MeetingsPage() {
  const { params } = useRouter()
  const loggedIn = isLoggedIn()
  const [phase, setPhase] = useState<MeetingPhase>(isPhase(params.phase) ? params.phase : 'upcoming')
  const [scope, setScope] = useState<Scope>('mine')
  const home = useRemote(() => (loggedIn ? adminHome() : Promise.resolve(null)), [loggedIn])
  const admin = home.data ?? null
  const branchScope = scope === 'branch' && admin !== null
  const list = usePaged(
    (page, size) => (branchScope ? meetingsApi.ofBranch(admin.orgId, phase, page, size) : meetingsApi.mine(phase, page, size)),
    [branchScope, admin?.orgId, phase],
  )

  useEffect(() => onMeetingsChanged(() => void list.reload()), [list.reload])
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), home.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })

  if (!loggedIn) {
    return (
      <View className='dj-page'>
        <PageShell
          empty
          emptyTitle='登录后查看组织生活'
          emptyText='党员激活账号或登录后，可以在这里查看会议通知、反馈参会、签到和投票。'
          emptyAction={{ text: '去登录', onClick: () => void Taro.navigateTo({ url: LOGIN_PAGE }) }}
        />
      </View>
    )
  }

  return (
    <View className='dj-page mt-list'>
      {admin ? (
        <View className='mt-list__toolbar'>
          <Segmented
            options={[
              { value: 'mine', text: '我的会议' },
              { value: 'branch', text: '支部会议' },
            ]}
            value={scope}
            onChange={setScope}
          />
        </View>
      ) : null}
      {branchScope ? <Supervision /> : null}
      <View className='mt-list__toolbar'>
        <Segmented className='mt-list__phases' options={PHASE_TABS} value={phase} onChange={setPhase} />
      </View>
      <PageShell
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.items.length}
        emptyTitle={EMPTY_TITLE[phase]}
        emptyText={scope === 'mine' ? '支部发出会议通知后，会议会显示在这里。' : undefined}
      >
        <View className='mt-list__items'>
          {list.items.map((m) => (
            <MeetingCard key={m.id} meeting={m} admin={branchScope} onOpen={() => void Taro.navigateTo({ url: detailUrl(m.id) })} />
          ))}
        </View>
        <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 场`}</View>
      </PageShell>
      {admin ? (
        <BottomBar>
          <ActionButton text='新建会议' onClick={() => void Taro.navigateTo({ url: `${MEETING_PAGES.create}?orgId=${admin.orgId}` })} />
        </BottomBar>
      ) : null}
    </View>
  )
}
