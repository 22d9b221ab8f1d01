/**
 * The caller's next steps on an item (the server's availableActions), one button each; a
 * rejection asks for its reason in a box above the buttons, other steps are confirmed. The updated item is passed up.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AID_ACTION_LABELS, type AidAction, type AidItemDetail } from '@dangjian/shared'
import { useAction } from '../../hooks/useAction'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { actionButtons, needsReason } from '../../lib/aid'
import { aidApi, notifyAidChanged } from '../../services/aid'
import './aid.css'

/** Other steps than rejections are confirmed before they are sent. */
async function confirmStep(action: AidAction): Promise<boolean> {
  const label = AID_ACTION_LABELS[action]
  const r = await Taro.showModal({ title: label, content: `确定${label}吗？`, confirmColor: '#c8161d' })
  return !!r.confirm
}

export default function AidActions({ detail, onChange }: { detail: AidItemDetail; onChange: (d: AidItemDetail) => void }) {
  const act = useAction<AidAction>()
  /** A rejection waiting for its reason (typed in the box above the buttons). */
  const [asking, setAsking] = useState<AidAction | null>(null)
  const [reason, setReason] = useState('')
  const buttons = actionButtons(detail)
  if (!buttons.length) return null
  const send = (action: AidAction, why?: string) =>
    act.run(action, async () => {
      onChange(await aidApi.transition(detail.id, action, why))
      notifyAidChanged()
      setAsking(null)
      setReason('')
      void Taro.showToast({ title: '已办理', icon: 'success', duration: 1200 })
    })
  const run = async (action: AidAction) => {
    if (needsReason(detail.kind, detail.state, action)) return setAsking(action)
    if (await confirmStep(action)) await send(action)
  }
  const submitReason = () => {
    if (!asking) return
    if (!reason.trim()) return act.setError('请填写驳回原因')
    void send(asking, reason.trim())
  }
  if (asking) {
    return (
      <View className='aid-actions'>
        <Textarea className='bp-textarea aid-actions__reason' value={reason} maxlength={500} placeholder='请填写驳回原因（发布人会看到）' placeholderClass='dj-field__placeholder' onInput={(e) => setReason(String(e.detail.value ?? ''))} />
        {act.error ? <Text className='bp-form-error'>{act.error}</Text> : null}
        <View className='aid-actions__row'>
          <ActionButton className='aid-actions__button' kind='ghost' text='取消' disabled={!!act.busy} onClick={() => setAsking(null)} />
          <ActionButton className='aid-actions__button' text={`确认${AID_ACTION_LABELS[asking]}`} loading={act.busy === asking} onClick={submitReason} />
        </View>
      </View>
    )
  }
  return (
    <View className='aid-actions'>
      {act.error ? <Text className='bp-form-error'>{act.error}</Text> : null}
      <View className='aid-actions__row'>
        {buttons.map((b) => (
          <ActionButton
            key={b.action}
            className='aid-actions__button'
            kind={b.action === 'reject' || b.action === 'withdraw' ? 'ghost' : 'primary'}
            text={b.text}
            loading={act.busy === b.action}
            disabled={!!act.busy && act.busy !== b.action}
            onClick={() => void run(b.action)}
          />
        ))}
      </View>
    </View>
  )
}
