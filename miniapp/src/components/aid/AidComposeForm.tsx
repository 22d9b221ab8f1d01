/**
 * The publish form of 心愿树 / 微捐赠 / 随手拍: title and text; a wish's category (cash refused
 * here too, mentionsCash); a snapshot's column, 1–9 photos, 拍摄时间 and 地点; other kinds up to 9
 * optional images. Checked before sending (lib/aid.ts); the server's refusal shows under the form.
 * Once published the page is replaced by the item's detail.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AidKind, SnapshotColumn } from '@dangjian/shared'
import DateTimeField from '../DateTimeField'
import Segmented from '../Segmented'
import ActionButton from '../../pages/activate/parts/ActionButton'
import Field from '../../pages/activate/parts/Field'
import ImagePicker from '../../subpackages/branch/components/ImagePicker'
import SelectField from '../../subpackages/meetings/components/SelectField'
import { emptyAidDraft, SNAPSHOT_COLUMNS, toAidRequest, validateAidDraft, WISH_CATEGORY_OPTIONS, type AidDraft, type AidDraftErrors } from '../../lib/aid'
import { beijingDay } from '../../lib/time'
import { aidApi, notifyAidChanged } from '../../services/aid'
import { errorMessage } from '../../services/errors'
import '../../styles/common.css'
import './aid.css'

const TEXTS: Record<AidKind, { title: string; content: string; button: string }> = {
  wish: { title: '心愿', content: '心愿说明（需要什么、用途，不能是现金）', button: '发布心愿' },
  donation: { title: '捐赠物品', content: '物品说明（数量、新旧程度、如何交接）', button: '发布捐赠' },
  snapshot: { title: '标题', content: '说说拍到了什么', button: '发布' },
  micro_wish: { title: '微心愿', content: '心愿说明（需要什么、为什么，不能是现金）', button: '提交微心愿' },
}

export interface AidComposeFormProps {
  kind: AidKind
  column?: SnapshotColumn
  /** Where the published item opens. */
  detailUrl: (id: number) => string
}

export default function AidComposeForm({ kind, column, detailUrl }: AidComposeFormProps) {
  const [draft, setDraft] = useState<AidDraft>(() => emptyAidDraft(column))
  const [errors, setErrors] = useState<AidDraftErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const texts = TEXTS[kind]

  const set = <K extends keyof AidDraft>(key: K, field?: keyof AidDraftErrors) => (value: AidDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (field) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const submit = async () => {
    const local = validateAidDraft(kind, draft)
    setErrors(local)
    setFormError(null)
    if (Object.keys(local).length) return
    setBusy(true)
    try {
      const created = await aidApi.create(toAidRequest(kind, draft))
      notifyAidChanged()
      void Taro.showToast({ title: kind === 'micro_wish' ? '已提交，等待单位审核' : '已提交，等待支部审核', icon: 'none', duration: 1500 })
      void Taro.redirectTo({ url: detailUrl(created.id) })
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const catIndex = WISH_CATEGORY_OPTIONS.findIndex((o) => o.value === draft.category)
  return (
    <View className='dj-card'>
      {kind === 'snapshot' ? <Segmented options={SNAPSHOT_COLUMNS} value={draft.column} onChange={set('column')} /> : null}
      <Field name='title' label={texts.title} value={draft.title} maxlength={100} placeholder='请输入标题' onInput={set('title', 'title')} error={errors.title} />
      {kind === 'micro_wish' ? (
        <View>
          <Field name='contact-name' label='心愿人姓名' value={draft.contactName} maxlength={50} placeholder='提出心愿的群众姓名' onInput={set('contactName', 'contactName')} error={errors.contactName} />
          <Field
            name='contact-phone'
            label='联系电话'
            value={draft.contactPhone}
            maxlength={20}
            placeholder='手机号或带区号的固定电话'
            onInput={set('contactPhone', 'contactPhone')}
            error={errors.contactPhone}
            hint='仅认领人和审核人可见，便于双方联系'
          />
        </View>
      ) : null}
      {kind === 'wish' || kind === 'micro_wish' ? (
        <SelectField
          name='category'
          label={kind === 'wish' ? '心愿类别' : '心愿类别（可选）'}
          options={WISH_CATEGORY_OPTIONS.map((o) => o.text)}
          index={catIndex}
          placeholder='请选择类别'
          onChange={(i) => set('category', 'category')(WISH_CATEGORY_OPTIONS[i]?.value ?? '')}
          error={errors.category}
        />
      ) : null}
      <View className={`dj-field dj-field--content${errors.content ? ' dj-field--error' : ''}`}>
        <Text className='dj-field__label'>内容</Text>
        <Textarea
          className='bp-textarea'
          value={draft.content}
          maxlength={2000}
          placeholder={texts.content}
          placeholderClass='dj-field__placeholder'
          onInput={(e) => set('content', 'content')(String(e.detail.value ?? ''))}
        />
        {errors.content ? <Text className='dj-field__error'>{errors.content}</Text> : null}
      </View>
      {kind === 'snapshot' ? (
        <View>
          <DateTimeField
            name='taken-at'
            label='拍摄时间'
            date={draft.takenDate}
            time={draft.takenTime}
            end={beijingDay(new Date())}
            onDate={set('takenDate', 'takenAt')}
            onTime={set('takenTime', 'takenAt')}
            error={errors.takenAt}
          />
          <Field name='place' label='地点' value={draft.place} maxlength={100} placeholder='请输入拍摄地点' onInput={set('place', 'place')} error={errors.place} />
        </View>
      ) : null}
      <View className='dj-field dj-field--images'>
        <Text className='dj-field__label'>{kind === 'snapshot' ? '照片（1-9 张）' : '图片（可选，最多 9 张）'}</Text>
        <ImagePicker images={draft.images} max={9} onChange={set('images', 'images')} error={errors.images} />
      </View>
      {formError ? <Text className='bp-form-error'>{formError}</Text> : null}
      <ActionButton text={texts.button} loading={busy} loadingText='正在提交…' onClick={() => void submit()} />
    </View>
  )
}
