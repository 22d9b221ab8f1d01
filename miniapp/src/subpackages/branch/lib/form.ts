/**
 * The post form's rules, drawn from the space's rule (BRANCH_SPACES): what is asked, the checks
 * before sending (the server makes the same ones), the request, and the server's errors by field.
 */
import {
  BRANCH_CONTENT_MAX,
  BRANCH_SPACES,
  BRANCH_TITLE_MAX,
  publicityPeriodOk,
  type BranchImage,
  type BranchKind,
  type BranchPostCreateRequest,
  type BranchPostDetail,
  type BranchPostUpdateRequest,
} from '@dangjian/shared'
import { fieldErrors } from '../../../lib/fieldErrors'
import { beijingClock, beijingDay, fromBeijing } from '../../../lib/time'

export interface PostDraft {
  title: string
  content: string
  images: BranchImage[]
  /** org_life: when it was held (Beijing date and time). */
  heldDate: string
  heldTime: string
  /** publicity: first and last day (Beijing), and the scope (null = the whole branch). */
  startDate: string
  endDate: string
  scopeOrgId: number | null
  /** topic: optional closing date and time. */
  closesDate: string
  closesTime: string
}

export type DraftField = 'title' | 'content' | 'images' | 'heldAt' | 'period' | 'closesAt'
export type DraftErrors = Partial<Record<DraftField, string>>

export function emptyDraft(): PostDraft {
  return { title: '', content: '', images: [], heldDate: '', heldTime: '', startDate: '', endDate: '', scopeOrgId: null, closesDate: '', closesTime: '' }
}

/**
 * The form of an existing post (edit mode): its fields as the pickers show them (Beijing wall
 * clock). A publicity for the whole branch (scopeOrgId = the branch) reads as scope null.
 */
export function draftFromPost(post: BranchPostDetail, branchId: number): PostDraft {
  const day = (iso: string | null) => (iso ? beijingDay(new Date(iso)) : '')
  const clock = (iso: string | null) => (iso ? beijingClock(new Date(iso)) : '')
  return {
    title: post.title ?? '',
    content: post.content,
    images: post.images,
    heldDate: day(post.heldAt),
    heldTime: clock(post.heldAt),
    startDate: day(post.startsAt),
    endDate: day(post.endsAt),
    scopeOrgId: post.scopeOrgId === null || post.scopeOrgId === branchId ? null : post.scopeOrgId,
    closesDate: day(post.closesAt),
    closesTime: clock(post.closesAt),
  }
}

/** A publicity period runs from the first day's start to the last day's end (Beijing). */
function period(draft: PostDraft): { startsAt: Date | null; endsAt: Date | null } {
  return { startsAt: fromBeijing(draft.startDate), endsAt: fromBeijing(draft.endDate, '23:59:59') }
}

const heldAt = (d: PostDraft) => (d.heldDate ? fromBeijing(d.heldDate, d.heldTime || '00:00') : null)
const closesAt = (d: PostDraft) => (d.closesDate ? fromBeijing(d.closesDate, d.closesTime || '23:59') : null)

/**
 * Client-side checks; an empty object means the draft may be sent. Editing (`original` given), a
 * closing time left as it was is not checked again (a closed topic keeps its past one).
 */
export function validateDraft(kind: BranchKind, draft: PostDraft, now: Date = new Date(), original?: PostDraft): DraftErrors {
  const rule = BRANCH_SPACES[kind]
  const errors: DraftErrors = {}
  const title = draft.title.trim()
  if (rule.title === 'required') {
    if (!title) errors.title = '请填写标题'
    else if (Array.from(title).length > BRANCH_TITLE_MAX) errors.title = `标题不超过 ${BRANCH_TITLE_MAX} 个字`
  }
  const content = draft.content.trim()
  if (!content) errors.content = '请填写内容'
  else if (Array.from(content).length > BRANCH_CONTENT_MAX) errors.content = `内容不超过 ${BRANCH_CONTENT_MAX} 个字`
  if (draft.images.length < rule.minImages) errors.images = `请至少上传 ${rule.minImages} 张图片`
  else if (draft.images.length > rule.maxImages) errors.images = `最多上传 ${rule.maxImages} 张图片`
  if (rule.heldAt) {
    const at = heldAt(draft)
    if (!at) errors.heldAt = '请选择召开时间'
    else if (at.getTime() > now.getTime()) errors.heldAt = '召开时间不能晚于现在'
  }
  if (rule.period) {
    const { startsAt, endsAt } = period(draft)
    if (!startsAt || !endsAt) errors.period = '请选择公示的开始和结束日期'
    else if (endsAt.getTime() <= startsAt.getTime()) errors.period = '结束日期不能早于开始日期'
    else if (!publicityPeriodOk(startsAt, endsAt)) errors.period = '公示期最长一个月'
  }
  const closesKept = original && original.closesDate === draft.closesDate && original.closesTime === draft.closesTime
  if (rule.closesAt && !closesKept) {
    const at = closesAt(draft)
    if (at && at.getTime() <= now.getTime()) errors.closesAt = '截止时间须晚于现在'
  }
  return errors
}

/** The request for a draft that passed validateDraft: only the fields the space has. */
export function toCreateRequest(kind: BranchKind, draft: PostDraft): BranchPostCreateRequest {
  const rule = BRANCH_SPACES[kind]
  const req: BranchPostCreateRequest = { kind, content: draft.content.trim() }
  if (rule.title === 'required') req.title = draft.title.trim()
  if (draft.images.length) req.images = draft.images.map((i) => i.key)
  if (rule.heldAt) req.heldAt = heldAt(draft)?.toISOString()
  if (rule.period) {
    const { startsAt, endsAt } = period(draft)
    req.startsAt = startsAt?.toISOString()
    req.endsAt = endsAt?.toISOString()
    if (draft.scopeOrgId !== null) req.scopeOrgId = draft.scopeOrgId
  }
  if (rule.closesAt) {
    const at = closesAt(draft)
    if (at) req.closesAt = at.toISOString()
  }
  return req
}

/**
 * PATCH /branch/posts/:id for an edit: only the fields that differ between the post as it was
 * (`original`, from draftFromPost) and the draft, both read through toCreateRequest so unchanged
 * times compare alike. A cleared closing time is sent as null (no end); a publicity scope set back
 * to the whole branch as the branch's id. Empty when nothing changed.
 */
export function changedFields(kind: BranchKind, original: PostDraft, draft: PostDraft, branchId: number): BranchPostUpdateRequest {
  const before = toCreateRequest(kind, original)
  const after = toCreateRequest(kind, draft)
  const fallback: Partial<Record<keyof BranchPostCreateRequest, unknown>> = { images: [], closesAt: null, scopeOrgId: branchId }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof BranchPostCreateRequest>)
  const patch: Record<string, unknown> = {}
  keys.forEach((key) => {
    if (key === 'kind' || key === 'orgId') return
    const was = before[key] ?? fallback[key]
    const now = after[key] ?? fallback[key]
    if (JSON.stringify(was) !== JSON.stringify(now)) patch[key] = now
  })
  return patch as BranchPostUpdateRequest
}

const SERVER_FIELDS: Record<string, DraftField> = {
  title: 'title',
  content: 'content',
  images: 'images',
  heldAt: 'heldAt',
  startsAt: 'period',
  endsAt: 'period',
  scopeOrgId: 'period',
  closesAt: 'closesAt',
}

/** A refused post: the server's field details beside their fields, anything else as one message. */
export function serverErrors(e: unknown): { fields: DraftErrors; message: string | null } {
  return fieldErrors(e, SERVER_FIELDS)
}
