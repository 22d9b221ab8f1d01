/**
 * The post form of a space (?kind=), built from its rule (BRANCH_SPACES): title where required,
 * content, images (min…max), 召开时间 (org_life), 公示期 and scope (publicity), optional 截止时间
 * (topic). Checked before sending (lib/form.ts); the server's refusals show beside their fields.
 * With ?id= it edits that post: prefilled (kept images stay as keys, new ones are uploaded) and
 * saved with PATCH /branch/posts/:id carrying only the changed fields.
 */
import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { BRANCH_CONTENT_MAX, BRANCH_SPACES, BRANCH_TITLE_MAX, type BranchHome, type BranchKind, type BranchPostDetail } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import Field from '../../pages/activate/parts/Field'
import { fetchBranchHome, postUrl } from '../../services/branch'
import DateTimeField, { type DateTimeFieldProps } from '../../components/DateTimeField'
import ImagePicker from './components/ImagePicker'
import ScopePicker from './components/ScopePicker'
import { branchApi, notifyBranchChanged, notifyPostUpdated } from './lib/endpoints'
import { changedFields, draftFromPost, emptyDraft, serverErrors, toCreateRequest, validateDraft, type DraftErrors, type PostDraft } from './lib/form'
import { isBranchKind } from './lib/spaces'
import { beijingDay } from '../../lib/time'
import '../../styles/common.css'
import './compose.css'

const CONTENT_LABEL: Partial<Record<BranchKind, string>> = {
  org_life: '活动内容',
  topic: '议题说明',
  thought_report: '汇报内容',
  suggestion: '建议内容',
  letter: '信件内容',
}

interface Loaded {
  home: BranchHome
  /** Edit mode: the post as it is. */
  post: BranchPostDetail | null
}

/** A new post goes to the caller's branch; an edited one keeps its own (an upper admin's may be another). */
async function load(id: number): Promise<Loaded> {
  if (!id) return { home: await fetchBranchHome({ toast: false }), post: null }
  const post = await branchApi.detail(id)
  return { home: await fetchBranchHome({ toast: false }, post.orgId), post }
}

/** Back to the post after saving; a compose page opened on its own (no page below) opens the post instead. */
function leaveTo(id: number): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: postUrl(id) })
}

/** The picker pair (date and time) of a draft's date / time fields, checked as `field`. */
type TimedKey = 'held' | 'closes'

function ComposeForm({ kind, home, post }: { kind: BranchKind; home: BranchHome; post: BranchPostDetail | null }) {
  const rule = BRANCH_SPACES[kind]
  const [original] = useState<PostDraft | null>(() => (post ? draftFromPost(post, home.orgId) : null))
  const [draft, setDraft] = useState<PostDraft>(() => original ?? emptyDraft())
  const [errors, setErrors] = useState<DraftErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const today = beijingDay(new Date())

  const set = <K extends keyof PostDraft>(key: K, field: keyof DraftErrors) => (value: PostDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  /** 召开时间 / 截止时间: a date and a time picker over `<key>Date` / `<key>Time`. */
  const timed = (key: TimedKey, props: Omit<DateTimeFieldProps, 'date' | 'time' | 'onDate' | 'onTime' | 'error'>) => {
    const field = key === 'held' ? 'heldAt' : 'closesAt'
    return (
      <DateTimeField
        {...props}
        date={draft[`${key}Date`]}
        time={draft[`${key}Time`]}
        onDate={set(`${key}Date`, field)}
        onTime={set(`${key}Time`, field)}
        error={errors[field]}
      />
    )
  }

  const save = async (): Promise<void> => {
    if (!post || !original) {
      const created = await branchApi.create(toCreateRequest(kind, draft))
      notifyBranchChanged()
      void Taro.showToast({ title: '已发布', icon: 'success', duration: 1200 })
      void Taro.redirectTo({ url: postUrl(created.id) })
      return
    }
    const patch = changedFields(kind, original, draft, home.orgId)
    if (Object.keys(patch).length) notifyPostUpdated(await branchApi.update(post.id, patch, { toast: false }))
    void Taro.showToast({ title: Object.keys(patch).length ? '已保存' : '未作修改', icon: 'none', duration: 1200 })
    leaveTo(post.id)
  }

  const submit = async () => {
    const local = validateDraft(kind, draft, new Date(), original ?? undefined)
    setErrors(local)
    setFormError(null)
    if (Object.keys(local).length) return
    setBusy(true)
    try {
      await save()
    } catch (e) {
      const res = serverErrors(e)
      setErrors(res.fields)
      setFormError(res.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='dj-card'>
      {kind === 'letter' && home.secretaryName ? <Text className='bp-compose__to'>{`致 ${home.secretaryName} 书记（仅书记可见）`}</Text> : null}
      {rule.title === 'required' ? (
        <Field name='title' label='标题' value={draft.title} maxlength={BRANCH_TITLE_MAX} placeholder='请输入标题' onInput={set('title', 'title')} error={errors.title} />
      ) : null}
      <View className={`dj-field dj-field--content${errors.content ? ' dj-field--error' : ''}`}>
        <Text className='dj-field__label'>{CONTENT_LABEL[kind] ?? '内容'}</Text>
        <Textarea
          className='bp-textarea bp-compose__content'
          value={draft.content}
          maxlength={BRANCH_CONTENT_MAX}
          placeholder={kind === 'news' ? '分享支部的新鲜事' : '请输入内容'}
          placeholderClass='dj-field__placeholder'
          onInput={(e) => set('content', 'content')(String(e.detail.value ?? ''))}
        />
        {errors.content ? <Text className='dj-field__error'>{errors.content}</Text> : null}
      </View>
      {rule.heldAt ? timed('held', { name: 'held-at', label: '召开时间', end: today }) : null}
      {rule.period ? (
        <View>
          <DateTimeField name='starts-at' label='公示开始日期' date={draft.startDate} onDate={set('startDate', 'period')} />
          <DateTimeField name='ends-at' label='公示结束日期' date={draft.endDate} start={draft.startDate || undefined} onDate={set('endDate', 'period')} error={errors.period} hint='公示期最长一个月' />
          <ScopePicker home={home} value={draft.scopeOrgId} onChange={set('scopeOrgId', 'period')} />
        </View>
      ) : null}
      {rule.closesAt
        ? timed('closes', {
            name: 'closes-at',
            label: '截止时间（可不填）',
            start: today,
            onClear: () => setDraft((d) => ({ ...d, closesDate: '', closesTime: '' })),
            hint: `${post ? '清除' : '不填'}则长期收集意见；只选日期时截止到当天 23:59`,
          })
        : null}
      {rule.maxImages > 0 ? (
        <View className='dj-field dj-field--images'>
          <Text className='dj-field__label'>{`图片（${rule.minImages ? `至少 ${rule.minImages} 张，` : '可选，'}最多 ${rule.maxImages} 张）`}</Text>
          <ImagePicker images={draft.images} max={rule.maxImages} onChange={set('images', 'images')} error={errors.images} />
        </View>
      ) : null}
      {formError ? <Text className='bp-form-error'>{formError}</Text> : null}
      <ActionButton text={post ? '保存' : kind === 'letter' ? '发送' : '发布'} loading={busy} loadingText='正在提交…' onClick={() => void submit()} />
    </View>
  )
}

export default function BranchComposePage() {
  const { params } = useRouter()
  const id = Number(params.id) || 0
  const loaded = useRemote(() => load(id), [id])
  const post = loaded.data?.post ?? null
  const kind: BranchKind = post ? post.kind : isBranchKind(params.kind) ? params.kind : 'news'
  const label = BRANCH_SPACES[kind].label

  useEffect(() => {
    if (id && !post) return // the kind is known once the post has loaded
    void Taro.setNavigationBarTitle({ title: `${id ? '编辑' : '发布'}${label}` })
  }, [id, post, label])

  return (
    <View className={`dj-page bp-compose${id ? ' bp-compose--edit' : ''}`}>
      <PageShell loading={loaded.loading && !loaded.data} error={loaded.data ? null : loaded.error} onRetry={loaded.reload}>
        {loaded.data ? <ComposeForm kind={kind} home={loaded.data.home} post={post} /> : null}
      </PageShell>
    </View>
  )
}
