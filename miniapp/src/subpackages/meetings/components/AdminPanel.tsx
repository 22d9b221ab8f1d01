/**
 * For the meeting's admins (detail.isAdmin) and reviewers: the next steps (detail.actions, named by
 * MEETING_ACTION_LABELS) — 发送会议通知 opens the invitee picker, 填写会议纪要 / 党课总结 / 整改记录 the
 * record form, 退回 asks for the reason, the rest confirm and go — 开启签到 / 关闭签到, and the invitees'
 * answers and presence.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MEETING_ACTION_LABELS, type MeetingAction, type MeetingCheckinCode, type MeetingDetail } from '@dangjian/shared'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { useAction } from '../../../hooks/useAction'
import { formatShort } from '../../../lib/time'
import { confirm } from '../lib/confirm'
import { meetingsApi } from '../lib/endpoints'
import { REASON_MAX } from '../lib/form'
import { MEETING_PAGES } from '../lib/pages'
import { actionKind, checkinSwitchable, feedbackCounts } from '../lib/rules'
import '../../../styles/common.css'
import './panels.css'
import './AdminPanel.css'

export interface AdminPanelProps {
  detail: MeetingDetail
  onChanged: (detail: MeetingDetail) => void
}

function Counts({ detail }: { detail: MeetingDetail }) {
  const c = feedbackCounts(detail.invitees ?? [])
  const cells: Array<[string, string | number]> = [
    ['应参会', detail.invitedCount],
    ['参加', c.attend],
    ['请假', c.leave],
    ['未反馈', c.none],
    ['已签到', detail.presentCount],
  ]
  return (
    <View>
      <View className='mt-admin__counts'>
        {cells.map(([k, n]) => (
          <View key={k} className='mt-admin__count'>
            <Text className='mt-admin__count-n'>{n}</Text>
            <Text className='mt-admin__count-k'>{k}</Text>
          </View>
        ))}
      </View>
      {detail.requiredRatio != null ? <Text className='mt-panel__hint'>{`要求参会比例 ${detail.requiredRatio}%${detail.actualRatio != null ? `，实际到会 ${detail.actualRatio}%` : ''}`}</Text> : null}
      {detail.quorum ? (
        <Text className={`mt-panel__hint${detail.quorum.reached ? '' : ' mt-admin__warn'}`}>
          {`正式党员 ${detail.quorum.fullMembers} 人，到会 ${detail.quorum.fullPresent} 人，${detail.quorum.reached ? '已过半数' : '未过半数，会议决议无效'}`}
        </Text>
      ) : null}
    </View>
  )
}

function Invitees({ detail }: { detail: MeetingDetail }) {
  const [all, setAll] = useState(false)
  const list = detail.invitees ?? []
  if (!list.length) return null
  const shown = all ? list : list.slice(0, 8)
  return (
    <View className='mt-admin__invitees'>
      <Text className='mt-admin__sub'>参会人员</Text>
      {shown.map((i) => (
        <View key={i.memberId} className='dj-row mt-admin__person'>
          <View className='mt-admin__person-main'>
            <Text className='mt-admin__name'>{`${i.name}${i.probationary ? '（预备）' : ''}`}</Text>
            {i.feedback === 'leave' && i.leaveReason ? <Text className='mt-admin__reason'>{`请假：${i.leaveReason}`}</Text> : null}
          </View>
          {i.feedback ? <Text className={`bp-tag ${i.feedback === 'attend' ? 'bp-tag--green' : 'bp-tag--gold'}`}>{i.feedback === 'attend' ? '参加' : '请假'}</Text> : <Text className='bp-tag bp-tag--grey'>未反馈</Text>}
          {i.checkedInAt ? <Text className='bp-tag bp-tag--red'>{`签到 ${formatShort(i.checkedInAt)}`}</Text> : i.present ? <Text className='bp-tag bp-tag--red'>到会</Text> : null}
        </View>
      ))}
      {list.length > shown.length || all ? (
        <Text className='bp-link mt-admin__more' onClick={() => setAll(!all)}>
          {all ? '收起' : `查看全部 ${list.length} 人`}
        </Text>
      ) : null}
    </View>
  )
}

/** While check-in is open: the current code (it rotates), for a meeting without the big screen. */
function CheckinCode({ meetingId }: { meetingId: number }) {
  const [code, setCode] = useState<MeetingCheckinCode | null>(null)
  const act = useAction()
  const show = () => void act.run('send', async () => setCode(await meetingsApi.checkinCode(meetingId)))
  return (
    <View className='mt-admin__code'>
      <Text className='mt-panel__hint'>签到进行中：党员扫描签到大屏上的二维码，或在会场定位签到。</Text>
      {code ? (
        <View className='mt-admin__code-box'>
          <Text className='mt-admin__code-text' userSelect>{code.code}</Text>
          <Text className='mt-admin__code-meta'>{`已签到 ${code.presentCount}/${code.invitedCount} · ${formatShort(code.expiresAt)} 前有效`}</Text>
        </View>
      ) : null}
      <ActionButton className='mt-admin__code-show' kind='plain' text={code ? '刷新签到码' : '查看签到码'} loading={act.busy !== null} onClick={show} />
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
    </View>
  )
}

export default function AdminPanel({ detail, onChanged }: AdminPanelProps) {
  const act = useAction<MeetingAction | 'checkin'>()
  const [asking, setAsking] = useState<MeetingAction | null>(null)
  const [reason, setReason] = useState('')
  const busy = act.busy

  const go = (action: MeetingAction, extra?: { reason?: string }) =>
    act.run(action, async () => {
      onChanged(await meetingsApi.transition(detail.id, action, extra))
      setAsking(null)
      setReason('')
      void Taro.showToast({ title: `已${MEETING_ACTION_LABELS[action]}`, icon: 'none', duration: 1500 })
    })

  const take = async (action: MeetingAction) => {
    const how = actionKind(detail, action)
    act.setError(null)
    if (how.kind === 'invitees') return void Taro.navigateTo({ url: `${MEETING_PAGES.invite}?id=${detail.id}&action=${action}` })
    if (how.kind === 'record') return void Taro.navigateTo({ url: `${MEETING_PAGES.record}?id=${detail.id}&action=${action}&field=${how.field}` })
    if (how.kind === 'reason') return setAsking(action)
    if (await confirm(MEETING_ACTION_LABELS[action], `确定${MEETING_ACTION_LABELS[action]}吗？`)) await go(action)
  }

  const switchCheckin = () => void act.run('checkin', async () => onChanged(await meetingsApi.checkinSwitch(detail.id, !detail.checkinOpen)))

  return (
    <View className='dj-card mt-panel mt-admin'>
      <View className='dj-section-title'>会议管理</View>
      {detail.isAdmin ? <Counts detail={detail} /> : null}
      {detail.actions.length ? (
        <View className='mt-admin__actions'>
          {detail.actions.map((a) => (
            <ActionButton key={a} className={`mt-admin__action mt-admin__action--${a}`} text={MEETING_ACTION_LABELS[a]} loading={busy === a} loadingText='办理中…' disabled={busy !== null && busy !== a} onClick={() => void take(a)} />
          ))}
        </View>
      ) : (
        <Text className='mt-panel__hint'>当前环节没有需要您办理的事项</Text>
      )}
      {asking ? (
        <View className='dj-field mt-admin__reason-field'>
          <Text className='dj-field__label'>{`${MEETING_ACTION_LABELS[asking]}理由`}</Text>
          <Textarea className='bp-textarea' value={reason} maxlength={REASON_MAX} placeholder='请填写理由' placeholderClass='dj-field__placeholder' onInput={(e) => setReason(String(e.detail.value ?? ''))} />
          <View className='dj-button-row'>
            <ActionButton kind='plain' text='取消' onClick={() => setAsking(null)} />
            <ActionButton text={`确认${MEETING_ACTION_LABELS[asking]}`} loading={busy === asking} onClick={() => (reason.trim() ? void go(asking, { reason: reason.trim() }) : act.setError('请填写理由'))} />
          </View>
        </View>
      ) : null}
      {detail.isAdmin && checkinSwitchable(detail) ? (
        <ActionButton
          className='mt-admin__checkin'
          kind={detail.checkinOpen ? 'plain' : 'gold'}
          text={detail.checkinOpen ? '关闭签到' : '开启签到'}
          loading={busy === 'checkin'}
          onClick={switchCheckin}
        />
      ) : null}
      {detail.isAdmin && detail.checkinOpen ? <CheckinCode meetingId={detail.id} /> : null}
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
      {detail.isAdmin ? <Invitees detail={detail} /> : null}
    </View>
  )
}
