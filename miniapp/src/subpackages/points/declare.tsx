/**
 * 我要申报 (PTS-3): one of the tenant's enabled declared rules, what I did, up to 9 images as
 * evidence. Checked before sending (lib/declare.ts); the server's refusal shows under the form.
 * Sent, the page goes back to my declarations (待审核).
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BranchImage } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { errorMessage } from '../../services/errors'
import ImagePicker from '../branch/components/ImagePicker'
import SelectField from '../meetings/components/SelectField'
import { declarableRules, DECLARATION_MAX_CHARS, DECLARATION_MAX_IMAGES, ruleOption, toDeclarationRequest, validateDeclaration, type DeclarationErrors } from './lib/declare'
import { notifyDeclared, pointsApi, POINTS_PAGES } from './lib/endpoints'
import '../../styles/common.css'
import './points.css'

export default function PointsDeclarePage() {
  const r = useRemote(() => pointsApi.rules(), [])
  const rules = r.data ?? []
  const options = declarableRules(rules)
  const [ruleCode, setRuleCode] = useState('')
  const [content, setContent] = useState('')
  const [images, setImages] = useState<BranchImage[]>([])
  const [errors, setErrors] = useState<DeclarationErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const draft = { ruleCode, content, images: images.map((i) => i.key) }
    const local = validateDeclaration(draft, rules)
    setErrors(local)
    setFormError(null)
    if (Object.keys(local).length) return
    setBusy(true)
    try {
      await pointsApi.declare(toDeclarationRequest(draft))
      notifyDeclared()
      void Taro.showToast({ title: '已提交，等待支部审核', icon: 'none', duration: 1500 })
      const pages = Taro.getCurrentPages()
      if (pages.length > 1 && pages[pages.length - 2]?.route?.includes('points/declarations')) void Taro.navigateBack()
      else void Taro.redirectTo({ url: POINTS_PAGES.declarations })
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const index = options.findIndex((o) => o.code === ruleCode)
  return (
    <View className='dj-page pt-page pt-declare'>
      <PageShell
        loading={r.loading && !r.data}
        error={r.data ? null : r.error}
        onRetry={r.reload}
        empty={!!r.data && !options.length}
        emptyTitle='暂无可申报的事项'
        emptyText='本单位还没有开放积分申报事项，请联系管理员。'
      >
        <View className='dj-card'>
          <SelectField
            name='rule'
            label='申报事项'
            options={options.map(ruleOption)}
            index={index}
            placeholder='请选择申报事项'
            onChange={(i) => {
              setRuleCode(options[i]?.code ?? '')
              setErrors((e) => ({ ...e, ruleCode: undefined }))
            }}
            error={errors.ruleCode}
          />
          <View className={`dj-field dj-field--content${errors.content ? ' dj-field--error' : ''}`}>
            <Text className='dj-field__label'>申报说明</Text>
            <Textarea
              className='bp-textarea'
              value={content}
              maxlength={DECLARATION_MAX_CHARS}
              placeholder='时间、地点、做了什么，可附照片作为证明'
              placeholderClass='dj-field__placeholder'
              onInput={(e) => {
                setContent(String(e.detail.value ?? ''))
                setErrors((x) => ({ ...x, content: undefined }))
              }}
            />
            {errors.content ? <Text className='dj-field__error'>{errors.content}</Text> : null}
          </View>
          <View className='dj-field dj-field--images'>
            <Text className='dj-field__label'>{`证明材料（可选，最多 ${DECLARATION_MAX_IMAGES} 张）`}</Text>
            <ImagePicker images={images} max={DECLARATION_MAX_IMAGES} onChange={setImages} error={errors.images} />
          </View>
          <Text className='pt-compose__hint'>支部审核通过后计入积分；每项积分有周期上限，超出部分不再计分。</Text>
          {formError ? <Text className='bp-form-error'>{formError}</Text> : null}
          <ActionButton text='提交申报' loading={busy} loadingText='正在提交…' onClick={() => void submit()} />
        </View>
      </PageShell>
    </View>
  )
}
