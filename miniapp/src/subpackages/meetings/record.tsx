/**
 * The record form (?id=&action=record|summarize|record_followup&field=minutes|summary|followup):
 * 会议纪要 (with a general assembly's resolution and its vote, MEET-6), 党课总结 or 会后整改工作记录.
 * 保存并提交 saves it (PATCH /meetings/:id/record) and then takes the step; a refused step leaves the
 * text saved, and says why.
 */
import { useState } from 'react'
import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { MeetingAction, MeetingDetail } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { useAction } from '../../hooks/useAction'
import { meetingsApi, notifyMeetingsChanged } from './lib/endpoints'
import { RECORD_LABELS, RECORD_MAX, recordDraftFrom, toRecordRequest, validateRecord, type RecordDraft, type RecordErrors } from './lib/form'
import type { RecordField } from './lib/rules'
import '../../styles/common.css'
import './record.css'

const FIELDS: RecordField[] = ['minutes', 'summary', 'followup']
const ACTION_OF: Record<RecordField, MeetingAction> = { minutes: 'record', summary: 'summarize', followup: 'record_followup' }

function RecordForm({ detail, field }: { detail: MeetingDetail; field: RecordField }) {
  const [draft, setDraft] = useState<RecordDraft>(() => recordDraftFrom(detail, field))
  const [errors, setErrors] = useState<RecordErrors>({})
  const act = useAction()
  const action = ACTION_OF[field]
  const withResolution = field === 'minutes' && detail.type === 'general_assembly'
  const r = draft.resolution
  const setR = (patch: Partial<NonNullable<RecordDraft['resolution']>>) => {
    setDraft((d) => ({ ...d, resolution: d.resolution ? { ...d.resolution, ...patch } : d.resolution }))
    setErrors((e) => ({ ...e, resolution: undefined }))
  }

  const submit = () => {
    const local = validateRecord(field, draft)
    setErrors(local)
    act.setError(null)
    if (Object.keys(local).length) return
    void act.run('send', async () => {
      await meetingsApi.record(detail.id, toRecordRequest(field, draft, detail.quorum))
      notifyMeetingsChanged()
      if (detail.actions.includes(action)) await meetingsApi.transition(detail.id, action)
      notifyMeetingsChanged()
      void Taro.showToast({ title: '已提交', icon: 'success', duration: 1200 })
      setTimeout(() => void Taro.navigateBack(), 600)
    })
  }

  return (
    <View className='dj-card mt-record'>
      <Text className='mt-record__title'>{detail.title}</Text>
      <View className={`dj-field dj-field--record-text${errors.text ? ' dj-field--error' : ''}`}>
        <Text className='dj-field__label'>{RECORD_LABELS[field]}</Text>
        <Textarea
          className='bp-textarea mt-record__text'
          value={draft.text}
          maxlength={RECORD_MAX}
          placeholder={field === 'minutes' ? '会议时间、地点、主持人、议程、发言和决定事项' : `请填写${RECORD_LABELS[field]}`}
          placeholderClass='dj-field__placeholder'
          onInput={(e) => {
            setDraft((d) => ({ ...d, text: String(e.detail.value ?? '') }))
            setErrors((x) => ({ ...x, text: undefined }))
          }}
        />
        {errors.text ? <Text className='dj-field__error'>{errors.text}</Text> : null}
      </View>
      {withResolution ? (
        <View className={`dj-field dj-field--resolution${errors.resolution ? ' dj-field--error' : ''}`}>
          <View className='mt-record__switch'>
            <Text className='dj-field__label mt-record__switch-label'>会议表决事项</Text>
            <Switch checked={!!r} color='#c8161d' onChange={(e) => setDraft((d) => ({ ...d, resolution: e.detail.value ? { text: '', votesFor: '', votesAgainst: '0', abstentions: '0' } : null }))} />
          </View>
          {r ? (
            <View>
              <Textarea className='bp-textarea mt-record__resolution' value={r.text} maxlength={500} placeholder='决议内容' placeholderClass='dj-field__placeholder' onInput={(e) => setR({ text: String(e.detail.value ?? '') })} />
              <View className='mt-record__votes'>
                {(
                  [
                    ['votesFor', '赞成'],
                    ['votesAgainst', '反对'],
                    ['abstentions', '弃权'],
                  ] as const
                ).map(([k, label]) => (
                  <View key={k} className='mt-record__vote'>
                    <Text className='mt-record__vote-label'>{label}</Text>
                    <Input className='dj-field__input mt-record__vote-input' type='number' maxlength={5} value={r[k]} onInput={(e) => setR({ [k]: String(e.detail.value ?? '') })} />
                  </View>
                ))}
              </View>
              {detail.quorum ? <Text className='dj-field__hint'>{`正式党员 ${detail.quorum.fullMembers} 人，赞成票超过半数（${Math.floor(detail.quorum.fullMembers / 2) + 1} 票及以上）且到会过半数方为通过`}</Text> : null}
            </View>
          ) : null}
          {errors.resolution ? <Text className='dj-field__error'>{errors.resolution}</Text> : null}
        </View>
      ) : null}
      {act.error ? <Text className='bp-form-error'>{act.error}</Text> : null}
      <ActionButton className='mt-record__submit' text={detail.actions.includes(action) ? '保存并提交' : '保存'} loading={act.busy !== null} loadingText='正在提交…' onClick={submit} />
    </View>
  )
}

export default function MeetingRecordPage() {
  const { params } = useRouter()
  const id = Number(params.id) || 0
  const field: RecordField = FIELDS.includes(params.field as RecordField) ? (params.field as RecordField) : 'minutes'
  const detail = useRemote(() => meetingsApi.detail(id), [id])
  return (
    <View className='dj-page mt-record-page'>
      <PageShell loading={detail.loading && !detail.data} error={detail.data ? null : detail.error} onRetry={detail.reload}>
        {detail.data ? <RecordForm detail={detail.data} field={field} /> : null}
      </PageShell>
    </View>
  )
}
