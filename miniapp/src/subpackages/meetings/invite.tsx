/**
 * MEET-4: who is notified (?id=&action=notify|pre_notice). The candidates come with the type's
 * default selection (the whole branch, the committee or one group); the admin adjusts it and
 * sends; the notice goes to those chosen and the meeting moves on.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { MEETING_ACTION_LABELS, MEETING_ACTIONS, type MeetingAction } from '@dangjian/shared'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { useAction } from '../../hooks/useAction'
import { meetingsApi, notifyMeetingsChanged } from './lib/endpoints'
import '../../styles/common.css'
import './invite.css'

const isAction = (v: unknown): v is MeetingAction => typeof v === 'string' && (MEETING_ACTIONS as readonly string[]).includes(v)

export default function MeetingInvitePage() {
  const { params } = useRouter()
  const id = Number(params.id) || 0
  const action: MeetingAction = isAction(params.action) ? params.action : 'notify'
  const candidates = useRemote(() => meetingsApi.candidates(id), [id])
  const [chosen, setChosen] = useState<Set<number>>(new Set())
  const act = useAction()
  const list = candidates.data ?? []
  useEffect(() => setChosen(new Set(list.filter((c) => c.selected).map((c) => c.memberId))), [candidates.data])

  const toggle = (memberId: number) => {
    act.setError(null)
    setChosen((s) => {
      const next = new Set(s)
      if (next.has(memberId)) next.delete(memberId)
      else next.add(memberId)
      return next
    })
  }
  const all = chosen.size === list.length && list.length > 0

  const send = () => {
    if (!chosen.size) return act.setError('请至少选择一名参会人员')
    void act.run('send', async () => {
      await meetingsApi.transition(id, action, { invitees: list.filter((c) => chosen.has(c.memberId)).map((c) => c.memberId) })
      notifyMeetingsChanged()
      void Taro.showToast({ title: `已通知 ${chosen.size} 人`, icon: 'success', duration: 1200 })
      setTimeout(() => void Taro.navigateBack(), 600)
    })
  }

  return (
    <View className='dj-page mt-invite'>
      <PageShell loading={candidates.loading && !candidates.data} error={candidates.data ? null : candidates.error} onRetry={candidates.reload} empty={!list.length} emptyTitle='没有可邀请的党员'>
        <View className='mt-invite__bar'>
          <Text className='mt-invite__count'>{`已选 ${chosen.size}/${list.length} 人`}</Text>
          <Text className='bp-link' onClick={() => setChosen(all ? new Set() : new Set(list.map((c) => c.memberId)))}>
            {all ? '全不选' : '全选'}
          </Text>
        </View>
        <View className='dj-card dj-list mt-invite__list'>
          {list.map((c) => {
            const on = chosen.has(c.memberId)
            return (
              <View key={c.memberId} className={`dj-row mt-invite__row${on ? ' mt-invite__row--on' : ''}`} aria-checked={on ? 'true' : 'false'} onClick={() => toggle(c.memberId)}>
                <View className='mt-invite__check'>{on ? <Text>✓</Text> : null}</View>
                <Text className='dj-row__text'>{c.name}</Text>
                {c.committee ? <Text className='bp-tag bp-tag--red'>支委</Text> : null}
                {c.probationary ? <Text className='bp-tag bp-tag--gold'>预备党员</Text> : null}
              </View>
            )
          })}
        </View>
        <BottomBar>
          {act.error ? <Text className='bp-form-error mt-invite__error'>{act.error}</Text> : null}
          <ActionButton className='mt-invite__send' text={`${MEETING_ACTION_LABELS[action]}（${chosen.size} 人）`} loading={act.busy !== null} loadingText='正在发送…' onClick={send} />
        </BottomBar>
      </PageShell>
    </View>
  )
}
