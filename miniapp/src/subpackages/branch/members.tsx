/**
 * 支部成员 (BR-8): name, group, committee posts, 未激活 for members without an account; the
 * phone (activated members only) calls on tap. 20 at a time, more on reaching the bottom.
 */
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { COMMITTEE_POST_LABELS, MEMBER_TYPE_LABELS, type BranchMember } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { branchApi } from './lib/endpoints'
import { usePaged } from '../../hooks/usePaged'
import '../../styles/common.css'
import './members.css'

function MemberRow({ m }: { m: BranchMember }) {
  const roles = m.posts.map((p) => COMMITTEE_POST_LABELS[p])
  return (
    <View className='dj-row bp-member'>
      <View className='bp-member__avatar'>
        <Text>{Array.from(m.name)[0]}</Text>
      </View>
      <View className='bp-member__main'>
        <View className='bp-member__line'>
          <Text className='bp-member__name'>{m.name}</Text>
          {roles.map((r) => (
            <Text key={r} className='bp-tag bp-tag--red'>
              {r}
            </Text>
          ))}
          {m.isBranchAdmin && !roles.length ? <Text className='bp-tag bp-tag--gold'>管理员</Text> : null}
          {m.activated ? null : <Text className='bp-tag bp-tag--grey'>未激活</Text>}
        </View>
        <Text className='bp-member__sub'>{[MEMBER_TYPE_LABELS[m.memberType], m.groupName].filter(Boolean).join(' · ')}</Text>
      </View>
      {m.phone ? (
        <Text className='bp-member__phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: m.phone! }).catch(() => undefined)}>
          {m.phone}
        </Text>
      ) : null}
    </View>
  )
}

export default function BranchMembersPage() {
  const list = usePaged((page, size) => branchApi.members(page, size), [])
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.more()
  })
  return (
    <View className='dj-page bp-members'>
      <PageShell loading={list.loading} error={list.error} onRetry={list.reload} empty={!list.items.length} emptyTitle='暂无成员'>
        <View className='dj-card dj-list bp-members__card'>
          {list.items.map((m) => (
            <MemberRow key={m.memberId} m={m} />
          ))}
        </View>
        <View className='bp-more'>{list.loadingMore ? '加载中…' : list.hasMore ? '上拉加载更多' : `共 ${list.total} 人`}</View>
      </PageShell>
    </View>
  )
}
