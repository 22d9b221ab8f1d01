/**
 * The admins' forms: a new meeting (MEET-1…MEET-5, MEET-8), the record (纪要 / 党课总结 / 整改记录,
 * with a general assembly's resolution, MEET-6), a vote, and a member's mutual ratings (MEET-12).
 * Checked before sending with the server's limits; the server's refusals map back to the fields.
 */
import {
  generalAssemblyValidity,
  MEETING_DURATIONS,
  MEETING_TYPE_RULES,
  type BranchMember,
  type EvaluationGrade,
  type EvaluationView,
  type MeetingCreateRequest,
  type MeetingDetail,
  type MeetingLocation,
  type MeetingRecordRequest,
  type MeetingType,
} from '@dangjian/shared'
import { fieldErrors } from '../../../lib/fieldErrors'
import { fromBeijing } from '../../../lib/time'
import type { RecordField } from './rules'

export const TITLE_MAX = 100
export const VENUE_MAX = 200
export const AGENDA_MAX = 2000
export const TEXT_MAX = 10000
export const RECORD_MAX = 20000
export const REASON_MAX = 200
export const VOTE_TITLE_MAX = 100
export const VOTE_OPTION_MAX = 50
export const VOTE_OPTIONS_MAX = 10
export const DEFAULT_RATIO = 80
/** MEET-8: the check-in radius around the venue (the server takes 20–5000 m). */
export const DEFAULT_RADIUS = 300

const chars = (s: string) => Array.from(s.trim()).length

export interface MeetingDraft {
  type: MeetingType | null
  title: string
  startDate: string
  startTime: string
  durationDays: number
  deadlineDate: string
  deadlineTime: string
  hostMemberId: number | null
  venue: string
  online: boolean
  /** Check-in by location: where the venue is (optional). */
  location: MeetingLocation | null
  groupId: number | null
  /** Percent, as typed. */
  ratio: string
  agenda: string
}

export type MeetingField = 'type' | 'title' | 'startsAt' | 'durationDays' | 'deadline' | 'host' | 'venue' | 'group' | 'ratio' | 'agenda' | 'location'
export type MeetingErrors = Partial<Record<MeetingField, string>>

export function emptyMeetingDraft(): MeetingDraft {
  return {
    type: null,
    title: '',
    startDate: '',
    startTime: '',
    durationDays: MEETING_DURATIONS[0],
    deadlineDate: '',
    deadlineTime: '',
    hostMemberId: null,
    venue: '',
    online: false,
    location: null,
    groupId: null,
    ratio: String(DEFAULT_RATIO),
    agenda: '',
  }
}

/** MEET-3: the host is a member of the branch committee (a committee post; 党小组组长 is not one). */
export function hostChoices(members: BranchMember[]): BranchMember[] {
  return members.filter((m) => m.posts.some((p) => p !== 'group_leader'))
}

const startsAt = (d: MeetingDraft) => (d.startDate && d.startTime ? fromBeijing(d.startDate, d.startTime) : null)
const deadline = (d: MeetingDraft) => (d.deadlineDate && d.deadlineTime ? fromBeijing(d.deadlineDate, d.deadlineTime) : null)

/** Client-side checks (the server makes the same ones); empty when the draft may be sent. */
export function validateMeeting(d: MeetingDraft, now: Date = new Date()): MeetingErrors {
  const e: MeetingErrors = {}
  if (!d.type) e.type = '请选择会议类型'
  const title = chars(d.title)
  if (!title) e.title = '请填写会议名称'
  else if (title > TITLE_MAX) e.title = `会议名称不超过 ${TITLE_MAX} 个字`
  const start = startsAt(d)
  if (!start) e.startsAt = '请选择开始日期和时间'
  else if (start.getTime() <= now.getTime()) e.startsAt = '开始时间不能早于现在'
  if (!(MEETING_DURATIONS as readonly number[]).includes(d.durationDays)) e.durationDays = '请选择会议时长'
  const until = deadline(d)
  if (!until) e.deadline = '请选择反馈截止日期和时间'
  else if (until.getTime() <= now.getTime()) e.deadline = '反馈截止时间须晚于现在'
  else if (start && until.getTime() >= start.getTime()) e.deadline = '反馈截止时间须早于会议开始时间'
  if (!d.hostMemberId) e.host = '请选择主持人'
  const venue = chars(d.venue)
  if (!venue) e.venue = d.online ? '请填写会议号或会议链接' : '请填写会议地点'
  else if (venue > VENUE_MAX) e.venue = `不超过 ${VENUE_MAX} 个字`
  if (d.type === 'group' && !d.groupId) e.group = '请选择党小组'
  if (d.type && MEETING_TYPE_RULES[d.type].ratio) {
    const n = Number(d.ratio)
    if (!/^\d+$/.test(d.ratio.trim()) || n < 1 || n > 100) e.ratio = '参会比例为 1–100 的整数'
  }
  if (chars(d.agenda) > AGENDA_MAX) e.agenda = `会议议程不超过 ${AGENDA_MAX} 个字`
  return e
}

/** The request for a draft that passed validateMeeting. */
export function toCreateRequest(orgId: number, d: MeetingDraft): MeetingCreateRequest {
  const type = d.type as MeetingType
  const req: MeetingCreateRequest = {
    orgId,
    type,
    title: d.title.trim(),
    startsAt: startsAt(d)!.toISOString(),
    durationDays: d.durationDays,
    feedbackDeadline: deadline(d)!.toISOString(),
    hostMemberId: d.hostMemberId!,
    venue: d.venue.trim(),
  }
  if (d.online) req.online = true
  else if (d.location) req.location = d.location
  if (type === 'group' && d.groupId) req.groupId = d.groupId
  if (MEETING_TYPE_RULES[type].ratio) req.requiredRatio = Number(d.ratio)
  if (d.agenda.trim()) req.agenda = d.agenda.trim()
  return req
}

const SERVER_FIELDS: Record<string, MeetingField> = {
  type: 'type',
  title: 'title',
  startsAt: 'startsAt',
  durationDays: 'durationDays',
  feedbackDeadline: 'deadline',
  hostMemberId: 'host',
  venue: 'venue',
  online: 'venue',
  location: 'location',
  groupId: 'group',
  requiredRatio: 'ratio',
  agenda: 'agenda',
}

export const meetingServerErrors = (e: unknown) => fieldErrors(e, SERVER_FIELDS)

// ---- the record ----

export const RECORD_LABELS: Record<RecordField, string> = { minutes: '会议纪要', summary: '党课总结', followup: '会后整改工作记录' }

export interface RecordDraft {
  text: string
  /** General assembly: a resolution put to the vote (optional). */
  resolution: { text: string; votesFor: string; votesAgainst: string; abstentions: string } | null
}
export type RecordErrors = Partial<Record<'text' | 'resolution', string>>

export function recordDraftFrom(detail: Pick<MeetingDetail, 'minutes' | 'summary' | 'followup' | 'resolution'>, field: RecordField): RecordDraft {
  const r = detail.resolution
  return {
    text: detail[field] ?? '',
    resolution: field === 'minutes' && r ? { text: r.text, votesFor: String(r.votesFor), votesAgainst: String(r.votesAgainst), abstentions: String(r.abstentions) } : null,
  }
}

const count = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : NaN)

export function validateRecord(field: RecordField, d: RecordDraft): RecordErrors {
  const e: RecordErrors = {}
  const n = chars(d.text)
  if (!n) e.text = `请填写${RECORD_LABELS[field]}`
  else if (n > RECORD_MAX) e.text = `${RECORD_LABELS[field]}不超过 ${RECORD_MAX} 个字`
  const r = d.resolution
  if (r) {
    if (!r.text.trim()) e.resolution = '请填写决议内容'
    else if (chars(r.text) > 500) e.resolution = '决议内容不超过 500 个字'
    else if ([r.votesFor, r.votesAgainst, r.abstentions].some((v) => Number.isNaN(count(v)))) e.resolution = '赞成、反对、弃权票数为 0 或正整数'
  }
  return e
}

/**
 * PATCH /meetings/:id/record for a draft that passed validateRecord. MEET-6: a resolution passes
 * with the votes of more than half of the full members who should attend, and a quorum.
 */
export function toRecordRequest(field: RecordField, d: RecordDraft, quorum: MeetingDetail['quorum']): MeetingRecordRequest {
  const req: MeetingRecordRequest = { [field]: d.text.trim() }
  if (field === 'minutes' && d.resolution) {
    const votesFor = count(d.resolution.votesFor)
    const passed = quorum ? generalAssemblyValidity({ fullMembers: quorum.fullMembers, fullPresent: quorum.fullPresent, votesFor }).passed === true : false
    req.resolution = { text: d.resolution.text.trim(), votesFor, votesAgainst: count(d.resolution.votesAgainst), abstentions: count(d.resolution.abstentions), passed }
  }
  return req
}

// ---- votes ----

export interface VoteDraft {
  title: string
  /** One option per line. */
  options: string
}

export function voteOptions(d: VoteDraft): string[] {
  return d.options.split(/\n/).map((o) => o.trim()).filter(Boolean)
}

export function validateVote(d: VoteDraft): string | null {
  const title = chars(d.title)
  if (!title) return '请填写表决事项'
  if (title > VOTE_TITLE_MAX) return `表决事项不超过 ${VOTE_TITLE_MAX} 个字`
  const options = voteOptions(d)
  if (options.length < 2) return '至少填写两个选项（每行一个）'
  if (options.length > VOTE_OPTIONS_MAX) return `最多 ${VOTE_OPTIONS_MAX} 个选项`
  if (options.some((o) => chars(o) > VOTE_OPTION_MAX)) return `每个选项不超过 ${VOTE_OPTION_MAX} 个字`
  if (new Set(options).size !== options.length) return '选项不能重复'
  return null
}

// ---- mutual evaluation (MEET-12) ----

/** Whom the caller rates: the full members other than the caller (probationary members are not graded). */
export function mutualTargets(view: EvaluationView, myMemberId: number | null): EvaluationView['members'] {
  return view.members.filter((m) => !m.probationary && m.memberId !== myMemberId)
}

export function validateMutual(targets: EvaluationView['members'], ratings: Record<number, EvaluationGrade | undefined>): string | null {
  const missing = targets.filter((t) => !ratings[t.memberId])
  if (missing.length) return `还有 ${missing.length} 人未评定等次：${missing.slice(0, 3).map((m) => m.name).join('、')}${missing.length > 3 ? '等' : ''}`
  return null
}
