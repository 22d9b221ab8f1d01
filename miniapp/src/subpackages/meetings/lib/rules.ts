/**
 * What a meeting shows and allows, from the shared flow table (MEETING_TYPE_RULES): the list's
 * tabs and tags, the timeline's steps, whether feedback / check-in / outlines are open now, and
 * what each admin action needs before it is sent.
 */
import {
  MEETING_PHASE_LABELS,
  MEETING_STATE_LABELS,
  MEETING_TYPE_RULES,
  memberMayGiveFeedback,
  memberMayUploadOutline,
  type MeetingAction,
  type MeetingDetail,
  type MeetingPhase,
  type MeetingState,
  type MeetingSummary,
} from '@dangjian/shared'
import { formatDateTime } from '../../../lib/time'

export type TagTone = 'red' | 'gold' | 'green' | 'grey'
export interface Tag {
  text: string
  tone: TagTone
}

export const PHASES: MeetingPhase[] = ['upcoming', 'ongoing', 'ended']
export const PHASE_TABS = PHASES.map((value) => ({ value, text: MEETING_PHASE_LABELS[value] }))

export function isPhase(v: unknown): v is MeetingPhase {
  return typeof v === 'string' && (PHASES as string[]).includes(v)
}

/** MEET-2: 半天, 1 天, 1.5 天… */
export function durationLabel(days: number): string {
  return days === 0.5 ? '半天' : `${days} 天`
}

/** The caller's answer: 参加 / 请假 / 待反馈 (while feedback is open) — nothing when not invited. */
export function feedbackTag(m: Pick<MeetingSummary, 'myFeedback' | 'state'>): Tag | null {
  if (m.myFeedback === 'attend') return { text: '参加', tone: 'green' }
  if (m.myFeedback === 'leave') return { text: '请假', tone: 'gold' }
  if (m.myFeedback === null && memberMayGiveFeedback(m.state)) return { text: '待反馈', tone: 'red' }
  if (m.myFeedback === null) return { text: '未反馈', tone: 'grey' }
  return null
}

/** The state as a tag: 进行中 red, finished grey, returned ones gold, the rest gold. */
export function stateTag(state: MeetingState): Tag {
  if (state === 'held') return { text: MEETING_STATE_LABELS[state], tone: 'red' }
  if (state === 'done' || state === 'closed') return { text: MEETING_STATE_LABELS[state], tone: 'grey' }
  return { text: MEETING_STATE_LABELS[state], tone: 'gold' }
}

/** 地点: the venue, or 线上会议 (MEET-8) with the venue text as its room / link. */
export function placeText(m: Pick<MeetingSummary, 'venue' | 'online'>): string {
  if (m.online) return m.venue ? `线上会议 · ${m.venue}` : '线上会议'
  return m.venue
}

export interface Step {
  state: MeetingState
  label: string
  status: 'done' | 'current' | 'todo'
  at: string | null
}

/**
 * The timeline's steps: done up to the current one, then to do. A state off the main path (材料被退回,
 * 被上级退回) marks the step it returned from as current, and `detour` names it.
 */
export function timelineSteps(detail: Pick<MeetingDetail, 'timeline' | 'state' | 'type'>): { steps: Step[]; detour: string | null } {
  const timeline = detail.timeline.length ? detail.timeline : MEETING_TYPE_RULES[detail.type].timeline.map((state) => ({ state, at: null, current: state === detail.state }))
  const onPath = timeline.some((s) => s.state === detail.state)
  // Returned (材料被退回, 被上级退回): the step it came back from is the one to redo.
  const redo = onPath ? detail.state : MEETING_TYPE_RULES[detail.type].transitions.find((t) => t.from === detail.state)?.to
  let current = timeline.findIndex((s) => s.current)
  if (current < 0) current = timeline.findIndex((s) => s.state === redo)
  const detour = onPath ? null : MEETING_STATE_LABELS[detail.state]
  const steps = timeline.map((s, i): Step => ({
    state: s.state,
    label: MEETING_STATE_LABELS[s.state],
    status: current < 0 ? (s.at ? 'done' : 'todo') : i < current ? 'done' : i === current ? 'current' : 'todo',
    at: s.at,
  }))
  return { steps, detour }
}

export type FeedbackWindow = { open: true; deadline: string } | { open: false; why: string | null }

/** MEET-4: members answer while notified and before the deadline. */
export function feedbackWindow(detail: Pick<MeetingDetail, 'invited' | 'state' | 'feedbackDeadline'>, now: Date = new Date()): FeedbackWindow {
  if (!detail.invited) return { open: false, why: null }
  if (!memberMayGiveFeedback(detail.state)) return { open: false, why: null }
  if (now.getTime() >= new Date(detail.feedbackDeadline).getTime()) return { open: false, why: `反馈已于 ${formatDateTime(detail.feedbackDeadline)} 截止` }
  return { open: true, deadline: detail.feedbackDeadline }
}

/** Check-in (MEET-8) for an invited member who has not checked in while the admins keep it open. */
export function checkinWays(detail: Pick<MeetingDetail, 'invited' | 'checkinOpen' | 'myCheckedInAt' | 'location' | 'online'>): { scan: boolean; location: boolean } | null {
  if (!detail.invited || !detail.checkinOpen || detail.myCheckedInAt) return null
  return { scan: true, location: !!detail.location && !detail.online }
}

export function outlineOpen(detail: Pick<MeetingDetail, 'invited' | 'type' | 'state'>): boolean {
  return detail.invited && memberMayUploadOutline(detail.type, detail.state)
}

/** MEET-12: evaluation exists for the life-and-review meeting once it was held. */
const EVALUATION_STATES: MeetingState[] = ['held', 'recorded', 'evaluated', 'submitted', 'rejected', 'done', 'closed']
export function evaluationAvailable(detail: Pick<MeetingDetail, 'type' | 'state'>): boolean {
  return detail.type === 'life_and_review' && EVALUATION_STATES.includes(detail.state)
}

/** Votes are cast during the meeting; their results stay visible afterwards. */
export function votesVisible(detail: Pick<MeetingDetail, 'state' | 'phase'>): boolean {
  return detail.phase !== 'upcoming'
}

/** Check-in can be opened before the start (members arrive early) and while it is held. */
export function checkinSwitchable(detail: Pick<MeetingDetail, 'state'>): boolean {
  return detail.state === 'notified' || detail.state === 'held'
}

/**
 * How an admin takes an action: `invitees` opens the invitee picker, `record` the record form
 * (the field it fills), `reason` asks for one, `confirm` just confirms.
 */
export type ActionKind = { kind: 'invitees' } | { kind: 'record'; field: RecordField } | { kind: 'reason' } | { kind: 'confirm' }
export type RecordField = 'minutes' | 'summary' | 'followup'

const RECORD_ACTIONS: Partial<Record<MeetingAction, RecordField>> = { record: 'minutes', summarize: 'summary', record_followup: 'followup' }

export function actionKind(detail: Pick<MeetingDetail, 'type' | 'state'>, action: MeetingAction): ActionKind {
  const field = RECORD_ACTIONS[action]
  if (field) return { kind: 'record', field }
  const tr = MEETING_TYPE_RULES[detail.type].transitions.find((t) => t.action === action && t.from === detail.state)
  if (tr?.requires.includes('invitees')) return { kind: 'invitees' }
  if (tr?.requires.includes('reason')) return { kind: 'reason' }
  return { kind: 'confirm' }
}

/** Admins' counts of the invitees' answers. */
export function feedbackCounts(invitees: NonNullable<MeetingDetail['invitees']>): { attend: number; leave: number; none: number; present: number } {
  return {
    attend: invitees.filter((i) => i.feedback === 'attend').length,
    leave: invitees.filter((i) => i.feedback === 'leave').length,
    none: invitees.filter((i) => i.feedback === null).length,
    present: invitees.filter((i) => i.present || i.checkedInAt).length,
  }
}

/** A vote's results as shares of the ballots, whole percent. */
export function voteShares(results: number[]): number[] {
  const total = results.reduce((a, b) => a + b, 0)
  return results.map((n) => (total ? Math.round((n * 100) / total) : 0))
}

/** MEET-11's period keys as words: 2026-11 → 2026年11月, 2026-Q4 → 2026年第四季度, 2026 → 2026年度. */
export function periodLabel(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key)
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`
  const m = /^(\d{4})-(\d{2})$/.exec(key)
  if (m) return `${m[1]}年${Number(m[2])}月`
  return /^\d{4}$/.test(key) ? `${key}年度` : key
}
