/**
 * 党员e家 (SPEC §8) as the pages show it, kept pure for the tests: the list tabs, the timeline drawn
 * from the shared flow (AID_FLOWS), the buttons from the server's availableActions, and the
 * compose form's checks (a wish names a category and never asks for cash; a snapshot has 1–9 photos).
 */
import {
  AID_ACTION_LABELS,
  AID_FLOWS,
  AID_STATE_LABELS,
  mentionsCash,
  WISH_CATEGORIES,
  WISH_CATEGORY_LABELS,
  type AidAction,
  type AidItemCreateRequest,
  type AidItemDetail,
  type AidImage,
  type AidListView,
  type SnapshotColumn,
  type WishCategory,
} from '@dangjian/shared'
import { fromBeijing } from './time'

export type AidTab = 'wish' | 'donation' | 'micro_wish'
export const AID_TABS: Array<{ value: AidTab; text: string }> = [
  { value: 'wish', text: '心愿树' },
  { value: 'donation', text: '微捐赠' },
  { value: 'micro_wish', text: '微心愿' },
]
export const isAidTab = (v: unknown): v is AidTab => v === 'wish' || v === 'donation' || v === 'micro_wish'

/** The list's title and the word for one item. */
export const AID_TAB_NOUNS: Record<AidTab, { title: string; noun: string }> = {
  wish: { title: '心愿树', noun: '心愿' },
  donation: { title: '微捐赠', noun: '捐赠' },
  micro_wish: { title: '微心愿', noun: '微心愿' },
}

export type AidMemberView = Extract<AidListView, 'open' | 'mine' | 'claimed'>
export const AID_VIEWS: Array<{ value: AidMemberView; text: string }> = [
  { value: 'open', text: '待认领' },
  { value: 'mine', text: '我发布的' },
  { value: 'claimed', text: '我认领的' },
]

/**
 * AID-5: micro-wishes (of people outside the party, often the public) are submitted by branch admins
 * only, reviewed by the tenant admin and open to every member of the tenant.
 */
export const canPublishMicroWish = (me: { roles?: Array<{ role: string }> } | null | undefined) => !!me?.roles?.some((r) => r.role === 'branch_admin')

/** A tab's views: 我发布的 of micro-wishes only for those who may submit them. */
export const aidViewsFor = (kind: AidTab, mayPublish: boolean) => (kind === 'micro_wish' && !mayPublish ? AID_VIEWS.filter((v) => v.value !== 'mine') : AID_VIEWS)

/** Whether the caller may publish in a tab (everyone for wishes and donations). */
export const mayPublish = (kind: AidTab, me: { roles?: Array<{ role: string }> } | null | undefined) => kind !== 'micro_wish' || canPublishMicroWish(me)

export const SNAPSHOT_COLUMNS: Array<{ value: SnapshotColumn; text: string }> = [
  { value: 'positive', text: '正能量' },
  { value: 'exposure', text: '曝光台' },
]

export const WISH_CATEGORY_OPTIONS = WISH_CATEGORIES.map((value) => ({ value, text: WISH_CATEGORY_LABELS[value] }))

export interface AidStep {
  state: string
  label: string
  at: string | null
  status: 'done' | 'current' | 'todo'
}

/**
 * The item's steps along its kind's main path (AID_FLOWS[kind].timeline), with the server's times.
 * Off the path (驳回 / 撤回) the steps reached stay done and `detour` names where it ended.
 */
export function aidSteps(d: Pick<AidItemDetail, 'kind' | 'state' | 'timeline'>): { steps: AidStep[]; detour: string | null } {
  const path = AID_FLOWS[d.kind].timeline
  const at = new Map(d.timeline.map((t) => [t.state, t.at]))
  const onPath = path.indexOf(d.state)
  const reached = onPath >= 0 ? onPath : Math.max(-1, ...path.map((s, i) => (at.get(s) ? i : -1)))
  const steps = path.map((state, i) => ({
    state,
    label: AID_STATE_LABELS[state],
    at: at.get(state) ?? null,
    status: (i < reached || (i === reached && onPath < 0) || (i === reached && i === path.length - 1) ? 'done' : i === reached ? 'current' : 'todo') as AidStep['status'],
  }))
  return { steps, detour: onPath >= 0 ? null : AID_STATE_LABELS[d.state] }
}

/** Rejections ask for a reason; the flow table says which. */
export function needsReason(kind: AidItemDetail['kind'], state: AidItemDetail['state'], action: AidAction): boolean {
  return !!AID_FLOWS[kind].transitions.find((t) => t.action === action && t.from === state)?.reason
}

/** The caller's buttons, in the server's order, with their labels. */
export const actionButtons = (d: Pick<AidItemDetail, 'availableActions'>) => d.availableActions.map((action) => ({ action, text: AID_ACTION_LABELS[action] }))

export interface AidDraft {
  title: string
  content: string
  category: WishCategory | ''
  images: AidImage[]
  column: SnapshotColumn
  /** 拍摄时间: Beijing date 'YYYY-MM-DD' and time 'HH:mm' (snapshots). */
  takenDate: string
  takenTime: string
  place: string
  /** 微心愿: the wisher's name and phone (shown to the claimer). */
  contactName: string
  contactPhone: string
}
export const emptyAidDraft = (column: SnapshotColumn = 'positive'): AidDraft => ({ title: '', content: '', category: '', images: [], column, takenDate: '', takenTime: '', place: '', contactName: '', contactPhone: '' })
export type AidDraftErrors = Partial<Record<'title' | 'content' | 'category' | 'images' | 'takenAt' | 'place' | 'contactName' | 'contactPhone', string>>

/** A mainland mobile (13812345678) or a landline with its area code (010-12345678, 0571 8888 8888). */
export function isContactPhone(raw: string): boolean {
  const p = raw.replace(/[\s-]/g, '')
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{9,11}$/.test(p)
}

export const CASH_REFUSED = '心愿不能是现金或转账，请填写实物或服务'

export function validateAidDraft(kind: AidItemCreateRequest['kind'], d: AidDraft, now: Date = new Date()): AidDraftErrors {
  const e: AidDraftErrors = {}
  const title = d.title.trim()
  const content = d.content.trim()
  if (!title) e.title = '请填写标题'
  else if (title.length > 100) e.title = '标题最多100个字'
  if (!content) e.content = '请填写内容'
  else if (content.length > 2000) e.content = '内容最多2000个字'
  if (kind === 'wish') {
    if (!d.category) e.category = '请选择心愿类别'
    if (mentionsCash(title) || mentionsCash(content)) e.content = CASH_REFUSED
  }
  if (kind === 'micro_wish') {
    if (mentionsCash(title) || mentionsCash(content)) e.content = CASH_REFUSED
    const name = d.contactName.trim()
    if (!name) e.contactName = '请填写心愿人姓名'
    else if (name.length > 50) e.contactName = '姓名最多50个字'
    if (!d.contactPhone.trim()) e.contactPhone = '请填写心愿人联系电话'
    else if (!isContactPhone(d.contactPhone)) e.contactPhone = '请填写正确的手机号或带区号的固定电话'
  }
  if (kind === 'snapshot') {
    if (!d.images.length) e.images = '请上传至少1张照片'
    else if (d.images.length > 9) e.images = '最多9张照片'
    const taken = fromBeijing(d.takenDate, d.takenTime || '00:00')
    if (!taken) e.takenAt = '请选择拍摄时间'
    else if (taken.getTime() > now.getTime()) e.takenAt = '拍摄时间不能晚于现在'
    if (!d.place.trim()) e.place = '请填写地点'
    else if (d.place.trim().length > 100) e.place = '地点最多100个字'
  } else if (d.images.length > 9) e.images = '最多9张图片'
  return e
}

export function toAidRequest(kind: AidItemCreateRequest['kind'], d: AidDraft): AidItemCreateRequest {
  const req: AidItemCreateRequest = { kind, title: d.title.trim(), content: d.content.trim() }
  if (d.images.length) req.images = d.images.map((i) => i.key)
  if ((kind === 'wish' || kind === 'micro_wish') && d.category) req.category = d.category
  if (kind === 'micro_wish') Object.assign(req, { contactName: d.contactName.trim(), contactPhone: d.contactPhone.replace(/[\s]/g, '') })
  if (kind === 'snapshot') Object.assign(req, { column: d.column, takenAt: fromBeijing(d.takenDate, d.takenTime || '00:00')?.toISOString(), place: d.place.trim() })
  return req
}

/** A comment line's tag: the caller's own pending comment shows 待审核. */
export const commentTag = (c: { approved: boolean }) => (c.approved ? null : '待审核')

/** The state tag's colour (bp-tag--…). */
export function stateTone(state: AidItemDetail['state']): 'red' | 'green' | 'gold' | 'grey' {
  if (state === 'done' || state === 'approved') return 'green'
  if (state === 'rejected' || state === 'withdrawn') return 'grey'
  if (state === 'open') return 'red'
  return 'gold'
}

/**
 * 通过 on a pending comment: the server shows others' pending comments only to the publisher and
 * branch admins, who may approve them; one's own pending comment just waits (待审核). Until the
 * caller is known, no 通过.
 */
export const canApproveComment = (c: { approved: boolean; memberId: number | null }, me: { memberId: number | null } | null | undefined) =>
  !!me && !c.approved && c.memberId !== me.memberId

/** 正能量 / 曝光台 (shared's SNAPSHOT_COLUMN_LABELS is exported as a type only). */
export const columnLabel = (c: SnapshotColumn) => SNAPSHOT_COLUMNS.find((o) => o.value === c)?.text ?? ''
