/**
 * 支部 (tab): the member's own branch — name, member count, its spaces with unread badges
 * (BR-1…BR-10; 书记信箱 only where the branch has a secretary), 支部成员, 组织生活 (the meetings
 * subpackage) and 我的消息.
 * Opening it calls POST /me/branch/enter once per session (BR-9). Everything else lives in the
 * `subpackages/branch` subpackage.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BranchHome, Me } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useTabState } from '../../hooks/useTabState'
import { moduleByKey } from '../../modules'
import { badgeText, BRANCH_PAGES, enterBranchOnce, fetchBranchHome, fetchUnreadMessageCount, listUrl, spaceTiles } from '../../services/branch'
import { fetchMe, getCachedMe, isLoggedIn } from '../../services/session'
import './index.css'

type Ready =
  | { kind: 'guest' }
  | { kind: 'not-member' }
  | { kind: 'ready'; home: BranchHome; unread: number }

const open = (url: string) => void Taro.navigateTo({ url })
const MEETINGS = moduleByKey('meetings')

async function loadBranch(): Promise<Ready> {
  if (!isLoggedIn()) return { kind: 'guest' }
  const me: Me = getCachedMe() ?? (await fetchMe({ toast: false }))
  if (me.memberId === null) return { kind: 'not-member' }
  // BR-9 may make this member the branch's admin: enter first, then read the home. A failed
  // enter is tried again on the next visit and does not keep the member out.
  await enterBranchOnce(me.userId).catch(() => undefined)
  const [home, unread] = await Promise.all([
    fetchBranchHome({ toast: false }),
    fetchUnreadMessageCount({ toast: false }).catch(() => 0),
  ])
  return { kind: 'ready', home, unread }
}

function Badge({ count, className }: { count: number; className: string }) {
  const text = badgeText(count)
  return text ? <Text className={className}>{text}</Text> : null
}

function Ready({ home, unread }: { home: BranchHome; unread: number }) {
  return (
    <View>
      <View className='dj-masthead branch-hero'>
        <Text className='dj-masthead__name branch-hero__name'>{home.orgName}</Text>
        <Text className='dj-masthead__sub branch-hero__meta'>
          {`党员 ${home.memberCount} 人${home.secretaryName ? ` · 书记 ${home.secretaryName}` : ''}`}
        </Text>
        {home.isAdmin ? <Text className='branch-hero__role'>{home.isBranchAdmin ? '支部管理员' : '上级管理员'}</Text> : null}
      </View>

      <View className='dj-card branch-spaces'>
        <View className='dj-section-title'>支部空间</View>
        <View className='branch-spaces__grid'>
          {spaceTiles(home).map((s) => (
            <View key={s.kind} className={`branch-space branch-space--${s.kind}`} hoverClass='branch-space--hover' onClick={() => open(listUrl(s.kind))}>
              <View className='branch-space__icon'>
                <Text>{Array.from(s.label)[0]}</Text>
                <Badge count={s.unread} className='branch-badge branch-space__badge' />
              </View>
              <Text className='branch-space__label'>{s.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='dj-card dj-list branch-links'>
        <View className='dj-row branch-link branch-link--members' hoverClass='dj-row--hover' onClick={() => open(BRANCH_PAGES.members)}>
          <Text className='dj-row__text'>支部成员</Text>
          <Text className='branch-link__extra'>{`${home.memberCount} 人`}</Text>
          <Text className='dj-row__arrow'>›</Text>
        </View>
        <View className='dj-row branch-link branch-link--meetings' hoverClass='dj-row--hover' onClick={() => open(MEETINGS.path)}>
          <Text className='dj-row__text'>组织生活</Text>
          <Text className='branch-link__extra'>会议通知、签到</Text>
          <Text className='dj-row__arrow'>›</Text>
        </View>
        <View className='dj-row branch-link branch-link--messages' hoverClass='dj-row--hover' onClick={() => open(BRANCH_PAGES.messages)}>
          <Text className='dj-row__text'>我的消息</Text>
          <Badge count={unread} className='branch-badge' />
          <Text className='dj-row__arrow'>›</Text>
        </View>
      </View>
    </View>
  )
}

export default function BranchTab() {
  // Loaded on every visit: the badges change as the member reads.
  const { state, retry } = useTabState(loadBranch)

  return (
    <View className='dj-page branch-tab'>
      <PageShell
        loading={state.kind === 'loading'}
        error={state.kind === 'error' ? state.error : null}
        onRetry={retry}
        empty={state.kind === 'guest' || state.kind === 'not-member'}
        emptyTitle={state.kind === 'guest' ? '登录后进入网上支部' : '暂未关联党员身份'}
        emptyText={
          state.kind === 'guest'
            ? '党员激活账号或登录后，可以在这里查看本支部的通知、动态和组织生活。'
            : '网上支部向本支部党员开放。您的账号没有关联党员信息，如有疑问请联系所在支部。'
        }
        emptyAction={state.kind === 'guest' ? { text: '去登录', onClick: () => open('/pages/login/index') } : undefined}
      >
        {state.kind === 'ready' ? <Ready home={state.home} unread={state.unread} /> : null}
      </PageShell>
    </View>
  )
}
