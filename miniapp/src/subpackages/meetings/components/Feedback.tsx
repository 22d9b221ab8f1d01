/**
 * MEET-4: an invited member answers 参加 or 请假 (with the reason) while the meeting is notified and
 * before the feedback deadline, and may change the answer until then. A refusal (e.g. past the
 * deadline) shows under the buttons.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeetingDetail } from '@dangjian/shared'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { useAction } from '../../../hooks/useAction'
import { formatDateTime } from '../../../lib/time'
import { meetingsApi } from '../lib/endpoints'
import { REASON_MAX } from '../lib/form'
import { feedbackWindow } from '../lib/rules'
import '../../../styles/common.css'
import './panels.css'

export interface FeedbackProps {
  detail: MeetingDetail
  /** After an answer was saved. */
  onSaved: () => void
}

const ANSWER: Record<'attend' | 'leave', string> = { attend: '参加', leave: '请假' }

export default function Feedback({ detail, onSaved }: FeedbackProps) {
  const [leaving, setLeaving] = useState(false)
  const [reason, setReason] = useState('')
  const act = useAction<'attend' | 'leave'>()
  const win = feedbackWindow(detail)
  const mine = detail.myFeedback ?? null
  // Shown while the answer matters: before the meeting (once it is held, check-in counts).
  if (!detail.invited || (!win.open && !('why' in win && win.why) && !(mine && detail.phase === 'upcoming'))) return null

  const send = (attend: boolean) => {
    if (!attend && !reason.trim()) return act.setError('请填写请假事由')
    void act.run(attend ? 'attend' : 'leave', async () => {
      await meetingsApi.feedback(detail.id, attend, attend ? undefined : reason.trim())
      setLeaving(false)
      void Taro.showToast({ title: attend ? '已反馈参加' : '已提交请假', icon: 'none', duration: 1500 })
      onSaved()
    })
  }

  return (
    <View className='dj-card mt-panel mt-feedback'>
      <View className='dj-section-title'>参会反馈</View>
      {mine ? (
        <Text className={`mt-feedback__mine mt-feedback__mine--${mine}`}>{`您已反馈：${ANSWER[mine]}`}</Text>
      ) : (
        <Text className='mt-feedback__mine'>您尚未反馈是否参会</Text>
      )}
      {win.open ? (
        <View>
          <Text className='mt-panel__hint mt-feedback__deadline'>{`反馈截止时间 ${formatDateTime(win.deadline)}${mine ? '，截止前可以修改' : ''}`}</Text>
          <View className='dj-button-row'>
            <ActionButton className='mt-feedback__attend' text='参加' kind={mine === 'attend' ? 'primary' : 'ghost'} loading={act.busy === 'attend'} loadingText='提交中…' onClick={() => send(true)} />
            <ActionButton
              className='mt-feedback__leave'
              text='请假'
              kind={mine === 'leave' || leaving ? 'gold' : 'ghost'}
              disabled={act.busy !== null}
              onClick={() => {
                setLeaving(true)
                act.setError(null)
              }}
            />
          </View>
          {leaving ? (
            <View className={`dj-field mt-feedback__reason${act.error && !reason.trim() ? ' dj-field--error' : ''}`}>
              <Text className='dj-field__label'>请假事由</Text>
              <Textarea
                className='bp-textarea'
                value={reason}
                maxlength={REASON_MAX}
                placeholder='请填写请假事由'
                placeholderClass='dj-field__placeholder'
                onInput={(e) => {
                  setReason(String(e.detail.value ?? ''))
                  act.setError(null)
                }}
              />
              <ActionButton className='mt-feedback__send-leave' kind='gold' text='提交请假' loading={act.busy === 'leave'} loadingText='提交中…' onClick={() => send(false)} />
            </View>
          ) : null}
        </View>
      ) : 'why' in win && win.why ? (
        <Text className='mt-panel__hint mt-feedback__closed'>{win.why}</Text>
      ) : null}
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
    </View>
  )
}
